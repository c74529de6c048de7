/**
 * A metal named as half of a salt the vocabulary lacks ("sodium citrate", "calcium pyrophosphate", "sodium
 * taurodeoxycholate") is no mention of the element: the card would open dietary sodium or calcium for a laboratory
 * reagent or a drug's salt. Such a match is dropped; salts the vocabulary holds ("sodium chloride") match whole
 * before this is asked.
 */
const CATIONS = new Set(['sodium', 'potassium', 'calcium', 'magnesium', 'lithium', 'zinc', 'ammonium', 'aluminum', 'aluminium', 'barium', 'copper', 'silver']);
// The anion word after it: "-ate", "-ide" or "-ite" ("citrate", "chloride", "nitrite"), one word, lower case.
const ANION = /^[ -][a-z]{2,}(?:ate|ide|ite)s?(?![\p{L}\p{N}])/u;

export interface SaltMatch {
  start: number;
  end: number;
}

/** Removes from `out` (sorted) the metals that begin a salt's name. */
export function dropSaltMetals<T extends SaltMatch>(text: string, out: T[]): void {
  let w = 0;
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    const length = t.end - t.start;
    const metal = length >= 4 && length <= 9 && CATIONS.has(text.slice(t.start, t.end).toLowerCase()) && ANION.test(text.slice(t.end, t.end + 40));
    if (!metal) out[w++] = t;
  }
  out.length = w;
}
