// Warming the matcher up. A page's text is matched once, so in a worker that has just started the
// matcher's code runs unoptimised: measured here, the first 180,000 characters match at about a fifth of
// the speed of the rest. Running it over this made-up passage right after it loads, in small slices, lets
// the JavaScript engine optimise it before a reader's page needs it. The passage is written for the job:
// multi-word terms, plurals, possessives, hyphens, abbreviations defined in parentheses and used later,
// and plain prose between them, so that every branch of a real page's matching is taken.
import type { Matcher } from '../match/index.ts';

export const WARM_UP_TEXT = [
  'Patients with type 2 diabetes mellitus (T2DM) and chronic kidney disease (CKD) were followed for five years.',
  'Those with T2DM who received metformin had fewer cardiovascular events than those on insulin alone, and CKD',
  'progressed more slowly. Blood pressure, serum creatinine and glycated haemoglobin were measured every',
  "three months. Crohn's disease, ulcerative colitis and irritable bowel syndrome were recorded as",
  'comorbidities; so were asthma, chronic obstructive pulmonary disease (COPD), heart failure and atrial',
  'fibrillation. Computed tomography (CT) of the chest and magnetic resonance imaging (MRI) of the brain',
  'were done where symptoms suggested it; CT found pulmonary embolism in two patients and MRI showed',
  'ischaemic strokes in three. Non-steroidal anti-inflammatory drugs (NSAIDs) were stopped in people with',
  'CKD. Breast cancers, prostate cancer and non-Hodgkin lymphoma were rarer than expected. Wilson disease',
  '(WD) was diagnosed in one young woman with hepatic copper accumulation; WD responded to penicillamine.',
  'Vaccination against influenza and pneumococcal pneumonia was offered to all; myocardial infarction (MI)',
  'occurred in 4% of the cohort, and MI was more frequent in smokers, in people with hypertension and in',
  "those with hyperlipidaemia. Alzheimer's disease, Parkinson disease, multiple sclerosis and epilepsy were",
  'exclusion criteria. Adverse effects included nausea, headache, dizziness, rash and, rarely, anaphylaxis.',
  'Randomised controlled trials, cohort studies and case-control studies were pooled in the meta-analysis',
  'of outcomes, with hazard ratios (95% confidence intervals) reported for mortality and hospitalisation.',
].join(' ');

/** Characters of warm-up text per slice, and in all: a slice takes a few milliseconds even unoptimised. */
const SLICE_CHARS = 6_000;
const TOTAL_CHARS = 180_000;

/**
 * Match the passage over and over, one slice per task, so that requests arriving meanwhile are answered
 * between slices. Resolves when done or when `stillWanted()` turns false (the matcher was replaced).
 */
export async function warmUp(matcher: Matcher, stillWanted: () => boolean = () => true): Promise<number> {
  const session = matcher.session();
  const repeats = Math.ceil(SLICE_CHARS / WARM_UP_TEXT.length);
  const slice = Array.from({ length: repeats }, () => WARM_UP_TEXT).join(' ');
  let done = 0;
  while (done < TOTAL_CHARS && stillWanted()) {
    session.match(slice);
    // Each answer carries the session's state too; the first also fingerprints the matcher (a few ms, once).
    session.state();
    done += slice.length;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return done;
}
