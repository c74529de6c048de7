/**
 * Vocabulary entries -> MatcherData: canonical keys (normalise.ts), inflection variants (variants.ts), the
 * alphabet and char table, and the double-array trie. Deterministic: same entries, same bytes.
 */
import { CATEGORIES, type Category, type VocabularyEntry } from '../dataset/types';
import { buildDoubleArray } from './double-array';
import { wordFilters } from './first-words';
import { canonicalForm, Cls, CLS_SHIFT, foldCodePoint, SYMBOL_MASK } from './normalise';
import { F_CASE, F_POSSESSIVE, F_STOP, F_VARIANT, type MatcherData } from './serialise';
import { isStopForm } from './stoplist';
import { formVariants } from './variants';

interface Entry {
  concept: number;
  category: number;
  flags: number;
  form: number;
}

export function compileData(entries: VocabularyEntry[]): MatcherData {
  const conceptIndex = new Map<string, number>();
  const concepts: string[] = [];
  const csForms: string[] = [];
  const csFormIndex = new Map<string, number>();
  const list: Entry[] = [];
  const entryKey = new Map<string, number>();
  const exact = new Map<string, number[]>();

  const entryFor = (concept: number, category: number, flags: number, form: number): number => {
    const k = `${concept}|${category}|${flags}|${form}`;
    let e = entryKey.get(k);
    if (e === undefined) {
      e = list.length;
      list.push({ concept, category, flags, form });
      entryKey.set(k, e);
    }
    return e;
  };
  const add = (map: Map<string, number[]>, key: string, e: number) => {
    const l = map.get(key);
    if (!l) map.set(key, [e]);
    else if (!l.includes(e)) l.push(e);
  };

  const keyed: { key: string; entry: number; cs: boolean }[] = [];
  for (const v of entries) {
    const key = canonicalForm(v.form);
    if (key.length === 0) continue;
    let c = conceptIndex.get(v.conceptId);
    if (c === undefined) {
      c = concepts.length;
      concepts.push(v.conceptId);
      conceptIndex.set(v.conceptId, c);
    }
    const cat = Math.max(0, CATEGORIES.indexOf(v.category));
    let form = -1;
    if (v.caseSensitive) {
      form = csFormIndex.get(v.form) ?? -1;
      if (form < 0) {
        form = csForms.length;
        csForms.push(v.form);
        csFormIndex.set(v.form, form);
      }
    }
    const flags = (v.caseSensitive ? F_CASE : 0) | (v.stop ? F_STOP : 0) | (v.possessive ? F_POSSESSIVE : 0);
    const e = entryFor(c, cat, flags, form);
    add(exact, key, e);
    keyed.push({ key, entry: e, cs: !!v.caseSensitive });
  }

  // Variants only where no real form has the same key; a case-sensitive abbreviation only takes "s" ("CTs").
  const variants = new Map<string, number[]>();
  const DRUG = CATEGORIES.indexOf('drug');
  for (const { key, entry, cs } of keyed) {
    const en = list[entry];
    let vs = cs ? [key + 's'] : formVariants(key);
    // Chemical elements take no Latin plural: "indium" -> "india", "californium" -> "california" name places.
    if (en.category === DRUG && key.endsWith('ium')) vs = vs.filter((v) => v !== `${key.slice(0, -2)}a`);
    // An inflection needs no possessive: "Alzheimers" is written for Alzheimer's.
    const ve = entryFor(en.concept, en.category, (en.flags & ~F_POSSESSIVE) | F_VARIANT, en.form);
    // An inflection can be an everyday word its form is not ("Crowns" -> "crown", "Californium" -> "california"):
    // then it too needs context.
    for (const vk of vs) {
      if (exact.has(vk)) continue;
      const everyday = !cs && !(en.flags & F_STOP) && !vk.includes(' ') && isStopForm(vk, false);
      add(variants, vk, everyday ? entryFor(en.concept, en.category, (en.flags & ~F_POSSESSIVE) | F_VARIANT | F_STOP, en.form) : ve);
    }
  }

  // Alphabet: every code unit of every key, in code order; symbol 0 is the terminal.
  const { units, keys: allKeys } = alphabetOf([...exact.keys(), ...variants.keys()]);
  const sortedUnits = [...units].sort((a, b) => a - b);
  const alphabet = new Uint16Array(sortedUnits.length + 1);
  const symbolOf = new Map<number, number>();
  sortedUnits.forEach((u, i) => {
    alphabet[i + 1] = u;
    symbolOf.set(u, i + 1);
  });
  const table = buildCharTable(symbolOf);

  // Keys as symbol strings, sorted; each key's value is an output list.
  const toSymbols = (k: string) => {
    let s = '';
    for (let i = 0; i < k.length; i++) s += String.fromCharCode(symbolOf.get(k.charCodeAt(i))!);
    return s;
  };
  const rows = allKeys.map((k) => {
    const l = exact.get(k) ?? variants.get(k)!;
    // Case-sensitive entries first: when one applies it is the more specific reading.
    const ordered = [...l].sort((a, b) => (list[b].flags & F_CASE) - (list[a].flags & F_CASE) || a - b);
    return { sym: toSymbols(k), entries: ordered };
  });
  rows.sort((a, b) => (a.sym < b.sym ? -1 : a.sym > b.sym ? 1 : 0));
  const outOffsets = new Uint32Array(rows.length + 1);
  let total = 0;
  rows.forEach((r, i) => {
    outOffsets[i] = total;
    total += r.entries.length;
  });
  outOffsets[rows.length] = total;
  const outEntries = new Uint32Array(total);
  rows.forEach((r, i) => outEntries.set(r.entries, outOffsets[i]));
  const da = buildDoubleArray(
    rows.map((r) => r.sym),
    rows.map((_, i) => i),
  );

  // A key that only case-sensitive forms with a capital letter have cannot match a text word without one.
  const capital = /[A-Z]/;
  const capped = rows.map((r) => r.entries.every((e) => list[e].flags & F_CASE && capital.test(csForms[list[e].form])));
  const { firstWords, nextWords } = wordFilters(
    rows.map((r) => r.sym),
    table,
    capped,
    symbolOf.get(0x27)!,
  );

  // The case-sensitive entries in entry order, each with its form (serialise.ts csEntries).
  const caseSensitive = list.flatMap((e, i) => (e.form >= 0 ? [i] : []));
  return {
    table,
    alphabet,
    nodes: da.nodes,
    firstWords,
    nextWords,
    outOffsets,
    outEntries,
    entryConcept: Uint32Array.from(list, (e) => e.concept),
    csEntries: Uint32Array.from(caseSensitive),
    entryFlags: Uint8Array.from(list, (e) => e.flags),
    entryCategory: Uint8Array.from(list, (e) => e.category),
    concepts,
    csForms: caseSensitive.map((e) => csForms[list[e].form]),
  };
}

/** Units the walk's possessive rule needs whatever the keys: space, apostrophe, "s". */
const REQUIRED_UNITS = [0x20, 0x27, 0x73];

/**
 * The code units the keys use, and the keys the matcher can hold. A symbol has 12 bits (one value means "no symbol"):
 * a vocabulary spelled in more than 4,094 units (a synced dataset in Chinese, say) keeps the units most keys use and
 * drops the keys that need another, rather than leave every page unhighlighted.
 */
function alphabetOf(keys: string[]): { units: Set<number>; keys: string[] } {
  const units = new Set<number>(REQUIRED_UNITS);
  for (const k of keys) for (let i = 0; i < k.length; i++) units.add(k.charCodeAt(i));
  if (units.size < SYMBOL_MASK) return { units, keys };
  const uses = new Map<number, number>();
  for (const k of keys) for (const u of new Set(codeUnits(k))) uses.set(u, (uses.get(u) ?? 0) + 1);
  const kept = new Set<number>(REQUIRED_UNITS);
  for (const [u] of [...uses].sort((a, b) => b[1] - a[1] || a[0] - b[0])) {
    if (kept.size >= SYMBOL_MASK - 1) break;
    kept.add(u);
  }
  const held = keys.filter((k) => codeUnits(k).every((u) => kept.has(u)));
  console.warn(`Evidence Lens: ${keys.length - held.length} of ${keys.length} names use characters past the matcher's ${SYMBOL_MASK - 1} and are not highlighted.`);
  return { units: kept, keys: held };
}

/** A string's UTF-16 code units (iterating a string gives code points: an astral letter is two units here). */
function codeUnits(s: string): number[] {
  const units: number[] = [];
  for (let i = 0; i < s.length; i++) units.push(s.charCodeAt(i));
  return units;
}

/** The folding of every BMP code unit, as class << 12 | symbol. */
function buildCharTable(symbolOf: Map<number, number>): Uint16Array {
  const table = new Uint16Array(0x10000);
  const sym = (t: string) => (t.length === 1 ? (symbolOf.get(t.charCodeAt(0)) ?? SYMBOL_MASK) : SYMBOL_MASK);
  for (let u = 0; u < 0x10000; u++) {
    let cls: Cls;
    let s = 0;
    if (u >= 0xd800 && u <= 0xdbff) cls = Cls.Slow;
    else if (u >= 0xdc00 && u <= 0xdfff) cls = Cls.Other;
    else {
      const f = foldCodePoint(u);
      cls = f.cls;
      if (cls === Cls.Word || cls === Cls.Punct || cls === Cls.Sep || cls === Cls.Apos) s = sym(f.text);
    }
    table[u] = (cls << CLS_SHIFT) | s;
  }
  return table;
}

export const categoryName = (i: number): Category => CATEGORIES[i] ?? 'other';
