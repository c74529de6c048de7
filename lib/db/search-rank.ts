// Ranking search results: pure, so that the worker (over the whole name index) and the popup (over a
// narrowed set it was sent) rank the same entries the same way.
import type { Category } from '../dataset/types.ts';
import type { ConceptCard } from './schema.ts';

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

/**
 * Keep a concept's best match among the index entries whose key starts with `q` (`item`: the entry's line,
 * `id TAB form TAB 0|1`, see search-keys.ts). Read with `indexOf` rather than split: a search reads up to 600
 * entries and keeps far fewer, so the form is cut out only for those kept.
 */
export function consider(best: Map<string, Candidate>, key: string, item: string, q: string): void {
  const tab = item.indexOf('\t');
  const id = item.slice(0, tab);
  const match = item.charCodeAt(item.length - 1) === 49 /* '1' */ ? 'word' : key === q ? 'exact' : 'prefix';
  const had = best.get(id);
  if (!had || MATCH_RANK[match] < MATCH_RANK[had.match]) best.set(id, { id, form: item.slice(tab + 1, item.lastIndexOf('\t')), match });
}

interface Row {
  candidate: Candidate;
  card: ConceptCard;
  matched: string;
  rank: number;
}

/** The ranking order (see rankHits); ties end on the concept id, so the order never depends on the input's. */
function compareRows(a: Row, b: Row): number {
  return (
    a.rank - b.rank ||
    b.card.summaryCount - a.card.summaryCount ||
    a.matched.length - b.matched.length ||
    (a.card.name < b.card.name ? -1 : a.card.name > b.card.name ? 1 : 0) ||
    (a.candidate.id < b.candidate.id ? -1 : a.candidate.id > b.candidate.id ? 1 : 0)
  );
}

/**
 * Best first: exact name, then name prefix, then word prefix; within each, concepts with more evidence,
 * then shorter names. Only the best `limit` are kept while reading (no sort of every candidate, no result
 * object for those left out): the popup's answers ahead run 36 of these per keystroke.
 */
export function rankHits(best: Map<string, Candidate>, cardOf: (id: string) => ConceptCard | undefined, limit: number): ConceptHit[] {
  const top: Row[] = [];
  if (limit <= 0) return [];
  for (const candidate of best.values()) {
    const card = cardOf(candidate.id);
    if (!card) continue;
    const row: Row = { candidate, card, matched: candidate.form || card.name, rank: MATCH_RANK[candidate.match] };
    if (top.length === limit && compareRows(row, top[limit - 1]) >= 0) continue;
    let i = top.length < limit ? top.push(row) - 1 : limit - 1;
    while (i > 0 && compareRows(top[i - 1], row) > 0) {
      top[i] = top[i - 1];
      i--;
    }
    top[i] = row;
  }
  return top.map(({ candidate, card, matched }) => ({
    id: candidate.id,
    name: card.name,
    category: card.category,
    summaryCount: card.summaryCount,
    matched,
    match: candidate.match,
  }));
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
