/**
 * The term matcher: compile a vocabulary to bytes, load the bytes, find terms in text.
 *
 * Matching is leftmost-longest over word starts: from each word start the double-array trie is walked over
 * folded characters (one table read per char, see normalise.ts) and the last accepting position that ends on
 * a word boundary wins. A per-document session adds abbreviations defined in the text and the context rule
 * for stop-listed forms. No browser or Node API here: this runs in the content script, background and Node.
 */
import { CATEGORIES, type Category, type VocabularyEntry } from '../dataset/types';
import { findDefinitions } from './abbreviations';
import { resolveSharedHeads, type WholeTerm } from './shared-heads';
import { dropSaltMetals } from './salts';
import { categoryName, compileData } from './compile';
import { BASE_MASK, TERM_BIT } from './double-array';
import { cappedSoloBit, firstWordBit, hasBit, soloBit, wordPairBit } from './first-words';
import { Cls, foldCodePoint, SYMBOL_MASK } from './normalise';
import { deserialise, F_CASE, F_POSSESSIVE, F_STOP, serialise, type MatcherData } from './serialise';
import { NOT_A_TERM } from './not-terms';
import { negated } from './negation';
import { isShadowed, shadowMask } from './shadowing';
import { inPronunciation } from './pronunciation';
import { inCompoundName } from './compounds';
import { inProperName } from './proper-names';
import { isStopForm } from './stoplist';
import { fingerprint, MAX_STATE_ABBREVIATIONS, MAX_STATE_SEEN, readSessionState, type SessionState } from './session-state';

export { vocabularyFromConcepts } from './vocabulary';
export { canonicalForm } from './normalise';
export type { SessionState } from './session-state';

export interface TermMatch {
  start: number;
  end: number;
  conceptId: string;
  category: Category;
}

export interface MatchSession {
  /** Matches in one text block; abbreviations defined and concepts seen in earlier blocks still apply. */
  match(text: string): TermMatch[];
  /** What the session knows, small and plain, to go on from with `Matcher.session(state)` (a new worker). */
  state(): SessionState;
}

export interface Matcher {
  /** Matches in one standalone text. */
  match(text: string): TermMatch[];
  /**
   * A per-document session: feed the page's text blocks in order. Given a `state` this matcher's session made,
   * it goes on from there; the state is untrusted (it travels through the page), so a malformed one, or one from
   * another matcher, is ignored and the session starts afresh.
   */
  session(state?: unknown): MatchSession;
  /** Serialised size, concept count and trie size, for the benchmarks. */
  readonly stats: { bytes: number; slots: number; concepts: number; entries: number };
}

export function compileMatcher(entries: VocabularyEntry[]): Uint8Array {
  return serialise(compileData(entries));
}

export function loadMatcher(bytes: Uint8Array | ArrayBuffer): Matcher {
  return new CompiledMatcher(deserialise(bytes), bytes.byteLength);
}

// Class numbers, repeated as plain constants for the hot loop.
const WORD = Cls.Word;
const MARK = Cls.Mark;
const SEP = Cls.Sep;
const APOS = Cls.Apos;
const PUNCT = Cls.Punct;
const SLOW = Cls.Slow;

class CompiledMatcher implements Matcher {
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
      if (b & TERM_BIT && (i >= n || (cls !== WORD && cls !== MARK && (cls !== SLOW || !this.isWordAt(text, i))))) {
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

type Hit = { start: number; end: number; entry: number; abbrev: boolean };

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
const endsAt = (raw: number[], end: number) => tripleAt(raw, 1, end);

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
const startsAt = (raw: number[], start: number) => tripleAt(raw, 0, start);

/** Whether the scan matched a term (not a stop form) exactly over text[start, end). */
function knownAt(m: CompiledMatcher, raw: number[], start: number, end: number): boolean {
  const k = startsAt(raw, start);
  return k >= 0 && raw[k + 1] === end && !m.isStop(raw[k + 2]);
}

/**
 * The categories of the terms (not stop forms) the scan matched within text[start, end), as a bit per category
 * (CATEGORIES order); 0 when none.
 */
function categoriesWithin(m: CompiledMatcher, raw: number[], start: number, end: number): number {
  if (start < 0) return 0;
  let bits = 0;
  for (let k = firstFrom(raw, start); k < raw.length; k += 3) {
    if (raw[k] >= end) break;
    if (raw[k + 1] <= end && !m.isStop(raw[k + 2])) bits |= 1 << CATEGORIES.indexOf(m.categoryOf(raw[k + 2]));
  }
  return bits;
}

/** Whether the scan matched a term (not a stop form) within text[start, end). */
function termWithin(m: CompiledMatcher, raw: number[], start: number, end: number): boolean {
  return categoriesWithin(m, raw, start, end) !== 0;
}
const DRUGS_ONLY = 1 << CATEGORIES.indexOf('drug');

/**
 * Last words that make a long form name something other than the term before them: a gene or a protein of it,
 * an enzyme acting on it ("glucose-6-phosphate dehydrogenase (G6PD)", any "-ase" but a disease), a part or a
 * measure of it ("zinc finger (ZF)", "fetal heart rate (FHR)", "PSA velocity (PSAV)"), what acts on it
 * ("... inhibitor"), or the lack of it ("CETP deficiency").
 */
const NOT_THE_TERM =
  /^(?:genes?|proteins?|receptors?|antigens?|antibod(?:y|ies)|locus|loci|alleles?|mutations?|variants?|pathways?|cells?|virus(?:es)?|factors?|enzymes?|(?!(?:dise|ph|phr|c|ch|b|datab|e|le|rele|incre|decre|purch|v)ases?$)\p{L}+ases?|fingers?|domains?|motifs?|sites?|regions?|sequences?|rates?|levels?|ratios?|scores?|concentrations?|inhibitors?|antagonists?|agonists?|blockers?|deficienc(?:y|ies)|pressures?|velocit(?:y|ies)|circumferences?|viscosit(?:y|ies)|lines?|sludge|volumes?|diameters?|thickness|flows?|densit(?:y|ies)|index|indices|polic(?:y|ies)|activit(?:y|ies)|perception|counts?)$/iu;
/** Last words that make a long form name a disease of what the term before them is (an organ, a germ, a drug). */
const DISEASE_OF_THE_TERM = /^(?:diseases?|disorders?|syndromes?|injur(?:y|ies)|infections?|cancers?|tumou?rs?|failure|dysfunction|insufficiency|toxicity|poisoning|allerg(?:y|ies))$/i;
/**
 * Last words that make a long form name a procedure or a test on what the term before them is: "carotid artery
 * stenting (CAS)" is no carotid artery, "somatostatin receptor scintigraphy (SRS)" no receptor. A term that is a
 * procedure already keeps its short form: "coronary artery bypass grafting (CABG)".
 */
const PROCEDURE_ON_THE_TERM =
  /^(?:\p{L}+(?:graphy|scopy|ectomy|otomy|ostomy|plasty|metry|therapy)|stenting|imaging|screening|grafting|biopsy|biopsies|resection|ablation|repair|replacement|transplant(?:ation)?|surgery|vaccination|immunisation|immunization|stimulation|embolization|embolisation|testing|tests?|assays?|scans?|scanning|therapy|therapies|treatments?|monitoring)$/iu;

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
 * Every letter of the short form starts a word of the term, as often as the short form has it ("myotonic
 * dystrophy (DM)", in Latin order; not "perfusion (NNSP)"); a digit may stand anywhere in it, and in a medicine's
 * one-word name any letter ("acetaminophen (APAP)"). A letter and a digit may leave the digit out where the letter
 * starts the term: "thyroxine (T4)", "triiodothyronine (T3)" count their iodine atoms. Not longer symbols:
 * "retinoblastoma (RB1) gene" names the gene.
 */
function initialsWithin(sf: string, term: string, category: Category): boolean {
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
function modifiedTerm(
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

interface Meaning {
  concept: number;
  entry: number;
  /** For "X (SF) Y" definitions: " Y", so that a later "SF Y" is one mention like the definition. */
  tail?: string;
}

/**
 * Whether the match text[start, end) stands in a proper name (proper-names.ts), asked only of matches that start
 * with a capital. `prevEnd`: where the match before it ends (-1 for none), to tell "Hypertension, MI" (a term
 * right before) from "Hartford, CT".
 */
function properName(text: string, start: number, end: number, abbreviation: boolean, prevEnd: number): boolean {
  const c = text.charCodeAt(start);
  if (c < 0x41 || c > 0x5a) return false;
  const afterTerm = prevEnd >= 0 && start - prevEnd <= 3 && /^,? ?$/.test(text.slice(prevEnd, start));
  return inProperName(text, start, end, abbreviation, afterTerm);
}

/** Scratch for Session.match's merge, shared: matching is synchronous, one text at a time. */
let mergeBuf = new Int32Array(0);

/** Apostrophes a possessive is written with: straight, curly, the modifier letter. */
const isApostrophe = (c: number) => c === 0x27 || c === 0x2019 || c === 0x2bc;

/** Whether a match ending at `end` is followed by "'s" (or ends with it): "Parkinson's", "Alzheimer’s". */
function possessiveEnds(text: string, end: number): boolean {
  if (isApostrophe(text.charCodeAt(end)) && (text.charCodeAt(end + 1) | 0x20) === 0x73) return true;
  return end >= 2 && isApostrophe(text.charCodeAt(end - 2)) && (text.charCodeAt(end - 1) | 0x20) === 0x73;
}

/** Short forms of one plain word, looked up word by word. */
const PLAIN_SHORT_FORM = /^[A-Z0-9\u0080-\uffff][\p{L}\p{N}]*$/u;

/** Per-document state: in-text abbreviations and the concepts already seen (the context for stop forms). */
class Session implements MatchSession {
  /** Short form -> its meaning in this document, or null when defined as something we do not know. */
  private readonly abbreviations = new Map<string, Meaning | null>();
  /** Where each short form was defined in the current text (uses before it do not count), else absent. */
  private readonly definedAt = new Map<string, number>();
  /** Concepts named so far (a bitset over concept numbers). */
  private readonly seen: Uint32Array;
  /** Words that phrases used so far took for themselves (a mask over SHADOWED_WORDS). */
  private shadowed = 0;
  private readonly buf: number[] = [];
  /** Defined short forms that are not one plain word ("HLA B27", "mTOR"), looked up by their first word. */
  private readonly unusual: string[] = [];
  /** First word (run of word chars) of each unusual short form -> their indexes in `unusual`. */
  private readonly leads = new Map<string, number[]>();
  /** Hashes (wordHash) of every short form and of every unusual one's first word: most words are not. */
  private readonly keyBits = new Uint32Array(KEY_BITS >>> 5);
  /** Likewise for their first two code units (pairBit), and for those of the same with a plural "s". */
  private readonly pairBits = new Uint32Array(PAIR_BITS >>> 5);
  /** pairBits with this text's definitions added, for the scan; and the word starts it notes. */
  private readonly scanPairs = new Uint32Array(PAIR_BITS >>> 5);
  private readonly starts: number[] = [];
  private keyBitsFor = 0;

  constructor(private readonly m: CompiledMatcher) {
    this.seen = new Uint32Array((m.d.concepts.length + 31) >>> 5);
  }

  private see(concept: number): void {
    // Nothing gives context to a phrase that is not a term: its stop entry is never lit.
    if (concept === this.m.notATerm) return;
    this.seen[concept >>> 5] |= 1 << (concept & 31);
  }

  private hasSeen(concept: number): boolean {
    return (this.seen[concept >>> 5] & (1 << (concept & 31))) !== 0;
  }

  /** Whether text[start, end) is a not-a-term phrase (never lit); one that takes a word from here on is noted (shadowing.ts). */
  private shadows(text: string, start: number, end: number, entry: number): boolean {
    if (this.m.conceptOf(entry) !== this.m.notATerm) return false;
    this.shadowed |= shadowMask(text.slice(start, end));
    return true;
  }

  /** A word a phrase took (shadowing.ts), standing alone for a concept this document has not named otherwise. */
  private isTaken(text: string, start: number, end: number, entry: number): boolean {
    return isShadowed(this.shadowed, text.slice(start, end)) && !this.hasSeen(this.m.conceptOf(entry));
  }

  state(): SessionState {
    const abbreviations: SessionState['abbreviations'] = [];
    for (const [shortForm, meaning] of this.abbreviations) {
      if (abbreviations.length === MAX_STATE_ABBREVIATIONS) break;
      if (!meaning) abbreviations.push([shortForm, -1]);
      else abbreviations.push(meaning.tail ? [shortForm, meaning.entry, meaning.tail] : [shortForm, meaning.entry]);
    }
    const seen: number[] = [];
    for (let w = 0; w < this.seen.length && seen.length < MAX_STATE_SEEN; w++) {
      // Each set bit, lowest first: the concepts come out ascending.
      for (let bits = this.seen[w]; bits !== 0 && seen.length < MAX_STATE_SEEN; bits &= bits - 1) {
        seen.push(w * 32 + 31 - Math.clz32(bits & -bits));
      }
    }
    return this.shadowed === 0 ? { matcher: this.m.fingerprint, abbreviations, seen } : { matcher: this.m.fingerprint, abbreviations, seen, shadowed: this.shadowed };
  }

  /** Takes up a state read by readSessionState: the definitions in their order (as `match` makes them), then the concepts. */
  restore({ abbreviations, seen, shadowed = 0 }: Pick<SessionState, 'abbreviations' | 'seen' | 'shadowed'>): void {
    this.shadowed = shadowed;
    const m = this.m;
    for (const [shortForm, entry, tail] of abbreviations) {
      const concept = entry < 0 ? -1 : m.conceptOf(entry);
      // As in `match`: a short form defined as a phrase that is no term means nothing we know.
      const meaning = concept < 0 || concept === m.notATerm ? null : { concept, entry, tail };
      if (!this.abbreviations.has(shortForm) && !PLAIN_SHORT_FORM.test(shortForm)) this.unusual.push(shortForm);
      this.abbreviations.set(shortForm, meaning);
    }
    for (const concept of seen) this.see(concept);
  }

  /** Brings keyBits and leads up to date with the short forms defined so far (they only grow). */
  private indexShortForms(): void {
    if (this.keyBitsFor === this.abbreviations.size) return;
    this.keyBitsFor = this.abbreviations.size;
    const bits = this.keyBits;
    const add = (w: string) => {
      const k = keyBit(wordHash(w, 0, w.length));
      bits[k >>> 5] |= 1 << (k & 31);
      addPairs(this.pairBits, w);
    };
    for (const sf of this.abbreviations.keys()) add(sf);
    this.leads.clear();
    this.unusual.forEach((sf, k) => {
      const lead = sf.slice(0, this.m.wordEnd(sf, 0));
      add(lead);
      const l = this.leads.get(lead);
      if (l) l.push(k);
      else this.leads.set(lead, [k]);
    });
  }

  match(text: string): TermMatch[] {
    const m = this.m;
    const raw = this.buf;
    raw.length = 0;
    const defs = text.indexOf('(') >= 0 ? findDefinitions(text) : [];
    // With short forms about (defined before, or maybe in this text), the scan notes where one may start.
    let starts: number[] | null = null;
    if (this.abbreviations.size > 0 || defs.length > 0) {
      this.indexShortForms();
      const pairs = this.scanPairs;
      pairs.set(this.pairBits);
      for (const def of defs) {
        addPairs(pairs, def.shortForm);
        addPairs(pairs, def.shortForm.slice(0, m.wordEnd(def.shortForm, 0)));
      }
      starts = this.starts;
      starts.length = 0;
      m.scan(text, raw, pairs, starts);
    } else {
      m.scan(text, raw);
    }
    const irregular = m.irregular;

    // Definitions in this text: the long form's match gives the short form its meaning.
    this.definedAt.clear();
    let extra: Hit[] | null = null;
    if (defs.length > 0) {
      for (const def of defs) {
        let meaning: Meaning | null = null;
        const k = endsAt(raw, def.lfEnd);
        // The term that ends the long form gives the meaning when it is the whole long form (letters aligned,
        // Schwartz-Hearst), when plain modifiers come before a disease or a procedure ("acute myocardial infarction
        // (AMI)": modifiedTerm), or, where the letters do not align, when they start its words ("myotonic dystrophy
        // (DM)"); not when it is only the head noun of something else: "anterior/apical prolapse (AA)" is no
        // prolapse, "angiotensin-converting enzyme (ACE)" no "Enzymes".
        const whole = k >= 0 && def.lfStart >= 0 && raw[k] <= def.lfStart;
        if (k >= 0 && (whole || (def.lfStart < 0 && initialsWithin(def.shortForm, text.slice(raw[k], raw[k + 1]), m.categoryOf(raw[k + 2]))))) {
          meaning = { concept: m.conceptOf(raw[k + 2]), entry: raw[k + 2] };
        }
        if (!meaning && def.lfStart >= 0) {
          // "von Hippel-Lindau (VHL) disease": the term runs on after the parenthesis.
          const head = text.slice(def.lfStart, def.lfEnd);
          const probe = `${head} ${text.slice(def.after, def.after + 60)}`;
          const found: number[] = [];
          m.scan(probe, found);
          for (let k = 0; k < found.length; k += 3) {
            if (found[k] < head.length && found[k + 1] > head.length + 1) {
              const end = def.after + found[k + 1] - head.length - 1;
              const tail = text.slice(def.after, end);
              meaning = { concept: m.conceptOf(found[k + 2]), entry: found[k + 2], tail: /^\s/.test(tail) ? tail : undefined };
              (extra ??= []).push({ start: def.lfStart + found[k], end, entry: found[k + 2], abbrev: true });
              break;
            }
          }
        }
        // A short form the vocabulary knows keeps its own meaning over a modified term's ("computed tomography
        // (CT)" with only "Tomography" to match is still CT): see below.
        if (
          !meaning &&
          k >= 0 &&
          def.lfStart >= 0 &&
          !knownAt(m, raw, def.sfStart, def.sfEnd) &&
          modifiedTerm(m, raw, k, text, def.shortForm, def.lfStart, (c) => this.hasSeen(c))
        ) {
          meaning = { concept: m.conceptOf(raw[k + 2]), entry: raw[k + 2] };
        }
        if (!meaning && def.lfStart >= 0) {
          // "coronary artery bypass grafting (CABG)": a term that is the long form but for its last word,
          // unless that word makes it something else ("alkaptonuria gene (AKU)" names the gene).
          const k = startsAt(raw, def.lfStart);
          const last = k >= 0 && raw[k + 1] < def.lfEnd ? /^\s+(\S+)$/.exec(text.slice(raw[k + 1], def.lfEnd)) : null;
          // Not for a part of the body: "hip circumference (HC)", "joint lines (JLs)" and "pulmonary artery pressure
          // (PAP)" measure it; nor where the last word is a term itself ("computed tomography angiography (CTA)").
          if (
            last &&
            m.categoryOf(raw[k + 2]) !== 'anatomy' &&
            !termWithin(m, raw, raw[k + 1], def.lfEnd) &&
            !NOT_THE_TERM.test(last[1]) &&
            !(DISEASE_OF_THE_TERM.test(last[1]) && m.categoryOf(raw[k + 2]) !== 'disease') &&
            !(PROCEDURE_ON_THE_TERM.test(last[1]) && m.categoryOf(raw[k + 2]) !== 'procedure')
          ) {
            meaning = { concept: m.conceptOf(raw[k + 2]), entry: raw[k + 2] };
          }
        }
        const within = knownAt(m, raw, def.sfStart, def.sfEnd) ? categoriesWithin(m, raw, def.lfStart, def.lfEnd) : 0;
        if (!meaning && within !== 0 && !(within === DRUGS_ONLY && m.categoryOf(raw[startsAt(raw, def.sfStart) + 2]) !== 'drug')) {
          // A medical long form we cannot name, for a short form the vocabulary knows ("computed tomography
          // (CT)", "hepatitis C virus (HCV)"): the vocabulary's meaning stands. A long form with no term in it
          // says the page means something else ("cycle threshold (CT)"), and so does one of medicines only for a
          // short form that is none ("hexamidine-chlorhexidine-chlorocresol (HCC)" is no liver cancer).
          continue;
        }
        // "a stroke of luck (SOL)": the page defines SOL as something that is no term.
        if (meaning?.concept === m.notATerm) meaning = null;
        if (meaning) this.see(meaning.concept);
        if (!this.definedAt.has(def.shortForm)) this.definedAt.set(def.shortForm, def.sfStart);
        // As many as a state carries: a page that defines short forms without end (a hostile one, or a glossary)
        // must not grow the worker's memory, and the page reads the same after the worker restarts with its state.
        const known = this.abbreviations.has(def.shortForm);
        if ((meaning || def.lfStart >= 0) && (known || this.abbreviations.size < MAX_STATE_ABBREVIATIONS)) {
          if (!known && !PLAIN_SHORT_FORM.test(def.shortForm)) this.unusual.push(def.shortForm);
          this.abbreviations.set(def.shortForm, meaning);
        }
        // Defined in the plural ("neonatal intensive care units (NICUs)"), used in the singular too ("the NICU").
        // Not a word in capitals that means something else ("ultrasounds (USs)" leaves "the US" alone).
        const one = meaning && /\p{Lu}s$/u.test(def.shortForm) ? def.shortForm.slice(0, -1) : null;
        if (one && one.length >= 2 && !isStopForm(one, true) && !this.abbreviations.has(one) && this.abbreviations.size < MAX_STATE_ABBREVIATIONS) {
          if (!this.definedAt.has(one)) this.definedAt.set(one, def.sfStart);
          if (!PLAIN_SHORT_FORM.test(one)) this.unusual.push(one);
          this.abbreviations.set(one, meaning);
        }
      }
    }

    // Uses of defined short forms (case-sensitive, whole words, plural "s" allowed) override the vocabulary.
    let blocked: Set<number> | null = null;
    if (this.abbreviations.size > 0) {
      const uses = irregular || starts === null ? this.findUsesExact(text) : this.findUsesAt(text, raw, starts);
      if (uses.length > 0) {
        extra ??= [];
        for (let k = 0; k < uses.length; k += 3) {
          const sf = uses[k + 2] >= 0 ? this.unusual[uses[k + 2]] : text.slice(uses[k], uses[k + 1]);
          const meaning = this.abbreviations.get(sf)!;
          const hit = this.use(text, sf, meaning, uses[k]);
          if (hit === null) continue;
          if (meaning) extra.push({ start: uses[k], end: hit, entry: meaning.entry, abbrev: true });
          else (blocked ??= new Set()).add(uses[k] * 0x100000000 + hit);
        }
      }
    }

    const out: TermMatch[] = [];
    if (extra === null && blocked === null) {
      // The common case: the vocabulary's matches alone. A term in a proper name ("Hartford, CT", "Department of
      // Medicine", "Chin WW") names none, and gives no context.
      for (let k = 0; k < raw.length; k += 3) {
        if (this.shadows(text, raw[k], raw[k + 1], raw[k + 2])) continue;
        if (properName(text, raw[k], raw[k + 1], m.isCaseSensitive(raw[k + 2]), k > 0 ? raw[k - 2] : -1) || inPronunciation(text, raw[k], raw[k + 1]) || inCompoundName(text, raw[k], raw[k + 1]) || (m.needsPossessive(raw[k + 2]) && !possessiveEnds(text, raw[k + 1]))) raw[k + 2] = -1;
        else if (this.shadowed !== 0 && this.isTaken(text, raw[k], raw[k + 1], raw[k + 2])) raw[k + 2] = -1;
        else if (!m.isStop(raw[k + 2])) this.see(m.conceptOf(raw[k + 2]));
      }
      let lastEnd = 0;
      for (let k = 0; k < raw.length; k += 3) {
        const entry = raw[k + 2];
        if (entry < 0) continue;
        if (m.isStop(entry) && !this.hasSeen(m.conceptOf(entry))) continue;
        if (raw[k] < lastEnd) continue;
        lastEnd = raw[k + 1];
        out.push({ start: raw[k], end: raw[k + 1], conceptId: m.conceptId(m.conceptOf(entry)), category: m.categoryOf(entry) });
      }
      resolveSharedHeads(text, out, this.wholeTerm);
      dropSaltMetals(text, out);
      return out;
    }

    // Vocabulary hits under a short form's use are dropped, then the two lists are merged in text order
    // (start, then longer first; a vocabulary hit before a use with the same span).
    const xs = extra ?? [];
    const sorted = xs.slice().sort((a, b) => a.start - b.start);
    xs.sort((a, b) => a.start - b.start || b.end - a.end);
    // (start, end, entry, abbrev) quadruples
    const need = 4 * (raw.length / 3 + xs.length);
    if (mergeBuf.length < need) mergeBuf = new Int32Array(Math.max(need, 2 * mergeBuf.length));
    const merged = mergeBuf;
    let len = 0;
    let p = 0;
    let q = 0;
    for (let k = 0; k < raw.length; k += 3) {
      const hs = raw[k];
      const he = raw[k + 1];
      while (p < sorted.length && sorted[p].end <= hs) p++;
      if (p < sorted.length && sorted[p].start < he) continue;
      if (blocked !== null && blocked.has(hs * 0x100000000 + he)) continue;
      while (q < xs.length && (xs[q].start < hs || (xs[q].start === hs && xs[q].end > he))) {
        merged[len++] = xs[q].start;
        merged[len++] = xs[q].end;
        merged[len++] = xs[q].entry;
        merged[len++] = 1;
        q++;
      }
      merged[len++] = hs;
      merged[len++] = he;
      merged[len++] = raw[k + 2];
      merged[len++] = 0;
    }
    for (; q < xs.length; q++) {
      merged[len++] = xs[q].start;
      merged[len++] = xs[q].end;
      merged[len++] = xs[q].entry;
      merged[len++] = 1;
    }

    // In text order, as in the common case: a phrase that takes a word (shadowing.ts); terms in proper names, in a
    // pronunciation guide, or a defined short form's use right after "non" (the scan starts no vocabulary term
    // there); then the concepts named, which give stop forms their context.
    for (let k = 0; k < len; k += 4) {
      const entry = merged[k + 2];
      const vocabulary = merged[k + 3] === 0;
      if (vocabulary && this.shadows(text, merged[k], merged[k + 1], entry)) continue;
      const abbreviation = !vocabulary || m.isCaseSensitive(entry);
      if (
        properName(text, merged[k], merged[k + 1], abbreviation, k > 0 ? merged[k - 3] : -1) ||
        negated(text, merged[k]) ||
        inPronunciation(text, merged[k], merged[k + 1]) ||
        inCompoundName(text, merged[k], merged[k + 1]) ||
        (vocabulary && m.needsPossessive(entry) && !possessiveEnds(text, merged[k + 1]))
      ) {
        merged[k + 2] = -1;
      } else if (vocabulary && this.shadowed !== 0 && this.isTaken(text, merged[k], merged[k + 1], entry)) merged[k + 2] = -1;
      else if (!vocabulary || !m.isStop(entry)) this.see(m.conceptOf(entry));
    }
    let lastEnd = 0;
    for (let k = 0; k < len; k += 4) {
      const entry = merged[k + 2];
      if (entry < 0) continue;
      if (merged[k + 3] === 0 && m.isStop(entry) && !this.hasSeen(m.conceptOf(entry))) continue;
      if (merged[k] < lastEnd) continue;
      lastEnd = merged[k + 1];
      out.push({ start: merged[k], end: lastEnd, conceptId: m.conceptId(m.conceptOf(entry)), category: m.categoryOf(entry) });
    }
    resolveSharedHeads(text, out, this.wholeTerm);
    dropSaltMetals(text, out);
    return out;
  }

  /** The term a phrase is as a whole ("breast cancer"), for coordinated words that share a head (shared-heads.ts). */
  private readonly wholeTerm: WholeTerm = (phrase) => {
    const m = this.m;
    const found: number[] = [];
    m.scan(phrase, found);
    for (let k = 0; k < found.length; k += 3) {
      const entry = found[k + 2];
      if (found[k] !== 0 || found[k + 1] !== phrase.length || m.isStop(entry) || m.conceptOf(entry) === m.notATerm) continue;
      return { conceptId: m.conceptId(m.conceptOf(entry)), category: m.categoryOf(entry) };
    }
    return null;
  };

  /** The end of a use of `sf` at `at` (whole word, maybe plural or with its tail), or null when it is none. */
  private use(text: string, sf: string, meaning: Meaning | null, at: number): number | null {
    const m = this.m;
    let end = at + sf.length;
    if (at > 0 && m.wordAt(text, at - 1)) return null;
    if (text.charCodeAt(end) === 0x73 && !m.wordAt(text, end + 1)) end++;
    else if (meaning?.tail && text.startsWith(meaning.tail, end) && !m.wordAt(text, end + meaning.tail.length)) {
      end += meaning.tail.length;
    }
    if (m.wordAt(text, end)) return null;
    if (at < (this.definedAt.get(sf) ?? 0)) return null;
    // A short form defined inside a longer term ("G6PD" in "glucose-6-phosphate dehydrogenase (G6PD)
    // deficiency") names that term only with its tail; alone it names something else (the enzyme).
    if (meaning?.tail && end - at <= sf.length + 1) return null;
    return end;
  }

  /**
   * What findUsesExact gives, for a text the scan found regular (no combining mark, no slow-path char): its
   * words then start only where the scan's main loop looked (`starts`, those whose first two units are in
   * pairBits) or inside the scan's matches (`raw`), so no second pass over every char is needed.
   */
  private findUsesAt(text: string, raw: number[], starts: number[]): number[] {
    this.indexShortForms();
    const table = this.m.table;
    const bits = this.keyBits;
    const pairs = this.pairBits;
    const plain: number[] = [];
    const odd: number[] = []; // (k, start) pairs
    const n = text.length;
    const look = (start: number) => {
      let i = start;
      let h = 0;
      let hPrev = 0;
      let unit = 0;
      do {
        unit = text.charCodeAt(i);
        hPrev = h;
        h = (Math.imul(h, 31) + unit) | 0;
      } while (++i < n && table[text.charCodeAt(i)] >>> 12 === WORD);
      if (mayBeShortForm(bits, h, hPrev, unit)) this.lookUpWord(text, start, i, true, plain, odd);
    };
    // The scan's candidate word starts, and the word starts inside its matches (which it did not visit).
    let q = 0;
    for (let k = 0; k < raw.length; k += 3) {
      const end = raw[k + 1];
      while (q < starts.length && starts[q] <= raw[k]) look(starts[q++]);
      for (let i = raw[k] + 1; i < end; i++) {
        if (table[text.charCodeAt(i)] >>> 12 !== WORD || table[text.charCodeAt(i - 1)] >>> 12 === WORD) continue;
        const p = pairBit(text.charCodeAt(i), i + 1 < n && table[text.charCodeAt(i + 1)] >>> 12 === WORD ? text.charCodeAt(i + 1) : 0);
        if (pairs[p >>> 5] & (1 << (p & 31))) look(i);
      }
    }
    while (q < starts.length) look(starts[q++]);
    return ordered(plain, odd);
  }

  /**
   * Candidate uses of the defined short forms, as (start, end, k) triples: k >= 0 for unusual[k] at start,
   * else k = -1 for the plain short form text[start, end) (or that without its plural "s", end - 1).
   * In the order the uses are to be taken: unusual forms in their order, each by position, then plain ones.
   *
   * One pass over the words: each word's code units are hashed and only a word whose hash (or whose hash
   * without a final "s") is in keyBits is sliced and looked up. A plain short form is looked up at the
   * first word start of a run that begins with a capital, a digit or a non-ASCII char; an unusual one at
   * every word start by its first word. findUsesAt gives the same for a text without marks or slow-path
   * chars, from the word starts the scan noted.
   */
  private findUsesExact(text: string): number[] {
    this.indexShortForms();
    const m = this.m;
    const table = m.table;
    const bits = this.keyBits;
    const pairs = this.pairBits;
    const plain: number[] = [];
    const odd: number[] = []; // (k, start) pairs
    const n = text.length;
    let i = 0;
    while (i < n) {
      let c = table[text.charCodeAt(i)] >>> 12;
      if (c !== WORD && c !== MARK && (c !== SLOW || !m.wordAt(text, i))) {
        i++;
        continue;
      }
      // A run of word chars starts at i (the char before it is not one). Most runs' first two units begin
      // no short form: skip them without hashing.
      const start = i;
      if (c !== SLOW) {
        const u1 = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        const c1 = table[u1] >>> 12;
        const p = pairBit(text.charCodeAt(i), c1 === WORD || c1 === MARK ? u1 : 0);
        if (c1 !== SLOW && (pairs[p >>> 5] & (1 << (p & 31))) === 0) {
          do {
            if (++i >= n) break;
            c = table[text.charCodeAt(i)] >>> 12;
          } while (c === WORD || c === MARK);
          if (i < n && c === SLOW && m.wordAt(text, i)) {
            const end = m.wordEnd(text, start);
            this.lookUpRun(text, start, end, plain, odd);
            i = end;
          }
          continue;
        }
      }
      let h = 0;
      let hPrev = 0;
      let unit = 0;
      while (c === WORD || c === MARK) {
        unit = text.charCodeAt(i);
        hPrev = h;
        h = (Math.imul(h, 31) + unit) | 0;
        if (++i >= n) break;
        c = table[text.charCodeAt(i)] >>> 12;
      }
      if (i < n && c === SLOW && m.wordAt(text, i)) {
        // The run goes on with a char of the slow path (rare): look at each of its word starts as before.
        const end = m.wordEnd(text, start);
        this.lookUpRun(text, start, end, plain, odd);
        i = end;
        continue;
      }
      if (mayBeShortForm(bits, h, hPrev, unit)) this.lookUpWord(text, start, i, true, plain, odd);
    }
    return ordered(plain, odd);
  }

  /** A run of word chars that holds slow-path chars: its word starts are not all at its start. */
  private lookUpRun(text: string, start: number, end: number, plain: number[], odd: number[]): void {
    const m = this.m;
    let plainDone = false;
    for (let p = start; p < end; p++) {
      if (p > start && m.wordAt(text, p - 1)) continue;
      const c = text.charCodeAt(p);
      const qualifies = (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c > 0x7f;
      this.lookUpWord(text, p, end, !plainDone && qualifies, plain, odd);
      if (qualifies) plainDone = true;
    }
  }

  /** Looks up the word text[start, end) as a plain short form (when `plainToo`) and as an unusual one's first word. */
  private lookUpWord(text: string, start: number, end: number, plainToo: boolean, plain: number[], odd: number[]): void {
    const w = text.slice(start, end);
    const first = text.charCodeAt(start);
    const plural = text.charCodeAt(end - 1) === 0x73;
    const stem = plural ? w.slice(0, -1) : '';
    if (plainToo && ((first >= 0x41 && first <= 0x5a) || (first >= 0x30 && first <= 0x39) || first > 0x7f)) {
      if (this.abbreviations.has(w)) plain.push(start, end, -1);
      else if (plural && this.abbreviations.has(stem)) plain.push(start, end - 1, -1);
    }
    if (this.leads.size > 0) {
      let l = this.leads.get(w);
      if (l) for (const k of l) if (text.startsWith(this.unusual[k], start)) odd.push(k, start);
      if (plural && (l = this.leads.get(stem))) for (const k of l) if (text.startsWith(this.unusual[k], start)) odd.push(k, start);
    }
  }

}

/** Uses in the order they are taken: unusual forms in their order, each by position, then plain ones. */
function ordered(plain: number[], odd: number[]): number[] {
  if (odd.length === 0) return plain;
  const order: number[] = [];
  for (let k = 0; k < odd.length; k += 2) order.push(k);
  order.sort((a, b) => odd[a] - odd[b] || a - b);
  const uses: number[] = [];
  for (const k of order) uses.push(odd[k + 1], odd[k + 1], odd[k]);
  for (const x of plain) uses.push(x);
  return uses;
}

const KEY_BITS = 1 << 15;
const PAIR_BITS = 1 << 12;

/** Sets the pair bits of word w and of w + "s" (the first two units, or the one and none). */
function addPairs(pairs: Uint32Array, w: string): void {
  const p = pairBit(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0);
  pairs[p >>> 5] |= 1 << (p & 31);
  const q = pairBit(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0x73);
  pairs[q >>> 5] |= 1 << (q & 31);
}

function pairBit(u0: number, u1: number): number {
  return (Math.imul((u0 << 16) | u1, 0x9e3779b1) >>> 20) & (PAIR_BITS - 1);
}

/** A hash of the code units text[start, end): the same as findUses computes while reading a word. */
function wordHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

function keyBit(h: number): number {
  return (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 16) & (KEY_BITS - 1);
}

/**
 * Whether a word (hash `h`; `hPrev` the hash without its last unit, `last`) may be a defined short form or
 * its plural ("WDs"), by the short forms' key bitset.
 */
function mayBeShortForm(bits: Uint32Array, h: number, hPrev: number, last: number): boolean {
  const k = keyBit(h);
  if ((bits[k >>> 5] & (1 << (k & 31))) !== 0) return true;
  if (last !== 0x73) return false;
  const s = keyBit(hPrev);
  return (bits[s >>> 5] & (1 << (s & 31))) !== 0;
}
