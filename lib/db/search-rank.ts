// Ranking search results: pure, so that the worker (over the whole name index) and the popup (over a
// narrowed set it was sent) rank the same entries the same way.
import type { Category } from '../dataset/types.ts';
import type { ConceptCard } from './schema.ts';
import { parseNameEntry } from './search-keys.ts';

export interface ConceptHit {
  id: string;
  name: string;
  category: Category;
  summaryCount: number;
  /** The name, synonym or abbreviation that matched what the reader typed. */
  matched: string;
  /** How it matched: a whole name, a name's start, or a later word's start. */
  match: 'exact' | 'prefix' | 'word';
}

const MATCH_RANK = { exact: 0, prefix: 1, word: 2 } as const;

export type Candidate = { id: string; form: string; match: ConceptHit['match'] };

/** Keep a concept's best match among the index entries whose key starts with `q` (`item`: the entry's line). */
export function consider(best: Map<string, Candidate>, key: string, item: string, q: string): void {
  const e = parseNameEntry(item);
  const match = e.wordStart ? 'word' : key === q ? 'exact' : 'prefix';
  const had = best.get(e.conceptId);
  if (!had || MATCH_RANK[match] < MATCH_RANK[had.match]) best.set(e.conceptId, { id: e.conceptId, form: e.form, match });
}

/**
 * Best first: exact name, then name prefix, then word prefix; within each, concepts with more evidence,
 * then shorter names.
 */
export function rankHits(best: Map<string, Candidate>, cardOf: (id: string) => ConceptCard | undefined, limit: number): ConceptHit[] {
  const hits: ConceptHit[] = [];
  for (const { id, form, match } of best.values()) {
    const card = cardOf(id);
    if (card) hits.push({ id, name: card.name, category: card.category, summaryCount: card.summaryCount, matched: form || card.name, match });
  }
  return hits
    .sort(
      (a, b) =>
        MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
        b.summaryCount - a.summaryCount ||
        a.matched.length - b.matched.length ||
        (a.name < b.name ? -1 : 1),
    )
    .slice(0, limit);
}

/**
 * Every index entry under one search key, with the cards of their concepts: sent with an answer when it is
 * small, so that the popup answers any longer query that starts with the same key by itself.
 */
export interface NarrowSet {
  key: string;
  keys: string[];
  items: string[];
  cards: Record<string, ConceptCard>;
}

/** The ranked answer for `q` from a narrow set whose key `q` starts with. */
export function searchNarrowSet(set: NarrowSet, q: string, limit: number): ConceptHit[] {
  const best = new Map<string, Candidate>();
  set.keys.forEach((key, i) => {
    if (key.startsWith(q)) consider(best, key, set.items[i], q);
  });
  return rankHits(best, (id) => set.cards[id], limit);
}
