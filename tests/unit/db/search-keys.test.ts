import { expect, test } from 'vitest';
import { nextPrefix, searchKey } from '../../../lib/db/search-keys';

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
