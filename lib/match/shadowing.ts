/**
 * Phrases that, once a document uses them, keep their last word for themselves. After "the Great Depression", a
 * history page's "the depression" is the same slump, not the mood disorder; after "zinc finger", a biochemistry
 * paper's "fingers" are no hands; after "fibrous capsule", a pathology report's "capsule" is no medicine's. Each
 * phrase is also a not-a-term phrase (not-terms.ts), so it is never lit itself.
 *
 * The word alone is then lit only where the document named its concept before (a psychiatry paper that mentions
 * the Great Depression keeps its "depression"), or names it again by another name ("clinical depression").
 * Only where the word alone goes on meaning the phrase. Not "respiratory depression" or "ST depression": clinical
 * papers that use them often mean low mood by the word alone ("depression after myocardial infarction"); not
 * "psychological trauma" or "cervical dilatation": a page goes on to injuries, or to a balloon's dilatation.
 */
export const SHADOWING: readonly (readonly [phrase: string, word: string])[] = [
  ['great depression', 'depression'],
  ['economic depression', 'depression'],
  ['tropical depression', 'depression'],
  ['zinc finger', 'finger'],
  ['zinc fingers', 'finger'],
  ['zinc finger protein', 'finger'],
  ['zinc finger proteins', 'finger'],
  ['fibrous capsule', 'capsule'],
  ['tumor capsule', 'capsule'],
  ['tumour capsule', 'capsule'],
];

/** The words a phrase can take, each a bit of a session's mask (see shadowMask). */
export const SHADOWED_WORDS: readonly string[] = [...new Set(SHADOWING.map(([, word]) => word))];

const BY_PHRASE = new Map(SHADOWING.map(([phrase, word]) => [phrase, 1 << SHADOWED_WORDS.indexOf(word)]));

/** The bit of the word a matched not-a-term phrase takes (its text as on the page), or 0 for none. */
export function shadowMask(phrase: string): number {
  return BY_PHRASE.get(phrase.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()) ?? 0;
}

/** Whether a match's text is a word the mask holds, alone, in the singular or plural. */
export function isShadowed(mask: number, text: string): boolean {
  if (text.length > 12 || /[^\p{L}]/u.test(text)) return false;
  const word = text.toLowerCase();
  for (let b = 0; b < SHADOWED_WORDS.length; b++) {
    if (!(mask & (1 << b))) continue;
    const w = SHADOWED_WORDS[b];
    if (word === w || word === `${w}s`) return true;
  }
  return false;
}
