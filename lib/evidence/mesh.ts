/**
 * Study design from the MeSH headings NLM assigned to an article (PubMedQA's MESHES).
 *
 * PubMedQA keeps descriptors only, not publication types, so "Randomized Controlled Trial" and
 * "Meta-Analysis" never appear; "... as Topic" headings mean the article is *about* trials and are
 * ignored. What remains are the methods headings, mapped below (first rule that fires wins):
 *
 *   Double-Blind Method                                  -> rct (double-blinding implies allocation)
 *   Single-Blind Method or Cross-Over Studies
 *     together with Random Allocation                    -> rct
 *   Case-Control Studies                                 -> case-control
 *   Cross-Sectional Studies (without Longitudinal)       -> cross-sectional
 *   Retrospective Studies (without Prospective)          -> retrospective-cohort
 *   Prospective Studies (without Retrospective)          -> prospective-cohort
 *   Cohort Studies (no direction, or both)               -> cohort (the abstract may give its direction)
 *
 * Not decisive on their own (the article is left to its text): Random Allocation (NLM also uses it
 * for random *sampling*), Single-Blind Method or Cross-Over Studies without it, Follow-Up /
 * Longitudinal Studies (trials are followed up too), Surveys and Questionnaires (a tool, not a design),
 * Pilot Projects, Feasibility Studies, Program Evaluation, and conflicting pairs (Retrospective +
 * Prospective).
 */
import type { DesignInfo, StudyDesign } from '../dataset/types';
import { designInfo, UNKNOWN_DESIGN } from './levels';

export interface MeshAssessment {
  /** The design MeSH decides, or unknown. */
  info: DesignInfo;
  /**
   * Designs the deciding headings cannot rule out, which the abstract may refine. Without
   * publication types, "Prospective Studies" covers trials as well as cohorts, and "Retrospective
   * Studies" covers case series as well as cohorts. When MeSH does not decide, the designs its
   * headings still allow (e.g. a cohort of unknown direction); empty means no constraint.
   */
  compatible: StudyDesign[];
}

const COHORT_HEADINGS = ['cohort studies', 'follow-up studies', 'longitudinal studies'];

/** "Retrospective Studies*" (major-topic star) and case differences are the same heading. */
function normalise(heading: string): string {
  return heading.replace(/\*/g, '').trim().toLowerCase();
}

export function assessMesh(meshHeadings: readonly string[]): MeshAssessment {
  const set = new Set(meshHeadings.map(normalise).filter((h) => !h.endsWith(' as topic')));
  const has = (h: string) => set.has(h);
  const decide = (design: StudyDesign, evidence: string[], compatible: StudyDesign[] = []): MeshAssessment => ({
    info: designInfo(design, 'mesh', evidence.join('; ')),
    compatible,
  });

  const retro = has('retrospective studies');
  const prosp = has('prospective studies');
  const randomAllocation = has('random allocation');
  const cohortish = COHORT_HEADINGS.filter(has);

  if (has('double-blind method')) return decide('rct', ['Double-Blind Method']);
  if (randomAllocation && has('single-blind method')) return decide('rct', ['Single-Blind Method', 'Random Allocation']);
  if (randomAllocation && has('cross-over studies')) return decide('rct', ['Cross-Over Studies', 'Random Allocation']);
  if (has('case-control studies')) return decide('case-control', ['Case-Control Studies']);
  if (has('cross-sectional studies') && !has('longitudinal studies')) {
    return decide('cross-sectional', ['Cross-Sectional Studies']);
  }
  // A blinded or crossover comparison that MeSH does not call randomised: a trial, arm unknown.
  const trialish = has('single-blind method') || has('cross-over studies') || randomAllocation;
  if (retro && !prosp && !has('single-blind method') && !has('cross-over studies')) {
    const explicitCohort = has('cohort studies');
    return decide(
      'retrospective-cohort',
      explicitCohort ? ['Retrospective Studies', 'Cohort Studies'] : ['Retrospective Studies'],
      explicitCohort ? [] : ['case-control', 'case-series'],
    );
  }
  if (prosp && !retro && !trialish) {
    const explicitCohort = has('cohort studies');
    return decide(
      'prospective-cohort',
      explicitCohort ? ['Prospective Studies', 'Cohort Studies'] : ['Prospective Studies'],
      explicitCohort ? [] : ['rct', 'non-randomised-trial', 'case-series'],
    );
  }

  // "Cohort Studies" with no direction, or both: a cohort study, which the abstract may say more of. (Not beside
  // "Cross-Sectional Studies", which then came with "Longitudinal Studies": one of two designs.)
  if (has('cohort studies') && !trialish && !has('cross-sectional studies')) {
    return decide('cohort', ['Cohort Studies'], ['prospective-cohort', 'retrospective-cohort']);
  }
  // Undecided: say which designs the headings still allow, so text cues cannot contradict them.
  if (trialish) return { info: UNKNOWN_DESIGN, compatible: ['rct', 'non-randomised-trial', 'prospective-cohort'] };
  if (cohortish.length > 0 || (retro && prosp)) {
    const allowed: StudyDesign[] = ['prospective-cohort', 'retrospective-cohort', 'cohort'];
    if (has('cross-sectional studies')) allowed.push('cross-sectional');
    if (!has('cohort studies')) allowed.push('rct', 'non-randomised-trial', 'case-series');
    return { info: UNKNOWN_DESIGN, compatible: allowed };
  }
  return { info: UNKNOWN_DESIGN, compatible: [] };
}

/** Headings that say something about design, whether or not they decide one (for the evaluation). */
export const DESIGN_HEADINGS: readonly string[] = [
  'Retrospective Studies',
  'Prospective Studies',
  'Cohort Studies',
  'Follow-Up Studies',
  'Longitudinal Studies',
  'Case-Control Studies',
  'Cross-Sectional Studies',
  'Double-Blind Method',
  'Single-Blind Method',
  'Random Allocation',
  'Cross-Over Studies',
  'Pilot Projects',
  'Feasibility Studies',
  'Surveys and Questionnaires',
  'Health Surveys',
  'Health Care Surveys',
  'Nutrition Surveys',
  'Dental Health Surveys',
];
