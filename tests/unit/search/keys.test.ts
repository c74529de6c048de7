import { expect, test } from 'vitest';
import { cardFor, MAX_NAME_LINES, nameLinesFor, nextPrefix, parseCard, searchKey } from '../../../lib/search/keys';
import { validateRecord } from '../../../lib/dataset/validate';
import type { Concept } from '../../../lib/dataset/types';

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

test("a concept's index lines are capped: a valid record of long synonyms makes a few times its size, not hundreds", () => {
  const base = { id: 'X:1', name: 'Zzyzx', category: 'other' as const, abbreviations: [], treeNumbers: [], summaryCount: 0 };
  // 500 synonyms of 150 one-letter words (the format's limits): 34 M characters of index before the caps.
  const words = (s: number) => Array.from({ length: 150 }, (_, w) => String.fromCharCode(97 + ((s * 7 + w * w) % 26))).join(' ').slice(0, 299);
  const huge = validateRecord('concepts', { ...base, synonyms: Array.from({ length: 500 }, (_, s) => words(s)) }, 'r') as Concept;
  const lines = nameLinesFor(huge);
  expect(lines.length).toBeLessThanOrEqual(MAX_NAME_LINES);
  expect(lines.reduce((n, l) => n + l.length, 0)).toBeLessThan(4 * JSON.stringify(huge).length);
  // Every name keeps its full key.
  const keys = new Set(lines.map((l) => l.slice(0, l.indexOf('\0'))));
  for (const s of huge.synonyms) expect(keys.has(searchKey(s))).toBe(true);
  // A name as long as the longest published (20 words) is found from each of its words.
  const long = Array.from({ length: 20 }, (_, w) => `word${w}`).join(' ');
  const found = nameLinesFor({ ...base, synonyms: [long] }).map((l) => l.slice(0, l.indexOf('\0')));
  for (let w = 0; w < 20; w++) expect(found.some((k) => k.startsWith(`word${w} `) || k === `word${w}`)).toBe(true);
});
