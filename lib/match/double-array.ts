/**
 * A double-array trie over small integer symbols: the walk is `t = base[s] + c; ok = check[t] === s`, two
 * typed-array reads per character and no allocation. Keys end with the terminal symbol 0, whose slot stores
 * the key's value as `base[t] = -(value + 1)`.
 *
 * Built from sorted keys in one pass (no pointer trie), placing each node's children first-fit.
 */

/** Extra slots after the last used one, so `base[s] + c` never needs a bounds check for c < PAD. */
export const PAD = 4096;

/** Set in a node's base when it has a terminal child: the walk learns "a key ends here" without a read. */
export const TERM_BIT = 1 << 30;
export const BASE_MASK = TERM_BIT - 1;

/**
 * Nodes interleaved as [base0, check0, base1, check1, ...]: a step reads one cache line, not two.
 * The root is node 0; a free slot has check -1.
 */
export interface DoubleArray {
  nodes: Int32Array;
}

/**
 * @param keys   symbol strings (each char code is a symbol in 1..PAD-1), sorted ascending, unique
 * @param values one non-negative integer per key
 */
export function buildDoubleArray(keys: string[], values: number[]): DoubleArray {
  let cap = 1 << 16;
  let base = new Int32Array(cap);
  let check = new Int32Array(cap).fill(-1);
  let used = new Uint8Array(cap);
  let size = 1; // slots in use, root at 0
  used[0] = 1;
  let nextFree = 1; // no free slot before this

  const grow = (need: number) => {
    if (need + PAD < cap) return;
    let n = cap;
    while (need + PAD >= n) n *= 2;
    const b = new Int32Array(n);
    b.set(base);
    const c = new Int32Array(n).fill(-1);
    c.set(check);
    const u = new Uint8Array(n);
    u.set(used);
    base = b;
    check = c;
    used = u;
    cap = n;
  };

  // Explicit stack of (node, depth, lo, hi): keys[lo..hi) share the node's prefix of length depth.
  const stack: number[] = [0, 0, 0, keys.length];
  const syms: number[] = [];
  const ranges: number[] = [];
  while (stack.length > 0) {
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    const depth = stack.pop()!;
    const node = stack.pop()!;
    // Children of this node: distinct symbols at `depth` (0 for a key that ends here; sorts first).
    syms.length = 0;
    ranges.length = 0;
    let i = lo;
    while (i < hi) {
      const c = depth < keys[i].length ? keys[i].charCodeAt(depth) : 0;
      let j = i + 1;
      while (j < hi && (depth < keys[j].length ? keys[j].charCodeAt(depth) : 0) === c) j++;
      syms.push(c);
      ranges.push(i, j);
      i = j;
    }
    // First fit: the smallest b such that every b + c is free.
    const c0 = syms[0];
    let pos = Math.max(nextFree, c0 + 1);
    let b: number;
    for (;;) {
      grow(pos + 1);
      if (used[pos]) {
        pos++;
        continue;
      }
      b = pos - c0;
      let ok = true;
      for (let k = 1; k < syms.length; k++) {
        const t = b + syms[k];
        grow(t + 1);
        if (used[t]) {
          ok = false;
          break;
        }
      }
      if (ok) break;
      pos++;
    }
    base[node] = b;
    for (let k = 0; k < syms.length; k++) {
      const t = b + syms[k];
      used[t] = 1;
      check[t] = node;
      if (t + 1 > size) size = t + 1;
    }
    while (used[nextFree]) nextFree++;
    // Children: the terminal stores its value; others are pushed for later placement.
    for (let k = syms.length - 1; k >= 0; k--) {
      const t = b + syms[k];
      if (syms[k] === 0) {
        base[t] = -(values[ranges[2 * k]] + 1);
      } else {
        stack.push(t, depth + 1, ranges[2 * k], ranges[2 * k + 1]);
      }
    }
  }
  const n = size + PAD;
  const nodes = new Int32Array(2 * n);
  for (let t = 0; t < n; t++) {
    const c = t < cap ? check[t] : -1;
    let b = t < cap ? base[t] : 0;
    // A node whose terminal child is used gets TERM_BIT (terminal slots themselves keep a negative base).
    if (c !== -1 && b >= 0 && t < cap && used[t]) {
      const term = b;
      if (term < cap && check[term] === t && base[term] < 0) b |= TERM_BIT;
    }
    nodes[2 * t] = b;
    nodes[2 * t + 1] = c;
  }
  nodes[0] = base[0] | (base[0] < cap && check[base[0]] === 0 && base[base[0]] < 0 ? TERM_BIT : 0);
  return { nodes };
}

/** The value stored for `key` (a symbol string), or -1. For tests and the compiler's self-check. */
export function lookup(da: DoubleArray, key: string): number {
  const nd = da.nodes;
  let s = 0;
  for (let i = 0; i < key.length; i++) {
    const t = (nd[2 * s] & BASE_MASK) + key.charCodeAt(i);
    if (nd[2 * t + 1] !== s) return -1;
    s = t;
  }
  if (!(nd[2 * s] & TERM_BIT)) return -1;
  const t = nd[2 * s] & BASE_MASK;
  return -nd[2 * t] - 1;
}
