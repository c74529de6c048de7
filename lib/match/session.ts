/**
 * A document's matching session: the scan's matches (scanner.ts) read in the document's context. Short forms the
 * text defines ("Wilson disease (WD)") and their later uses, the concepts named so far (stop forms light only
 * once their concept is named otherwise), phrases that take a word for themselves, terms in proper names,
 * pronunciation guides and compound names, then coordinated words that share a head and salts' metals.
 */
import { findDefinitions } from './abbreviations';
import { resolveSharedHeads, type WholeTerm } from './shared-heads';
import { dropSaltMetals } from './salts';
import { negated } from './negation';
import { isShadowed, shadowMask } from './shadowing';
import { inPronunciation } from './pronunciation';
import { inCompoundName } from './compounds';
import { inProperName } from './proper-names';
import { isStopForm } from './stoplist';
import { MAX_STATE_ABBREVIATIONS, MAX_STATE_SEEN, type SessionState } from './session-state';
import { Cls } from './normalise';
import type { CompiledMatcher } from './scanner';
import {
  categoriesWithin,
  DISEASE_OF_THE_TERM,
  DRUGS_ONLY,
  endsAt,
  initialsWithin,
  knownAt,
  LACK_OF,
  modifiedTerm,
  NOT_THE_TERM,
  PROCEDURE_ON_THE_TERM,
  startsAt,
  termWithin,
  type Meaning,
} from './short-form-meaning';
import { addPairs, keyBit, mayBeShortForm, pairBit, wordHash, KEY_BITS, PAIR_BITS } from './short-form-filters';
import type { MatchSession, TermMatch } from './index';

// Class numbers, as plain constants for the loops (as in scanner.ts).
const WORD = Cls.Word;
const MARK = Cls.Mark;
const SLOW = Cls.Slow;

type Hit = { start: number; end: number; entry: number; abbrev: boolean };

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
export class Session implements MatchSession {
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
        // "deficiency of aspartoacylase (ASPA)": the short form spells the enzyme whose lack the term names, so a
        // later "ASPA gene" is no Canavan disease. It names nothing we know (and no vocabulary meaning either).
        const lacking = whole && raw[k] < def.lfStart && LACK_OF.test(text.slice(raw[k], def.lfStart));
        if (!lacking && k >= 0 && (whole || (def.lfStart < 0 && initialsWithin(def.shortForm, text.slice(raw[k], raw[k + 1]), m.categoryOf(raw[k + 2]))))) {
          // Where the term starts before the words whose initials the letters are, and those words are a term of
          // their own, the short form means that one: "metastatic castration-resistant prostate cancer (PC)" defines
          // PC as prostate cancer, and the same abstract's "clinically localized PC" is no castration-resistant cancer.
          // Initials only: Schwartz-Hearst also aligns letters inside words ("thrombotic thrombocytopenic purpura
          // (TTP)" would otherwise be "thrombocytopenic purpura").
          const narrower = whole && raw[k] < def.lfStart ? text.slice(def.lfStart, def.lfEnd) : '';
          const entry = narrower && spellsInitials(def.shortForm, narrower) ? this.entryOfWhole(narrower) : -1;
          meaning = entry >= 0 ? { concept: m.conceptOf(entry), entry } : { concept: m.conceptOf(raw[k + 2]), entry: raw[k + 2] };
          // The term may run on after the parenthesis: "angiotensin-converting enzyme (ACE) inhibitors" lights as
          // the inhibitors, "alpha-1 antitrypsin (AAT) deficiency" as the deficiency. The short form keeps the
          // meaning of the words it stands for (a later "ACE level" is the enzyme's).
          if (whole) {
            const run = this.runOn(text, raw[k], def.lfEnd, def.after);
            if (run) (extra ??= []).push(run);
          }
        }
        if (!meaning && !lacking && def.lfStart >= 0) {
          // "von Hippel-Lindau (VHL) disease": the term runs on after the parenthesis.
          const run = this.termRunningOn(text, def.lfStart, def.lfEnd, def.after, false);
          if (run) {
            const tail = text.slice(def.after, run.end);
            meaning = { concept: m.conceptOf(run.entry), entry: run.entry, tail: /^\s/.test(tail) ? tail : undefined };
            (extra ??= []).push({ start: def.lfStart + run.from, end: run.end, entry: run.entry, abbrev: true });
          }
        }
        // A short form the vocabulary knows keeps its own meaning over a modified term's ("computed tomography
        // (CT)" with only "Tomography" to match is still CT): see below.
        if (
          !meaning &&
          !lacking &&
          k >= 0 &&
          def.lfStart >= 0 &&
          !knownAt(m, raw, def.sfStart, def.sfEnd) &&
          modifiedTerm(m, raw, k, text, def.shortForm, def.lfStart, (c) => this.hasSeen(c))
        ) {
          meaning = { concept: m.conceptOf(raw[k + 2]), entry: raw[k + 2] };
        }
        if (!meaning && !lacking && def.lfStart >= 0) {
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
        if (!meaning && !lacking && within !== 0 && !(within === DRUGS_ONLY && m.categoryOf(raw[startsAt(raw, def.sfStart) + 2]) !== 'drug')) {
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

    // A use inside a longer term of the vocabulary is part of it: "RT-PCR" stays reverse transcription PCR where the
    // page defined "PCR". Other vocabulary hits under a short form's use are dropped, then the two lists are merged in
    // text order (start, then longer first; a vocabulary hit before a use with the same span).
    const xs = extra === null ? [] : outsideLongerTerms(m, raw, extra, blocked);
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
    const entry = this.entryOfWhole(phrase);
    return entry < 0 ? null : { conceptId: this.m.conceptId(this.m.conceptOf(entry)), category: this.m.categoryOf(entry) };
  };

  /**
   * A term that starts at `start`, holds the long form ending at `lfEnd` and runs on past the short form's
   * parenthesis (which ends at `after`), as a hit over all of it; or null.
   */
  private runOn(text: string, start: number, lfEnd: number, after: number): Hit | null {
    const run = this.termRunningOn(text, start, lfEnd, after, true);
    if (!run || this.m.isStop(run.entry) || this.m.conceptOf(run.entry) === this.m.notATerm) return null;
    return { start, end: run.end, entry: run.entry, abbrev: true };
  }

  /**
   * The first term of the words from `start` to the long form's end (`lfEnd`) read on with the text after the short
   * form's parenthesis (which ends at `after`), that starts among those words (at `start` itself where `atStart`)
   * and ends past the parenthesis: where it starts among the words, where it ends in the text, and its entry.
   */
  private termRunningOn(text: string, start: number, lfEnd: number, after: number, atStart: boolean): { from: number; end: number; entry: number } | null {
    const head = text.slice(start, lfEnd);
    const found: number[] = [];
    this.m.scan(`${head} ${text.slice(after, after + 60)}`, found);
    for (let k = 0; k < found.length && found[k] < head.length && !(atStart && k > 0); k += 3) {
      if (atStart && found[k] !== 0) return null;
      if (found[k + 1] > head.length + 1) return { from: found[k], end: after + found[k + 1] - head.length - 1, entry: found[k + 2] };
    }
    return null;
  }

  /** The vocabulary entry that is all of `phrase` and lights without context, or -1. */
  private entryOfWhole(phrase: string): number {
    const m = this.m;
    const found: number[] = [];
    m.scan(phrase, found);
    for (let k = 0; k < found.length; k += 3) {
      const entry = found[k + 2];
      if (found[k] !== 0 || found[k + 1] !== phrase.length || m.isStop(entry) || m.conceptOf(entry) === m.notATerm) continue;
      return entry;
    }
    return -1;
  }

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

/**
 * The hits not inside a longer vocabulary hit (not a stop form, nor a short form the page defined as nothing), in text
 * order. One walk over both lists: a page may hold thousands of each.
 */
function outsideLongerTerms(m: CompiledMatcher, raw: number[], hits: Hit[], blocked: Set<number> | null): Hit[] {
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  let r = 0;
  for (const x of hits) {
    while (r < raw.length && raw[r + 1] <= x.start) r += 3; // vocabulary hits that end before it
    let inside = false;
    for (let k = r; x.abbrev && !inside && k < raw.length && raw[k] <= x.start; k += 3) {
      inside =
        raw[k + 1] >= x.end &&
        raw[k + 1] - raw[k] > x.end - x.start &&
        !m.isStop(raw[k + 2]) &&
        (blocked === null || !blocked.has(raw[k] * 0x100000000 + raw[k + 1]));
    }
    if (!inside) out.push(x);
  }
  return out;
}

/** Whether a short form is the initials of a phrase's words ("PC", "prostate cancer"; "AVMs", "arteriovenous malformations" is not). */
function spellsInitials(shortForm: string, phrase: string): boolean {
  const letters = shortForm.replace(/(?<=[A-Z])s$/, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const initials = phrase
    .split(/[\s\-\u2010-\u2015/]+/)
    .filter(Boolean)
    .map((w) => w[0].toLowerCase())
    .join('');
  return letters === initials;
}
