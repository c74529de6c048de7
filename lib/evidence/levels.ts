/**
 * A simple, documented evidence hierarchy for the study designs we recognise. It follows the usual
 * pyramid (Oxford CEBM 2011, "does this treatment help?"): pooled trials above single trials, trials
 * above observational studies, comparative observational studies above descriptive ones.
 * Level 1 is the strongest; `unknown` has no level and always sorts last.
 */
import type { DesignInfo, StudyDesign } from '../dataset/types';

export type RankedDesign = Exclude<StudyDesign, 'unknown'>;

/**
 * 1  systematic review / meta-analysis (pools several studies)
 * 2  randomised controlled trial (randomisation removes confounding)
 * 3  non-randomised trial, cohort, prospective or retrospective or neither said (comparison, but groups not
 *    randomised)
 * 4  case-control, cross-sectional (exposure and outcome measured together or backwards from outcome)
 * 5  case series / case report (no comparison group)
 */
export const EVIDENCE_LEVELS: Readonly<Record<RankedDesign, number>> = {
  'meta-analysis': 1,
  rct: 2,
  'non-randomised-trial': 3,
  'prospective-cohort': 3,
  'retrospective-cohort': 3,
  cohort: 3,
  'case-control': 4,
  'cross-sectional': 4,
  'case-series': 5,
};

/** Short labels for the badge beside the verdict. */
export const DESIGN_LABELS: Readonly<Record<StudyDesign, string>> = {
  'meta-analysis': 'Meta-analysis / review',
  rct: 'Randomised trial',
  'non-randomised-trial': 'Non-randomised trial',
  'prospective-cohort': 'Prospective cohort',
  'retrospective-cohort': 'Retrospective cohort',
  cohort: 'Cohort study',
  'case-control': 'Case-control',
  'cross-sectional': 'Cross-sectional',
  'case-series': 'Case series / report',
  unknown: 'Design not stated',
};

export function levelOf(design: StudyDesign): number | undefined {
  return design === 'unknown' ? undefined : EVIDENCE_LEVELS[design];
}

/** A summary's level of evidence: none for a study in animals, whatever its design. */
export function evidenceLevel(info: DesignInfo | undefined): number | undefined {
  return info && info.subjects !== 'animals' ? levelOf(info.design) : undefined;
}

/** Builds a DesignInfo with its level filled in, so callers never compute levels themselves. */
export function designInfo(design: StudyDesign, source: DesignInfo['source'], evidence?: string): DesignInfo {
  const info: DesignInfo = { design, source };
  const level = levelOf(design);
  if (level !== undefined) info.level = level;
  if (evidence !== undefined) info.evidence = evidence;
  return info;
}

export const UNKNOWN_DESIGN: DesignInfo = Object.freeze({ design: 'unknown', source: 'none' }) as DesignInfo;
