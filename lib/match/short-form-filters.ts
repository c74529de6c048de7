/**
 * Bitsets that spare most words a lookup among the short forms a document defined: a word is sliced and looked
 * up only when its hash (keyBits) or its first two code units (pairBits) belong to one of them. The scan notes
 * the word starts whose first two units pass, so the session needs no second pass over the text (session.ts).
 */
export const KEY_BITS = 1 << 15;
export const PAIR_BITS = 1 << 12;

/** Sets the pair bits of word w and of w + "s" (the first two units, or the one and none). */
export function addPairs(pairs: Uint32Array, w: string): void {
  const p = pairBit(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0);
  pairs[p >>> 5] |= 1 << (p & 31);
  const q = pairBit(w.charCodeAt(0), w.length > 1 ? w.charCodeAt(1) : 0x73);
  pairs[q >>> 5] |= 1 << (q & 31);
}

export function pairBit(u0: number, u1: number): number {
  return (Math.imul((u0 << 16) | u1, 0x9e3779b1) >>> 20) & (PAIR_BITS - 1);
}

/** A hash of the code units text[start, end): the same as findUses computes while reading a word. */
export function wordHash(text: string, start: number, end: number): number {
  let h = 0;
  for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}

export function keyBit(h: number): number {
  return (Math.imul(h ^ (h >>> 16), 0x45d9f3b) >>> 16) & (KEY_BITS - 1);
}

/**
 * Whether a word (hash `h`; `hPrev` the hash without its last unit, `last`) may be a defined short form or
 * its plural ("WDs"), by the short forms' key bitset.
 */
export function mayBeShortForm(bits: Uint32Array, h: number, hPrev: number, last: number): boolean {
  const k = keyBit(h);
  if ((bits[k >>> 5] & (1 << (k & 31))) !== 0) return true;
  if (last !== 0x73) return false;
  const s = keyBit(hPrev);
  return (bits[s >>> 5] & (1 << (s & 31))) !== 0;
}
