// A search typed as a phrase or a question ("is coffee bad for you", "community acquired pneumonia"): when no
// name starts with it, the names it holds, read left to right, longest first ("heart failure" before "heart").
// Pure: `searchKey` answers one search key from the index in memory.
import type { ConceptHit } from './rank.ts';

/** The longest run of words tried as one name. */
const MAX_WORDS = 6;

/**
 * Words that are no term on their own in a typed question: question and function words, and the everyday verbs
 * and adjectives readers wrap a term in ("is ibuprofen safe", "how to lower blood pressure").
 */
const FILLER = new Set(
  ('a an and are as at be bad best by can cause causes could do does for from get good how i if in is it its me my ' +
    'no not of on or safe should take than that the their them there this to too use using was what when where which ' +
    'who why will with without you your help lower raise stop treat treating better worse after before during').split(' '),
);

/**
 * The concepts named in `q` (a search key: lower case, words separated by one space), each by its whole name or
 * another of its names, in the order the words come; each concept once, at most `limit`. A run ending in "s" is
 * also tried without it ("migraines").
 */
export function termsInPhrase(q: string, searchKey: (key: string) => ConceptHit[], limit: number): ConceptHit[] {
  const words = q.split(' ');
  if (words.length < 2) return [];
  const found = new Map<string, ConceptHit>();
  for (let i = 0; i < words.length && found.size < limit; ) {
    let next = i + 1;
    for (let end = Math.min(words.length, i + MAX_WORDS); end > i; end--) {
      const run = words.slice(i, end);
      if (FILLER.has(run[0]) || FILLER.has(run[run.length - 1]) || (end - i === 1 && run[0].length < 3)) continue;
      const phrase = run.join(' ');
      const hit = wholeName(phrase, searchKey) ?? (phrase.endsWith('s') ? wholeName(phrase.slice(0, -1), searchKey) : undefined);
      if (!hit) continue;
      if (!found.has(hit.id)) found.set(hit.id, hit);
      next = end;
      break;
    }
    i = next;
  }
  return [...found.values()].slice(0, limit);
}

/** The concept `key` is a whole name of (the one with most evidence, as the search ranks them), if any. */
function wholeName(key: string, searchKey: (key: string) => ConceptHit[]): ConceptHit | undefined {
  return searchKey(key).find((hit) => hit.match === 'exact');
}
