// A concept's reference to one of its summaries, as the `links` index keeps it. Its own module, free of
// database code, because the popup's views read refs too (filter.ts).
import type { StudyDesign } from '../dataset/types.ts';

/**
 * A summary as the concept's list orders it: id, kind, year and level of evidence (0 when unknown), and for
 * research its study design (so the concept view's overview and filters need no summary read). Indexes built
 * before the design was added have no fifth element.
 *
 * `about`, what the summary is to the concept: ABOUT.it when its question names the concept (ResearchSummary.about);
 * ABOUT.unsaid when the question names none of the study's concepts (it may be about any of them); ABOUT.mentions
 * when the summary only mentions it (Summary.mentions: a concept with no summary of its own); else (0 or absent)
 * the study is about another of its concepts. A consumer page is ABOUT.it when it is on the concept as a whole,
 * ABOUT.other when on one aspect of it (Cancer.gov's "…: screening"); indexes built before that carry no flag.
 *
 * `animals`, 1 for a study in animals (its design says so), so that the overview counts them; absent otherwise.
 */
export type SummaryRef = [
  id: string,
  kind: 'research' | 'consumer',
  year: number,
  level: number,
  design?: StudyDesign,
  about?: 0 | 1 | 2 | 3,
  animals?: 1,
];
export const ABOUT = { other: 0, it: 1, mentions: 2, unsaid: 3 } as const;
