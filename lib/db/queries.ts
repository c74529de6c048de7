// Read-only queries over the active dataset generation.
import type { Concept, DatasetMeta, Summary } from '../dataset/types.ts';
import { getActive, getPending } from './import.ts';
import { genPrefix, type Database, type StoredConcept, type StoredSummary } from './schema.ts';
import { searchKey } from './search-keys.ts';

export type Audience = 'clinician' | 'patient';

function toConcept({ key: _k, nameKeys: _n, ...concept }: StoredConcept): Concept {
  return concept;
}
function toSummary({ key: _k, conceptKeys: _c, ...summary }: StoredSummary): Summary {
  return summary as Summary;
}

async function activeGen(db: Database): Promise<number | undefined> {
  return (await getActive(db))?.gen;
}

export async function getConcept(db: Database, id: string): Promise<Concept | undefined> {
  const gen = await activeGen(db);
  if (gen === undefined) return undefined;
  const stored = await db.get('concepts', genPrefix(gen) + id);
  return stored && toConcept(stored);
}

export async function getSummary(db: Database, id: string): Promise<Summary | undefined> {
  const gen = await activeGen(db);
  if (gen === undefined) return undefined;
  const stored = await db.get('summaries', genPrefix(gen) + id);
  return stored && toSummary(stored);
}

/**
 * A concept's summaries in reading order. Clinicians: research first, newest first, then consumer
 * summaries. Patients: consumer summaries first. `compareResearch` can refine the research order
 * (e.g. by level of evidence).
 */
export async function getSummariesForConcept(
  db: Database,
  conceptId: string,
  options: { audience?: Audience; limit?: number; compareResearch?: (a: Summary, b: Summary) => number } = {},
): Promise<Summary[]> {
  const gen = await activeGen(db);
  if (gen === undefined) return [];
  const stored = await db.getAllFromIndex('summaries', 'byConcept', genPrefix(gen) + conceptId, options.limit);
  const summaries = stored.map(toSummary);
  const first = options.audience === 'patient' ? 'consumer' : 'research';
  const byYear = (s: Summary) => (s.kind === 'research' ? (s.year ?? 0) : 0);
  return summaries.sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === first ? -1 : 1;
    if (a.kind === 'research' && options.compareResearch) return options.compareResearch(a, b);
    return byYear(b) - byYear(a) || a.id.localeCompare(b.id);
  });
}

export interface ConceptHit {
  concept: Concept;
  /** The name, synonym or abbreviation that matched what the reader typed. */
  matched: string;
  /** How it matched: the whole name, a name's start, or a later word's start. */
  match: 'exact' | 'prefix' | 'word';
}

const MATCH_RANK = { exact: 0, prefix: 1, word: 2 } as const;

/**
 * Concepts whose names (or any word in them) start with what the reader typed, best first: exact name,
 * then name prefix, then word prefix; within each, concepts with more evidence first, then shorter names.
 */
export async function searchConcepts(db: Database, query: string, limit = 20): Promise<ConceptHit[]> {
  const gen = await activeGen(db);
  const q = searchKey(query);
  if (gen === undefined || q === '') return [];
  const prefix = genPrefix(gen) + q;
  // Read a bounded window of candidates from the index; rank them here.
  const candidates = await db.getAllFromIndex('concepts', 'byName', IDBKeyRange.bound(prefix, prefix + '\uffff'), 400);
  const seen = new Set<string>();
  const hits: ConceptHit[] = [];
  for (const stored of candidates) {
    if (seen.has(stored.id)) continue;
    seen.add(stored.id);
    const concept = toConcept(stored);
    hits.push(bestMatch(concept, q));
  }
  hits.sort(
    (a, b) =>
      MATCH_RANK[a.match] - MATCH_RANK[b.match] ||
      b.concept.summaryCount - a.concept.summaryCount ||
      a.matched.length - b.matched.length ||
      a.concept.name.localeCompare(b.concept.name),
  );
  return hits.slice(0, limit);
}

function bestMatch(concept: Concept, q: string): ConceptHit {
  const names = [concept.name, ...concept.abbreviations.map((a) => a.form), ...concept.synonyms];
  let best: ConceptHit | undefined;
  for (const name of names) {
    const key = searchKey(name);
    const match = key === q ? 'exact' : key.startsWith(q) ? 'prefix' : (' ' + key).includes(' ' + q) ? 'word' : undefined;
    if (match && (!best || MATCH_RANK[match] < MATCH_RANK[best.match])) best = { concept, matched: name, match };
  }
  return best ?? { concept, matched: concept.name, match: 'word' };
}

export interface DatasetStatus {
  installed?: DatasetMeta;
  /** An import under way or cut short: its version and how far it got. */
  pending?: { version: string; origin: string; filesDone: number; filesTotal: number };
}

export async function getStatus(db: Database): Promise<DatasetStatus> {
  const [active, pending] = await Promise.all([getActive(db), getPending(db)]);
  return {
    ...(active ? { installed: active.meta } : {}),
    ...(pending
      ? {
          pending: {
            version: pending.manifest.version,
            origin: pending.origin,
            filesDone: pending.filesDone.length,
            filesTotal: pending.manifest.files.length,
          },
        }
      : {}),
  };
}
