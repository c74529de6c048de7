// Read-only queries over the active dataset generation: a concept, a summary, a concept's page of summaries, the
// status. Search by name is search.ts.
import type { Category, Concept, DatasetMeta, Summary } from '../dataset/types.ts';
import { getEntry } from './buckets.ts';
import { conceptCards } from './cards.ts';
import { getActive } from './active.ts';
import { getPending } from './pending.ts';
import { getEntries } from './directory.ts';
import { refsWithDesign } from './overview.ts';
import { isFiltered, matchesFilter, type SummaryFilter, type SummaryOrder } from '../summaries/filter.ts';
import { ABOUT, type Database, type SummaryRef } from './schema.ts';

import type { Audience } from '../settings/preferences.ts';
export type { Audience };

/**
 * A concept, with the names and counts of its broader and narrower terms (`broaderTerms`, `narrowerTerms`) from
 * the cards kept in memory.
 */
export async function getConcept(db: Database, id: string): Promise<Concept | undefined> {
  const active = await getActive(db);
  if (!active) return undefined;
  const stored = await getEntry(db.transaction('buckets'), active.gen, 'concepts', id);
  if (!stored) return undefined;
  // Only the store names them (a dataset imported before files were refused them may hold its own).
  const { broaderTerms: _broader, narrowerTerms: _narrower, ...concept } = stored;
  if (!concept.broader?.length && !concept.narrower?.length) return concept;
  const cards = await conceptCards(db, active.gen);
  // An id the dataset does not hold is left out rather than shown nameless.
  const named = (ids: string[] = []) =>
    ids.flatMap((b) => {
      const card = cards.get(b);
      return card ? [{ id: b, name: card.name, summaryCount: card.summaryCount }] : [];
    });
  return {
    ...concept,
    ...(concept.broader?.length && { broaderTerms: named(concept.broader) }),
    ...(concept.narrower?.length && { narrowerTerms: named(concept.narrower) }),
  };
}

export async function getSummary(db: Database, id: string): Promise<Summary | undefined> {
  const active = await getActive(db);
  if (!active) return undefined;
  return getEntry(db.transaction('buckets'), active.gen, 'summaries', id);
}

/**
 * Reading order of a concept's summaries. Clinicians: the research whose question names the concept, then the
 * consumer summaries (each about the concept itself; those on all of it before those on one aspect), then research
 * whose question names none of its concepts (about this one or not, it does not say), then research about another of
 * its concepts, then summaries that only mention it (a concept with none of its own). Patients: consumer summaries
 * first. Within each, strongest design (level of evidence), then newest. Asked for the newest: the reader's kind
 * first, then every summary of it by date, then by strength; those that only mention it still last.
 */
function compareRefs(audience: Audience = 'clinician', order: SummaryOrder = 'strongest') {
  const first = audience === 'patient' ? 'consumer' : 'research';
  // A related study never goes before a plain-language page on the term itself ("Does growth hormone
  // replacement therapy reduce mortality?" had led hormone replacement therapy's card).
  const tier = (r: SummaryRef) => {
    if (r[5] === ABOUT.mentions) return r[1] === first ? 4 : 5; // the reader's kind first among them too
    // Newest first is what a reader who asks for it sees from the top: the reader's kind first, then by date (a
    // related study is marked as such in the list), not the newest of each group in turn.
    if (order === 'newest') return r[1] === first ? 0 : 1;
    if (r[1] === 'consumer' || r[5] === ABOUT.it) return r[1] === first ? 0 : 1;
    return r[5] === ABOUT.unsaid ? 2 : 3;
  };
  // A consumer page on one aspect of the concept (its screening, its prevention) comes after those on all of it.
  const aside = (r: SummaryRef) => (r[1] === 'consumer' && r[5] === ABOUT.other ? 1 : 0);
  const strength = (a: SummaryRef, b: SummaryRef) => (a[3] || 99) - (b[3] || 99);
  const recency = (a: SummaryRef, b: SummaryRef) => b[2] - a[2];
  const [byFirst, bySecond] = order === 'newest' ? [recency, strength] : [strength, recency];
  return (a: SummaryRef, b: SummaryRef) =>
    tier(a) - tier(b) || aside(a) - aside(b) || byFirst(a, b) || bySecond(a, b) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

export interface SummaryPage {
  /** How many summaries the concept has in all. */
  total: number;
  items: Summary[];
}

/** One page of a concept's summaries in reading order: only that page's records are read. */
export async function getSummariesForConcept(
  db: Database,
  conceptId: string,
  options: { audience?: Audience; offset?: number; limit?: number; filter?: SummaryFilter } = {},
): Promise<SummaryPage> {
  const { offset = 0, limit = 20 } = options;
  // An order alone narrows nothing: the whole list, consumer summaries included, in that order.
  const order = options.filter?.order;
  if (isFiltered(options.filter)) return getFilteredSummaries(db, conceptId, options.filter, options.audience, offset, limit);
  const active = await getActive(db);
  if (!active) return { total: 0, items: [] };
  const link = await getEntry(db.transaction('buckets'), active.gen, 'links', conceptId);
  if (!link) return { total: 0, items: [] };
  const refs = link[1].sort(compareRefs(options.audience, order)).slice(offset, offset + limit);
  const found = await getEntries(db, active.gen, 'summaries', refs.map((r) => r[0]));
  return { total: link[1].length, items: found.filter((s): s is Summary => s !== undefined) };
}

/** A page of the research summaries that pass `filter`, in reading order; `total` counts those that pass. */
async function getFilteredSummaries(
  db: Database,
  conceptId: string,
  filter: SummaryFilter,
  audience: Audience | undefined,
  offset: number,
  limit: number,
): Promise<SummaryPage> {
  const refs = await refsWithDesign(db, conceptId);
  const active = await getActive(db);
  if (!refs || !active) return { total: 0, items: [] };
  const passing = refs.filter((r) => matchesFilter(r, filter)).sort(compareRefs(audience, filter.order));
  const found = await getEntries(db, active.gen, 'summaries', passing.slice(offset, offset + limit).map((r) => r[0]));
  return { total: passing.length, items: found.filter((s): s is Summary => s !== undefined) };
}

/**
 * The PubMed ids of a concept's studies that pass `filter` (all its studies without one), in reading order: for
 * taking the list elsewhere (PubMed, a reference manager). Studies it only mentions are not its studies; a study
 * whose id is not `pmid:<digits>` has none to give.
 */
export async function getStudyPmids(db: Database, conceptId: string, filter: SummaryFilter = {}): Promise<string[]> {
  const refs = await refsWithDesign(db, conceptId);
  if (!refs) return [];
  return refs
    .filter((r) => matchesFilter(r, filter))
    .sort(compareRefs('clinician', filter.order))
    .flatMap((r) => /^pmid:(\d{1,10})$/.exec(r[0])?.[1] ?? []);
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
