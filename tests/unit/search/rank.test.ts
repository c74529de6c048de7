// The ranking, against a plain reference: every entry parsed whole, every candidate made a result and sorted.
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { consider, NameIndexReader, rankHits, type Candidate, type ConceptHit } from '../../../lib/search/rank';
import { nameLinesFor, parseNameEntry } from '../../../lib/search/keys';
import type { Concept } from '../../../lib/dataset/types';
import type { ConceptCard } from '../../../lib/search/keys';

/**
 * The whole name; a word typed whole (three letters or more); the concept's name starting in a word; another of
 * its names doing so; a later word's start.
 */
function rankOf(key: string, q: string, wordStart: boolean, ownName: boolean): number {
  // A plural ending is typed with the word ("brain tumor" for "Brain tumors").
  // "es" only after s, x, z, ch and sh ("viruses"): "hiv" is no singular of "hives".
  const es = /(?:[sxz]|[cs]h)$/.test(q) ? /^(?:s|es)(?= |$)/ : /^s(?= |$)/;
  const rest = q.length >= 3 ? key.slice(q.length).replace(es, '') : key.slice(q.length);
  if (!wordStart && rest === '') return 0;
  if (q.length >= 3 && (rest === '' || rest.startsWith(' '))) return 1;
  return wordStart ? 4 : ownName ? 2 : 3;
}
const matchOf = (rank: number, wordStart: boolean) => (rank === 0 ? 'exact' : wordStart ? 'word' : 'prefix');

function reference(entries: [key: string, item: string][], q: string, cards: Map<string, ConceptCard>, limit: number): ConceptHit[] {
  const best = new Map<string, Candidate & { key: string }>();
  for (const [key, item] of entries) {
    const e = parseNameEntry(item);
    const rank = rankOf(key, q, e.wordStart, e.ownName);
    const had = best.get(e.conceptId);
    // Of two entries that match as well, the concept's own name (an entry with no form, or its clinical name) is shown.
    if (!had || rank < had.rank || (rank === had.rank && had.form !== '' && e.ownName)) {
      best.set(e.conceptId, { id: e.conceptId, form: e.form, match: matchOf(rank, e.wordStart), rank, key });
    }
  }
  const hits: (ConceptHit & { rank: number })[] = [];
  for (const { id, form, match, rank, key } of best.values()) {
    const card = cards.get(id);
    // A word typed whole that the key continues only with a number, for a concept without evidence, ranks as a later word.
    const numbered = new RegExp(`^${q} [0-9]+[a-z]?$`).test(key) && card?.summaryCount === 0;
    if (card) hits.push({ id, name: card.name, category: card.category, summaryCount: card.summaryCount, matched: form || card.name, match, rank: rank === 1 && numbered ? 4 : rank });
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return hits
    .sort((a, b) => a.rank - b.rank || b.summaryCount - a.summaryCount || a.matched.length - b.matched.length || cmp(a.name, b.name) || cmp(a.id, b.id))
    .slice(0, Math.max(0, limit))
    .map(({ rank, ...hit }) => hit);
}

test('a word typed whole means that word: "Blood sugar" before "Sugarman syndrome"; the name before a synonym', () => {
  const entries: [string, string][] = [
    ['sugar', 'B\t\t1'], // "Blood sugar", from its second word
    ['sugarman syndrome', 'S\tSugarman syndrome\t0'],
    ['sugar pills', 'P\t\t0'],
  ];
  const cards = new Map<string, ConceptCard>([
    ['B', { name: 'Blood sugar', category: 'other', summaryCount: 2 }],
    ['S', { name: 'Orofaciodigital syndrome III', category: 'disease', summaryCount: 3 }],
    ['P', { name: 'Sugar pills', category: 'drug', summaryCount: 0 }],
  ]);
  const best = new Map<string, Candidate>();
  for (const [key, item] of entries) consider(best, key, item, 'sugar');
  // The two whole-word matches by their evidence, then the one within a word.
  expect(rankHits(best, (x) => cards.get(x), 10).map((h) => h.name)).toEqual(['Blood sugar', 'Sugar pills', 'Orofaciodigital syndrome III']);
  // "alzheimers": the concept's name and a synonym both match whole; the name is shown.
  const named = new Map<string, Candidate>();
  consider(named, 'alzheimers caregivers', "A\tAlzheimer's Caregivers\t0", 'alzheimers');
  consider(named, 'alzheimers disease', 'A\t\t0', 'alzheimers');
  expect(rankHits(named, () => ({ name: "Alzheimer's disease", category: 'disease', summaryCount: 9 }), 10)[0].matched).toBe("Alzheimer's disease");
  // "brain tumor" is the name "Brain tumors" (its singular is no synonym), before names that hold the words later.
  const tumours = new Map<string, Candidate>();
  consider(tumours, 'brain tumor posterior fossa', 'R	BRAIN TUMOR, POSTERIOR FOSSA	0', 'brain tumor');
  consider(tumours, 'brain tumors', 'B		0', 'brain tumor');
  consider(tumours, 'brain tumor', 'G		1', 'brain tumor');
  const tumourCards = new Map<string, ConceptCard>([
    ['R', { name: 'Rhabdoid tumor', category: 'disease', summaryCount: 0 }],
    ['B', { name: 'Brain tumors', category: 'disease', summaryCount: 4 }],
    ['G', { name: 'Childhood germ cell brain tumor', category: 'disease', summaryCount: 0 }],
  ]);
  expect(rankHits(tumours, (x) => tumourCards.get(x), 10)[0]).toMatchObject({ name: 'Brain tumors', match: 'exact' });
});

test('"hiv" is HIV, not the singular of "hives"; "virus" is the singular of "viruses"', () => {
  const best = new Map<string, Candidate>();
  consider(best, 'hives', 'H\t\t0', 'hiv');
  consider(best, 'hiv', 'V\t\t0', 'hiv');
  const cards = new Map<string, ConceptCard>([
    ['H', { name: 'Hives', category: 'disease', summaryCount: 4 }],
    ['V', { name: 'HIV', category: 'other', summaryCount: 2 }],
  ]);
  expect(rankHits(best, (x) => cards.get(x), 2).map((h) => [h.name, h.match])).toEqual([['HIV', 'exact'], ['Hives', 'prefix']]);
  const viruses = new Map<string, Candidate>();
  consider(viruses, 'viruses', 'V\t\t0', 'virus');
  expect(rankHits(viruses, () => ({ name: 'Viruses', category: 'other', summaryCount: 0 }), 1)[0].match).toBe('exact');
});

test('the name clinicians use ranks as the name: "hypert" finds Hypertension (named High blood pressure) before rarer names', () => {
  const concept = (id: string, name: string, summaryCount: number, extra: Partial<Concept> = {}): Concept => ({
    id, name, category: 'disease', synonyms: [], abbreviations: [], treeNumbers: [], summaryCount, ...extra,
  });
  const concepts = [
    concept('H', 'High blood pressure', 20, { synonyms: ['Hypertension'], clinicalName: 'Hypertension' }),
    concept('T', 'Hypertrophy', 2),
    concept('Y', 'Hyperthyroidism', 1),
    concept('S', 'Hypertension and brachydactyly syndrome', 0),
  ];
  const cards = new Map<string, ConceptCard>(concepts.map((c) => [c.id, { name: c.name, category: c.category, summaryCount: c.summaryCount }]));
  const search = (q: string, limit: number) => {
    const best = new Map<string, Candidate>();
    for (const line of concepts.flatMap(nameLinesFor)) {
      const [key, item] = line.split('\0');
      if (key.startsWith(q)) consider(best, key, item, q);
    }
    return rankHits(best, (x) => cards.get(x), limit);
  };
  expect(search('hypert', 2).map((h) => [h.id, h.matched])).toEqual([['H', 'Hypertension'], ['T', 'Hypertrophy']]);
  expect(search('hypertensio', 1)[0].id).toBe('H');
  // Another synonym of the concept still ranks as one: "high" is no clinical name.
  expect(parseNameEntry(nameLinesFor(concepts[0]).find((l) => l.startsWith('hypertension\0'))!.split('\0')[1]).ownName).toBe(true);
});

test('the best results, in the same order as sorting every candidate (ties included)', () => {
  const id = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H');
  const entry = fc.record({ id, form: fc.constantFrom('', 'ab', 'abc', 'x y'), wordStart: fc.boolean(), clinical: fc.boolean(), key: fc.constantFrom('ab', 'abc', 'abd', 'ab c', 'ab 2', 'abc 12') });
  const card = fc.record({ name: fc.constantFrom('Ab', 'Abc', 'Ab c'), summaryCount: fc.integer({ min: 0, max: 3 }) });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 40 }), fc.dictionary(id, card), fc.integer({ min: 0, max: 10 }), (list, cardList, limit) => {
      const entries = list.map((e) => [e.key, `${e.id}\t${e.form}\t${(e.wordStart ? 1 : 0) + (e.clinical && e.form ? 2 : 0)}`] as [string, string]);
      const cards = new Map(Object.entries(cardList).map(([k, c]) => [k, { ...c, category: 'disease' as const }]));
      for (const q of ['ab', 'abc']) {
        const under = entries.filter(([key]) => key.startsWith(q));
        const best = new Map<string, Candidate>();
        for (const [key, item] of under) consider(best, key, item, q);
        expect(rankHits(best, (x) => cards.get(x), limit)).toEqual(reference(under, q, cards, limit));
      }
    }),
    { numRuns: 2000 },
  );
});

test('the index in memory answers as ranking its considered entries does, search after search', () => {
  const id = fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J');
  const entry = fc.record({ id, form: fc.constantFrom('', 'ab', 'abc', 'x y'), wordStart: fc.boolean(), clinical: fc.boolean(), key: fc.constantFrom('a', 'ab', 'abc', 'abd', 'ab c', 'ab 2', 'abc 12', 'b', 'ba') });
  const card = fc.record({ name: fc.constantFrom('Ab', 'Abc', 'Ab c'), summaryCount: fc.integer({ min: 0, max: 3 }) });
  fc.assert(
    fc.property(fc.array(entry, { maxLength: 60 }), fc.dictionary(id, card), fc.array(fc.constantFrom('a', 'ab', 'abc', 'b', 'x'), { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 10 }), (list, cardList, queries, limit) => {
      // The index is sorted by key, as it is stored.
      const entries = list
        .map((e) => [e.key, `${e.id}\t${e.form}\t${(e.wordStart ? 1 : 0) + (e.clinical && e.form ? 2 : 0)}`] as [string, string])
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
