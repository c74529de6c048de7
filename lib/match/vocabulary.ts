/**
 * Concepts -> the matcher's vocabulary: one entry per distinct surface form (name, synonyms, written forms, abbreviations).
 * Inflections, possessives and hyphen/space variants are not listed here: the matcher folds and generates them.
 */
import type { Concept, VocabularyEntry } from '../dataset/types';
import { canonicalForm } from './normalise';
import { NOT_A_TERM, NOT_TERMS } from './not-terms';
import { isStopForm, litOnlyWithContext } from './stoplist';
import { romanDigits } from './roman';
import { inflections } from './variants';

/**
 * Short all-capital forms ("CT", "COPD", "H1N1") are abbreviations: their case carries the meaning. So do those
 * with one small letter before the capitals ("eGFR" is the estimated GFR; "EGFR" a receptor).
 */
export function isShortAllCaps(form: string): boolean {
  return form.length >= 2 && form.length <= 6 && /^[a-z]?[A-Z0-9-]+$/.test(form) && /[A-Z].*[A-Z]|^[A-Z]/.test(form);
}

/**
 * A germ's names open the card of the infection named after it ("Chlamydia" opens Chlamydia infections), where the
 * germ has no evidence of its own: on a patient's page "chlamydia" is the infection, and in a paper's "Salmonella was
 * isolated" the infection's evidence is what the reader can use (the germ's card would be empty).
 */
function infectionsOfGerms(concepts: Concept[]): Map<string, Concept> {
  const infections = new Map<string, Concept>();
  for (const c of concepts) {
    const m = /^(.+) infections?$/i.exec(c.name);
    if (c.category === 'disease' && m && (c.summaryCount ?? 0) > 0) infections.set(m[1].toLowerCase(), c);
  }
  const opens = new Map<string, Concept>();
  for (const c of concepts) {
    const germ = (c.treeNumbers ?? []).some((t) => /^B0[345]/.test(t));
    const infection = germ && !(c.summaryCount ?? 0) ? infections.get(c.name.toLowerCase()) : undefined;
    if (infection) opens.set(c.id, infection);
  }
  return opens;
}

/**
 * The owner of each form that more than one concept lists (unambiguously): the one whose own name and clinical name
 * share most of the form's words, then the first in `ordered`. The sources' lists of other names are where wrong
 * names come from (a page listing a neighbour's names), and a concept's own name is the surest sign of what it is.
 */
function ownersOfSharedForms(ordered: Concept[], opens: Map<string, Concept>, keyOf: (form: string) => string): Map<string, string> {
  const holders = new Map<string, { named: Concept; concept: Concept; form: string }[]>();
  for (const named of ordered) {
    const c = opens.get(named.id) ?? named;
    const forms = [named.name, ...(named.synonyms ?? []), ...(named.writtenForms ?? []), ...(named.abbreviations ?? []).filter((a) => !a.ambiguous).map((a) => a.form)];
    for (const raw of forms) {
      const key = keyOf(raw.trim());
      const list = holders.get(key);
      if (!list) holders.set(key, [{ named, concept: c, form: raw }]);
      else if (!list.some((h) => h.concept.id === c.id)) list.push({ named, concept: c, form: raw });
    }
  }
  const owners = new Map<string, string>();
  for (const [key, list] of holders) {
    if (list.length < 2) continue;
    // The list is in `ordered` order: the first of the most words shared wins.
    const score = ({ named, concept, form }: (typeof list)[number]) =>
      subtypeOfIt(form, concept.name) ? -1 : wordsShared(form, [concept.name, named.name, ...(concept.clinicalName ? [concept.clinicalName] : [])]);
    let best = list[0];
    let bestScore = score(best);
    for (const h of list.slice(1)) {
      const sc = score(h);
      if (sc > bestScore) [best, bestScore] = [h, sc];
    }
    owners.set(key, best.concept.id);
  }
  return owners;
}

/** One capitalised word with its possessive: an eponym that names the disease alone ("Parkinson's"). */
const POSSESSIVE_NAME = /^\p{Lu}[\p{L}-]*['\u2019]s$/u;

/**
 * The key a form is told apart by: its case for a short form in capitals, else its canonical form. Remembered: the
 * owners of shared forms and the entries ask it of every form (canonicalForm is most of the vocabulary's time).
 */
function formKeys(): (form: string) => string {
  const keys = new Map<string, string>();
  return (form) => {
    let key = keys.get(form);
    if (key === undefined) keys.set(form, (key = isShortAllCaps(form) ? `cs:${form}` : `ci:${canonicalForm(form)}`));
    return key;
  };
}

/** Words too common in names to tell two concepts apart. */
const GENERIC_WORDS = new Set([
  'disease', 'diseases', 'syndrome', 'syndromes', 'disorder', 'disorders', 'type', 'with', 'and', 'the', 'for', 'from',
  'cancer', 'cancers', 'carcinoma', 'carcinomas', 'tumor', 'tumors', 'tumour', 'tumours', 'neoplasm', 'neoplasms',
]);
const wordsOf = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w));

/** How many of the form's words a concept's own names share ("pigmentary" and "pigmentosa" share "pigment"). */
function wordsShared(form: string, names: string[]): number {
  const own = names.flatMap(wordsOf);
  let shared = 0;
  for (const w of wordsOf(form)) {
    if (own.some((v) => commonPrefix(w, v) >= Math.min(w.length, v.length, 7))) shared++;
  }
  return shared;
}

/**
 * Whether the name ends in a designator the form lacks, and shares the form's words ("Treacher Collins syndrome 3"
 * for "Treacher Collins syndrome", "Familial hyperaldosteronism III" for "primary hyperaldosteronism"): a numbered or
 * lettered subtype, which never owns its family's unnumbered name. Another name of the subtype, with no word of its
 * own name ("Hurler syndrome" for "Mucopolysaccharidosis I"), is its own.
 */
function subtypeOfIt(form: string, name: string): boolean {
  const tokens = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((t) => t !== '' && t !== 'type').map((t) => romanDigits(t) ?? t);
  const last = tokens(name).at(-1) ?? '';
  return /^(?:\d+[a-z]?\d*|[a-z])$/.test(last) && !tokens(form).includes(last) && wordsShared(form, [name]) > 0;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

export function vocabularyFromConcepts(concepts: Concept[]): VocabularyEntry[] {
  // When concepts share a form, the one whose own name shares more of its words wins ("primary hyperaldosteronism"
  // is Hyperaldosteronism's, though Cushing's syndrome's page lists it and has more studies), then the one with more
  // summaries, then the smaller id: deterministic.
  const ordered = [...concepts].sort(
    (a, b) => (b.summaryCount ?? 0) - (a.summaryCount ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const out: VocabularyEntry[] = [];
  const taken = new Map<string, VocabularyEntry>();
  const opens = infectionsOfGerms(concepts);
  const keyOf = formKeys();
  const owners = ownersOfSharedForms(ordered, opens, keyOf);
  const add = (named: Concept, raw: string, ambiguous: boolean) => {
    const c = opens.get(named.id) ?? named;
    const form = raw.trim();
    const dedupe = keyOf(form);
    if (!ambiguous && (owners.get(dedupe) ?? c.id) !== c.id) return;
    // Rotated inversions ("of infancy severe Myoclonic epilepsy") are no one's way of writing a term, and
    // page titles ("After surgery", "Your diabetes care records") are found by search, not lit on pages.
    if (/^(of|and|or|with|without|for|to|by|from|due|in the|at|on)\s/.test(form)) return;
    if (/^(after|before|during|what|your|living with|talking|understanding)\s/i.test(form)) return;
    const caseSensitive = dedupe.startsWith('cs:');
    const key = caseSensitive ? canonicalForm(form) : dedupe.slice(3);
    // Too short or no letter at all: no match would be meaningful.
    if (key.replace(/[^\p{L}]/gu, '').length === 0 || key.length < 2) return;
    const possessive = POSSESSIVE_NAME.test(form);
    const earlier = taken.get(dedupe);
    if (earlier) {
      // The same words without the possessive name the concept too ("Alzheimer" beside "Alzheimer's").
      if (!possessive && earlier.conceptId === c.id) delete earlier.possessive;
      return;
    }
    const stop = ambiguous || litOnlyWithContext(named.treeNumbers ?? []) || isStopForm(form, caseSensitive) || (!caseSensitive && key.length <= 2);
    const entry: VocabularyEntry = { form, conceptId: c.id, category: c.category };
    if (caseSensitive) entry.caseSensitive = true;
    if (stop) entry.stop = true;
    if (possessive) entry.possessive = true;
    taken.set(dedupe, entry);
    out.push(entry);
  };
  for (const c of ordered) {
    add(c, c.name, false);
    for (const s of c.synonyms ?? []) add(c, s, false);
    for (const s of c.writtenForms ?? []) add(c, s, false);
    for (const a of c.abbreviations ?? []) if (!a.ambiguous) add(c, a.form, false);
  }
  // Ambiguous short forms last: one that means this concept only where the page defines it must not take the
  // form from a concept it plainly names ("LDL" is the lipoproteins, and only perhaps cholesterol).
  for (const c of ordered) {
    for (const a of c.abbreviations ?? []) if (a.ambiguous) add(c, a.form, true);
  }
  // A phrase that is no term, where it holds one of these forms ("stroke of luck" where "stroke" is a form).
  const holdsForm = (phrase: string) => {
    const w = phrase.split(/[ -]/); // "zinc-fingered" holds "zinc"
    for (let i = 0; i < w.length; i++) {
      for (let j = i + 1; j <= w.length; j++) {
        const words = w.slice(i, j).join(' ');
        const span = canonicalForm(words);
        // The form itself, or an inflection the matcher makes of a listed form ("capillary" of "Capillaries"), or a
        // short form in capitals ("DNA" in "Integrated DNA Technologies").
        if ([span, ...inflections(span)].some((f) => taken.has(`ci:${f}`)) || taken.has(`cs:${words}`)) return true;
      }
    }
    return false;
  };
  for (const form of NOT_TERMS) if (holdsForm(form)) out.push({ form, conceptId: NOT_A_TERM, category: 'other', stop: true });
  return out;
}
