// The ranking, against a plain reference: every entry parsed whole, every candidate made a result and sorted.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { consider, rankHits, type Candidate, type ConceptHit } from '../../../lib/db/search-rank';
import { parseNameEntry } from '../../../lib/db/search-keys';
import type { ConceptCard } from '../../../lib/db/schema';

const RANK = { exact: 0, prefix: 1, word: 2 } as const;

function reference(entries: [key: string, item: string][], q: string, cards: Map<string, ConceptCard>, limit: number): ConceptHit[] {
  const best = new Map<string, Candidate>();
  for (const [key, item] of entries) {
    const e = parseNameEntry(item);
    const match = e.wordStart ? 'word' : key === q ? 'exact' : 'prefix';
    const had = best.get(e.conceptId);
    if (!had || RANK[match] < RANK[had.match]) best.set(e.conceptId, { id: e.conceptId, form: e.form, match });
  }
  const hits: ConceptHit[] = [];
  for (const { id, form, match } of best.values()) {
    const card = cards.get(id);
    if (card) hits.push({ id, name: card.name, category: card.category, summaryCount: card.summaryCount, matched: form || card.name, match });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return hits
    .sort((a, b) => RANK[a.match] - RANK[b.match] || b.summaryCount - a.summaryCount || a.matched.length - b.matched.length || cmp(a.name, b.name) || cmp(a.id, b.id))
    .slice(0, Math.max(0, limit));
}

test('the best results, in the same order as sorting every candidate (ties included)', () => {
  const id = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H');
  const entry = fc.record({ id, form: fc.constantFrom('', 'ab', 'abc', 'x y'), wordStart: fc.boolean(), key: fc.constantFrom('ab', 'abc', 'abd') });
  const card = fc.record({ name: fc.constantFrom('Ab', 'Abc', 'Ab c'), summaryCount: fc.integer({ min: 0, max: 3 }) });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 40 }), fc.dictionary(id, card), fc.integer({ min: 0, max: 10 }), (list, cardList, limit) => {
      const entries = list.map((e) => [e.key, `${e.id}\t${e.form}\t${e.wordStart ? 1 : 0}`] as [string, string]);
      const cards = new Map(Object.entries(cardList).map(([k, c]) => [k, { ...c, category: 'disease' as const }]));
      const best = new Map<string, Candidate>();
      for (const [key, item] of entries) consider(best, key, item, 'ab');
      expect(rankHits(best, (x) => cards.get(x), limit)).toEqual(reference(entries, 'ab', cards, limit));
    }),
    { numRuns: 2000 },
  );
});
