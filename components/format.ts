// Wording shared by the views: plurals, and study designs as a reader says them in a sentence.
import { amaDate } from '../lib/citation/ama';
import type { Concept, StudyDesign, Summary } from '../lib/dataset/types';
import type { Audience } from '../lib/settings/preferences-model';

/**
 * A whole number with thousands separators ("12,345"). Not toLocaleString: its first call in a page loads the
 * number formatter, about 10 ms of a popup's opening; other numbers still go to it.
 */
export function groupDigits(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : '');
  return n < 0 ? `-${out}` : out;
}

/**
 * The name a concept is shown by: to clinicians its clinical name where the dataset has one ("Myocardial
 * infarction"), else its name, which is the patients' word where they have one ("Heart attack").
 */
export function nameFor(concept: Pick<Concept, 'name' | 'clinicalName'>, audience: Audience): string {
  return audience === 'clinician' && concept.clinicalName ? concept.clinicalName : concept.name;
}

/**
 * "Also called": the other audience's name first (a patient reads "Myocardial infarction" in a letter, a
 * clinician hears "heart attack"), then the abbreviations and synonyms, never the name shown.
 */
export function otherNamesFor(concept: Pick<Concept, 'name' | 'clinicalName' | 'synonyms' | 'abbreviations'>, audience: Audience): string[] {
  const shown = nameFor(concept, audience);
  const other = shown === concept.name ? concept.clinicalName : concept.name;
  const names = [...(other ? [other] : []), ...concept.abbreviations.map((a) => a.form), ...concept.synonyms];
  // Said once whatever its case: the matcher keeps "covid" beside "COVID", a reader needs one. A short form's plural
  // too: the matcher needs "ICUs" beside "ICU" (it makes no plurals of a short form in capitals), a reader does not.
  const said = new Set([shown.toLowerCase()]);
  const key = (n: string) => (/^[A-Z]{2,}s$/.test(n) && names.includes(n.slice(0, -1)) ? n.slice(0, -1) : n).toLowerCase();
  return names.filter((n) => !said.has(key(n)) && said.add(key(n)));
}

/**
 * The start of a long text, cut after a whole word and marked "…". A list shows three lines of it (a CSS clamp),
 * but a clamp hides nothing from a screen reader, which read up to 200 words an item: the excerpt is what both get.
 */
export function excerpt(text: string, max: number): string {
  if (text.length <= max) return text;
  // A sentence that ends in the second half of the room is the cleanest cut; else the last whole word.
  const head = text.slice(0, max + 1);
  const sentence = head.search(/[.!?](?=\s[^.!?]*$)/);
  if (sentence >= max / 2) return text.slice(0, sentence + 1);
  const space = head.lastIndexOf(' ');
  return `${(space > max / 2 ? text.slice(0, space) : text.slice(0, max)).replace(/[\s,;:(–-]+$/, '')}…`;
}

export function megabytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(0, Math.round(bytes / 1e3)).toLocaleString('en-US')} KB`;
  return `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${groupDigits(n)} ${n === 1 ? one : many}`;

/**
 * Dates one way everywhere, the way the copied citations give them ("November 26, 2026"), with the time where
 * it matters ("November 26, 2026, 1:24 PM"). A dataset's "2026-11-26" is that calendar day; text that is no
 * date is shown as it is.
 */
export function longDate(when: string | number | Date, withTime = false): string {
  const d = typeof when === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(when) ? new Date(`${when}T00:00:00`) : new Date(when);
  if (Number.isNaN(d.getTime())) return String(when);
  const day = amaDate(d);
  if (!withTime) return day;
  const h = d.getHours();
  return `${day}, ${h % 12 || 12}:${String(d.getMinutes()).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`;
}

/** Designs in the evidence hierarchy's order (strongest first), unknown last. */
export const DESIGN_ORDER: readonly StudyDesign[] = [
  'meta-analysis',
  'rct',
  'non-randomised-trial',
  'prospective-cohort',
  'retrospective-cohort',
  'cohort',
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
  cohort: ['cohort study', 'cohort studies'],
  'case-control': ['case-control study', 'case-control studies'],
  'cross-sectional': ['cross-sectional study', 'cross-sectional studies'],
  'case-series': ['case series or report', 'case series or reports'],
  unknown: ['with design not stated', 'with design not stated'],
};

export const designCount = (design: StudyDesign, n: number) => plural(n, ...DESIGN_NOUNS[design]);

/**
 * A study only indexed with a concept, whose question is about something else (a spine study in a diabetes
 * list): said so, so that it is not read as evidence about the concept. Only where the dataset says what each
 * question is about (`about`) and the question names another of the study's concepts (one that names none,
 * "Does laparoscopic antireflux surgery improve quality of life…", may well be about this one), and never of
 * plain-language summaries.
 */
export function isOnlyRelated(summary: Summary, conceptId: string | undefined): boolean {
  return (
    summary.kind === 'research' &&
    conceptId !== undefined &&
    !!summary.about?.length &&
    !summary.about.includes(conceptId) &&
    summary.conceptIds.includes(conceptId)
  );
}

/**
 * A study indexed with a concept whose question names none of its concepts ("ARDS in children with malignancy:
 * can we predict outcome?" under lymphoma). Lists leave it unlabelled, after the plain-language pages; the card,
 * which shows one study as the term's evidence, says what it is.
 */
export function isOnlyIndexed(summary: Summary, conceptId: string | undefined): boolean {
  return summary.kind === 'research' && conceptId !== undefined && summary.about?.length === 0 && summary.conceptIds.includes(conceptId);
}

/** A summary shown for a concept it only mentions (the concept has no summary of its own: Summary.mentions). */
export function onlyMentions(summary: Summary, conceptId: string | undefined): boolean {
  return conceptId !== undefined && !summary.conceptIds.includes(conceptId);
}
