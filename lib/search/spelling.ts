// A misspelled search ("diabetis", "pnemonia", "astma"): when nothing starts with what the reader typed, the
// names one edit away (a letter left out, added, changed, or two swapped), from the index in memory; failing
// that, names that sound alike within two edits ("mamografy", "hemmorage", "numonia"). Pure.
import { lowerBound } from './lower-bound.ts';
import type { ConceptHit } from './rank.ts';

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
/** The longest: a name's keys are its words, and a key one edit away is tried for each of about 74 per character. */
export const MAX_SPELLING_LENGTH = 48;

/**
 * The best hits of every key one edit away (`searchKey` answers one key, nothing where no name starts with it),
 * merged: a whole name first, then by evidence; each concept once. When none, and the index's sorted `keys` are
 * given, the hits of the prefixes that sound alike, nearest first.
 */
export function searchSpellings(q: string, searchKey: (key: string) => ConceptHit[], limit: number, keys?: string[]): ConceptHit[] {
  if (q.length < MIN_SPELLING_LENGTH || q.length > MAX_SPELLING_LENGTH) return [];
  const hits = merged(oneEditAway(q).map((key) => ({ hits: searchKey(key), edits: 1 })), limit);
  if (hits.length > 0 || !keys) return hits;
  return searchSoundAlike(q, searchKey, limit, keys);
}

/** The second half of `searchSpellings` alone: the hits of the prefixes that sound like `q`, nearest first. */
export function searchSoundAlike(q: string, searchKey: (key: string) => ConceptHit[], limit: number, keys: string[]): ConceptHit[] {
  if (q.length < MIN_SPELLING_LENGTH || q.length > MAX_SPELLING_LENGTH) return [];
  return merged(soundAlikePrefixes(keys, q).map(({ prefix, edits }) => ({ hits: searchKey(prefix), edits })), limit);
}

/** The hits of several near keys, each concept once at its best: fewest edits, a whole name, then by evidence. */
function merged(lists: { hits: ConceptHit[]; edits: number }[], limit: number): ConceptHit[] {
  const order = { exact: 0, prefix: 1, word: 2 } as const;
  const best = new Map<string, { hit: ConceptHit; edits: number }>();
  for (const { hits, edits } of lists) {
    for (const hit of hits) {
      const had = best.get(hit.id);
      if (!had || edits < had.edits || (edits === had.edits && order[hit.match] < order[had.hit.match])) best.set(hit.id, { hit, edits });
    }
  }
  return [...best.values()]
    .sort((x, y) => {
      const a = x.hit;
      const b = y.hit;
      return x.edits - y.edits || order[a.match] - order[b.match] || b.summaryCount - a.summaryCount || a.name.length - b.name.length || (a.id < b.id ? -1 : 1);
    })
    .slice(0, limit)
    .map((x) => x.hit);
}

/**
 * A key as it sounds, for comparing spellings: "ph" as "f", "ae" and "oe" as "e", "rh" and "th" as "r" and "t", "y" as "i", "k"
 * as "c", "z" and "x" as "s", a doubled letter as one ("mammography" and "mamografy" both give "mamografi"), and a
 * silent first letter left out ("pneumonia", "psoriasis", "knee", "ptosis"). `ends[k]` is where in `s` the k-th
 * letter of the result ends, to cut the original at the same place. No letter's sound depends on the next one
 * without taking it too (a soft "c"): a prefix cut after it would sound otherwise than in the whole key.
 */
export function soundFold(s: string): { text: string; ends: number[] } {
  let text = '';
  const ends: number[] = [];
  for (let i = SILENT_START.test(s) ? 1 : 0; i < s.length; i++) {
    let c = s[i];
    const next = s[i + 1];
    if ((c === 'p' && next === 'h') || ((c === 'a' || c === 'o') && next === 'e') || ((c === 'r' || c === 't') && next === 'h')) {
      c = c === 'p' ? 'f' : c === 'r' || c === 't' ? c : 'e';
      i++;
    } else if (c === 'y') c = 'i';
    else if (c === 'k') c = 'c';
    else if (c === 'z') c = 's';
    else if (c === 'x') c = 's'; // "excema" is then "eczema" with two letters swapped
    if (text.length > 0 && text[text.length - 1] === c && c !== ' ') ends[ends.length - 1] = i + 1;
    else {
      text += c;
      ends.push(i + 1);
    }
  }
  return { text, ends };
}

/** Letters soundFold takes together with the next one when that is this: "ph", "ae", "oe", "rh", "th". */
const JOINS_NEXT: Record<string, string> = { p: 'h', a: 'e', o: 'e', r: 'h', t: 'h' };

/** A first letter not heard: "pneumonia", "psoriasis", "ptosis", "knee", "gnathic". */
const SILENT_START = /^(?:p[nst]|[kg]n)/;

/** Where keys that sound like a query may start with another letter than it does: the silent letters above, "ph" for "f", "ae" and "oe" for "e". */
function startsSoundingLike(typed: string, heard: string): string[] {
  const alike: Record<string, string[]> = { n: ['pn', 'kn', 'gn'], s: ['ps'], t: ['pt'], f: ['ph'], e: ['ae', 'oe'] };
  const starts = [typed, heard, ...(alike[heard] ?? [])];
  // Each key once: a start inside another's range ("ps" within "p") is left to that one.
  return [...new Set(starts)].filter((x, _, all) => !all.some((y) => y !== x && x.startsWith(y)));
}

/** The shortest query worth comparing by sound: shorter ones sound like too much. */
export const MIN_SOUND_LENGTH = 5;

/**
 * Prefixes of the index's keys that sound like `q` within one edit (two from eight letters on; an edit is a
 * letter left out, added, changed, or two neighbours swapped), nearest first, each once. Only keys that start
 * with the same letter, or one that sounds the same (see startsSoundingLike): a misspelling rarely starts wrong.
 *
 * The keys are sorted, so each shares its start with the one before: the edit table (one column per letter
 * of the key, as it sounds) is kept from key to key and only the columns past the shared start are worked
 * out; a column with no cell within the edits ends the key, and every later key with the same start.
 */
export function soundAlikePrefixes(keys: string[], q: string, limit = 12): { prefix: string; edits: number }[] {
  const a = soundFold(q).text;
  const n = a.length;
  if (n < MIN_SOUND_LENGTH) return [];
  const max = n >= 8 ? 2 : 1;
  const most = 2 * (n + max); // letters of a key that can take part, even where "ph" folds to one
  const rows = n + 1;
  const table = new Int32Array((most + 1) * rows);
  for (let i = 0; i <= n; i++) table[i] = i;
  // Per column: the fewest edits for `q` as a prefix up to this column, and the column where that was.
  const bestEdits = new Int32Array(most + 1).fill(n);
  const bestAt = new Int32Array(most + 1);
  const found = new Map<string, number>();
  for (const start of startsSoundingLike(q[0], a[0])) {
  let prev = '';
  for (let k = lowerBound(keys, start); k < keys.length && keys[k].startsWith(start); k++) {
    const head = keys[k].slice(0, most);
    const fold = soundFold(head);
    const b = fold.text;
    let j = 0;
    while (j < b.length && j < prev.length && b[j] === prev[j]) j++;
    prev = b;
    let pruned = false;
    for (j = j + 1; j <= b.length; j++) {
      const col = j * rows;
      const left = col - rows;
      table[col] = j;
      let least = j;
      for (let i = 1; i <= n; i++) {
        let d = Math.min(table[left + i] + 1, table[col + i - 1] + 1, table[left + i - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, table[left - rows + i - 2] + 1);
        table[col + i] = d;
        if (d < least) least = d;
      }
      const edits = table[col + n];
      if (edits < bestEdits[j - 1]) {
        bestEdits[j] = edits;
        bestAt[j] = j;
      } else {
        bestEdits[j] = bestEdits[j - 1];
        bestAt[j] = bestAt[j - 1];
      }
      if (least > max) {
        pruned = true;
        break;
      }
    }
    const last = Math.min(j, b.length);
    if (bestEdits[last] <= max && bestAt[last] > 0) {
      const prefix = head.slice(0, fold.ends[bestAt[last] - 1]).trimEnd();
      const had = found.get(prefix);
      if (had === undefined || bestEdits[last] < had) found.set(prefix, bestEdits[last]);
    }
    if (pruned) {
      // Every later key that starts as this one did up to the hopeless column ends there too, unless its next
      // letter joins that column's ("onozzxa" was hopeless as "onosa", but "onozzxae" sounds "onose").
      const dead = head.slice(0, fold.ends[j - 1]);
      let end = lowerBound(keys, dead + '\uffff');
      const joins = JOINS_NEXT[dead[dead.length - 1]];
      if (joins) {
        const from = lowerBound(keys, dead + joins);
        if (from > k) end = Math.min(end, from);
      }
      k = end - 1;
      prev = '';
    }
  }
  }
  return [...found]
    .sort((x, y) => x[1] - y[1] || x[0].length - y[0].length || (x[0] < y[0] ? -1 : 1))
    .slice(0, limit)
    .map(([prefix, edits]) => ({ prefix, edits }));
}
