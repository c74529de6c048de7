// Misspelled searches: the names one edit away.
import { expect, test } from 'vitest';
import type { ConceptHit } from '../../../lib/db/search-rank';
import { oneEditAway, searchSpellings } from '../../../lib/db/search-spelling';

test('one edit away: a letter left out, added, changed, or two swapped; never the query itself', () => {
  const near = oneEditAway('astma');
  for (const key of ['asthma', 'asma', 'atsma', 'asrma']) expect(near).toContain(key);
  expect(near).not.toContain('astma');
  expect(near).not.toContain('asthmaa'); // two edits
  expect(new Set(near).size).toBe(near.length);
  expect(near.every((k) => k.trim() === k)).toBe(true); // no leading or trailing space
});

test('the names of every near key, a whole name first, then by evidence; short queries are not guessed at', () => {
  const hit = (id: string, name: string, summaryCount: number, match: ConceptHit['match']): ConceptHit => ({ id, name, category: 'disease', summaryCount, matched: name, match });
  const index: Record<string, ConceptHit[]> = {
    asthma: [hit('A', 'Asthma', 14, 'exact'), hit('C', 'Asthma in children', 1, 'prefix')],
    asma: [hit('B', 'Asmara fever', 30, 'prefix')],
  };
  const found = searchSpellings('astma', (k) => index[k] ?? [], 10);
  expect(found.map((h) => h.id)).toEqual(['A', 'B', 'C']);
  expect(searchSpellings('astma', (k) => index[k] ?? [], 1).map((h) => h.id)).toEqual(['A']);
  expect(searchSpellings('ast', () => [hit('A', 'Asthma', 14, 'prefix')], 10)).toEqual([]);
});
