// What the concept view shows of a concept's evidence at a glance (how many research summaries of each study
// design, over which years) and the filters it offers: pure functions over the `links` index's refs, shared by
// the background's queries and the popup's views (which must not pull the database code into their bundle).
import type { StudyDesign } from '../dataset/types.ts';
import { ABOUT, type SummaryRef } from './ref.ts';

export interface ConceptOverview {
  research: number;
  consumer: number;
  /** Research summaries by study design; designs with none are left out. */
  byDesign: Partial<Record<StudyDesign, number>>;
  /** The years the research summaries span, where any has a year. */
  years?: { from: number; to: number };
  /** Summaries that only mention the concept (it has none of its own): not counted above. */
  mentions?: number;
  /** Research summaries of studies in animals, counted in `research` and `byDesign` too. */
  inAnimals?: number;
}

/** What the concept view may narrow its research summaries to, and the order it reads them in. */
export interface SummaryFilter {
  /**
   * 'newest': the reader's kind first (research or plain language), then by date, then by strength of evidence; by
   * default studies about the term before related ones, each strongest evidence first, then newest. Orders only:
   * narrows nothing.
   */
  order?: SummaryOrder;
  /** Only research summaries of these designs. */
  designs?: StudyDesign[];
  /** Only research summaries published in these years (inclusive); those without a year are left out. */
  fromYear?: number;
  toYear?: number;
}

export type SummaryOrder = 'strongest' | 'newest';

/** "Trials and reviews only": pooled analyses and trials, the designs that test an intervention. */
export const TRIALS_AND_REVIEWS: readonly StudyDesign[] = ['meta-analysis', 'rct', 'non-randomised-trial'];

export function isFiltered(filter: SummaryFilter | undefined): filter is SummaryFilter {
  return !!filter && (!!filter.designs || filter.fromYear !== undefined || filter.toYear !== undefined);
}

/** Does a summary pass the filter? A filter is about research: consumer summaries never pass one. */
export function matchesFilter(ref: SummaryRef, filter: SummaryFilter): boolean {
  if (ref[1] !== 'research' || ref[5] === ABOUT.mentions) return false;
  if (filter.designs && !filter.designs.includes(ref[4] ?? 'unknown')) return false;
  const year = ref[2];
  if (filter.fromYear !== undefined && (!year || year < filter.fromYear)) return false;
  if (filter.toYear !== undefined && (!year || year > filter.toYear)) return false;
  return true;
}

export function overviewOf(refs: readonly SummaryRef[]): ConceptOverview {
  const overview: ConceptOverview = { research: 0, consumer: 0, byDesign: {} };
  let from = Infinity;
  let to = -Infinity;
  for (const ref of refs) {
    if (ref[5] === ABOUT.mentions) {
      overview.mentions = (overview.mentions ?? 0) + 1;
      continue;
    }
    if (ref[1] === 'consumer') {
      overview.consumer++;
      continue;
    }
    overview.research++;
    const design = ref[4] ?? 'unknown';
    overview.byDesign[design] = (overview.byDesign[design] ?? 0) + 1;
    if (ref[6] === 1) overview.inAnimals = (overview.inAnimals ?? 0) + 1;
    if (ref[2]) {
      from = Math.min(from, ref[2]);
      to = Math.max(to, ref[2]);
    }
  }
  if (from !== Infinity) overview.years = { from, to };
  return overview;
}
