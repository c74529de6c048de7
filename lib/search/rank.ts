// Ranking search results: pure, so that the worker (over the whole name index) and the popup (over a
// narrowed set it was sent) rank the same entries the same way.
import type { Category } from '../dataset/types.ts';
import type { ConceptCard } from './keys.ts';
import { entryAtWordStart, entryConceptId, entryForm, entryIsBareName, entryIsOwnName } from './keys.ts';

export interface ConceptHit {
  id: string;
  name: string;
  /** The name clinicians use, where it differs (Concept.clinicalName). */
  clinicalName?: string;
  category: Category;
  summaryCount: number;
  /** The name, synonym or abbreviation that matched what the reader typed. */
  matched: string;
  /** How it matched: a whole name, a name's start, or a later word's start. */
  match: 'exact' | 'prefix' | 'word';
  /** Found for a misspelling (spelling.ts): nothing starts with what the reader typed. */
  spelledAlike?: true;
  /** Named inside what the reader typed (phrases.ts): nothing starts with the whole of it. */
  inPhrase?: true;
}

/**
 * How well an entry whose key starts with `q` matches, best first: 0 the whole name; 1 a word typed whole, at
 * the name's start or later ("sugar" in "Blood sugar", "radiation" in "Radiation therapy"); 2 the concept's own
 * name starting within a word ("sugar" in "Sugarman syndrome"); 3 another of its names doing so ("a" in "AMI"
 * for heart attack); 4 a later word's start within it. A word typed whole means that word; one or two letters
 * are still being typed, so there only the whole name counts ("d" is no "D-glycerate").
 */
function matchRank(key: string, q: string, atWordStart: boolean, ownName: boolean): number {
  // A plural ending counts as typed: "brain tumor" is the name "Brain tumors", whose singular is no synonym.
  const end = q.length >= 3 ? q.length + pluralEnding(key, q.length) : q.length;
  if (!atWordStart && key.length === end) return 0;
  if (q.length >= 3 && (key.length === end || key.charCodeAt(end) === 32)) return 1;
  return atWordStart ? 4 : ownName ? 2 : 3;
}

/**
 * The length of a plural ending at `at` in `key` that ends a word there, else 0: "s", or "es" after s, x, z, ch or
 * sh ("viruses"; "hiv" is no singular of "hives").
 */
function pluralEnding(key: string, at: number): number {
  const s = key.charCodeAt(at) === 115 ? 1 : key.charCodeAt(at) === 101 && key.charCodeAt(at + 1) === 115 && takesEs(key, at) ? 2 : 0;
  return s > 0 && (key.length === at + s || key.charCodeAt(at + s) === 32) ? s : 0;
}

/**
 * A word typed whole that a key continues only with a number ("schizophrenia 4", one of the Disease Ontology's
 * numbered forms): for a concept without evidence this ranks as a later word's match, so that "schizophrenia"
 * lists Paranoid schizophrenia before Schizophrenia 1 to 7.
 */
const numbered = (key: string, q: string) => key.length > q.length + 1 && key.charCodeAt(q.length) === 32 && /^ [0-9]+[a-z]?$/.test(key.slice(q.length));
/** Only a word typed whole (rank 1) can be a numbered form: the key is tested for no other entry. */
const rankFor = (rank: number, isNumbered: boolean, card: ConceptCard) => (rank === 1 && isNumbered && card.summaryCount === 0 ? 4 : rank);

/** Whether the word ending at `at` makes its plural with "es": after s, x, z, ch and sh. */
function takesEs(key: string, at: number): boolean {
  const c = key.charCodeAt(at - 1);
  return c === 115 || c === 120 || c === 122 || (c === 104 && (key.charCodeAt(at - 2) === 99 || key.charCodeAt(at - 2) === 115));
}

/** What a match shows the reader as: the whole name, a name's start, or a later word's. */
const matchOf = (rank: number, atWordStart: boolean): ConceptHit['match'] => (rank === 0 ? 'exact' : atWordStart ? 'word' : 'prefix');

const WORD_START = 1;
const OWN_NAME = 2;
/** The entry is the concept's name itself (no form of its own), not its clinical name. */
const BARE_NAME = 4;

/** An entry for the concept's own name (or its clinical name): shown rather than a synonym that matches as well. */
const isNameEntry = entryIsOwnName;

export type Candidate = { id: string; form: string; match: ConceptHit['match']; rank: number; numbered?: boolean };

/**
 * Keep a concept's best match among the index entries whose key starts with `q` (`item`: the entry's line,
 * `id TAB form TAB 0|1`, see keys.ts). Read with `indexOf` rather than split: a search reads hundreds of
 * entries and keeps far fewer, so the form is cut out only for those kept.
 */
export function consider(best: Map<string, Candidate>, key: string, item: string, q: string): void {
  const id = entryConceptId(item);
  const rank = matchRank(key, q, entryAtWordStart(item), isNameEntry(item));
  const had = best.get(id);
  if (!had || rank < had.rank || (rank === had.rank && had.form !== '' && isNameEntry(item))) {
    best.set(id, { id, form: entryForm(item), match: matchOf(rank, entryAtWordStart(item)), rank, numbered: rank === 1 && numbered(key, q) });
  }
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
 * Best first by `matchRank` (the whole name, a word typed whole, then starts within a word); within each,
 * concepts with more evidence, then shorter names. Only the best `limit` are kept while reading (no sort of
 * every candidate, no result object for those left out): the popup's answers ahead run 36 of these per keystroke.
 */
export function rankHits(best: Map<string, Candidate>, cardOf: (id: string) => ConceptCard | undefined, limit: number): ConceptHit[] {
  const top: Row[] = [];
  if (limit <= 0) return [];
  for (const candidate of best.values()) {
    const card = cardOf(candidate.id);
    if (!card) continue;
    keepIfBest(top, { candidate, card, matched: candidate.form || card.name, rank: rankFor(candidate.rank, !!candidate.numbered, card) }, limit);
  }
  return hitsOf(top);
}

/** Put `row` in its place among the best `limit` so far (best first), if it belongs there. */
function keepIfBest(top: Row[], row: Row, limit: number): void {
  if (top.length === limit && compareRows(row, top[limit - 1]) >= 0) return;
  let i = top.length < limit ? top.push(row) - 1 : limit - 1;
  while (i > 0 && compareRows(top[i - 1], row) > 0) {
    top[i] = top[i - 1];
    i--;
  }
  top[i] = row;
}

function hitsOf(top: Row[]): ConceptHit[] {
  return top.map(({ candidate, card, matched }) => ({
    id: candidate.id,
    name: card.name,
    ...(card.clinicalName ? { clinicalName: card.clinicalName } : {}),
    category: card.category,
    summaryCount: card.summaryCount,
    matched,
    match: candidate.match,
  }));
}

/**
 * The worker's name index in memory, with each entry's concept as a number and whether its key starts at a
 * later word, noted once as the index is read (NameIndexReader). A search is then a loop over numbers (no
 * entry parsed, no Map per search), and a result row is made only for a candidate that can still enter the
 * best `limit`; the answer is the one `rankHits` gives over `consider`ed entries. In Node, 1,296 two-letter
 * searches of the bundled index took 49–99 ms the first way and 22–25 ms this way (reading the index into numbers: about 80 ms, once, between the database's answers as it loads).
 */
export class NameIndex {
  /** Per concept number: its card once asked (null: it has none). */
  private readonly cards: (ConceptCard | null | undefined)[];
  /** Per concept: the search that last saw it, its best entry and that entry's rank. */
  private readonly seenIn: Int32Array;
  private readonly bestEntry: Int32Array;
  private readonly bestRank: Uint8Array;
  private searches = 0;

  constructor(
    readonly keys: string[],
    readonly items: string[],
    private readonly concept: Int32Array,
    /** Per entry: WORD_START when its key starts at a later word, OWN_NAME when it is the concept's name or clinical name, BARE_NAME when the name itself. */
    private readonly flags: Uint8Array,
    private readonly ids: string[],
  ) {
    this.cards = new Array(ids.length);
    this.seenIn = new Int32Array(ids.length);
    this.bestEntry = new Int32Array(ids.length);
    this.bestRank = new Uint8Array(ids.length);
  }

  /** The ranked answer for `q` from the entries [start, end), whose keys all start with `q`. */
  search(q: string, start: number, end: number, cardOf: (id: string) => ConceptCard | undefined, limit: number): ConceptHit[] {
    if (limit <= 0) return [];
    const { concept, flags, keys, seenIn, bestEntry, bestRank } = this;
    const search = ++this.searches;
    const seen: number[] = [];
    for (let i = start; i < end; i++) {
      const c = concept[i];
      const f = flags[i];
      const rank = matchRank(keys[i], q, (f & WORD_START) !== 0, (f & OWN_NAME) !== 0);
      if (seenIn[c] !== search) {
        seenIn[c] = search;
        bestEntry[c] = i;
        bestRank[c] = rank;
        seen.push(c);
      } else if (rank < bestRank[c] || (rank === bestRank[c] && (f & OWN_NAME) !== 0 && (flags[bestEntry[c]] & BARE_NAME) === 0)) {
        bestEntry[c] = i;
        bestRank[c] = rank;
      }
    }
    const top: Row[] = [];
    for (const c of seen) {
      const card = this.cards[c] === undefined ? (this.cards[c] = cardOf(this.ids[c]) ?? null) : this.cards[c];
      if (!card) continue;
      const rank = rankFor(bestRank[c], bestRank[c] === 1 && numbered(keys[bestEntry[c]], q), card);
      if (top.length === limit) {
        // Worse on rank or evidence than the last kept: out, before its form is cut from the entry.
        const last = top[limit - 1];
        if (rank > last.rank || (rank === last.rank && card.summaryCount < last.card.summaryCount)) continue;
      }
      const form = entryForm(this.items[bestEntry[c]]);
      const match = matchOf(rank, (flags[bestEntry[c]] & WORD_START) !== 0);
      keepIfBest(top, { candidate: { id: this.ids[c], form, match, rank }, card, matched: form || card.name, rank }, limit);
    }
    return hitsOf(top);
  }
}

/** Reads the name index's entries in key order, numbering concepts as they come; `done()` gives the index. */
export class NameIndexReader {
  private keys: string[] = [];
  private items: string[] = [];
  private concept: number[] = [];
  private flags: number[] = [];
  private ids: string[] = [];
  private numbers = new Map<string, number>();

  add(key: string, item: string): void {
    const id = entryConceptId(item);
    let c = this.numbers.get(id);
    if (c === undefined) {
      c = this.ids.push(id) - 1;
      this.numbers.set(id, c);
    }
    this.keys.push(key);
    this.items.push(item);
    this.concept.push(c);
    this.flags.push((entryAtWordStart(item) ? WORD_START : 0) | (isNameEntry(item) ? OWN_NAME : 0) | (entryIsBareName(item) ? BARE_NAME : 0));
  }

  done(): NameIndex {
    return new NameIndex(this.keys, this.items, Int32Array.from(this.concept), Uint8Array.from(this.flags), this.ids);
  }
}

/**
 * Every index entry under one search key, with the cards of their concepts: sent with an answer when it is
 * small, so that the popup answers any longer query that starts with the same key by itself.
 */
export interface NarrowSet {
  key: string;
  keys: string[];
  items: string[];
  /** By concept id; read own keys only (the set arrives as a plain object, whose prototype holds "constructor"). */
  cards: Record<string, ConceptCard>;
}

/** The ranked answer for `q` from a narrow set whose key `q` starts with. */
export function searchNarrowSet(set: NarrowSet, q: string, limit: number): ConceptHit[] {
  const best = new Map<string, Candidate>();
  set.keys.forEach((key, i) => {
    if (key.startsWith(q)) consider(best, key, set.items[i], q);
  });
  return rankHits(best, (id) => (Object.hasOwn(set.cards, id) ? set.cards[id] : undefined), limit);
}
