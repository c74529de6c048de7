// An abstract's section that holds both its methods and its results ("METHODS AND RESULTS", "MEASUREMENTS AND
// MAIN RESULTS") opens with how the study was done; shown as "Key findings", a reader met "Patients were randomly
// assigned to the ultrasound or landmark group." first. Part the opening methods from the results.
import { sentences } from '../../lib/evidence/text-cues.ts';

/** A label that names methods and results together. */
export const METHODS_AND_RESULTS = /\b(?:METHODS?|MEASUREMENTS?|DESIGN|MATERIALS?|SETTING|PATIENTS|SUBJECTS|PARTICIPANTS)\b.*\b(?:RESULTS?|FINDINGS?)\b/;

/** A figure's statistics: a sentence with them reports a result. */
const STATISTICS = /\d\s?%|\bpercent\b|\b[Pp]\s?[<=>≤≥]|\b(?:CI|OR|HR|RR)\b|confidence interval|\b(?:was|were)\s(?:about\s|approximately\s)?\d/;
/** Words of a comparison or an association: a result, unless the sentence says how the study was done. */
const RESULT_WORDS =
  /signific|associat|correlat|\b(?:higher|lower|greater|fewer|smaller|larger|shorter|longer|more|less|increased|decreased|reduced|improved|declined|elevated|similar|comparable|differ(?:ed|ences?)?|showed|found|occurred)\b/;

/** A sentence that says how the study was done. */
const METHOD =
  /\b(?:randomly assigned|randomi[sz]ed to|we (?:studied|related|determined|compared|analy[sz]ed|measured|assessed|examined|reviewed|enrolled|recruited|used)|this (?:study )?was a|outcomes?(?: measures?)? (?:was|were|of interest)|control variables|predictor variables|records were kept|(?:was|were) (?:isolated|obtained|collected|searched|constructed|defined|formulated|estimated|measured|recorded|categori[sz]ed|compared)|underwent)\b/i;

/**
 * The section's opening methods (null when it opens with a result) and its results. Only a run of sentences
 * without a result, one of which says how the study was done, is parted off; a section with no result sentence
 * stays whole.
 */
export function partMethods(text: string): { methods: string | null; results: string } {
  const all = sentences(text);
  const first = all.findIndex((s) => STATISTICS.test(s) || (RESULT_WORDS.test(s) && !METHOD.test(s)));
  if (first <= 0 || !all.slice(0, first).some((s) => METHOD.test(s))) return { methods: null, results: text };
  let at = 0;
  for (let i = 0; i <= first; i++) at = text.indexOf(all[i], i === 0 ? 0 : at + all[i - 1].length);
  return { methods: text.slice(0, at).trim(), results: text.slice(at).trim() };
}
