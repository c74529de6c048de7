/**
 * "non-" before a word says the text means the opposite of a term that starts there: "non-small cell carcinoma" is
 * no small cell carcinoma, "non-melanoma skin cancer" no melanoma, "non insulin dependent diabetes" type 2, not
 * type 1. The scan starts no term at such a word (a later word may start one: "non-traumatic brain injury" is a
 * brain injury), and the abbreviations a page defines are dropped there too ("non-AD controls"). A term that
 * starts with "non" itself ("non-Hodgkin lymphoma", "non-small cell lung cancer") is matched whole, from the "non".
 */
export function negated(text: string, start: number): boolean {
  if (start < 4) return false;
  const sep = text.charCodeAt(start - 1);
  // a hyphen (ASCII, Unicode or non-breaking), an en dash or a space
  if (sep !== 0x2d && sep !== 0x2010 && sep !== 0x2011 && sep !== 0x2013 && sep !== 0x20) return false;
  if ((text.charCodeAt(start - 2) | 0x20) !== 0x6e || (text.charCodeAt(start - 3) | 0x20) !== 0x6f || (text.charCodeAt(start - 4) | 0x20) !== 0x6e) return false;
  // "non" as a word of its own, not the end of "canon" or "Vernon".
  return start === 4 || !/[\p{L}\p{N}]/u.test(text[start - 5]);
}
