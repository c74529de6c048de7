import { expect, test } from 'vitest';
import { cardFor, nextPrefix, parseCard, searchKey } from '../../../lib/db/search-keys';

test('search keys fold case, accents, apostrophes and punctuation', () => {
  expect(searchKey("Crohn's Disease")).toBe('crohns disease');
  expect(searchKey('Sjögren–Larsson')).toBe('sjogren larsson');
  expect(searchKey('  X-ray  ')).toBe('x ray');
});

test('the prefix a query leaves for the next character keeps a space the key folded away', () => {
  expect(nextPrefix('bre')).toBe('bre');
  expect(nextPrefix('Breast ')).toBe('breast ');
  expect(nextPrefix('non-')).toBe('non ');
  expect(nextPrefix('Crohn’')).toBe('crohn ');
  expect(nextPrefix('   ')).toBe('');
  expect(nextPrefix('')).toBe('');
});

test("a concept's card keeps its clinical name, and a card written before clinical names still reads", () => {
  const base = { id: 'M:1', category: 'disease' as const, synonyms: [], abbreviations: [], treeNumbers: [], summaryCount: 22 };
  expect(parseCard(cardFor({ ...base, name: 'Heart attack', clinicalName: 'Myocardial infarction' }))).toEqual({
    name: 'Heart attack',
    clinicalName: 'Myocardial infarction',
    category: 'disease',
    summaryCount: 22,
  });
  expect(parseCard(cardFor({ ...base, name: 'Asthma' }))).toEqual({ name: 'Asthma', category: 'disease', summaryCount: 22 });
  expect(parseCard('Asthma\tdisease\t3')).toEqual({ name: 'Asthma', category: 'disease', summaryCount: 3 });
});
