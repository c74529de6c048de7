// Finding concepts by name as the reader types: the name index in the worker's memory (loaded once per
// dataset generation), the database's name buckets until it is, and the answers the popup asks for ahead.
// Ranking, spelling and phrases are pure code shared with the popup (lib/search).
import { lowerBound } from '../search/lower-bound.ts';
import { entryConceptId, searchKey } from '../search/keys.ts';
import { searchSoundAlike, searchSpellings } from '../search/spelling.ts';
import { termsInPhrase } from '../search/phrases.ts';
import { consider, NameIndexReader, rankHits, type Candidate, type ConceptHit, type NameIndex, type NarrowSet } from '../search/rank.ts';
import { allBuckets, bucketAfter, bucketFor } from './buckets.ts';
import { conceptCards, heldCardsGen } from './cards.ts';
import { getActive } from './active.ts';
import { bucketPrefix, type ConceptCard, type Database } from './schema.ts';

/**
 * How many index entries a search of the database reads at most before ranking (only until the index is in
 * memory). In memory a search reads every entry under its key: 12,000 at most for one letter, 3,800 for two in
 * the bundled index, so that "d" ranks Diabetes among them all rather than the first 600 in alphabetical order.
 */
const CANDIDATES = 600;

/**
 * The name index of one generation in the worker's memory (about 126,000 short lines for the bundled
 * dataset, some 11 MB): a keystroke then costs a binary search, not IndexedDB cursor steps. Loaded on the
 * first search; until it is there, searches read the index from the database.
 */
let nameCache: { db: Database; gen: number; index?: NameIndex; loading: Promise<unknown> } | undefined;

export function loadNameIndex(db: Database, gen: number): Promise<unknown> {
  if (nameCache?.db !== db || nameCache.gen !== gen) {
    const entry: NonNullable<typeof nameCache> = { db, gen, loading: Promise.resolve() };
    entry.loading = (async () => {
      // Each entry's concept is numbered as it is read (between the database's answers), once.
      const reader = new NameIndexReader();
      for await (const bucket of allBuckets(db, gen, 'names')) {
        for (let i = 0; i < bucket.keys.length; i++) reader.add(bucket.keys[i], bucket.items[i]);
      }
      entry.index = reader.done();
    })().catch(() => {
      if (nameCache === entry) nameCache = undefined; // asked again by the next search
    });
    nameCache = entry;
  }
  return nameCache.loading;
}

/**
 * After an import switched to generation `gen`: read its cards and name index now where the older ones were in
 * memory, so that the reader's next popup (often opened right after a sync) finds them ready.
 */
export function rewarmCaches(db: Database, gen: number): Promise<unknown> {
  const heldCards = heldCardsGen();
  const cards = heldCards !== undefined && heldCards !== gen ? conceptCards(db, gen) : undefined;
  const names = nameCache && nameCache.gen !== gen ? loadNameIndex(db, gen) : undefined;
  return Promise.all([cards, names]);
}

/** The name index in memory, once loaded (for tests and the worker's console). */
export function loadedNameIndex(db: Database, gen: number): NameIndex | undefined {
  return nameCache?.db === db && nameCache.gen === gen ? nameCache.index : undefined;
}

/** Where the entries whose key starts with `q` lie in the index in memory: [start, end). */
function keyRange(index: { keys: string[] }, q: string): [number, number] {
  return [lowerBound(index.keys, q), lowerBound(index.keys, q + '\uffff')];
}

/** The ranked answer for key `q` from the index in memory: every entry under it. */
export function searchInMemory(index: NameIndex, q: string, cards: Map<string, ConceptCard>, limit: number): ConceptHit[] {
  const [start, end] = keyRange(index, q);
  return index.search(q, start, end, (id) => cards.get(id), limit);
}

/** The same, read from the database's name buckets. */
export async function candidatesFromDb(db: Database, gen: number, q: string): Promise<Map<string, Candidate>> {
  const best = new Map<string, Candidate>();
  const tx = db.transaction('buckets');
  let read = 0;
  let bucket = await bucketFor(tx, gen, 'names', q);
  let start = 0;
  if (bucket) {
    start = lowerBound(bucket.keys, q);
  } else {
    // q sorts before every key: begin at the first bucket.
    const prefix = bucketPrefix(gen, 'names');
    bucket = (await tx.store.openCursor(IDBKeyRange.bound(prefix, prefix + '\uffff')))?.value;
  }
  scan: while (bucket && read < CANDIDATES) {
    for (let i = start; i < bucket.keys.length && read < CANDIDATES; i++, read++) {
      if (!bucket.keys[i].startsWith(q)) break scan;
      consider(best, bucket.keys[i], bucket.items[i], q);
    }
    bucket = await bucketAfter(tx, gen, 'names', bucket);
    start = 0;
  }
  return best;
}

/**
 * Concepts whose names (or any later word of them) start with what the reader typed, best first: exact
 * name, then name prefix, then word prefix; within each, concepts with more evidence, then shorter names.
 */
export async function searchConcepts(db: Database, query: string, limit = 20): Promise<ConceptHit[]> {
  return (await rankedSearch(db, query, limit)).hits;
}

/** Why a search that found no name could not look further. */
export const NAME_INDEX_UNREAD = 'The index of names could not be read.';

/** The ranked answer, with what it was ranked from: the index in memory (once loaded) and the cards. */
async function rankedSearch(db: Database, query: string, limit: number) {
  const active = await getActive(db);
  const q = searchKey(query);
  if (!active || q === '') return { q, hits: [] as ConceptHit[] };
  const loading = loadNameIndex(db, active.gen);
  const cards = await conceptCards(db, active.gen);
  let index = loadedNameIndex(db, active.gen);
  const search = async (key: string) =>
    index ? searchInMemory(index, key, cards, limit) : rankHits(await candidatesFromDb(db, active.gen, key), (id) => cards.get(id), limit);
  let hits = await search(q);
  // Misspellings, phrases and plurals are read in the index in memory: a search that finds no name waits for it
  // (the worker's first searches) rather than answering nothing, which the popup would show until the next key.
  if (hits.length === 0 && !index) {
    await loading;
    index = loadedNameIndex(db, active.gen);
    if (!index) {
      // The load failed (the database busy a moment): tried once more.
      await loadNameIndex(db, active.gen);
      index = loadedNameIndex(db, active.gen);
    }
    // Without the index, "nothing" would be no answer: a misspelling might have found its name. The asker
    // hears of the failure (the popup asks again) rather than showing "Nothing found".
    if (!index) throw new Error(NAME_INDEX_UNREAD);
  }
  // A plural of a whole name or abbreviation that no name continues ("UTIs", "CABGs"): the singular's answer,
  // before guessing at spellings. Only when the singular is a whole name: "diabetis" is no plural of "diabeti".
  if (hits.length === 0 && q.length >= 3 && q.endsWith('s')) {
    const singular = await search(q.slice(0, -1));
    if (singular[0]?.match === 'exact') hits = singular;
  }
  // An abbreviation typed in capitals is meant as typed: one letter from it is another abbreviation, of something
  // else ("DOAC" is no "DOA", dominant optic atrophy).
  const abbreviation = /^[A-Z][A-Z0-9-]{1,5}$/.test(query.trim());
  const spelledAlike = (found: ConceptHit[]) => found.map((hit) => ({ ...hit, spelledAlike: true as const }));
  const inMemory = (key: string) => searchInMemory(index!, key, cards, limit);
  // Nothing starts with it: perhaps a misspelling one edit from a name ("diabetis", "heart atack", "pink eye" for
  // Pinkeye); then a phrase or a question, for the names it holds ("is coffee bad for you": coffee), before names
  // that only sound like it ("mamografy").
  if (hits.length === 0 && index && !abbreviation) hits = spelledAlike(searchSpellings(q, inMemory, limit));
  if (hits.length === 0 && index && q.includes(' ')) {
    hits = termsInPhrase(q, (key) => searchInMemory(index, key, cards, 3), limit).map((hit) => ({ ...hit, inPhrase: true as const }));
  }
  if (hits.length === 0 && index && !abbreviation) hits = spelledAlike(searchSoundAlike(q, inMemory, limit, index.keys));
  return { q, hits, index, cards };
}

/** The first letters and digits a reader types: their answers are asked for once per popup, in one message. */
export const OPENING_KEYS = 'abcdefghijklmnopqrstuvwxyz0123456789';

let openersCache: { db: Database; gen: number; limit: number; table: Promise<Record<string, ConceptHit[]>> } | undefined;

/** The answer for every one-character key (their narrow sets would be far too large to send), kept per dataset. */
export async function searchOpeners(db: Database, limit = 20): Promise<Record<string, ConceptHit[]>> {
  const active = await getActive(db);
  if (!active) return {};
  if (openersCache?.db !== db || openersCache.gen !== active.gen || openersCache.limit !== limit) {
    const table = (async () => {
      await loadNameIndex(db, active.gen);
      // Each ranks every entry under its letter (up to 12,000): 25-50 ms for all 36, so a pause every few lets a
      // question asked meanwhile (the reader's first keystroke) be answered first.
      const answers: Record<string, ConceptHit[]> = {};
      for (let i = 0; i < OPENING_KEYS.length; i++) {
        if (i % 4 === 3) await new Promise((resolve) => setTimeout(resolve, 0));
        answers[OPENING_KEYS[i]] = await searchConcepts(db, OPENING_KEYS[i], limit);
      }
      return answers;
    })();
    openersCache = { db, gen: active.gen, limit, table };
    table.catch(() => (openersCache = undefined));
  }
  return openersCache.table;
}

/** Index entries at most under one key for it to be sent along as a narrow set (about 100 bytes each). */
const NARROW_MAX = 400;

/**
 * Entries at most under a prefix for the answers asked for ahead to be its narrow set instead (about 60 KB;
 * asked for while the reader's finger moves, so a larger message than NARROW_MAX costs no one a wait). Not
 * more than a search reads: ranked in the popup, the same entries give the same answer.
 */
const NEXT_NARROW_MAX = CANDIDATES;

/** The entries under key `q` with their concepts' cards, when they are few enough to send. */
function narrowSetOf(index: { keys: string[]; items: string[] }, cards: Map<string, ConceptCard>, q: string, max = NARROW_MAX): NarrowSet | undefined {
  const [start, end] = keyRange(index, q);
  if (end - start > max) return undefined;
  // Keyed by concept id, which the dataset chooses: no prototype, so that an id "__proto__" is a key like any other.
  const narrow: NarrowSet = { key: q, keys: index.keys.slice(start, end), items: index.items.slice(start, end), cards: Object.create(null) as NarrowSet['cards'] };
  for (const item of narrow.items) {
    const id = entryConceptId(item);
    const card = cards.get(id);
    if (card) narrow.cards[id] = card;
  }
  return narrow;
}

export interface NextAnswers {
  /** The ranked answer for each key one letter or digit longer than the prefix (see OPENING_KEYS). */
  answers: Record<string, ConceptHit[]>;
  /** Instead, when few entries start with the prefix: all of them, which answer every longer key. */
  narrow?: NarrowSet;
}

/**
 * What the popup needs to answer the reader's next keystroke by itself: asked after each answer, while the
 * reader moves a finger (a question that reaches the worker after a pause waits for its thread to wake up,
 * several ms here). 36 searches in memory, a few ms in all, with a pause every 9 so that a question asked
 * meanwhile is not held up.
 */
export async function searchNext(db: Database, prefix: string, limit = 20): Promise<NextAnswers> {
  const active = await getActive(db);
  if (!active || prefix.trim() === '') return { answers: {} };
  const cacheKey = `${active.gen}|${limit}|${prefix}`;
  if (nextCache?.db !== db) nextCache = { db, answers: new Map() };
  const known = nextCache.answers.get(cacheKey);
  if (known) {
    // Most recently used last.
    nextCache.answers.delete(cacheKey);
    nextCache.answers.set(cacheKey, known);
    return known;
  }
  await loadNameIndex(db, active.gen);
  const cards = await conceptCards(db, active.gen);
  const index = loadedNameIndex(db, active.gen);
  if (!index) return { answers: {} };
  const narrow = narrowSetOf(index, cards, prefix, NEXT_NARROW_MAX);
  let result: NextAnswers;
  if (narrow) result = { answers: {}, narrow };
  else {
    const answers: Record<string, ConceptHit[]> = {};
    for (let i = 0; i < OPENING_KEYS.length; i++) {
      if (i > 0 && i % 9 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      const key = prefix + OPENING_KEYS[i];
      answers[key] = searchInMemory(index, key, cards, limit);
    }
    result = { answers };
  }
  nextCache.answers.set(cacheKey, result);
  while (nextCache.answers.size > NEXT_CACHE_SIZE) nextCache.answers.delete(nextCache.answers.keys().next().value!);
  return result;
}

/**
 * The worker keeps the answers for the short prefixes (a first letter's 36 searches take about 2 ms), so
 * the next popup that starts a word the same way gets them at once; keyed by generation, so a new dataset
 * is never answered from the old one. At most 64 x 36 answers of 20 rows whose strings are the cards': a few MB.
 */
const NEXT_CACHE_SIZE = 64;
let nextCache: { db: Database; answers: Map<string, NextAnswers> } | undefined;

/**
 * The ranked answer, and, when the name index is in memory and few entries start with the query's key,
 * those entries as a narrow set (see lib/search/rank.ts).
 */
export async function searchWithNarrowSet(db: Database, query: string, limit = 20): Promise<{ hits: ConceptHit[]; narrow?: NarrowSet }> {
  const { q, hits, index, cards } = await rankedSearch(db, query, limit);
  if (!index || !cards) return { hits };
  const narrow = narrowSetOf(index, cards, q);
  return narrow ? { hits, narrow } : { hits };
}
