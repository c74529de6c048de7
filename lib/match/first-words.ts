/**
 * A one-hash bitset over the first words of all keys. Most words of running text start no key at all;
 * hashing a word costs one multiply-add per char, much less than walking it through the trie, so the scan
 * walks only words whose hash is in the set (false positives just cost a walk).
 *
 * "First word" is the run of plain word chars (table class Word) at the key's start, hashed over symbols,
 * exactly as the scan hashes a text's word. A text word that runs into a mark or slow char is always walked.
 */
import { Cls, CLS_SHIFT } from './normalise';

export const FILTER_BITS = 1 << 20;

export function firstWordBit(h: number): number {
  return (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 12) & (FILTER_BITS - 1);
}

/** @param keys symbol strings; @param table the char table, to know which symbols are plain word chars */
export function firstWordFilter(keys: string[], table: Uint16Array): Uint32Array {
  const wordSymbol = new Set<number>();
  for (let u = 0; u < table.length; u++) if (table[u] >>> CLS_SHIFT === Cls.Word) wordSymbol.add(table[u] & 0xfff);
  const bits = new Uint32Array(FILTER_BITS / 32);
  for (const k of keys) {
    let h = 0;
    for (let i = 0; i < k.length; i++) {
      const sym = k.charCodeAt(i);
      if (!wordSymbol.has(sym)) break;
      h = (Math.imul(h, 31) + sym) | 0;
    }
    const b = firstWordBit(h);
    bits[b >>> 5] |= 1 << (b & 31);
  }
  return bits;
}
