/**
 * A pronunciation guide in brackets, as patients' pages write them after a hard word: "Streptococcus
 * (strep-to-KOK-us)", "dysphagia (dis-FAY-juh)". Its syllables are no terms: "strep" there is no strep throat.
 * A guide is three or more syllables joined by hyphens, each in small letters or in capitals (the stressed ones),
 * every syllable in capitals with a vowel. Not "(RT-PCR)", "(flu-PSA)", "(non-HDL-C)" or "(anti-TNF-alpha)":
 * two syllables only, no small letters, capitals without a vowel, or a word in small letters that is one.
 */
const GUIDE = /^(?:[a-z]+|[A-Z]+)(?:-(?:[a-z]+|[A-Z]+)){2,}$/;
const STRESSED = /(?:^|-)[A-Z]{2,}(?:-|$)/;
const VOWELLESS_CAPS = /(?:^|-)[B-DF-HJ-NP-TV-XZ]+(?:-|$)/;
/** Small-letter words that prefix real terms: "(anti-TNF-alpha)" is no guide. */
const PREFIX_WORD = /(?:^|-)(?:anti|pre|post|non|pro|alpha|beta|gamma|kappa|delta|micro|macro|mini|multi|semi|self)(?:-|$)/;

/** Whether text[start, end) is a syllable of a pronunciation guide. */
export function inPronunciation(text: string, start: number, end: number): boolean {
  // Cheap tests first (a page has thousands of matches): a bracket or a hyphen on both sides.
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  if ((before !== 0x28 && before !== 0x2d) || (after !== 0x29 && after !== 0x2d)) return false;
  const open = text.lastIndexOf('(', start - 1);
  const close = text.indexOf(')', end);
  if (open < 0 || close < 0 || start - open > 40 || close - end > 40) return false;
  const guide = text.slice(open + 1, close);
  return GUIDE.test(guide) && STRESSED.test(guide) && /[a-z]/.test(guide) && !VOWELLESS_CAPS.test(guide) && !PREFIX_WORD.test(guide);
}
