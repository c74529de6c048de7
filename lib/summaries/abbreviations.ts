/**
 * The abbreviations a research summary's shown text uses, with what each stands for. An abstract defines its
 * short forms once ("aromatase inhibitors (AIs)"), usually in the background or methods, which the summary view
 * folds away: its bottom line and findings then read "CVAEs in patients receiving AIs". The abstract's own
 * definitions come first (found as the matcher finds them, lib/match/abbreviations.ts); a short list of the
 * statistics every abstract uses undefined (CI, OR, IQR, ...) fills in the rest, for readers who are not
 * clinicians.
 */
import { findDefinitions } from '../match/abbreviations';
import type { ResearchSummary, Summary } from '../dataset/types';

export interface Abbreviation {
  shortForm: string;
  longForm: string;
  /** Whether the abstract itself defines it (else it comes from STATISTICS). */
  defined: boolean;
}

/** A use of an abbreviation in a text: where, and which. */
export interface AbbreviationUse {
  start: number;
  end: number;
  abbreviation: Abbreviation;
}

/**
 * Statistics and study terms abstracts use without defining them. A ratio's abbreviation counts only before a
 * decimal number ("OR 2.3", "HR, 0.85"): "OR" is also the word "or" in a title, "HR" a heart rate, "RR" a
 * respiratory rate, which are whole numbers.
 */
const STATISTICS: ReadonlyArray<{ shortForm: string; longForm: string; ratio?: true }> = [
  { shortForm: 'CI', longForm: 'confidence interval' },
  { shortForm: 'OR', longForm: 'odds ratio', ratio: true },
  { shortForm: 'RR', longForm: 'relative risk', ratio: true },
  { shortForm: 'HR', longForm: 'hazard ratio', ratio: true },
  { shortForm: 'SD', longForm: 'standard deviation' },
  { shortForm: 'IQR', longForm: 'interquartile range' },
  { shortForm: 'AUC', longForm: 'area under the curve' },
  { shortForm: 'ROC', longForm: 'receiver operating characteristic' },
  { shortForm: 'PPV', longForm: 'positive predictive value' },
  { shortForm: 'NPV', longForm: 'negative predictive value' },
  { shortForm: 'NNT', longForm: 'number needed to treat' },
  { shortForm: 'NNH', longForm: 'number needed to harm' },
  { shortForm: 'ARR', longForm: 'absolute risk reduction' },
  { shortForm: 'RRR', longForm: 'relative risk reduction' },
  { shortForm: 'SMD', longForm: 'standardised mean difference' },
  { shortForm: 'WMD', longForm: 'weighted mean difference' },
  { shortForm: 'RCT', longForm: 'randomised controlled trial' },
  { shortForm: 'BMI', longForm: 'body mass index' },
  { shortForm: 'ICU', longForm: 'intensive care unit' },
];

const RATIOS = new Set(STATISTICS.filter((s) => s.ratio).map((s) => s.shortForm));

/** After a ratio's abbreviation: "OR 2.3", "RR, 1.31", "HR = 0.85", "OR: 1.5", "HR (95% CI)" is not enough. */
const RATIO_VALUE = /^[\s=:,]*[<>≤≥]?\s*\d*\.\d/;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** At least two capitals or digits: "AIs", "cTnI", "NSAIDs", not a name in parentheses ("Sami"). */
const looksAbbreviated = (sf: string) => (sf.match(/[\p{Lu}\p{N}]/gu)?.length ?? 0) >= 2;

/** The text a summary view shows, in its order: question, bottom line, findings. */
export function shownTexts(summary: Pick<ResearchSummary, 'question' | 'bottomLine' | 'findings'>): string[] {
  return [summary.question, summary.bottomLine, ...summary.findings];
}

/**
 * Every form a short form is written in: itself, its plural ("CVAE", "CVAEs"), and for one defined in the plural
 * ("AIs"), its singular.
 */
function formsOf(sf: string): string[] {
  if (sf.length >= 3 && /[\p{Lu}\p{N}]s$/u.test(sf)) return [sf, sf.slice(0, -1)];
  return [sf, `${sf}s`];
}

/**
 * A finder of uses of the given abbreviations in a text: whole words only, case as written, the longest form at a
 * place, left to right.
 */
export class AbbreviationFinder {
  private readonly byForm = new Map<string, Abbreviation>();
  private readonly pattern: RegExp | null;

  constructor(readonly abbreviations: readonly Abbreviation[]) {
    for (const a of abbreviations) for (const form of formsOf(a.shortForm)) if (!this.byForm.has(form)) this.byForm.set(form, a);
    const forms = [...this.byForm.keys()].sort((a, b) => b.length - a.length);
    this.pattern = forms.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  }

  uses(text: string): AbbreviationUse[] {
    if (!this.pattern) return [];
    const out: AbbreviationUse[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const abbreviation = this.byForm.get(m[0])!;
      const end = m.index + m[0].length;
      if (!abbreviation.defined && RATIOS.has(abbreviation.shortForm) && !RATIO_VALUE.test(text.slice(end, end + 12))) continue;
      out.push({ start: m.index, end, abbreviation });
    }
    return out;
  }
}

/**
 * The abbreviations the summary's shown text (shownTexts) uses, in the order they first appear there: those the
 * abstract defines anywhere (its background and methods too), then the statistics it leaves undefined. A short
 * form the abstract defines keeps the abstract's meaning ("SD" for sudden deafness in a hearing study).
 */
export function summaryAbbreviations(summary: Pick<ResearchSummary, 'question' | 'bottomLine' | 'findings' | 'context'>): Abbreviation[] {
  const candidates = new Map<string, Abbreviation>();
  const abstract = [summary.question, ...(summary.context ?? []), ...summary.findings, summary.bottomLine].join('\n');
  for (const def of findDefinitions(abstract)) {
    if (def.lfStart < 0 || candidates.has(def.shortForm)) continue;
    const sf = def.shortForm;
    // "95% CI" is a measure written out, not a short form; a name in parentheses is not one either.
    if (/^\p{N}/u.test(sf) || !looksAbbreviated(sf)) continue;
    const longForm = abstract.slice(def.lfStart, def.lfEnd).replace(/\s+/g, ' ');
    if (longForm.toLowerCase() === sf.toLowerCase()) continue;
    candidates.set(sf, { shortForm: sf, longForm, defined: true });
  }
  // A statistic the abstract defines in any form ("RRs") is that definition's.
  const definedForms = new Set([...candidates.keys()].flatMap(formsOf));
  for (const s of STATISTICS) {
    if (!definedForms.has(s.shortForm)) candidates.set(s.shortForm, { shortForm: s.shortForm, longForm: s.longForm, defined: false });
  }
  const finder = new AbbreviationFinder([...candidates.values()]);
  const used = new Set<Abbreviation>();
  for (const text of shownTexts(summary)) for (const use of finder.uses(text)) used.add(use.abbreviation);
  return [...used];
}

/** The finder a view marks a summary's text with: a study's abbreviations, none for a plain-language page. */
export function abbreviationFinderFor(summary: Summary): AbbreviationFinder {
  return new AbbreviationFinder(summary.kind === 'research' ? summaryAbbreviations(summary) : []);
}
