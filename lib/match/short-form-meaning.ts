/**
 * What a short form defined in the text ("epithelial ovarian carcinoma (EOC)") stands for: the rules that tell
 * whether the term its long form ends in is what the short form means, read over the scan's matches
 * (sorted, non-overlapping (start, end, entry) triples). The session (session.ts) applies them in order.
 */
import { CATEGORIES, type Category } from '../dataset/types';
import type { CompiledMatcher } from './scanner';

/**
 * The index of the triple in `raw` (sorted, non-overlapping: starts and ends both ascend) whose start
 * (`field` 0) or end (`field` 1) is `at`, or -1. Binary search.
 */
function tripleAt(raw: number[], field: 0 | 1, at: number): number {
  let lo = 0;
  let hi = raw.length / 3 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = raw[3 * mid + field];
    if (v === at) return 3 * mid;
    if (v < at) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
export const endsAt = (raw: number[], end: number) => tripleAt(raw, 1, end);

/** The index of the first triple that starts at or after `at` (raw is sorted by start): loops over a span begin there. */
function firstFrom(raw: number[], at: number): number {
  let lo = 0;
  let hi = raw.length / 3;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (raw[3 * mid] < at) lo = mid + 1;
    else hi = mid;
  }
  return 3 * lo;
}
export const startsAt = (raw: number[], start: number) => tripleAt(raw, 0, start);

/** Whether the scan matched a term (not a stop form) exactly over text[start, end). */
export function knownAt(m: CompiledMatcher, raw: number[], start: number, end: number): boolean {
  const k = startsAt(raw, start);
  return k >= 0 && raw[k + 1] === end && !m.isStop(raw[k + 2]);
}

/**
 * The categories of the terms (not stop forms) the scan matched within text[start, end), as a bit per category
 * (CATEGORIES order); 0 when none.
 */
export function categoriesWithin(m: CompiledMatcher, raw: number[], start: number, end: number): number {
  if (start < 0) return 0;
  let bits = 0;
  for (let k = firstFrom(raw, start); k < raw.length; k += 3) {
    if (raw[k] >= end) break;
    if (raw[k + 1] <= end && !m.isStop(raw[k + 2])) bits |= 1 << CATEGORIES.indexOf(m.categoryOf(raw[k + 2]));
  }
  return bits;
}

/** Whether the scan matched a term (not a stop form) within text[start, end). */
export function termWithin(m: CompiledMatcher, raw: number[], start: number, end: number): boolean {
  return categoriesWithin(m, raw, start, end) !== 0;
}
export const DRUGS_ONLY = 1 << CATEGORIES.indexOf('drug');

/**
 * Last words that make a long form name something other than the term before them: a gene or a protein of it,
 * an enzyme acting on it ("glucose-6-phosphate dehydrogenase (G6PD)", any "-ase" but a disease), a part or a
 * measure of it ("zinc finger (ZF)", "fetal heart rate (FHR)", "PSA velocity (PSAV)"), what acts on it
 * ("... inhibitor"), or the lack of it ("CETP deficiency").
 */
export const NOT_THE_TERM =
  /^(?:genes?|proteins?|receptors?|antigens?|antibod(?:y|ies)|locus|loci|alleles?|mutations?|variants?|pathways?|cells?|virus(?:es)?|factors?|enzymes?|(?!(?:dise|ph|phr|c|ch|b|datab|e|le|rele|incre|decre|purch|v)ases?$)\p{L}+ases?|fingers?|domains?|motifs?|sites?|regions?|sequences?|rates?|levels?|ratios?|scores?|concentrations?|inhibitors?|antagonists?|agonists?|blockers?|deficienc(?:y|ies)|pressures?|velocit(?:y|ies)|circumferences?|viscosit(?:y|ies)|lines?|sludge|volumes?|diameters?|thickness|flows?|densit(?:y|ies)|index|indices|polic(?:y|ies)|activit(?:y|ies)|perception|counts?)$/iu;
/** Words before a long form that make the term the lack of what the short form spells ("deficiency of aspartoacylase (ASPA)"). */
export const LACK_OF = /^(?:deficienc(?:y|ies)|lack|absence|loss)\s+of\s+(?:the\s+)?$/i;
/** Last words that make a long form name a disease of what the term before them is (an organ, a germ, a drug). */
export const DISEASE_OF_THE_TERM = /^(?:diseases?|disorders?|syndromes?|injur(?:y|ies)|infections?|cancers?|tumou?rs?|failure|dysfunction|insufficiency|toxicity|poisoning|allerg(?:y|ies))$/i;
/**
 * Last words that make a long form name a procedure or a test on what the term before them is: "carotid artery
 * stenting (CAS)" is no carotid artery, "somatostatin receptor scintigraphy (SRS)" no receptor. A term that is a
 * procedure already keeps its short form: "coronary artery bypass grafting (CABG)".
 */
export const PROCEDURE_ON_THE_TERM =
  /^(?:\p{L}+(?:graphy|scopy|ectomy|otomy|ostomy|plasty|metry|therapy)|stenting|imaging|screening|grafting|biopsy|biopsies|resection|ablation|repair|replacement|transplant(?:ation)?|surgery|vaccination|immunisation|immunization|stimulation|embolization|embolisation|testing|tests?|assays?|scans?|scanning|therapy|therapies|treatments?|monitoring)$/iu;

/**
 * Every letter of the short form starts a word of the term, as often as the short form has it ("myotonic
 * dystrophy (DM)", in Latin order; not "perfusion (NNSP)"); a digit may stand anywhere in it, and in a medicine's
 * one-word name any letter ("acetaminophen (APAP)"). A letter and a digit may leave the digit out where the letter
 * starts the term: "thyroxine (T4)", "triiodothyronine (T3)" count their iodine atoms. Not longer symbols:
 * "retinoblastoma (RB1) gene" names the gene.
 */
export function initialsWithin(sf: string, term: string, category: Category): boolean {
  if (/^[A-Z][0-9]$/.test(sf) && sf[0].toLowerCase() === term[0]?.toLowerCase()) return true;
  const t = term.toLowerCase();
  // A medicine's one-word name holds its chemical short form's letters anywhere: "acetaminophen (APAP)".
  if (category === 'drug' && !/[^\p{L}\p{N}]/u.test(t)) return [...sf.toLowerCase()].every((c) => !/[\p{L}\p{N}]/u.test(c) || t.includes(c));
  const initials = (t.match(/(?:^|[^\p{L}\p{N}])\p{L}/gu) ?? []).map((w) => w[w.length - 1]);
  for (const c of sf.toLowerCase()) {
    if (/\p{N}/u.test(c)) {
      if (!t.includes(c)) return false;
    } else if (/\p{L}/u.test(c)) {
      const at = initials.indexOf(c);
      if (at < 0) return false;
      initials.splice(at, 1);
    }
  }
  return true;
}

/**
 * Whether a short form defined by modifiers and a term ("epithelial ovarian carcinoma (EOC)", "radical
 * prostatectomy (RP)", "sentinel lymph nodes (SLN)", "inhaled corticosteroids (ICSs)") stands for that term: the
 * term's first letter in the short form after the modifiers' share; the modifiers plain words, not a phrase
 * ("perception of dyspnea (PD)") nor a condition or a procedure ("Ischemia-reperfusion (IR)"); and for a medicine,
 * only how it is given ("impaired fasting glucose (IFG)" is no glucose). A generic head is meant only once the page
 * names its concept otherwise ("surgical site infection (SSI)" is no plain infection; "adult AS (AAS)" is AS, once
 * defined).
 */
export function modifiedTerm(
  m: CompiledMatcher,
  raw: number[],
  k: number,
  text: string,
  sf: string,
  lfStart: number,
  seen: (concept: number) => boolean,
): boolean {
  const category = m.categoryOf(raw[k + 2]);
  const modifiers = text.slice(lfStart, raw[k]);
  if (m.isStop(raw[k + 2]) && !seen(m.conceptOf(raw[k + 2]))) return false;
  if (category === 'drug' && !ROUTE_WORDS.test(modifiers)) return false;
  // A phrase, or words that make it something else than the term: "suspected DM (SDM)" is no diabetes yet.
  if (/(?:^|[^\p{L}])(?:of|for|in|on|with|without|to|and|or|after|before|by|at|from|versus|vs|suspected|possible|probable|presumed|impaired)(?:[^\p{L}]|$)/iu.test(modifiers)) return false;
  for (let j = firstFrom(raw, lfStart); j < k; j += 3) {
    if (raw[j + 1] <= raw[k] && !m.isStop(raw[j + 2])) {
      const c = m.categoryOf(raw[j + 2]);
      if (c === 'disease' || c === 'procedure') return false;
    }
  }
  const term = text.slice(raw[k], raw[k + 1]);
  // "attenuated FAP (AFAP)": the short form ends in the term's own.
  if (/^\p{L}+$/u.test(sf) && sf.toLowerCase().endsWith(term.toLowerCase())) return true;
  // The term's first letter is among the short form's after its first (which the modifiers take): "EOC", "ICSs";
  // not "anterior/apical prolapse (AA)".
  return sf.slice(1).toLowerCase().includes(term[0].toLowerCase());
}

/** How a medicine is given: modifiers that leave it the same medicine ("inhaled corticosteroids"). */
const ROUTE_WORDS =
  /^(?:(?:inhaled|oral|intravenous|topical|systemic|subcutaneous|intranasal|intramuscular|intrathecal|transdermal|intravitreal|low|high|dose|long|short|acting|recombinant|human)[\s-]+)+$/i;

export interface Meaning {
  concept: number;
  entry: number;
  /** For "X (SF) Y" definitions: " Y", so that a later "SF Y" is one mention like the definition. */
  tail?: string;
}
