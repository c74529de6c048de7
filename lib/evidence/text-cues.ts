/**
 * Study design from cues in the abstract itself, so a dataset without MeSH headings still gets one.
 * Deliberately conservative (measured against MeSH in `npm run eval`): a cue counts only where it
 * describes *this* study, and an abstract whose cues disagree is left unknown rather than guessed.
 */
import type { DesignInfo, StudyDesign } from '../dataset/types';
import { designInfo, UNKNOWN_DESIGN } from './levels';

export interface Section {
  label?: string;
  text: string;
}

export interface CueHit {
  design: Exclude<StudyDesign, 'unknown'>;
  weak?: boolean;
  /** Counts only where no other design is cued at all (a survey in a cohort study is one of its tools). */
  fallback?: boolean;
  /** The words that matched, as written in the abstract. */
  cue: string;
  sentence: string;
}

interface Cue {
  design: CueHit['design'];
  re: RegExp;
  /** The match is discarded when this matches the sentence (e.g. random *sampling*). */
  unless?: RegExp;
  /** Suggestive rather than explicit: loses to any other design cue instead of absorbing it. */
  weak?: boolean;
  /** Only where nothing else is cued: any other design cue, even a weak one, wins over it. */
  fallback?: boolean;
}

// "Seventy-five", "One thousand one": enough to recognise a spelled-out count.
const NUMBER_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty)(?:[\s-]+(?:and|one|two|three|four|five|six|seven|eight|nine|hundred|thousand|[a-z]+teen|[a-z]+ty))*`;

// Words that qualify a study without changing its design, allowed between a cue and "study".
const Q = String.raw`,?\s+(?:[\w-]+,?\s+){0,4}`;

const CUES: readonly Cue[] = [
  {
    design: 'meta-analysis',
    re: /\b(?:meta-?analys[ie]s|systematic (?:literature )?review)\b/i,
  },
  {
    design: 'rct',
    re: new RegExp(
      String.raw`\b(?:randomi[sz]ed${Q}(?:trial|study|design|fashion|manner|comparison|experiment)|` +
        String.raw`(?:were|was|being|be)\s+(?:prospectively\s+)?randomi[sz]ed|randomi[sz]ed\s+(?:to|into|between)\b|` +
        String.raw`we\s+randomi[sz]ed|randomly\s+(?:assigned|allocated|divided|distributed)|random\s+(?:assignment|allocation)|` +
        String.raw`placebo[- ]controlled|double[- ]blind(?:ed)?)`,
      'i',
    ),
    // "non-randomised", "quasi-randomised" and random *order* of tests are not randomised trials.
    unless: /\b(?:non[-\s]?|not\s+|un|quasi-?)randomi[sz]ed\b|randomi[sz]ed\s+(?:order|sequence)\b/i,
  },
  {
    design: 'non-randomised-trial',
    re: new RegExp(
      String.raw`\b(?:non-?\s?randomi[sz]ed${Q}(?:trial|study|comparative|controlled|intervention)|` +
        String.raw`single[- ]arm|quasi-?experimental)`,
      'i',
    ),
    // "non-randomised observational cohort" is a cohort, not a trial.
    unless: /\bobservational\b|\bcohort\b/i,
  },
  {
    design: 'case-control',
    re: /\bcase[- ]control(?:led)?\b/i,
  },
  {
    design: 'cross-sectional',
    // Only "cross-sectional" + a design noun ("cross-sectional data were obtained by a postal questionnaire"), or
    // alone as a design section's whole text ("DESIGN: Cross-sectional."): "cross-sectional area / imaging" is anatomy.
    re: new RegExp(
      String.raw`\bcross[- ]sectional${Q}(?:study|studies|survey|design|analysis|evaluation|assessment|investigation|research|sample|population|audit|comparison|approach|examination|interview|questionnaire|fashion|manner|data)|^\s*cross[- ]sectional\.?\s*$`,
      'i',
    ),
  },
  {
    // A survey done once ("An online survey was conducted", "A questionnaire was administered to 63 players",
    // "DESIGN: Questionnaire-based survey."): cross-sectional, where the abstract names no other design.
    design: 'cross-sectional',
    fallback: true,
    re: /\b(?:survey|questionnaire)s? (?:was|were) (?:conducted|carried out|performed|administered|sent|mailed|distributed)\b|^\s*(?:[\w-]+\s+){0,3}survey\.?\s*$/i,
    // An imaging "survey" is an examination ("the fetal anatomic survey", "a skeletal survey").
    unless: /\b(?:anatomic(?:al)?|skeletal|sonographic|ultrasound|radiographic) survey/i,
  },
  {
    // Cases set against controls chosen for them: "429 cases and 1,640 controls", "26 age-matched
    // healthy controls". A bare "control group" is not enough: trials and cohorts have those too.
    design: 'case-control',
    weak: true,
    re: new RegExp(
      String.raw`\b(?:\d[\d,]*|${NUMBER_WORD})\s+(?:[\w-]+\s+){0,3}cases\b[^.;]{0,60}?\band\s+(?:\d[\d,]*|${NUMBER_WORD})\s+(?:[\w-]+\s+){0,3}controls\b|` +
        String.raw`\bcases\s+and\s+(?:[\d,]+\s+)?(?:(?:age|sex|gender|population|hospital|community)[- ]?(?:and[- ]sex[- ])?(?:matched|based)?\s+|matched\s+|healthy\s+)*controls\b|` +
        String.raw`\b(?:\d[\d,]*|${NUMBER_WORD})\s+(?:(?:age|sex|gender)[- ](?:and[- ]sex[- ])?matched\s+|matched\s+|healthy\s+)+(?:[\w-]+\s+)?controls\b`,
      'i',
    ),
  },
  {
    design: 'case-series',
    re: new RegExp(
      String.raw`(?:^|\b(?:consecutive|retrospective|prospective|clinical|a|this|our|single[- ]cent(?:er|re),?)\s+)case series\b|` +
        String.raw`\b(?:this|a)\s+case report\b|\bwe\s+(?:report|describe|present)\s+(?:a|an|one|two|three|four|five|\d+)\s+(?:\w+\s+){0,2}(?:cases?|patients?)\b`,
      'i',
    ),
  },
  {
    design: 'retrospective-cohort',
    re: new RegExp(
      String.raw`\bretrospective${Q}(?:study|studies|review|analysis|cohort|chart|audit|evaluation|data|design|investigation|survey|record)|` +
        String.raw`\bretrospectively\b`,
      'i',
    ),
  },
  {
    design: 'prospective-cohort',
    re: new RegExp(
      String.raw`\bprospective${Q}(?:study|studies|cohort|analysis|evaluation|design|investigation|observational|follow-up|series|trial|survey|audit)|` +
        String.raw`\bprospectively\b`,
      'i',
    ),
    // Data kept prospectively says how records were collected, not how the study was designed.
    unless: /\bprospectively\s+(?:collected|maintained|recorded|entered|gathered|kept|compiled|registered)\b|\bprospective(?:ly)?\s+(?:\w+\s+)?(?:registry|register|database|data\s?base|data)\b/i,
  },
  {
    // A cohort the abstract names without a direction: "This is a population-based cohort study.", "DESIGN: Inception
    // cohort study." Any other design cued beside it says more, and wins.
    design: 'cohort',
    re: /\bcohort (?:study|studies|design)\b|^\s*(?:[\w-]+\s+){0,3}cohort\.?\s*$/i,
  },
];

// Sentences about other people's research: "previous randomised trials have shown...".
const ABOUT_OTHERS =
  /\b(?:previous(?:ly)?|(?:prior|earlier|other) (?:stud|trial|research|report|work|meta)|published|literature|existing|have (?:shown|demonstrated|suggested|reported|been)|has been|should|would|could)\b/i;
// "...are needed", "future trials": a recommendation, never this study, whoever speaks.
const RECOMMENDATION = /\b(?:needed|necessary|warranted|required|future|further (?:\w+\s+){0,2}(?:stud|trial|research|investigation))/i;
const ABOUT_THIS =
  /\b(?:we|our)\b|\b(?:this|the present|the current)\s+(?:[\w-]+,?\s+){0,4}?(?:study|trial|analysis|investigation|review|meta-analysis|report|paper|cohort|series|survey|audit|work|research|experiment)\b/i;
// Secondary use of someone's trial data: the design of the analysis is not the trial's.
const SECONDARY =
  /\b(?:secondary|post[- ]hoc|ancillary|sub-?study|exploratory) analys[ie]s\b|\b(?:participated|participating|enrolled|included) in (?:a|the)\b.{0,80}\btrial\b|\bdata (?:from|of) (?:a|the|two|three|\w+)\b.{0,60}\btrials?\b|\barms? of (?:a|the)\b.{0,40}\btrial\b/i;
// Own patients pooled with published studies: partly a primary study, so not called a review.
const OWN_PLUS_LITERATURE =
  /\b(?:our|the|these)\s+(?:own\s+)?(?:results|data|findings|series|cohort|patients)\b[^.;]{0,40}\b(?:with|and)\s+(?:those\s+(?:from|of|in)\s+)?(?:the\s+)?(?:published|previous|literature)\b/i;
// Sections whose statements are usually about the field, not the study.
const BACKGROUND_LABEL = /\b(?:BACKGROUND|INTRODUCTION|CONTEXT|RATIONALE|HYPOTHES[IE]S|LIMITATIONS?|DISCUSSION|CONCLUSIONS?)\b/i;

/**
 * Splits on sentence ends, keeping decimals ("0.05") and abbreviations together: "e.g. Crohn", "(0.67 vs. 0.91)"
 * and "Smith et al. 2004" end no sentence.
 */
export function sentences(text: string): string[] {
  return text
    // Also before run-in headings the source lost a space before: "...purpose.AIM: To perform".
    .split(/(?<=[.!?])(?<!\b(?:vs|e\.g|i\.e|et al|approx|cf|Figs?|Dr)\.)\s+(?=[A-Z0-9(])|(?<=[a-z)]\.)(?=[A-Z][A-Z ]{2,}:)/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every design cue that describes the study itself, in order of appearance. */
// Headings only systematic reviews use (JAMA-style review abstracts). "Data sources" and "Data
// extraction" are not among them: health-services papers use those for their own claims data.
const REVIEW_LABEL = /^(?:STUDY SELECTION|DATA SYNTHESIS|SEARCH (?:STRATEGY|METHODS)|SELECTION CRITERIA)$/i;

export function findCues(sections: readonly Section[]): CueHit[] {
  const hits: CueHit[] = [];
  for (const section of sections) {
    if (section.label && REVIEW_LABEL.test(section.label.trim())) {
      hits.push({ design: 'meta-analysis', cue: section.label.trim(), sentence: section.text });
    }
    const backgroundish = section.label !== undefined && BACKGROUND_LABEL.test(section.label);
    for (const sentence of sentences(section.text)) {
      if (RECOMMENDATION.test(sentence)) continue;
      const self = ABOUT_THIS.test(sentence);
      // A run-in heading ("STUDY: Sixty-two patients...") overrides the section's label.
      const inline = /^([A-Z][A-Z ]{2,}):/.exec(sentence)?.[1];
      if ((inline ? BACKGROUND_LABEL.test(inline) : backgroundish) && !self) continue;
      if (ABOUT_OTHERS.test(sentence) && !self) continue;
      for (const cue of CUES) {
        const m = cue.re.exec(sentence);
        if (!m) continue;
        if (cue.unless?.test(sentence)) continue;
        if (cue.design === 'rct' && SECONDARY.test(sentence)) continue;
        hits.push({ design: cue.design, ...(cue.weak ? { weak: true } : {}), ...(cue.fallback ? { fallback: true } : {}), cue: m[0], sentence });
      }
    }
  }
  return hits;
}

/**
 * Resolution when several designs are cued. A more specific design absorbs a less specific one in
 * the same abstract: a "prospective, randomised" study is a trial; a "retrospective case-control"
 * study is case-control. Anything else that disagrees is left unknown.
 */
const ABSORBS: Readonly<Record<CueHit['design'], readonly CueHit['design'][]>> = {
  // A review of trials (or of cohort studies) mentions the studies it pools.
  'meta-analysis': ['rct', 'non-randomised-trial', 'cohort'],
  rct: ['prospective-cohort', 'cohort'],
  'non-randomised-trial': ['prospective-cohort', 'cohort'],
  'case-control': ['retrospective-cohort', 'prospective-cohort', 'cohort'],
  'cross-sectional': ['retrospective-cohort', 'prospective-cohort', 'cohort'],
  'case-series': ['retrospective-cohort', 'prospective-cohort', 'cohort'],
  // "retrospective analysis of prospectively collected data" is retrospective.
  'retrospective-cohort': ['prospective-cohort', 'cohort'],
  // "a prospective cohort study" says which way the cohort looked.
  'prospective-cohort': ['cohort'],
  cohort: [],
};

function resolveCues(all: readonly CueHit[]): DesignInfo {
  const cued = all.filter((h) => !h.fallback);
  const hits = cued.length > 0 ? cued : all;
  if (hits.length === 0) return UNKNOWN_DESIGN;
  // A design cued only weakly absorbs nothing but a retrospective review (the usual source of
  // cases and controls); next to any other design it is a contradiction.
  const strong = new Set(hits.filter((h) => !h.weak).map((h) => h.design));
  const weakOnly = [...new Set(hits.filter((h) => h.weak && !strong.has(h.design)).map((h) => h.design))];
  if (weakOnly.length > 0 && [...strong].some((d) => d !== 'retrospective-cohort')) return UNKNOWN_DESIGN;
  const designs = [...new Set(hits.map((h) => h.design))];
  const winners = designs.filter((d) => designs.every((o) => o === d || ABSORBS[d].includes(o)));
  if (winners.length !== 1) return UNKNOWN_DESIGN;
  const first = hits.find((h) => h.design === winners[0] && !h.weak) ?? hits.find((h) => h.design === winners[0])!;
  return designInfo(first.design, 'text', first.cue);
}

export function classifyByText(sections: readonly Section[]): DesignInfo {
  const all = findCues(sections);
  // Re-using someone's trial data makes the trial cues unreliable for this article's design.
  const said = (re: RegExp) => sections.some((s) => sentences(s.text).some((x) => re.test(x)));
  const secondary = said(SECONDARY);
  const mixedReview = said(OWN_PLUS_LITERATURE);
  const hits = all.filter((h) => !(secondary && h.design === 'rct') && !(mixedReview && h.design === 'meta-analysis'));
  return resolveCues(hits);
}
