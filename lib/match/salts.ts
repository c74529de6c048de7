/**
 * A metal named as half of a salt the vocabulary lacks ("sodium citrate", "calcium pyrophosphate", "sodium
 * taurodeoxycholate") is no mention of the element: the card would open dietary sodium or calcium for a laboratory
 * reagent or a drug's salt. Such a match is dropped; salts the vocabulary holds ("sodium chloride") match whole
 * before this is asked.
 */
const CATIONS = new Set(['sodium', 'potassium', 'calcium', 'magnesium', 'lithium', 'zinc', 'ammonium', 'aluminum', 'aluminium', 'barium', 'copper', 'silver']);
/** The metals' first two letters, as char-code pairs ("so", "po", "ca"…). */
const OPENINGS = new Set([...CATIONS].map((c) => c.charCodeAt(0) * 128 + c.charCodeAt(1)));
// The anion word after it: "-ate", "-ide" or "-ite" ("citrate", "chloride", "nitrite"), one word, lower case.
const ANION = /^[ -][a-z]{2,}(?:ate|ide|ite)s?(?![\p{L}\p{N}])/u;

/**
 * The other half of a drug's salt, named after the drug ("warfarin sodium", "metoprolol succinate", "amlodipine
 * besylate"): part of the drug's name, not a mention of table salt or of succinates. A list, not a suffix: a second
 * drug may end the same way ("lisinopril hydrochlorothiazide").
 */
const SALT_PARTS = new Set([
  ...CATIONS,
  'acetate', 'besylate', 'besilate', 'bicarbonate', 'bitartrate', 'bromide', 'carbonate', 'chloride', 'citrate',
  'dihydrochloride', 'fumarate', 'gluconate', 'hydrobromide', 'hydrochloride', 'lactate', 'maleate', 'mesilate',
  'mesylate', 'nitrate', 'phosphate', 'succinate', 'sulfate', 'sulphate', 'tartrate',
]);

export interface SaltMatch {
  start: number;
  end: number;
  category: string;
}

/** Removes from `out` (sorted) the metals that begin a salt's name, and the salt half named after a drug. */
export function dropSaltMetals<T extends SaltMatch>(text: string, out: T[]): void {
  let w = -1; // where kept matches go once one is dropped; until then nothing moves
  let kept: T | undefined;
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (isSaltMetal(text, t.start, t.end) || (kept !== undefined && isSaltAfterDrug(text, kept, t))) {
      if (w < 0) w = i;
    } else {
      kept = t;
      if (w >= 0) out[w++] = t;
    }
  }
  if (w >= 0) out.length = w;
}

/** `t` names a salt's other half, one space after the drug `before` ends. */
function isSaltAfterDrug(text: string, before: SaltMatch, t: SaltMatch): boolean {
  if (before.category !== 'drug' || t.start !== before.end + 1 || text.charCodeAt(before.end) !== 0x20) return false;
  const length = t.end - t.start;
  return length >= 4 && length <= 15 && SALT_PARTS.has(text.slice(t.start, t.end).toLowerCase());
}

function isSaltMetal(text: string, start: number, end: number): boolean {
  // Cheap tests first (a page has thousands of matches): a word of 4–9 letters opening as a metal's name does, a
  // space or hyphen after it; only then the words themselves.
  const length = end - start;
  if (length < 4 || length > 9) return false;
  if (!OPENINGS.has((text.charCodeAt(start) | 0x20) * 128 + (text.charCodeAt(start + 1) | 0x20))) return false;
  const next = text.charCodeAt(end);
  if (next !== 0x20 && next !== 0x2d) return false;
  return CATIONS.has(text.slice(start, end).toLowerCase()) && ANION.test(text.slice(end, end + 40));
}
