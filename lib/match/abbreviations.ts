/**
 * Abbreviations defined in the text itself: "long form (SF)", after Schwartz & Hearst (2003). The short form
 * is 2-10 chars in parentheses with a capital letter; the long form is the shortest run of words before the
 * parenthesis that contains the short form's letters in order, the first one starting a word.
 */

export interface AbbreviationDefinition {
  shortForm: string;
  /** UTF-16 offsets of the short form (inside the parentheses). */
  sfStart: number;
  sfEnd: number;
  /**
   * UTF-16 offsets of the long form (ends before the space and parenthesis). lfStart is -1 where the letters
   * do not align (e.g. "myotonic dystrophy (DM)", Latin order): the caller may still accept a known term.
   */
  lfStart: number;
  lfEnd: number;
  /** Offset just after the closing parenthesis. */
  after: number;
}

const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);

/** The code units that /\s/ matches (ECMAScript WhiteSpace and LineTerminator), without a regex per char. */
export function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** . ; : ? ! ( ) [ ] — the chars that end a clause for the long form (a title's question ends one too). */
function isClause(c: number): boolean {
  return c === 0x2e || c === 0x3b || c === 0x3a || c === 0x3f || c === 0x21 || c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d;
}
const hasUpper = (s: string) => /\p{Lu}/u.test(s);

export function findDefinitions(text: string): AbbreviationDefinition[] {
  const out: AbbreviationDefinition[] = [];
  for (let open = text.indexOf('('); open >= 0; open = text.indexOf('(', open + 1)) {
    // Cheap filter before any slicing: a ")" within 40 chars, no "(" before it, a capital letter inside.
    let close = -1;
    let upper = false;
    const limit = Math.min(text.length, open + 42);
    for (let k = open + 1; k < limit; k++) {
      const c = text.charCodeAt(k);
      if (c === 0x29) {
        close = k;
        break;
      }
      if (c === 0x28) break;
      if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) upper = true;
    }
    if (close < 0 || !upper) continue;
    const def = definitionAt(text, open, close);
    if (def) out.push(def);
  }
  return out;
}

/**
 * Whether a parenthesis's content (trimmed, cut at ";" or ",") can be a short form: 2-10 chars with a capital, at
 * most two words, a letter or digit first and last. Session states are read with it too (session-state.ts), so a
 * new worker takes back every short form a definition made, "ʼAK" (U+02BC, an apostrophe to the matcher) as well.
 */
export function isShortForm(sf: string): boolean {
  if (sf.length < 2 || sf.length > 10) return false;
  return isAlnum(sf[0]) && isAlnum(sf[sf.length - 1]) && hasUpper(sf) && sf.split(/\s+/).length <= 2;
}

function definitionAt(text: string, open: number, close: number): AbbreviationDefinition | null {
  // Short form: the parenthesis's content up to a ";" or "," ("(WD; n = 12)").
  let sfStart = open + 1;
  let sfEnd = close;
  const cut = text.slice(sfStart, sfEnd).search(/[;,]/);
  if (cut >= 0) {
    // Two short forms for a coordinated long form ("estrogen and progesterone receptors (ER, PR)"): the letters
    // of either would align with a term that is not what it stands for.
    if (/^[;,]\s*\p{Lu}[\p{L}\p{N}-]{0,9}\s*$/u.test(text.slice(sfStart + cut, sfEnd))) return null;
    sfEnd = sfStart + cut;
  }
  while (sfStart < sfEnd && isSpace(text.charCodeAt(sfStart))) sfStart++;
  while (sfEnd > sfStart && isSpace(text.charCodeAt(sfEnd - 1))) sfEnd--;
  const sf = text.slice(sfStart, sfEnd);
  if (!isShortForm(sf)) return null;

  // Candidate long form: up to min(|SF| + 5, 2|SF|) words before "(", within the clause.
  let lfEnd = open;
  while (lfEnd > 0 && isSpace(text.charCodeAt(lfEnd - 1))) lfEnd--;
  if (lfEnd === open) return null; // "word(SF)": not a definition
  const maxWords = Math.min(sf.length + 5, sf.length * 2);
  let lfStart = lfEnd;
  let words = 0;
  while (lfStart > 0 && words < maxWords) {
    let k = lfStart;
    while (k > 0 && isSpace(text.charCodeAt(k - 1))) k--;
    if (k === 0 || isClause(text.charCodeAt(k - 1))) break;
    let w = k;
    while (w > 0 && !isSpace(text.charCodeAt(w - 1)) && !isClause(text.charCodeAt(w - 1))) w--;
    lfStart = w;
    words++;
    if (w > 0 && isClause(text.charCodeAt(w - 1))) break;
  }
  const candidate = text.slice(lfStart, lfEnd);
  const best = bestLongForm(sf, candidate);
  const start = best < 0 ? -1 : lfStart + best;
  if (start >= 0 && lfEnd - start <= sf.length) return null;
  return { shortForm: sf, sfStart, sfEnd, lfStart: start, lfEnd, after: close + 1 };
}

/** Schwartz-Hearst's right-to-left letter alignment; returns the long form's start within `lf`, or -1. */
function bestLongForm(sf: string, lf: string): number {
  let s = sf.length - 1;
  let l = lf.length - 1;
  const lower = (c: string) => c.toLowerCase();
  while (s >= 0) {
    const c = lower(sf[s]);
    if (!isAlnum(c)) {
      s--;
      continue;
    }
    while (l >= 0 && (lower(lf[l]) !== c || (s === 0 && l > 0 && isAlnum(lf[l - 1])))) l--;
    if (l < 0) return -1;
    l--;
    s--;
  }
  // Extend to the start of the word holding the first letter (after any white space: a line break too).
  let w = l + 1;
  while (w > 0 && !isSpace(lf.charCodeAt(w - 1))) w--;
  return w;
}
