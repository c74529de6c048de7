/**
 * Coordinated terms that share their head noun: "breast and ovarian cancer", "lung, breast and colon cancers",
 * "liver or kidney disease". The scan finds only the last one whole ("ovarian cancer") and the others as what they
 * say alone ("breast": the organ). Each word before it in the coordination is read with that head ("breast
 * cancer") where that is itself a term of the same category; a word that is no such term ends the coordination
 * ("patients with diabetes and lung cancer").
 */
import type { Category } from '../dataset/types';
import { isSpace } from './abbreviations';

export interface SharedHeadMatch {
  start: number;
  end: number;
  conceptId: string;
  category: Category;
}

/** The term `phrase` is as a whole, or null. */
export type WholeTerm = (phrase: string) => { conceptId: string; category: Category } | null;

// A separator of coordinated words before a term: ", ", " and ", " or ", ", and ", " and/or ".
const SEPARATOR = /(?:^|[^\p{L}\p{N}\p{M}-])([\p{L}][\p{L}-]*)(\s*,\s*(?:(?:and|or|and\/or)\s+)?|\s+(?:and|or|and\/or)\s+)$/u;

/** Rewrites `out` (sorted, non-overlapping) in place: coordinated words read with the head of the term after them. */
export function resolveSharedHeads(text: string, out: SharedHeadMatch[], wholeTerm: WholeTerm): void {
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    // Cheap tests first: most matches stand after no coordination, and only a term of two words or more has a head
    // to share.
    // A coordination's last separator ends in "and" or "or" and white space (see below), so a term after anything
    // else is passed over before any text is sliced or the separator's RegExp runs (that cost about a tenth of
    // a match).
    if (t.start < 3 || text.charCodeAt(t.start - 1) !== 0x20) continue;
    // A count may stand before each term of the list: "1295 colon and 583 rectal cancers".
    const from = afterCount(text, t.start);
    if (!afterConjunction(text, from)) continue;
    const termText = text.slice(t.start, t.end);
    const space = termText.lastIndexOf(' ');
    if (space < 0) continue;
    const head = termText.slice(space + 1);
    const firstWord = termText.slice(0, termText.indexOf(' ')).toLowerCase();
    // The coordination, nearest word first: each word, where it stands, and the term it makes with the head.
    // `read` is null for a term of the same kind that stands in the list whole ("melanoma" in "prostate, melanoma and
    // endometrial cancer"): it stays as it is, and the list goes on past it.
    const words: { start: number; end: number; read: { conceptId: string; category: Category } | null }[] = [];
    let commaFirst = false;
    for (let at = from; ; ) {
      const m = SEPARATOR.exec(text.slice(Math.max(0, at - 48), at));
      if (!m) break;
      if (at === from) {
        // The coordination ends in "and" or "or" ("lung, breast, and colon cancers"): a comma alone before the
        // term lists things apart ("atomic bomb radiation, radiation therapy").
        if (!/\b(?:and|or)\s+$/.test(m[2])) break;
        commaFirst = m[2].includes(',');
      }
      const end = at - m[2].length;
      const start = end - m[1].length;
      const word = m[1];
      // "sarcoma of the liver and liver cancer": a noun of its own, not a shared modifier.
      if (word.toLowerCase() === firstWord) break;
      // Capitalised words inside a sentence, as in "Diabetes and Digestive and Kidney Diseases": a name's (not "T and
      // B lymphocytes").
      if (word.length > 2 && /^\p{Lu}/u.test(word) && /^\p{Lu}/u.test(termText) && !/(?:^|[.:;!?•\n-]\s*)$/.test(text.slice(Math.max(0, start - 3), start))) break;
      const read = wholeTerm(`${word} ${head}`);
      if (read && read.category === t.category) words.push({ start, end, read });
      else if (standsWhole(out, i, start, end, t.category)) words.push({ start, end, read: null });
      else break;
      at = start;
    }
    // "A, and B disease" is no list of three: the comma closes a phrase of its own ("irritate the diaphragm, and
    // metabolic diseases").
    const shared = words.filter((w) => w.read !== null).length;
    if (shared === 0 || (commaFirst && shared < 2)) continue;
    let k = i; // out[k] is the leftmost term of the coordination so far
    for (const { start, end, read } of words) {
      // The word is a term of its own already (the organ), or none: it becomes the coordinated term.
      const prev = k > 0 ? out[k - 1] : undefined;
      if (read === null) {
        if (!prev || prev.start !== start || prev.end !== end) break;
        k--; // the whole term the list went past
      } else if (prev && prev.end > start) {
        if (prev.start !== start || prev.end !== end) break; // a longer term ends here: no coordination
        out[k - 1] = { start, end, ...read };
        k--;
      } else {
        out.splice(k, 0, { start, end, ...read });
        i++; // the term we started from moved one place on
      }
    }
  }
}

/** Whether the match just before out[i]'s coordination so far is text[start, end) itself, a term of `category`. */
function standsWhole(out: SharedHeadMatch[], i: number, start: number, end: number, category: Category): boolean {
  for (let j = i - 1; j >= 0 && out[j].end >= start; j--) {
    if (out[j].start === start && out[j].end === end) return out[j].category === category;
  }
  return false;
}

/** Where a count and a space before `at` start ("583 " in "and 583 rectal cancers"), or `at` where there is none. */
function afterCount(text: string, at: number): number {
  let j = at - 1; // the space before the term
  while (j > 0 && (isDigit(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 0x2c)) j--; // "1,204"
  return j < at - 1 && isDigit(text.charCodeAt(j)) && j > 0 && isSpace(text.charCodeAt(j - 1)) ? j : at;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Whether white space and, before it, "and" or "or" end text[0, at): what every coordination's last separator ends in. */
function afterConjunction(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  const c = text.charCodeAt(j);
  if (c === 0x64) return text.charCodeAt(j - 1) === 0x6e && text.charCodeAt(j - 2) === 0x61; // "and"
  return c === 0x72 && text.charCodeAt(j - 1) === 0x6f; // "or"
}
