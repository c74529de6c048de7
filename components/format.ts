// Wording shared by the views: plurals, and study designs as a reader says them in a sentence.
import type { StudyDesign } from '../lib/dataset/types';

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** Designs in the evidence hierarchy's order (strongest first), unknown last. */
export const DESIGN_ORDER: readonly StudyDesign[] = [
  'meta-analysis',
  'rct',
  'non-randomised-trial',
  'prospective-cohort',
  'retrospective-cohort',
  'case-control',
  'cross-sectional',
  'case-series',
  'unknown',
];

/** [one, many] as counted in the overview sentence ("3 prospective cohorts"). */
const DESIGN_NOUNS: Record<StudyDesign, [string, string]> = {
  'meta-analysis': ['meta-analysis or review', 'meta-analyses or reviews'],
  rct: ['randomised trial', 'randomised trials'],
  'non-randomised-trial': ['non-randomised trial', 'non-randomised trials'],
  'prospective-cohort': ['prospective cohort', 'prospective cohorts'],
  'retrospective-cohort': ['retrospective cohort', 'retrospective cohorts'],
  'case-control': ['case-control study', 'case-control studies'],
  'cross-sectional': ['cross-sectional study', 'cross-sectional studies'],
  'case-series': ['case series or report', 'case series or reports'],
  unknown: ['with design not stated', 'with design not stated'],
};

export const designCount = (design: StudyDesign, n: number) => plural(n, ...DESIGN_NOUNS[design]);
