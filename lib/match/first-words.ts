/**
 * Two bitsets that spare the trie most walks. Most words of running text start no key at all; hashing a word
 * costs one multiply-add per char, much less than walking it through the 8 MB trie (a cache miss a step), so
 * the scan walks only words that pass both:
 *
 * - `firstWords`: the hashed first words of all keys.
 * - `nextWords`: what may follow such a first word. A first word that is a whole key ("asthma") walks; one
 *   that is a whole key only in capitals ("IS", "AS") walks when the text's word has a capital; otherwise the
 *   text's next word must pair with it in some key ("the runs", "in situ"), or the walk could only fail.
 *   "the", "in" and "may" start keys but are rarely followed by the rest of one: in English text they were
 *   most of the walks, and three in four walks found nothing.
 *
 * A "word" is a run of plain word chars (table class Word), hashed over symbols exactly as the scan hashes a
 * text's word. Anything unusual (an apostrophe after the first word, marks, slow chars) is walked, and false
 * positives of the bitsets just cost a walk: the filters never change what matches.
 */
import { Cls, CLS_SHIFT } from './normalise';

export const FILTER_BITS = 1 << 20;
export const NEXT_BITS = 1 << 21;

export function firstWordBit(h: number): number {
  return (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 12) & (FILTER_BITS - 1);
}

const mix = (x: number) => Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 11; // top 21 bits: NEXT_BITS
/** The first word is a whole key. */
export const soloBit = (h: number) => mix(h ^ 0x9e3779b9);
/** The first word is a whole key only in a case-sensitive form with a capital letter ("IS"). */
export const cappedSoloBit = (h: number) => mix(h ^ 0x7f4a7c15);
/** Some key starts with the first word, then separators, then the second. */
export const wordPairBit = (h1: number, h2: number) => mix((Math.imul(h1, 0x01000193) ^ h2) + 0x165667b1);

export const hasBit = (bits: Uint32Array, b: number) => (bits[b >>> 5] & (1 << (b & 31))) !== 0;
const setBit = (bits: Uint32Array, b: number) => void (bits[b >>> 5] |= 1 << (b & 31));

function wordSymbols(table: Uint16Array): Set<number> {
  const word = new Set<number>();
  for (let u = 0; u < table.length; u++) if (table[u] >>> CLS_SHIFT === Cls.Word) word.add(table[u] & 0xfff);
  return word;
}

/** The hash of the run of word symbols of `k` from `i`, and where it ends. */
function hashRun(k: string, i: number, word: Set<number>): [number, number] {
  let h = 0;
  for (; i < k.length; i++) {
    const sym = k.charCodeAt(i);
    if (!word.has(sym)) break;
    h = (Math.imul(h, 31) + sym) | 0;
  }
  return [h, i];
}

/**
 * @param keys symbol strings; @param table the char table, to know which symbols are plain word chars;
 * @param capped per key, true when every entry of the key is case-sensitive with a capital (A-Z) in its form.
 */
export function wordFilters(keys: string[], table: Uint16Array, capped: boolean[], apostrophe: number) {
  const word = wordSymbols(table);
  const firstWords = new Uint32Array(FILTER_BITS / 32);
  const nextWords = new Uint32Array(NEXT_BITS / 32);
  keys.forEach((k, index) => {
    const [h1, end] = hashRun(k, 0, word);
    const b = firstWordBit(h1);
    firstWords[b >>> 5] |= 1 << (b & 31);
    if (end === k.length) return setBit(nextWords, capped[index] ? cappedSoloBit(h1) : soloBit(h1));
    let j = end;
    let odd = false;
    for (; j < k.length && !word.has(k.charCodeAt(j)); j++) if (k.charCodeAt(j) === apostrophe) odd = true;
    // No second word, or an apostrophe the walk treats apart: always walk.
    if (odd || j === k.length || end === 0) return setBit(nextWords, soloBit(h1));
    setBit(nextWords, wordPairBit(h1, hashRun(k, j, word)[0]));
  });
  return { firstWords, nextWords };
}
