// Keys for finding concepts by name as the reader types: case, accents, hyphens and punctuation folded.
import type { Category, Concept } from '../dataset/types.ts';

/** One name index entry: the concept a search key leads to, and through which of its names. */
export interface NameEntry {
  conceptId: string;
  /** The name, synonym or abbreviation the key comes from; empty when it is the concept's own name. */
  form: string;
  /** The key starts at a later word of the form, not at its start. */
  wordStart: boolean;
  /** The form is the concept's name, or the name clinicians use (Concept.clinicalName): it ranks as the name. */
  ownName: boolean;
}

/** What a search result shows of a concept, kept once per concept (not in every name entry). */
export interface ConceptCard {
  name: string;
  /** The name clinicians use, where it differs (Concept.clinicalName). */
  clinicalName?: string;
  category: Category;
  summaryCount: number;
}

const PLAIN_ASCII = /^[\x20-\x7e]*$/;

export function searchKey(text: string): string {
  // Most names are plain ASCII: skip Unicode normalisation and classes for them (the slow part of an import).
  if (PLAIN_ASCII.test(text)) return text.toLowerCase().replace(/'/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * What a query leaves for the next character typed: its search key, and a space when the query ends with a
 * character the key folds away ("breast " or "non-" go on as "breast x" and "non x").
 */
export function nextPrefix(query: string): string {
  const q = searchKey(query);
  return q && /[^\p{L}\p{N}]$/u.test(query) ? `${q} ` : q;
}

const SEP = '\t';
const clean = (s: string) => s.replace(/[\u0000-\u001f]/g, ' ');

/**
 * Keys from later words, at most, of one name: the longest published name has 20 words. A name of 150 short
 * words would otherwise make 150 keys of up to 300 characters, each entry carrying the name again.
 */
export const MAX_LATER_WORD_KEYS = 24;
/**
 * Index lines, at most, of one concept: room for every full key the format allows (a name, 50 abbreviations and
 * 500 synonyms) and later-word keys after them; the most in the published dataset is about 250. So a 150 KB
 * record makes at most about 600 KB of index, not 34 MB.
 */
export const MAX_NAME_LINES = 1024;

/**
 * The name index lines of a concept, `key \0 entry`: every name's full key, and the key from each later
 * word on (so "cancer" finds "breast cancer"), within the caps above: full keys first, then later-word keys in
 * the order of the names (its own name first). Entries stay short — the concept's id, the form when it is
 * not the concept's name, and whether the key starts at a later word — because there are four times as
 * many as concepts; what a result row shows is in the concept's card. Plain strings sort natively in the
 * code-unit order IndexedDB uses.
 */
export function nameLinesFor(c: Concept): string[] {
  const best = new Map<string, [form: string, wordStart: number]>();
  const add = (key: string, form: string, wordStart: number) => {
    const had = best.get(key);
    if (had ? had[1] > wordStart : best.size < MAX_NAME_LINES) best.set(key, [form, wordStart]);
  };
  const forms = [c.name, ...c.abbreviations.map((a) => a.form), ...c.synonyms].map((form) => [form, searchKey(form)] as const).filter(([, key]) => key);
  for (const [form, key] of forms) add(key, form, 0);
  for (const [form, key] of forms) {
    let i = key.indexOf(' ');
    for (let n = 0; i !== -1 && n < MAX_LATER_WORD_KEYS; n++, i = key.indexOf(' ', i + 1)) add(key.slice(i + 1), form, 1);
  }
  // The last field: WORD_START when the key starts at a later word, CLINICAL_NAME when the form is the name
  // clinicians use, which ranks as the concept's own name ("hypert" finds Hypertension, named High blood pressure).
  const flags = (form: string, wordStart: number) => wordStart | (c.clinicalName && form === c.clinicalName ? CLINICAL_NAME : 0);
  return [...best].map(([key, [form, wordStart]]) => `${key}\0${c.id}${SEP}${form === c.name ? '' : clean(form)}${SEP}${flags(form, wordStart)}`);
}

const WORD_START = 1;
const CLINICAL_NAME = 2;

export function parseNameEntry(item: string): NameEntry {
  const [conceptId, form] = item.split(SEP);
  return { conceptId, form, wordStart: entryAtWordStart(item), ownName: entryIsOwnName(item) };
}

// One field of an entry each, read without splitting it: searches read hundreds of entries and keep few.
export const entryConceptId = (item: string) => item.slice(0, item.indexOf(SEP));
export const entryForm = (item: string) => item.slice(item.indexOf(SEP) + 1, item.lastIndexOf(SEP));
const entryFlags = (item: string) => item.charCodeAt(item.length - 1) - 48;
export const entryAtWordStart = (item: string) => (entryFlags(item) & WORD_START) !== 0;
/** The entry is the concept's name itself: its form is left out. */
export const entryIsBareName = (item: string) => item.charCodeAt(item.indexOf(SEP) + 1) === 9;
/** The entry is the concept's name or the name clinicians use. */
export const entryIsOwnName = (item: string) => entryIsBareName(item) || (entryFlags(item) & CLINICAL_NAME) !== 0;

/** A concept's card line: what a search result shows. */
export function cardFor(c: Concept): string {
  const line = [clean(c.name), c.category, c.summaryCount];
  return (c.clinicalName ? [...line, clean(c.clinicalName)] : line).join(SEP);
}

export function parseCard(item: string): ConceptCard {
  const [name, category, summaryCount, clinicalName] = item.split(SEP);
  const card: ConceptCard = { name, category: category as Category, summaryCount: Number(summaryCount) };
  if (clinicalName) card.clinicalName = clinicalName;
  return card;
}
