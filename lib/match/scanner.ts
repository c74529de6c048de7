/**
 * The trie pass: every leftmost-longest match of the vocabulary from a word start, as (start, end, entry)
 * triples, and what an entry is (its concept, category, flags). What the matches mean in a document (short forms
 * it defines, context for stop forms, proper names) is the session's (session.ts).
 */
import type { Category } from '../dataset/types';
import { categoryName } from './compile';
import { BASE_MASK, TERM_BIT } from './double-array';
import { cappedSoloBit, firstWordBit, hasBit, soloBit, wordPairBit } from './first-words';
import { Cls, foldCodePoint, SYMBOL_MASK } from './normalise';
import { F_CASE, F_POSSESSIVE, F_STOP, type MatcherData } from './serialise';
import { NOT_A_TERM } from './not-terms';
import { negated } from './negation';
import { fingerprint, readSessionState } from './session-state';
import { Session } from './session';
import { pairBit } from './short-form-filters';
import type { Matcher, MatchSession, TermMatch } from './index';

// Class numbers, repeated as plain constants for the hot loop.
const WORD = Cls.Word;
const MARK = Cls.Mark;
const SEP = Cls.Sep;
const APOS = Cls.Apos;
const PUNCT = Cls.Punct;
const SLOW = Cls.Slow;

export class CompiledMatcher implements Matcher {
  readonly stats: Matcher['stats'];
  readonly table: Uint16Array;
  private readonly nodes: Int32Array;
  private readonly firstWords: Uint32Array;
  private readonly nextWords: Uint32Array;
  private readonly symSpace: number;
  private readonly symApos: number;
  private readonly symS: number;
  /** Folded code unit -> symbol, for the slow path (expansions and astral chars). */
  private readonly unitSymbol: Uint16Array;
  /** Set by scan when the text held a combining mark or a char of the slow path (see Session.findUses). */
  irregular = false;
  /** The concept number of phrases that hold a term but are none ("stroke of luck"), or -1. */
  readonly notATerm: number;

  private fingerprintMemo?: string;

  constructor(
    readonly d: MatcherData,
    bytes: number,
  ) {
    this.table = d.table;
    this.nodes = d.nodes;
    this.firstWords = d.firstWords;
    this.nextWords = d.nextWords;
    this.unitSymbol = new Uint16Array(0x10000).fill(SYMBOL_MASK);
    for (let s = 1; s < d.alphabet.length; s++) this.unitSymbol[d.alphabet[s]] = s;
    this.symSpace = this.unitSymbol[0x20];
    this.symApos = this.unitSymbol[0x27];
    this.symS = this.unitSymbol[0x73];
    this.stats = { bytes, slots: d.nodes.length / 2, concepts: d.concepts.length, entries: d.entryConcept.length };
    this.notATerm = d.concepts.indexOf(NOT_A_TERM);
  }

  match(text: string): TermMatch[] {
    return new Session(this).match(text);
  }

  session(state?: unknown): MatchSession {
    const session = new Session(this);
    const known = state === undefined ? null : readSessionState(state, this);
    if (known) session.restore(known);
    return session;
  }

  /** Which matcher a session state comes from (see session-state.ts). */
  get fingerprint(): string {
    return (this.fingerprintMemo ??= fingerprint(this.d));
  }
  get entryCount(): number {
    return this.d.entryConcept.length;
  }
  get conceptCount(): number {
    return this.d.concepts.length;
  }

  /** The class of the code point at i (Word for astral letters), for boundaries and the slow path. */
  private clsAt(text: string, i: number): number {
    const c = this.table[text.charCodeAt(i)] >>> 12;
    if (c !== SLOW) return c;
    const cp = text.codePointAt(i)!;
    if (cp < 0x10000 && cp >= 0xd800 && cp <= 0xdbff) return Cls.Other; // lone surrogate
    const f = foldCodePoint(cp).cls;
    return f === Cls.Word ? SLOW : f;
  }

  private isWordAt(text: string, i: number): boolean {
    if (i >= text.length) return false;
    const c = this.clsAt(text, i);
    return c === WORD || c === MARK || c === SLOW;
  }

  /**
   * Every leftmost-longest match from a word start, as (start, end, entry) triples appended to `out`.
   * Stop-listed and case-sensitive entries are included; the session decides about stop entries.
   *
   * One loop does both the scan and the trie walk, so each char is read about once: a failed walk resumes
   * at the next word start it passed over, or at the char where it failed. Everything non-ASCII-ish that the
   * table cannot answer alone (astral chars, expansions) goes through `slowStep`.
   */
  scan(text: string, out: number[], pairs: Uint32Array | null = null, starts: number[] | null = null): void {
    const table = this.table;
    const filter = this.firstWords;
    const n = text.length;
    this.irregular = false;
    let i = 0;
    while (i < n) {
      // Here the char before i (if any) is not a word char.
      let e = table[text.charCodeAt(i)];
      let cls = e >>> 12;
      if (cls !== WORD) {
        if (cls === SLOW) {
          this.irregular = true;
          const c = this.clsAt(text, i);
          if (c === MARK) {
            i = this.skipWord(text, i);
            continue;
          }
          if (c !== SLOW) {
            i++;
            continue;
          }
        } else if (cls === MARK) {
          this.irregular = true;
          i = this.skipWord(text, i);
          continue;
        } else {
          i++;
          continue;
        }
      }
      // A word starts at i. Hash its first run of plain word chars; only a run that begins some key (per the
      // first-word filter), or one that needs the slow path, is walked through the trie.
      const start = i;
      if (cls === WORD) {
        let h = 0;
        do {
          h = (Math.imul(h, 31) + (e & SYMBOL_MASK)) | 0;
          if (++i >= n) break;
          e = table[text.charCodeAt(i)];
          cls = e >>> 12;
        } while (cls === WORD);
        if (pairs !== null) {
          // A short form may start here (see Session.findUses).
          const p = pairBit(text.charCodeAt(start), i > start + 1 ? text.charCodeAt(start + 1) : 0);
          if (pairs[p >>> 5] & (1 << (p & 31))) starts!.push(start);
        }
        // A word right after "non" starts no term ("non-small cell carcinoma", "non-traumatic brain injury"): the
        // scan goes on from the next word, which may ("brain injury").
        if (i < n && (cls === MARK || cls === SLOW)) {
          this.irregular = true;
          i = negated(text, start) ? this.skipWord(text, start) : this.walk(text, start, out);
        } else {
          const k = firstWordBit(h);
          if (filter[k >>> 5] & (1 << (k & 31)) && this.mayStartKey(text, start, i, h) && !negated(text, start)) i = this.walk(text, start, out);
        }
      } else {
        i = negated(text, start) ? Math.max(start + 1, this.skipWord(text, start)) : this.walk(text, start, out);
      }
    }
  }

  /**
   * Could a key start with the plain word text[start, end) (hash `h`, a first word of some key)? Yes when the
   * word is a whole key (in capitals, for a key only capitals spell), or when the next word pairs with it in
   * some key; anything unusual after it is walked (see first-words.ts).
   */
  private mayStartKey(text: string, start: number, end: number, h: number): boolean {
    const hints = this.nextWords;
    if (hasBit(hints, soloBit(h))) return true;
    if (hasBit(hints, cappedSoloBit(h))) {
      for (let k = start; k < end; k++) {
        const c = text.charCodeAt(k);
        if ((c >= 0x41 && c <= 0x5a) || c > 0x7f) return true;
      }
    }
    const table = this.table;
    const n = text.length;
    let j = end;
    let cls = j < n ? table[text.charCodeAt(j)] >>> 12 : -1;
    if (cls !== SEP && cls !== PUNCT) return true;
    // Separators (a space, a hyphen, a slash, a few at most), then the next word.
    do {
      if (++j >= n || j - end > 8) return true;
      cls = table[text.charCodeAt(j)] >>> 12;
    } while (cls === SEP || cls === PUNCT);
    if (cls !== WORD) return true;
    let e = table[text.charCodeAt(j)];
    let h2 = 0;
    do {
      h2 = (Math.imul(h2, 31) + (e & SYMBOL_MASK)) | 0;
      if (++j >= n) break;
      e = table[text.charCodeAt(j)];
      cls = e >>> 12;
    } while (cls === WORD);
    if (j < n && (cls === MARK || cls === SLOW)) return true;
    return hasBit(hints, wordPairBit(h, h2));
  }

  /** Walks the trie from the word start `start`; appends the longest match; returns where scanning resumes. */
  private walk(text: string, start: number, out: number[]): number {
    const table = this.table;
    const nd = this.nodes;
    const symSpace = this.symSpace;
    const n = text.length;
    let i = start;
    let e = table[text.charCodeAt(i)];
    let cls = e >>> 12;
    let s = 0;
    let b = nd[0];
    let bestEnd = -1;
    let bestEntry = -1;
    let nextStart = -1;
    let lastSpace = false;
    let prevWord = false;
    let crossed = false; // the walk went past a non-word char
    for (;;) {
      if (cls === WORD) {
        if (!prevWord && i > start && nextStart < 0) nextStart = i;
        const t = (b & BASE_MASK) + (e & SYMBOL_MASK);
        if (nd[2 * t + 1] !== s) break;
        s = t;
        b = nd[2 * t];
        i++;
      } else if (cls === SEP) {
        crossed = true;
        prevWord = false;
        if (!lastSpace) {
          const t = (b & BASE_MASK) + symSpace;
          if (nd[2 * t + 1] !== s) break;
          s = t;
          b = nd[2 * t];
          lastSpace = true;
        }
        if (++i >= n) break;
        e = table[text.charCodeAt(i)];
        cls = e >>> 12;
        continue;
      } else if (cls === PUNCT || cls === APOS) {
        crossed = true;
        let sym = e & SYMBOL_MASK;
        if (cls === APOS) {
          if (prevWord && this.possessiveAt(text, i)) {
            // "'s" or a bare "'" ending the word is dropped, as in canonicalForm; "s" starts a word.
            if (text.length > i + 1 && this.isWordAt(text, i + 1) && nextStart < 0) nextStart = i + 1;
            i += this.isWordAt(text, i + 1) ? 2 : 1;
            prevWord = false;
            if (i >= n) break;
            e = table[text.charCodeAt(i)];
            cls = e >>> 12;
            continue;
          }
          sym = this.symApos;
        }
        const t = (b & BASE_MASK) + sym;
        if (nd[2 * t + 1] !== s) break;
        s = t;
        b = nd[2 * t];
        prevWord = false;
        lastSpace = false;
        if (++i >= n) break;
        e = table[text.charCodeAt(i)];
        cls = e >>> 12;
        continue;
      } else if (cls === MARK) {
        // A mark after a space or a hyphen begins a word of its own ("\u0301Copper" is one word, not "Copper"):
        // a failed walk resumes there, at the mark, and the scan skips that word whole.
        this.irregular = true;
        if (!prevWord && i > start && nextStart < 0) nextStart = i;
        prevWord = true;
        if (++i >= n) break;
        e = table[text.charCodeAt(i)];
        cls = e >>> 12;
        continue;
      } else if (cls === SLOW) {
        this.irregular = true;
        const c = this.clsAt(text, i);
        if (c === MARK) {
          i += text.codePointAt(i)! > 0xffff ? 2 : 1;
          if (i >= n) break;
          e = table[text.charCodeAt(i)];
          cls = e >>> 12;
          continue;
        }
        if (c !== SLOW) break;
        if (!prevWord && i > start && nextStart < 0) nextStart = i;
        const t = this.slowStep(text, i, s);
        if (t < 0) break;
        s = t;
        b = nd[2 * t];
        i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      } else break;
      // After a word char: swallow combining marks, then accept if a key ends here on a word boundary.
      prevWord = true;
      lastSpace = false;
      if (i < n) {
        e = table[text.charCodeAt(i)];
        cls = e >>> 12;
        while (cls === MARK) {
          this.irregular = true;
          if (++i >= n) break;
          e = table[text.charCodeAt(i)];
          cls = e >>> 12;
        }
      }
      if (b & TERM_BIT && (i >= n || (cls !== WORD && cls !== MARK && (cls !== SLOW || !this.isWordAt(text, i)))) && !numberGoesOn(text, i)) {
        const term = b & BASE_MASK;
        const entry = this.pick(text, start, i, -nd[2 * term] - 1);
        if (entry >= 0) {
          bestEnd = i;
          bestEntry = entry;
        }
      }
      if (i >= n) break;
    }
    if (bestEnd > 0) {
      out.push(start, bestEnd, bestEntry);
      return bestEnd; // a boundary char follows
    }
    if (nextStart >= 0) return nextStart;
    // Failed inside the first word: skip its rest. Otherwise i already follows a non-word char.
    return crossed ? i : this.skipWord(text, i);
  }

  /** The end of the word that contains i. */
  wordEnd(text: string, i: number): number {
    return this.skipWord(text, i);
  }

  /** The end of the word that contains i; notes a mark or slow-path char on the way (see `irregular`). */
  private skipWord(text: string, i: number): number {
    const n = text.length;
    while (i < n) {
      const c = this.table[text.charCodeAt(i)] >>> 12;
      if (c === WORD) i++;
      else if (c === MARK) {
        this.irregular = true;
        i++;
      } else if (c === SLOW) {
        this.irregular = true;
        if (!this.isWordAt(text, i)) break;
        i += text.codePointAt(i)! > 0xffff ? 2 : 1;
      } else break;
    }
    return i;
  }

  /** An apostrophe at i that canonicalForm drops: "'s" ending a word, or "'" ending a word. */
  private possessiveAt(text: string, i: number): boolean {
    const e = this.table[text.charCodeAt(i + 1)];
    if (i + 1 < text.length && e >>> 12 === WORD && (e & SYMBOL_MASK) === this.symS) return !this.isWordAt(text, i + 2);
    return !this.isWordAt(text, i + 1);
  }

  /** One step over a char the table cannot fold alone (expansion or astral): the new state, or -1. */
  private slowStep(text: string, i: number, s: number): number {
    const nd = this.nodes;
    const f = foldCodePoint(text.codePointAt(i)!).text;
    for (let k = 0; k < f.length; k++) {
      const t = (nd[2 * s] & BASE_MASK) + this.unitSymbol[f.charCodeAt(k)];
      if (nd[2 * t + 1] !== s) return -1;
      s = t;
    }
    return s;
  }

  /** The first entry of an output list that applies to text[start, end) (case-sensitive ones checked). */
  private pick(text: string, start: number, end: number, list: number): number {
    const d = this.d;
    for (let k = d.outOffsets[list]; k < d.outOffsets[list + 1]; k++) {
      const entry = d.outEntries[k];
      if (!(d.entryFlags[entry] & F_CASE)) return entry;
      if (this.sameCase(text, start, end, d.csForms[this.caseSensitiveForm(entry)]) && !namePartAfter(text, end)) return entry;
    }
    return -1;
  }

  /** Where a case-sensitive entry's form is in csForms: a binary search of csEntries (a few thousand). */
  private caseSensitiveForm(entry: number): number {
    const cs = this.d.csEntries;
    let lo = 0;
    let hi = cs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cs[mid] < entry) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Word chars of the text equal those of the form exactly, allowing a plural "s" after. */
  private sameCase(text: string, start: number, end: number, form: string): boolean {
    let i = start;
    let k = 0;
    while (k < form.length) {
      if (!this.isWordAt(form, k)) {
        k++;
        continue;
      }
      while (i < end && !this.isWordAt(text, i)) i++;
      if (i >= end || text.charCodeAt(i) !== form.charCodeAt(k)) return false;
      i++;
      k++;
    }
    return i === end || (i + 1 === end && text.charCodeAt(i) === 0x73);
  }

  conceptOf(entry: number): number {
    return this.d.entryConcept[entry];
  }
  isStop(entry: number): boolean {
    return (this.d.entryFlags[entry] & F_STOP) !== 0;
  }
  /** Whether the entry names its concept only with "'s" after it ("Parkinson's", not "Michael Parkinson"). */
  needsPossessive(entry: number): boolean {
    return (this.d.entryFlags[entry] & F_POSSESSIVE) !== 0;
  }
  /** Whether the entry's form is an abbreviation whose case carries its meaning ("CT", not "jaw"). */
  isCaseSensitive(entry: number): boolean {
    return (this.d.entryFlags[entry] & F_CASE) !== 0;
  }
  conceptId(concept: number): string {
    return this.d.concepts[concept];
  }
  categoryOf(entry: number): Category {
    return categoryName(this.d.entryCategory[entry]);
  }
  wordAt(text: string, i: number): boolean {
    return this.isWordAt(text, i);
  }
}

/**
 * Whether an abbreviation ending at `end` is the first part of a longer name: a hyphen, then a word in mixed
 * case ("SARS-CoV-2", "MERS-CoV"). "CT-guided", "HIV-1" and "PET-CT" stay matches.
 */
function namePartAfter(text: string, end: number): boolean {
  if (text.charCodeAt(end) !== 0x2d) return false;
  let upper = false;
  let lower = false;
  for (let i = end + 1; i < text.length && i < end + 12; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x61 && c <= 0x7a) lower = true;
    else if (!(c >= 0x30 && c <= 0x39)) break;
  }
  return upper && lower;
}

/**
 * Whether a number ending at `i` is not the end of a name: one that goes on as a share, a decimal or a count
 * ("7.5%", "7,5", "5%", "3 of 4"), or one that begins a line (a list's "9."). A key that ends in a number
 * ("Cataract 7", a gene-numbered type) must not take it: GARD's lists of signs read "Cataract 7.5%", the share of
 * people who have one, and opened the seventh inherited cataract; a plain-text list's "Psoriasis" then "9. …"
 * opened type 9.
 */
function numberGoesOn(text: string, i: number): boolean {
  const last = text.charCodeAt(i - 1);
  if (last < 48 || last > 57) return false;
  const c = text.charCodeAt(i);
  if (c === 37 /* % */) return true;
  if ((c === 46 /* . */ || c === 44) /* , */ && isDigit(text.charCodeAt(i + 1))) return true;
  // "5 %": a space before the sign; "3 of 4": a count out of a total.
  if (c === 32 && text.charCodeAt(i + 1) === 37) return true;
  if (c === 32 && text.startsWith('of ', i + 1) && isDigit(text.charCodeAt(i + 4))) return true;
  let j = i - 1;
  while (j > 0 && isDigit(text.charCodeAt(j - 1))) j--;
  // The white space before the number: a line break in it starts a new line (a list's item), not the name's end.
  while (j > 0) {
    const w = text.charCodeAt(j - 1);
    if (w === 10 || w === 13) return true;
    if (w !== 32 && w !== 9) break;
    j--;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
