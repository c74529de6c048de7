/**
 * Weighing the evidence of a research summary: study design (from MeSH, else from the abstract's
 * wording), its level in a simple evidence hierarchy, and the sample size where plainly stated.
 * Pure functions over plain data: runs in the extension and in the Node dataset build alike.
 */
import type { DesignInfo, SampleSize } from '../dataset/types';
import { designInfo, UNKNOWN_DESIGN } from './levels';
import { assessMesh } from './mesh';
import { classifyByText, type Section } from './text-cues';
import { extractSampleSize } from './sample-size';

export { DESIGN_LABELS, evidenceLevel, levelOf } from './levels';
export type { Section } from './text-cues';

export interface StudyInput {
  meshHeadings?: string[];
  sections: Section[];
  /** The article's conclusion; used only where it speaks of "this" study. */
  conclusion?: string;
}

export function assessStudy(input: StudyInput): { design: DesignInfo; sampleSize?: SampleSize } {
  const sections = input.conclusion ? [...input.sections, { label: 'CONCLUSIONS', text: input.conclusion }] : input.sections;
  const mesh = assessMesh(input.meshHeadings ?? []);
  const text = classifyByText(sections);
  const combined = combine(mesh.info, mesh.compatible, text);
  const design = inAnimals(input.meshHeadings ?? []) ? asAnimalStudy(combined) : combined;
  const sampleSize = extractSampleSize(input.sections);
  return sampleSize ? { design, sampleSize } : { design };
}

/** MeSH indexes a study in animals with Animals, and one in people with Humans (a study of both has both). */
function inAnimals(headings: string[]): boolean {
  const lower = headings.map((h) => h.toLowerCase());
  return lower.includes('animals') && !lower.includes('humans');
}

/** Its design stands ("a randomised trial in rats"), its level goes: the hierarchy ranks evidence in people. */
function asAnimalStudy({ level: _level, ...design }: DesignInfo): DesignInfo {
  return { ...design, subjects: 'animals' };
}

/**
 * MeSH decides where it can. The abstract may refine a MeSH design only into one the deciding
 * headings cannot rule out (PubMedQA has no publication types, so "Prospective Studies" alone may
 * be a randomised trial the abstract names). Where MeSH does not decide, text cues are used unless
 * they contradict what the headings do say. "Cohort Studies" alone decides a cohort only where the text does not
 * call the study something else (a "cohort" that the text calls a case-control or cross-sectional is unknown).
 */
function combine(mesh: DesignInfo, compatible: readonly string[], text: DesignInfo): DesignInfo {
  if (mesh.design !== 'unknown') {
    if (text.design !== 'unknown' && compatible.includes(text.design)) {
      return designInfo(text.design, 'text', `${text.evidence} (MeSH: ${mesh.evidence})`);
    }
    if (mesh.design === 'cohort' && text.design !== 'unknown' && text.design !== 'cohort') return UNKNOWN_DESIGN;
    return mesh;
  }
  if (text.design === 'unknown') return UNKNOWN_DESIGN;
  if (compatible.length > 0 && !compatible.includes(text.design)) return UNKNOWN_DESIGN;
  return text;
}
