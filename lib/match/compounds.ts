/**
 * A chemical name joined by a locant ("fructose-1-phosphate", "glucose-6-phosphate", "N-acetylglucosamine-1-
 * phosphotransferase") names one compound, and its first part is no mention of its own: that compound is no
 * fructose. Its last part may be lit: fructose-1-phosphate is a phosphate, ethyl-2-cyanoacrylate a cyanoacrylate. A
 * term written whole ("glucose-6-phosphate dehydrogenase deficiency") still matches whole.
 */
const LOCANT_AFTER = /^-\d+(?:,\d+)*'?-\p{L}/u;

/** Whether text[start, end) is the first part of a compound's name, joined to the rest by a locant. */
export function inCompoundName(text: string, start: number, end: number): boolean {
  // Cheap tests first (a page has thousands of matches): a hyphen and a digit after it.
  const c = text.charCodeAt(end + 1);
  return text.charCodeAt(end) === 0x2d && c >= 0x30 && c <= 0x39 && LOCANT_AFTER.test(text.slice(end, end + 24));
}
