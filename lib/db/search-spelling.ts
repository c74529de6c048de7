// A misspelled search ("diabetis", "pnemonia", "astma"): when nothing starts with what the reader typed, the
// names one edit away (a letter left out, added, changed, or two swapped), from the index in memory. Pure.
import type { ConceptHit } from './search-rank.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789 ';

/** Keys one edit from `q` (never `q` itself), each once, in a fixed order. */
export function oneEditAway(q: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= q.length; i++) {
    const head = q.slice(0, i);
    const tail = q.slice(i);
    if (tail) out.add(head + tail.slice(1)); // left out
    if (tail.length > 1) out.add(head + tail[1] + tail[0] + tail.slice(2)); // swapped
    for (const c of LETTERS) {
      out.add(head + c + tail); // added
      if (tail) out.add(head + c + tail.slice(1)); // changed
    }
  }
  out.delete(q);
  return [...out].filter((k) => k.trim() === k && !k.includes('  '));
}

/** The shortest misspelling worth correcting: shorter ones have too many neighbours to guess from. */
export const MIN_SPELLING_LENGTH = 4;

/**
 * The best hits of every key one edit away (`searchKey` answers one key, nothing where no name starts with it),
 * merged: a whole name first, then by evidence; each concept once.
 */
export function searchSpellings(q: string, searchKey: (key: string) => ConceptHit[], limit: number): ConceptHit[] {
  if (q.length < MIN_SPELLING_LENGTH) return [];
  const best = new Map<string, ConceptHit>();
  const order = { exact: 0, prefix: 1, word: 2 } as const;
  for (const key of oneEditAway(q)) {
    for (const hit of searchKey(key)) {
      const had = best.get(hit.id);
      if (!had || order[hit.match] < order[had.match]) best.set(hit.id, hit);
    }
  }
  return [...best.values()]
    .sort((a, b) => order[a.match] - order[b.match] || b.summaryCount - a.summaryCount || a.name.length - b.name.length || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}
