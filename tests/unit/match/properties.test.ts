import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileData } from '../../../lib/match/compile';
import { canonicalForm, compileMatcher, loadMatcher, vocabularyFromConcepts } from '../../../lib/match/index';
import { serialise } from '../../../lib/match/serialise';
import { isWordCodePoint } from '../../../lib/match/normalise';
import { formVariants } from '../../../lib/match/variants';
import { CONCEPTS, concept, testMatcher } from './helpers';

const vocab = vocabularyFromConcepts(CONCEPTS);
/** Every canonical key (forms and their inflections) of each concept. */
const keysOf = new Map<string, Set<string>>();
for (const e of vocab) {
  const k = canonicalForm(e.form);
  const set = keysOf.get(e.conceptId) ?? new Set<string>();
  for (const v of [k, ...formVariants(k), k + 's']) set.add(v);
  keysOf.set(e.conceptId, set);
}

const cpBefore = (t: string, i: number) => (i > 0 ? t.codePointAt(i - 1 - (/[\udc00-\udfff]/.test(t[i - 1]) && i > 1 && /[\ud800-\udbff]/.test(t[i - 2]) ? 1 : 0))! : -1);

// Text built from vocabulary forms, abbreviations, separators, punctuation and arbitrary Unicode.
const piece = fc.oneof(
  fc.constantFrom(...vocab.map((e) => e.form)),
  fc.constantFrom(' ', '  ', '-', '–', '\n', "'s", '’', '(', ')', ' (WD)', ',', '.', 's', '\u0301', '😀', '𝐀', 'ﬁ', ' and ', ', and ', ' or ', 'breast', 'lung'),
  fc.string({ unit: 'binary', maxLength: 6 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));

describe('matcher properties', () => {
  it('never throws on arbitrary Unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
        testMatcher().match(t);
      }),
      { numRuns: 300 },
    );
  });

  it('returns sorted, non-overlapping matches on word boundaries that normalise to a form of their concept', () => {
    fc.assert(
      fc.property(text, (t) => {
        const ms = testMatcher().match(t);
        let last = 0;
        for (const m of ms) {
          expect(m.start).toBeGreaterThanOrEqual(last);
          expect(m.end).toBeGreaterThan(m.start);
          last = m.end;
          const before = cpBefore(t, m.start);
          expect(before >= 0 && isWordCodePoint(before)).toBe(false);
          const after = m.end < t.length ? t.codePointAt(m.end)! : -1;
          expect(after >= 0 && isWordCodePoint(after)).toBe(false);
          const surface = t.slice(m.start, m.end);
          const key = canonicalForm(surface);
          const known = keysOf.get(m.conceptId)?.has(key) ?? false;
          // Otherwise it is a short form the text itself defined in parentheses (maybe plural).
          const defined = t.includes(`(${surface})`) || t.includes(`(${surface.replace(/s$/, '')})`) || /\(.+\)/.test(surface);
          // Or a word coordinated with a later term, read with that term's head ("breast" in "breast and ovarian cancer").
          const sharesHead = ms.some((n) => {
            if (n.start <= m.end || !/^(\s*,\s*((and|or)\s+)?|\s+(and|or)\s+)$/.test(t.slice(m.end, n.start)) && !ms.some((x) => x.start >= m.end && x.end <= n.start)) return false;
            const head = t.slice(n.start, n.end).split(' ').pop();
            return keysOf.get(m.conceptId)?.has(canonicalForm(`${surface} ${head}`)) ?? false;
          });
          expect(known || defined || sharesHead).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('a session over blocks never throws and keeps offsets within each block', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (blocks) => {
        const s = testMatcher().session();
        for (const b of blocks) for (const m of s.match(b)) expect(m.end).toBeLessThanOrEqual(b.length);
      }),
      { numRuns: 200 },
    );
  });

  it('a session restored from a made-up state (the page sends it back) never throws, whatever the state holds', () => {
    const m = testMatcher();
    const { matcher } = m.session().state();
    const entries = m.stats.entries;
    const shortForm = fc.oneof(fc.constantFrom('WD', 'MS', 'CT', 'HLA B27', 'mTOR', 'WDs'), fc.string({ maxLength: 12 }));
    const abbreviation = fc.oneof(
      fc.tuple(shortForm, fc.integer({ min: -2, max: entries + 1 })),
      fc.tuple(shortForm, fc.integer({ min: -2, max: entries + 1 }), fc.constantFrom(' disease', 'disease', ' ', '')),
    );
    const state = fc.record({
      matcher: fc.oneof(fc.constant(matcher), fc.string()),
      abbreviations: fc.array(abbreviation, { maxLength: 6 }),
      seen: fc.array(fc.integer({ min: -1, max: CONCEPTS.length + 1 }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.oneof(state, fc.anything()), fc.array(text, { maxLength: 3 }), (made, blocks) => {
        const s = m.session(made);
        for (const b of [...blocks, 'WD and MS, HLA B27 disease.']) for (const x of s.match(b)) expect(x.end).toBeLessThanOrEqual(b.length);
        expect(s.state().matcher).toBe(matcher);
      }),
      { numRuns: 300 },
    );
  });
});

describe('word filters', () => {
  // Keys that start with common words, capitals-only keys, keys across hyphens, slashes and apostrophes:
  // the cases the filters answer without a walk.
  const concepts = [
    ...CONCEPTS,
    concept('F1', 'The runs'),
    concept('F2', 'In situ carcinoma', { synonyms: ['in vitro fertilization'] }),
    concept('F3', 'Immune system', { abbreviations: [['IS', true]] }),
    concept('F4', 'Fluorouracil', { abbreviations: [['5-FU', false]], category: 'drug' }),
    concept('F5', 'May-Thurner syndrome'),
    concept('F6', "O'Brien syndrome"),
    concept('F7', 'HIV/AIDS'),
    concept('F8', 'type 2 diabetes', { synonyms: ['Type II diabetes mellitus'] }),
  ];
  const entries = vocabularyFromConcepts(concepts);
  const filtered = loadMatcher(compileMatcher(entries));
  // The same trie with filters that let every word through: every word start is walked.
  const data = compileData(entries);
  const open = loadMatcher(serialise({ ...data, firstWords: data.firstWords.map(() => ~0), nextWords: data.nextWords.map(() => ~0) }));
  const pieces = fc.oneof(
    fc.constantFrom(...entries.map((e) => e.form)),
    fc.constantFrom('the', 'The', 'in', 'IS', 'is', 'may', 'May', 'type', 'runs', 'situ', '5', 'FU', 'O', 'Brien', 'HIV', 'AIDS'),
    fc.constantFrom(' ', '  ', '-', '/', "'", "'s", '’', '.', ',', '(', ')', '\u0301', '😀', 'ß', '\n'),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );

  it('never change what matches', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const t = parts.join('');
        expect(filtered.match(t)).toEqual(open.match(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('let keys through after common first words, across hyphens and slashes', () => {
    const t = 'The runs in the ward; in situ carcinoma. IS and is; May-Thurner syndrome in May; 5-FU; HIV/AIDS.';
    expect(filtered.match(t).map((m) => t.slice(m.start, m.end))).toEqual([
      'The runs',
      'in situ carcinoma',
      'May-Thurner syndrome',
      '5-FU',
      'HIV/AIDS',
    ]);
    expect(open.match(t)).toEqual(filtered.match(t));
  });
});
