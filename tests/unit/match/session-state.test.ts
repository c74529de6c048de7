// A session's state, taken up by a new session of the same matcher, goes on where the first left off: the
// background's worker stops when idle and a page's later text must still know what the page defined. The state
// travels through the page, so anything else is ignored, never trusted, never thrown over.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileMatcher, loadMatcher, vocabularyFromConcepts, type MatchSession, type SessionState } from '../../../lib/match/index';
import { MAX_STATE_ABBREVIATIONS, MAX_STATE_SEEN } from '../../../lib/match/session-state';
import { NOT_TERMS } from '../../../lib/match/not-terms';
import { SHADOWED_WORDS, SHADOWING } from '../../../lib/match/shadowing';
import { CONCEPTS, concept, matcherOf } from './helpers';

const bytes = compileMatcher(vocabularyFromConcepts(CONCEPTS));
/** A new worker loads the same bytes into a matcher of its own. */
const freshMatcher = () => loadMatcher(bytes.slice());

const words = (s: MatchSession, text: string) => s.match(text).map((x) => `${text.slice(x.start, x.end)}=${x.conceptId}`);

/** A page read by one worker: its definitions and the concepts it named, as state that crossed as JSON. */
function readPage(): SessionState {
  const s = freshMatcher().session();
  s.match('Wilson disease (WD) is rare. von Hippel-Lindau (VHL) disease too.');
  s.match('Common cold is frequent. We measured the cycle threshold (CT).');
  return JSON.parse(JSON.stringify(s.state()));
}
const LATER = 'In WD, copper builds up. VHL disease is rare. A cold lasts a week. CT again.';

describe('a session restored from its state', () => {
  it('knows the abbreviations the page defined and the concepts it named', () => {
    // Without the state a later block knows nothing: WD and VHL are no terms, "cold" lacks context, CT is the scan.
    expect(words(freshMatcher().session(), LATER)).toEqual(['copper=C1', 'CT=P1']);
    expect(words(freshMatcher().session(readPage()), LATER)).toEqual(['WD=D1', 'copper=C1', 'VHL disease=D17', 'cold=D6']);
  });

  it('gives the same state back, and keeps matching as the first session would', () => {
    const state = readPage();
    const restored = freshMatcher().session(state);
    expect(restored.state()).toEqual(state);
    const first = freshMatcher().session();
    first.match('Wilson disease (WD) is rare. von Hippel-Lindau (VHL) disease too.');
    first.match('Common cold is frequent. We measured the cycle threshold (CT).');
    expect(words(restored, LATER)).toEqual(words(first, LATER));
  });

  it('stays small: only definitions and concept numbers, bounded however much a page defines', () => {
    const state = readPage();
    expect(state.abbreviations).toEqual([['WD', expect.any(Number)], ['VHL', expect.any(Number), ' disease'], ['CT', -1]]);
    expect(state.seen.length).toBeLessThan(10);
    const s = freshMatcher().session();
    s.match(Array.from({ length: MAX_STATE_ABBREVIATIONS + 20 }, (_, i) => `Type ${i} trait (T${i}T).`).join(' '));
    const big = s.state();
    expect(big.abbreviations).toHaveLength(MAX_STATE_ABBREVIATIONS);
    expect(big.abbreviations[0]).toEqual(['T0T', -1]);
    // What is sent is what a new worker takes.
    expect(freshMatcher().session(big).state()).toEqual(big);
  });

  it("holds no more short forms than its state carries, however many a page defines, and reads alike after a restart", () => {
    const s = freshMatcher().session();
    // A page that defines short forms without end, block after block (a hostile page, or a glossary).
    const block = (from: number) => Array.from({ length: 100 }, (_, i) => `Type ${from + i} trait (T${from + i}T).`).join(' ');
    for (let k = 0; k < 20; k++) s.match(block(k * 100));
    expect((s as unknown as { abbreviations: Map<string, unknown> }).abbreviations.size).toBe(MAX_STATE_ABBREVIATIONS);
    // Uses of a short form defined within the first ones, and of one past them, read the same in a new worker.
    const later = 'T5T and T1999T were seen, with Wilson disease (WD) and then WD.';
    expect(words(freshMatcher().session(s.state()), later)).toEqual(words(s, later));
  });
});

describe('a state that is not this matcher\'s, or not well-formed, is ignored', () => {
  const state = readPage();
  // Another dataset: one concept more, so every concept number after it means another concept.
  const other = matcherOf([concept('D0', 'Gout'), ...CONCEPTS]);
  const cases: [string, unknown][] = [
    ['another matcher\'s', { ...state, matcher: other.session().state().matcher }],
    ['no state at all', null],
    ['a string', 'WD'],
    ['without its matcher', { abbreviations: state.abbreviations, seen: state.seen }],
    ['abbreviations that are no list', { ...state, abbreviations: 'WD' }],
    ['too many abbreviations', { ...state, abbreviations: Array.from({ length: MAX_STATE_ABBREVIATIONS + 1 }, () => state.abbreviations[0]) }],
    ['too many concepts', { ...state, seen: Array.from({ length: MAX_STATE_SEEN + 1 }, (_, i) => i) }],
    ['a concept out of range', { ...state, seen: [...state.seen, CONCEPTS.length + 5] }],
    ['concepts out of order', { ...state, seen: [...state.seen].reverse() }],
    ['concepts that are no numbers', { ...state, seen: ['0'] }],
    ['taken words that are no mask', { ...state, shadowed: '1' }],
    ['taken words out of range', { ...state, shadowed: 1 << SHADOWED_WORDS.length }],
    ['taken words below zero', { ...state, shadowed: -1 }],
  ];
  it.each(cases)('%s: the session starts afresh', (_, bad) => {
    const s = freshMatcher().session(bad);
    expect(words(s, LATER)).toEqual(['copper=C1', 'CT=P1']);
    expect(s.state().abbreviations).toEqual([]);
  });
});

describe('words a phrase took (shadowing.ts) after a restart', () => {
  const depression = matcherOf([concept('S2', 'Depression')]);
  it('stay taken in the next worker, as they would in the first', () => {
    const first = depression.session();
    first.match('Suffering through the Great Depression.');
    const state = JSON.parse(JSON.stringify(first.state())) as SessionState;
    expect(state.shadowed).toBeGreaterThan(0);
    const later = 'The depression led to a new government.';
    expect(depression.session(state).match(later)).toEqual([]);
    expect(first.match(later)).toEqual([]);
    // Without the state, the word would light.
    expect(depression.session().match(later).map((x) => x.conceptId)).toEqual(['S2']);
  });
  it('every phrase that takes a word is a phrase that is no term', () => {
    const notTerms = new Set(NOT_TERMS.map((t) => t.toLowerCase()));
    for (const [phrase, word] of SHADOWING) {
      expect(notTerms.has(phrase)).toBe(true);
      expect(phrase.split(' ').some((w) => w === word || w === `${word}s`)).toBe(true);
    }
  });
});

describe('an abbreviation that fails its checks is left out, not the others', () => {
  const state = readPage();
  const wd = state.abbreviations[0][1];
  const items: [string, unknown][] = [
    ['an entry out of range', ['XY', 1e9]],
    ['an entry that is no integer', ['XY', 0.5]],
    ['a short form too long', ['X'.repeat(11), wd]],
    ['a short form that is no word', [' XY', wd]],
    ['a short form that is no string', [7, wd]],
    ['a tail that is not a following word', ['XY', wd, 'disease']],
    ['a tail too long', ['XY', wd, ` ${'x'.repeat(64)}`]],
    ['a tail on a short form we do not know', ['XY', -1, ' disease']],
    ['an abbreviation that is no pair', ['XY']],
    ['an abbreviation that is no list', 'XY'],
  ];
  it.each(items)('%s: the page\'s other abbreviations and concepts are kept', (_, bad) => {
    const s = freshMatcher().session({ ...state, abbreviations: [state.abbreviations[0], bad, ...state.abbreviations.slice(1)] });
    expect(s.state()).toEqual(state);
    expect(words(s, LATER)).toEqual(['WD=D1', 'copper=C1', 'VHL disease=D17', 'cold=D6']);
  });
});

describe('what a session writes, a new worker reads back', () => {
  // Non-ASCII terms, so that tails ("Lyme (LY) borréliose") and long forms carry more than ASCII.
  const richBytes = compileMatcher(
    vocabularyFromConcepts([...CONCEPTS, concept('D40', 'Lyme borréliose'), concept('D41', 'Maladie de Ménière')]),
  );
  const rich = () => loadMatcher(richBytes.slice());
  const FORMS = ['Wilson disease', 'von Hippel-Lindau disease', 'Common cold', 'cold', 'Sjögren syndrome', 'Lyme borréliose', 'Maladie de Ménière', 'Cancer', 'Copper'];
  /** Terms that run on after a parenthesis: "von Hippel-Lindau (VHL) disease". */
  const SPLIT = FORMS.filter((f) => f.includes(' ')).map((f) => [f.slice(0, f.indexOf(' ')), f.slice(f.indexOf(' '))]);
  const isAlnum = (c: string) => /[\p{L}\p{N}]/u.test(c);

  it('a short form that opens with a modifier letter apostrophe (U+02BC), which the matcher reads as an apostrophe', () => {
    const first = rich().session();
    first.match('Wilson disease (WD) is rare. The ʼAin Kalo (ʼAK) trial, ʼWilson disease (ʼWD).');
    const state: SessionState = JSON.parse(JSON.stringify(first.state()));
    expect(state.abbreviations.map(([sf]) => sf)).toEqual(['WD', 'ʼAK', 'ʼWD']);
    const restored = rich().session(state);
    expect(restored.state()).toEqual(state);
    expect(words(restored, LATER)).toEqual(words(first, LATER));
  });

  it('random pages with definitions, non-ASCII short forms and tails: the restored session matches as the first', () => {
    const first = fc.constantFrom('A', 'W', 'V', 'X', 'ʼ', 'É', 'Ω', 'ǅ', 'Ⅳ', '²', '1', 'ʻ');
    const rest = fc.constantFrom('A', 'D', 'L', 'x', 'é', '2', 'ʼ', '\u0301', 'ß', 'Ω', '𝐀', '-', ' ', '.');
    // Random ones, and some that align with the terms below, so that they get a meaning (and a tail).
    const shortForm = fc.oneof(
      fc.tuple(first, fc.array(rest, { maxLength: 6 })).map(([a, r]) => a + r.join('')),
      fc.constantFrom('WD', 'VHL', 'SS', 'SÖ', 'ʼWD', 'LY', 'LB', 'MA', 'MDM', 'CC'),
    );
    // A piece of text: a definition of one of the page's short forms (after words that start with its letters, after
    // a term, or inside a term that runs on after it), a use of one (alone, plural, before a term's rest), or else.
    // Numbers pick which, put into words by `text`: arbitraries chained per page cost milliseconds each.
    type Piece = string | ['definition' | 'use', number, number, number];
    const piece: fc.Arbitrary<Piece> = fc.oneof(
      { arbitrary: fc.tuple(fc.constantFrom('definition', 'use'), fc.nat(2), fc.nat(), fc.nat()), weight: 4 },
      fc.constantFrom(...FORMS, '.', ',', 'the', '('),
      fc.string({ unit: 'binary', maxLength: 4 }),
    );
    const block = fc.array(piece, { maxLength: 10 });
    const page = fc.record({
      shortForms: fc.array(shortForm, { minLength: 1, maxLength: 6 }),
      before: fc.array(block, { minLength: 1, maxLength: 4 }),
      after: fc.array(block, { minLength: 1, maxLength: 3 }),
    });
    const text = (pieces: Piece[], shortForms: string[]) =>
      pieces
        .map((p) => {
          if (typeof p === 'string') return p;
          const [what, how, i, j] = p;
          const sf = shortForms[i % shortForms.length];
          const [head, tail] = SPLIT[j % SPLIT.length];
          if (what === 'use') return [sf, `${sf}s`, `${sf}${tail}`][how];
          const letters = Array.from(sf).filter(isAlnum).map((c) => `${c}na`).join(' ');
          return [`${letters} (${sf})`, `${FORMS[j % FORMS.length]} (${sf})`, `${head} (${sf})${tail}`][how];
        })
        .join(' ');
    // Two matchers, as two workers hold (loaded once: a session keeps nothing in its matcher).
    const [one, another] = [rich(), rich()];
    fc.assert(
      fc.property(page, ({ shortForms, before, after }) => {
        const first = one.session();
        for (const b of before) first.match(text(b, shortForms));
        const state: SessionState = JSON.parse(JSON.stringify(first.state()));
        const restored = another.session(state);
        expect(restored.state()).toEqual(state);
        for (const t of after.map((b) => text(b, shortForms))) expect(words(restored, t)).toEqual(words(first, t));
      }),
      { numRuns: 300 },
    );
  }, 20_000);
});
