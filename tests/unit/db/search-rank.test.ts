// The ranking, against a plain reference: every entry parsed whole, every candidate made a result and sorted.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { consider, NameIndexReader, rankHits, type Candidate, type ConceptHit } from '../../../lib/db/search-rank';
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

test('the index in memory answers as ranking its considered entries does, search after search', () => {
  const id = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J');
  const entry = fc.record({ id, form: fc.constantFrom('', 'ab', 'abc', 'x y'), wordStart: fc.boolean(), key: fc.constantFrom('a', 'ab', 'abc', 'abd', 'b', 'ba') });
  const card = fc.record({ name: fc.constantFrom('Ab', 'Abc', 'Ab c'), summaryCount: fc.integer({ min: 0, max: 3 }) });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 60 }), fc.dictionary(id, card), fc.array(fc.constantFrom('a', 'ab', 'abc', 'b', 'x'), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 10 }), (list, cardList, queries, limit) => {
      // The index is sorted by key, as it is stored.
      const entries = list
        .map((e) => [e.key, `${e.id}\t${e.form}\t${e.wordStart ? 1 : 0}`] as [string, string])
        .sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
      const cards = new Map(Object.entries(cardList).map(([k, c]) => [k, { ...c, category: 'disease' as const }]));
      const reader = new NameIndexReader();
      for (const [key, item] of entries) reader.add(key, item);
      const index = reader.done();
      // Several searches of one index: what one search noted per concept must not leak into the next.
      for (const q of queries) {
        const under = entries.map(([key], i) => [key, i] as const).filter(([key]) => key.startsWith(q));
        const [start, end] = under.length ? [under[0][1], under[under.length - 1][1] + 1] : [0, 0];
        const best = new Map<string, Candidate>();
        for (const [key, item] of entries.slice(start, end)) consider(best, key, item, q);
        expect(index.search(q, start, end, (x) => cards.get(x), limit), q).toEqual(rankHits(best, (x) => cards.get(x), limit));
      }
    }),
    { numRuns: 2000 },
  );
});
