/**
 * Character normalisation shared by the compiler (forms) and the matcher (page text).
 *
 * Both sides must fold identically, so everything goes through one per-code-point rule, `foldCodePoint`,
 * and one string rule built on it, `canonicalForm`. The matcher never calls these in its hot loop: the
 * compiler bakes `foldCodePoint` for the whole BMP into a table (see `buildCharTable`), and the matcher
 * only falls back to `foldCodePoint` for astral characters and multi-character expansions.
 */

/** Character classes, kept in the top 4 bits of a char-table entry. */
export enum Cls {
  /** Not part of a word and not matched literally (e.g. a control char): ends a walk. */
  Other = 0,
  /** Letter or digit: starts and continues words. */
  Word = 1,
  /** Combining mark (or a char that folds to nothing): continues a word, contributes nothing. */
  Mark = 2,
  /** Whitespace, hyphens and dashes: one separator however many there are. */
  Sep = 3,
  /** Apostrophes of every shape: dropped where possessive ("Crohn's", "Wilms'"). */
  Apos = 4,
  /** Other punctuation that may appear inside a form ("," "/" "." "(" ...): matched literally. */
  Punct = 5,
  /** A word char that folds to several chars (ligatures, "ß") or an astral code point: slow path. */
  Slow = 6,
}

/** A code unit table entry: `cls << 12 | symbol` where symbol < 4096 is the folded char's alphabet index. */
export const SYMBOL_MASK = 0xfff;
export const CLS_SHIFT = 12;

const WORD_RE = /[\p{L}\p{N}]/u;
const MARK_RE = /\p{M}/u;
const SEP_RE = /[\s\p{Pd}\u2212\u00ad\u200b]/u;
const APOS_RE = /['\u2018\u2019\u201b\u02bc\u2032\u0060\u00b4]/u;
const CONTROL_RE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}]/u;

export interface FoldedChar {
  cls: Cls;
  /** The folded text ('' for marks, ' ' for separators, "'" for apostrophes). */
  text: string;
}

/**
 * How one code point folds: NFKD, marks removed, lower-cased, a few case-folding extras. Marks are dropped
 * so that a precomposed "é" and "e" + U+0301 both become "e" (and "Sjögren" meets "Sjogren").
 */
export function foldCodePoint(cp: number): FoldedChar {
  let f = foldCache.get(cp);
  if (!f) {
    f = foldUncached(cp);
    // A hostile page can send hundreds of thousands of distinct astral chars to the background's matcher: start
    // the cache again when full rather than let it grow (the chars in use come back at once).
    if (foldCache.size >= FOLD_CACHE_MAX) foldCache.clear();
    foldCache.set(cp, f);
  }
  return f;
}

// Folding is pure and the compiler asks for the same few hundred chars again and again.
const foldCache = new Map<number, FoldedChar>();
/** At most this many folded chars are kept (about 0.5 MB). */
export const FOLD_CACHE_MAX = 4096;
/** How many folded chars are kept now: for the test of the bound. */
export const foldCacheSize = () => foldCache.size;

function foldUncached(cp: number): FoldedChar {
  const ch = String.fromCodePoint(cp);
  if (APOS_RE.test(ch)) return { cls: Cls.Apos, text: "'" };
  if (SEP_RE.test(ch)) return { cls: Cls.Sep, text: ' ' };
  if (MARK_RE.test(ch)) return { cls: Cls.Mark, text: '' };
  if (WORD_RE.test(ch)) {
    let t = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    t = t.replace(/ß/g, 'ss').replace(/ς/g, 'σ');
    t = t.normalize('NFKD').replace(/\p{M}/gu, '');
    // A compatibility decomposition may bring punctuation or spaces ("½" -> "1⁄2"): keep only word chars.
    t = Array.from(t).filter((c) => WORD_RE.test(c)).join('');
    if (t.length === 0) return { cls: Cls.Mark, text: '' };
    return { cls: t.length === 1 && cp < 0x10000 ? Cls.Word : Cls.Slow, text: t };
  }
  if (CONTROL_RE.test(ch)) return { cls: Cls.Other, text: '' };
  // Punctuation and symbols: NFKC maps full-width and compatibility forms to their plain versions.
  const t = ch.normalize('NFKC');
  if (t.length === 1 && cp < 0x10000) return { cls: Cls.Punct, text: t };
  // Astral symbols (emoji...) or odd expansions: not matchable, not a word.
  return { cls: Cls.Other, text: '' };
}

/** True when the code point continues a word (letters, digits, marks). */
export function isWordCodePoint(cp: number): boolean {
  const c = foldCodePoint(cp).cls;
  return c === Cls.Word || c === Cls.Mark || c === Cls.Slow;
}

/**
 * The canonical form of a whole string: the key the matcher compares. Mirrors the matcher's walk exactly:
 * folded chars; an apostrophe after a word char is dropped with a following "s" when that "s" ends the word
 * ("Crohn's" -> "crohn"), or alone when it ends the word ("Wilms'" -> "wilms"); separator runs collapse to
 * one space; no leading or trailing separator.
 */
export function canonicalForm(s: string): string {
  const cps = Array.from(s, (c) => c.codePointAt(0)!);
  const folded = cps.map(foldCodePoint);
  let out = '';
  let prevWord = false;
  const isWordAt = (k: number) =>
    k < folded.length && (folded[k].cls === Cls.Word || folded[k].cls === Cls.Mark || folded[k].cls === Cls.Slow);
  const symbolOf = (k: number) => (k < folded.length ? folded[k].text : '');
  for (let i = 0; i < folded.length; i++) {
    const f = folded[i];
    switch (f.cls) {
      case Cls.Word:
      case Cls.Slow:
        out += f.text;
        prevWord = true;
        break;
      case Cls.Mark:
        break;
      case Cls.Sep:
        if (out.length > 0 && !out.endsWith(' ')) out += ' ';
        prevWord = false;
        break;
      case Cls.Apos:
        if (prevWord && symbolOf(i + 1) === 's' && folded[i + 1].cls === Cls.Word && !isWordAt(i + 2)) {
          i++; // possessive 's
        } else if (prevWord && !isWordAt(i + 1)) {
          // trailing possessive apostrophe
        } else {
          out += "'";
        }
        prevWord = false;
        break;
      case Cls.Punct:
        out += f.text;
        prevWord = false;
        break;
      default:
        out += '\u0000'; // never matches: a control char breaks a form
        prevWord = false;
    }
  }
  return out.trim();
}
