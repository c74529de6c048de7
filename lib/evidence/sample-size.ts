/**
 * Sample size where the abstract states it plainly: "a total of 312 patients were enrolled",
 * "1,024 women", "Sixty-two patients", "patients (n = 120)". Only counts of people (or cases) are
 * taken, and only where the wording says they are the study's sample; subgroups ("40 (80%) patients",
 * "of whom 12 patients"), group sizes ("(n = 44) or (n = 43)"), one group of a study whose controls are
 * counted apart, the pool a sample was drawn from and lab units ("n = 3 replicates") are not. Nothing is
 * returned when unsure: a wrong number is worse than none.
 */
import type { SampleSize } from '../dataset/types';
import { sentences, type Section } from './text-cues';

// What may be counted. Plural forms only: a study of one is a case report, not a sample.
const UNITS = [
  'patients', 'participants', 'subjects', 'individuals', 'people', 'persons', 'adults', 'children',
  'infants', 'neonates', 'newborns', 'babies', 'adolescents', 'teenagers', 'youths', 'women', 'men',
  'girls', 'boys', 'mothers', 'fathers', 'parents', 'couples', 'families', 'households', 'volunteers',
  'respondents', 'residents', 'students', 'physicians', 'doctors', 'nurses', 'surgeons', 'clinicians',
  'practitioners', 'dentists', 'pharmacists', 'midwives', 'veterans', 'survivors', 'smokers', 'athletes',
  'recipients', 'donors', 'twins', 'cases', 'controls', 'pregnancies', 'deliveries', 'births', 'outpatients',
  'inpatients', 'users', 'workers', 'employees', 'caregivers', 'carers', 'soldiers', 'elderly', 'members',
  'decedents', 'autopsies', 'admissions', 'visits', 'encounters', 'consultations', 'referrals', 'beneficiaries',
  'enrollees', 'providers',
];
const UNIT_RE = UNITS.join('|');
const PROVIDERS = /^(?:physicians|doctors|nurses|surgeons|clinicians|practitioners|dentists|pharmacists|midwives)$/i;

// 1,024 / 12 537 (thin or normal space before exactly three digits) / 120.
const DIGITS = String.raw`\d{1,3}(?:[,\u2009\u202f ]\d{3})+(?!\d)|\d+`;
const SMALL: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const WORD = [...Object.keys(SMALL), ...Object.keys(TENS), 'hundred', 'thousand', 'and'].join('|');
// "Three hundred and seventeen", "Sixty-two": words joined by spaces or hyphens, starting with a number.
const WORDS = String.raw`(?:${[...Object.keys(SMALL), ...Object.keys(TENS)].join('|')})(?:[\s-]+(?:${WORD}))*`;

/** Adjectives allowed between a number and what it counts ("312 consecutive adult patients"). */
// Never a number word: "December 1998 thirty patients" counts thirty, not 1,998.
const GAP = String.raw`(?:(?!(?:of|in|on|at|to|for|from|with|and|or|per|were|was|had|who|than|years?|months?|weeks?|days?|hours?|hundreds?|thousands?|millions?|dozens?|${[...Object.keys(SMALL), ...Object.keys(TENS)].join('|')})\b)[A-Za-z][\w'-]*\s+){0,3}`;

const COUNT_RE = new RegExp(String.raw`\b(${DIGITS}|${WORDS})\s+${GAP}(${UNIT_RE})\b`, 'gi');
// "patients (n = 120)", "(N=1,224)".
const N_EQ_RE = new RegExp(String.raw`\b[nN]\s*=\s*(${DIGITS})(?:\s+(${UNIT_RE})\b)?`, 'g');

// Wording that says these are the study's sample (checked just before and just after the count).
const BEFORE_SAMPLE =
  /(?:\btotal(?: of)?|\bin total,?|\boverall,?|\b(?:sample|cohort|series|population|group) of|\bconsist(?:ed|s|ing) of|\bcompris(?:ed|es|ing)(?: of)?|\b(?:included|enrolled|recruited|studied|evaluated|examined|reviewed|analy[sz]ed|identified|surveyed|interviewed|randomi[sz]ed|followed|involved|involving|investigated|assessed|screened|selected|followed up|contacted|questioned|observed)|\b(?:study|trial|survey|analysis|review|audit|data)\b[^.;]{0,40}?\b(?:of|on|in|involving|including|from))\s+(?:the\s+|all\s+)?$/i;
const AFTER_SAMPLE =
  /^[^.;\d]{0,80}?\b(?:were|was|had been|are|is)\s+(?:\w+\s+){0,2}?(?:included|enrolled|recruited|studied|evaluated|examined|reviewed|analy[sz]ed|identified|surveyed|interviewed|randomi[sz]ed|allocated|assigned|followed|treated|assessed|investigated|selected|admitted|entered|screened|eligible|available|operated|observed|registered|tested|questioned|contacted|invited|sampled|divided)\b|^\s*(?:\([^)]*\)\s*)?(?:participated|took part|underwent|completed|responded|received|met|fulfilled|agreed|entered)\b|^[^.;]{0,80}?\b(?:participated|took part)\b|^\s*(?:studied|included|enrolled|evaluated|examined|analy[sz]ed|investigated|assessed|recruited|surveyed|interviewed)\b/i;
// The same, read without brackets and ages, for the verbs that leave no doubt (not "screened" or "eligible", which
// often count the pool a sample was drawn from).
const AFTER_SAMPLE_PLAIN =
  /^[^.;\d]{0,80}?\b(?:were|was|are|is)\s+(?:\w+\s+){0,2}?(?:included|enrolled|recruited|studied|evaluated|examined|analy[sz]ed|identified|surveyed|interviewed|randomi[sz]ed|treated|operated)\b|^\s*(?:participated|took part|underwent|completed|responded)\b|^[^.;\d]{0,80}?\b(?:participated|took part)\b/i;
// Subgroups and parts of a sample.
const SUBGROUP_BEFORE = /(?:\b(?:of|among) (?:whom|these|them|those|which)(?: [a-z]+)?,?|\bin (?:whom|them|these|those)|\band (?:in|of|from)|\b(?:out of|of|from) (?:this|the|these) (?:sample|cohort|group|population|series|patients),?|\b(?:additionally|in addition|also|furthermore|moreover),?|\bincluding|\bexcluding|\bexcluded|\bonly|\bremaining|\bother|\bexcept|\bwhom|\bthan|\bmatched (?:to|with)|\bcompared (?:with|to)(?: (?:those|that) of)?|\bvs\.?|\bversus|\band|\bor|%\)?|(?<!\d)\d{1,3}\s*(?:,|and))\s*$/i;
const SUBGROUP_AFTER = /^\s*\([^)]*\bgroup\b|^\s*(?:\([^)]*\)\s*)?(?:and|or|vs\.?|versus)\s+(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|[a-z]+teen|[a-z]+ty)\b)|^\s*(?:for|per)\s+(?:each|every)\b|^[^.;]{0,30}\b(?:the\s+)?group\s+(?:[A-Z0-9]|I{1,3})\b|^[^.;]{0,30}\b(?:the\s+)?control group\b|^\s*(?:surveys?|studies|trials?|databases?|registr(?:y|ies)|cohorts?|clinics?)\b|^\s*\(\s*\d+(?:\.\d+)?\s*%\s*(?:\)|of\b)|^\s*(?:of|out of)\s+(?:the\s+)?(?:\d|[a-z]+\s+(?:patients|participants|subjects))/i;
// Read in the clause after a count, brackets left out: one arm of a study whose other arm is counted too ("42 patients
// receiving S+RT were matched to 84 patients", "483 patients were included in the study group", "28 patients with ET and
// 28 NV were enrolled"): the sample is split and its total is not stated.
const ONE_ARM_AFTER = new RegExp(
  String.raw`^[^.;]{0,120}?\b(?:(?:in|into) the (?:study|case|treatment|intervention|experimental|patient) group\b|(?:were|was) matched\b|matched (?:to|with)\s+(?:\d|${WORDS})|(?:were|was) compared (?:with|to)\s+(?:those of\s+)?(?:\d|${WORDS}))` +
    // A second subject before the verb: no number ("of whom 21 ... and 25") or verb ("were enrolled, and 107 events") between.
    String.raw`|^(?:(?!\b(?:were|was|had|underwent|responded|completed|participated|received|took|who|whom|which)\b)[^.;:\d]){0,100}?\b(?:and|vs\.?|versus|compared (?:with|to)|as well as)\s+(?:in\s+)?(?!(?:19|20)\d\d\b)(?:\d+|${WORDS})\s+(?!(?:years?|months?|weeks?|days?|hours?|minutes?|times?|percent|were|was|had|did|have|of|in|to)\b)[A-Za-z]`,
  'i',
);
// "aged 10.5 +/- 5.1 years", "aged 18-65 years old".
const AGES = /\baged?\s+(?:between\s+)?[\d.,\s±+\/–-]+(?:and\s+[\d.]+\s+)?(?:years?|months?|weeks?|days?)(?:\s+old)?/gi;
// "Of 118 volunteers, 32 were excluded": the pool before exclusions, not who was studied; so are "116 patients were
// identified, and 77 of them were included", "312 physicians were contacted, and 154 returned questionnaires" (but
// "381 surgeons responded to this survey and 351 were used for the analysis": 381 took part).
const POOL_AFTER = new RegExp(
  String.raw`^[^.;]{0,80}?,\s*(?:\d+|${WORDS})\s+(?:\w+\s+){0,2}(?:were|was)\s+(?:excluded|ineligible|lost)\b` +
    String.raw`|^[^.;]{0,80}?(?:,\s*|\band\s+)(?!(?:19|20)\d\d\b)(?:\d+|${WORDS})\s+(?:of (?:them|these|whom)\s+)?(?:\w+\s+){0,2}?(?:(?:were|was)\s+(?:included|eligible)|returned)\b`,
  'i',
);
// "Of a population of 313 children who had a scan, 130 children were studied": the pool the sample was drawn from.
const POOL_BEFORE = /^\s*(?:of|from|out of)\s+(?:a|an|the|this)\s+(?:\w+\s+){0,2}(?:population|pool|group|cohort|sample|total|series) of\s*$/i;
// A count of controls or healthy comparison subjects ("52 controls", "15 healthy volunteers", "the control group
// consisted of 461").
const CONTROLS_COUNTED = new RegExp(
  String.raw`\b(?:\d+|${WORDS})\s+(?:[a-z-]+\s+){0,3}?(?:controls|control (?:subjects|patients|participants|individuals|children|women|men)|healthy (?:[a-z-]+\s+)?(?:volunteers|controls))\b` +
    String.raw`|\bcontrol (?:group|subjects)\b[^.;]{0,30}?\b(?:of|consisted of|comprised|included|was|were)\s+(?:\d|${WORDS})|\bcontrols?\s*\(\s*n\s*=\s*\d`,
  'i',
);
// "Fifty-one infants who did not have pyloric stenosis served as controls", "20 healthy subjects comprised the control group".
const AS_CONTROLS = /\b(?:as|comprised|formed|constituted)\s+(?:the\s+|a\s+)?(?:controls?|control (?:group|subjects))\b/i;
const A_NUMBER = new RegExp(String.raw`\d|\b(?:${WORDS})\b`, 'i');
const countsControls = (sentence: string) => CONTROLS_COUNTED.test(sentence) || (AS_CONTROLS.test(sentence) && A_NUMBER.test(sentence));
// Any count of people, in words or digits, or an "n =".
const COUNT_OR_N = new RegExp(String.raw`\b(${DIGITS}|${WORDS})\s+(?:[A-Za-z-]+\s+){0,5}?(?:${UNIT_RE}|controls)\b|\b[nN]\s*=\s*(${DIGITS})`, 'gi');
// A sentence that gives the whole sample ("a total of 104 subjects: 52 cases and 52 controls").
// Who was left to study once some were excluded, stated after the pool: "Two patients were excluded, and data from
// the remaining 100 patients were analyzed", "69 cases were included in this study" (after "We reviewed 500 cases").
// ("In the remaining 52 patients, the access rate…" names a subgroup: no exclusion before it.)
const FINAL_SAMPLE = new RegExp(
  String.raw`\bexclu(?:ded|sion)\b[^.;]{0,80}?\bremaining\s+(${DIGITS}|${WORDS})\s+${GAP}(${UNIT_RE})\b` +
    String.raw`|^(?:(?:finally|overall|in total),?\s+)?(${DIGITS}|${WORDS})\s+${GAP}(${UNIT_RE})\s+(?:\([^)]*\)\s+)?(?:were|was)\s+(?:finally\s+)?(?:included|enrolled)\s+in\s+(?:this|the)\s+(?:study|analysis|final analysis)\b(?!\s+group)`,
  'i',
);
const STATED_TOTAL = /\b(?:a total of|in total|overall|altogether|in all)\b/i;
// "Power calculation stipulated a study population of 323": the plan, not who took part.
const PLANNED = /\b(?:power (?:calculation|analysis)|sample size (?:calculation|estimation)|would be (?:needed|required)|were (?:needed|required) to)\b/i;
const YEARISH = /^(?:19[5-9]\d|20[0-3]\d)$/;
/** Chars read before and after a count for its wording. */
const CONTEXT_CHARS = 300;
// "Group 1 consisted of 357 women", "a control group of 20 healthy subjects": one arm, not the sample.
const GROUP_BEFORE = /\b(?:group|arm)s?\b(?:\s+(?:[A-Z0-9]{1,3}|one|two|three|four))?[^.;]{0,60}$/i;
// "Eighteen of 815 patients": the study may be about the eighteen.
const PART_OF_BEFORE = new RegExp(String.raw`\b(?:\d+|${WORDS})\s+(?:\(\s*[\d.]+\s*%\s*\)\s+)?(?:out\s+)?of\s+(?:the\s+|all\s+)?$`, 'i');
// A second count joined to the first ("13 patients and 15 healthy subjects"): the sample is split
// between groups and its total is not stated.
const JOINED_BEFORE = /(?:\band(?: in| of| from)?|;|\bvs\.?|\bversus|\bcompared (?:with|to)|\bas well as)\s*$/i;

const METHODS_LABEL = /METHOD|DESIGN|SUBJECT|PATIENT|PARTICIPANT|SETTING|POPULATION|MATERIAL|SAMPLE|STUDY/i;
const SKIP_LABEL = /BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE|HYPOTHES|CONCLUSION|DISCUSSION|LIMITATION|OBJECTIVE|PURPOSE|AIM/i;

export function parseCount(raw: string): number | undefined {
  const s = raw.trim().toLowerCase();
  if (/^\d/.test(s)) return Number(s.replace(/[,\u2009\u202f ]/g, ''));
  let total = 0;
  let current = 0;
  for (const word of s.split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word in SMALL) current += SMALL[word];
    else if (word in TENS) current += TENS[word];
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return undefined;
  }
  return total + current || undefined;
}

interface Candidate extends SampleSize {
  /** Wording marks it as the study's sample. */
  strong: boolean;
}

function candidatesIn(sentence: string): Candidate[] {
  const found: Candidate[] = [];
  // Several "n =" in one sentence are group sizes; one is the sample when a unit is named with it.
  const nEq = [...sentence.matchAll(N_EQ_RE)];
  if (nEq.length === 1) {
    const m = nEq[0];
    const before = sentence.slice(Math.max(0, m.index - 60), m.index);
    const unitBefore = new RegExp(String.raw`\b(${UNIT_RE})\b[^.;()]{0,50}\(?\s*$`, 'i').exec(before);
    const unit = m[2] ?? unitBefore?.[1];
    const groupish = /\b(?:group|arm|controls?|cohort)\s*\(?\s*$/i.test(before) || GROUP_BEFORE.test(sentence.slice(0, m.index));
    const n = parseCount(m[1]);
    // "(n = 16; 17.2%)": a part of the sample given with its share; but "(n = 271, 24.7%) are included in this
    // study" is the sample, drawn from those screened.
    const rest = sentence.slice(m.index + m[0].length, m.index + m[0].length + CONTEXT_CHARS);
    const share = /^\s*[;,]\s*[\d.]+\s*%/.test(rest) && !AFTER_SAMPLE.test(rest.replace(/^[^)]*\)/, ''));
    if (unit && !groupish && !share && n !== undefined && n > 1) {
      found.push({ n, unit: unit.toLowerCase(), sentence, strong: true });
    }
  }
  // Counts in brackets break down the count before them ("62 patients (19 men and 43 women)"). The bracket depth at
  // each char, counted once: recounting before every count made a long sentence's work grow with its square.
  const depths = new Int32Array(sentence.length + 1);
  for (let i = 0, d = 0; i < sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    if (c === 0x28) d++;
    else if (c === 0x29) d--;
    depths[i + 1] = d;
  }
  const depth = (i: number) => depths[i];
  const counts = [...sentence.matchAll(COUNT_RE)].filter((m) => depth(m.index) <= 0);
  const joined = counts.some((m, i) => {
    if (i === 0) return false;
    const prev = counts[i - 1];
    const gap = sentence.slice(prev.index + prev[0].length, m.index).replace(/\([^)]*\)/g, '');
    return JOINED_BEFORE.test(gap.trimEnd() + ' ');
  });
  // Cases and controls counted separately, or a planned size: no total stated.
  // ("A total of 18,605 patients met inclusion criteria; 2067 patients were in ... and 1362 in ..." gives its total.)
  // Controls counted in the same sentence as other people ("30 macrosomic neonates; 90 AGA neonates served as controls").
  const numbers = sentence.match(new RegExp(String.raw`\d+|\b(?:${WORDS})\b`, 'gi'))?.length ?? 0;
  const split = joined || (counts.length > 1 && /\bcontrols?\b/i.test(sentence)) || (numbers > 1 && AS_CONTROLS.test(sentence));
  if (PLANNED.test(sentence)) return found;
  for (const m of counts) {
    const n = parseCount(m[1]);
    if (n === undefined || n < 2) continue;
    // Only a first count given as a total, its groups after a colon or semicolon.
    const total = m === counts[0] && /\b(?:a total of|in total,?)\s*$/i.test(sentence.slice(Math.max(0, m.index - 20), m.index));
    if (split && !(total && /[:;]/.test(sentence.slice(m.index + m[0].length, counts[1]?.index ?? sentence.length)))) continue;
    // What the wording tests read around a count: a few clauses either side, however long the sentence (a dataset's
    // text is untrusted, and tests anchored at the end of all that came before made the work quadratic).
    const before = sentence.slice(Math.max(0, m.index - CONTEXT_CHARS), m.index);
    const after = sentence.slice(m.index + m[0].length, m.index + m[0].length + CONTEXT_CHARS);
    if (YEARISH.test(m[1]) && /\b(?:in|since|from|between|during|until|to|by|before|after)\s*$/i.test(before)) continue;
    if (/[-–.\/:]\s*$|\bage[sd]?\s*$/i.test(before)) continue; // "18-65 patients", "aged 12 ..."
    if (SUBGROUP_BEFORE.test(before) || SUBGROUP_AFTER.test(after)) continue;
    const clause = after.replace(/\([^)]*\)/g, '');
    if (ONE_ARM_AFTER.test(clause) || POOL_AFTER.test(clause) || POOL_BEFORE.test(before)) continue;
    if (GROUP_BEFORE.test(before) || PART_OF_BEFORE.test(before)) continue;
    // "documented by 123 physicians for 900 patients": who did the work, not who was studied.
    if (PROVIDERS.test(m[2]) && /\bby\s*$/i.test(before)) continue;
    // "an NNH value of 85 patients": a number needed to treat or harm, not who was studied.
    if (/\b(?:NNT|NNH|number needed to (?:treat|harm|screen))\b[^.;]{0,40}$/i.test(before)) continue;
    // "for each case ..., 2 referent patients": a matching ratio.
    if (/\b(?:for (?:each|every)|per)\b[^.;]*$/i.test(before)) continue;
    // Controls are counted to spot case-control splits, never reported as the sample.
    if (m[2].toLowerCase() === 'controls') continue;
    // Brackets and ages between a count and its verb ("Seventeen children with ARDS aged 10.5 +/- 5.1 years were
    // identified") are left out of the wording read after it.
    const strong = BEFORE_SAMPLE.test(before) || AFTER_SAMPLE.test(after) || AFTER_SAMPLE_PLAIN.test(clause.replace(AGES, ''));
    found.push({ n, unit: m[2].toLowerCase(), sentence, strong });
  }
  return found;
}

/**
 * Methods-like sections first, then unlabelled ones and results; background, objectives and
 * conclusions are skipped (they cite other studies' numbers). The first count whose wording marks it
 * as the sample wins; in a methods section, the first count of people is accepted as it stands.
 */
export function extractSampleSize(sections: readonly Section[]): SampleSize | undefined {
  const ranked = sections
    .map((s, i) => {
      const label = s.label ?? '';
      const rank = METHODS_LABEL.test(label) ? 0 : SKIP_LABEL.test(label) ? -1 : 1;
      return { s, i, rank, methods: rank === 0 };
    })
    .filter((x) => x.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.i - b.i);

  // Controls counted in another sentence ("In addition, 15 healthy volunteers were included as a control group") make
  // the count found one group of a split sample, unless its own sentence gives a total.
  const withControls = ranked.flatMap(({ s }) => sentences(s.text).filter(countsControls));
  // A count that is the cases and controls together ("Three hundred patients were enrolled. Ninety ... were taken as
  // cases, whereas 210 ... as controls") is the sample.
  const groupSizes = withControls.flatMap((sentence) => [...sentence.matchAll(COUNT_OR_N)].map((m) => parseCount(m[1] ?? m[2]) ?? 0));
  // Two of them that add up to n, in one pass over the sizes (an untrusted abstract may count thousands).
  const sizes = new Map<number, number>();
  for (const size of groupSizes) sizes.set(size, (sizes.get(size) ?? 0) + 1);
  const sumOfGroups = (n: number) => groupSizes.some((a) => (sizes.get(n - a) ?? 0) > (n - a === a ? 1 : 0));
  const answer = (c: Candidate): SampleSize | undefined =>
    withControls.some((other) => other !== c.sentence) && !STATED_TOTAL.test(c.sentence) && !sumOfGroups(c.n)
      ? undefined
      : { n: c.n, unit: c.unit, sentence: c.sentence };
  const inOrder = sections.flatMap((s, i) => (ranked.some((x) => x.i === i) ? sentences(s.text) : []));
  // Fewer studied than the count found, said in a later sentence (sections in the abstract's order).
  const finally_ = (c: Candidate): Candidate => {
    const at = inOrder.indexOf(c.sentence);
    if (at < 0) return c;
    for (const sentence of inOrder.slice(at + 1)) {
      const m = FINAL_SAMPLE.exec(sentence);
      const n = m ? parseCount(m[1] ?? m[3]) : undefined;
      if (m && n !== undefined && n > 1 && n < c.n) return { n, unit: (m[2] ?? m[4]).toLowerCase(), sentence, strong: true };
    }
    return c;
  };
  let fallback: Candidate | undefined;
  for (const { s, methods } of ranked) {
    for (const sentence of sentences(s.text)) {
      for (const c of candidatesIn(sentence)) {
        if (c.strong) return answer(finally_(c));
        if (methods && !fallback) fallback = c;
      }
    }
  }
  return fallback && answer(finally_(fallback));
}
