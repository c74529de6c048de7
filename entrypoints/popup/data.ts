// The popup's questions to the background, with answers kept for the popup's lifetime so that going
// back to a view shows it at once.
import { browser } from 'wxt/browser';
import { send } from '../../lib/messaging/client';
import type { Audience } from '../../lib/settings/preferences';
import type { SummaryFilter } from '../../lib/summaries/filter';
import { nextPrefix, searchKey } from '../../lib/search/keys';
import { summariesRequest } from './first-questions';
import { searchNarrowSet, type ConceptHit, type NarrowSet } from '../../lib/search/rank';
import { MIN_SPELLING_LENGTH } from '../../lib/search/spelling';

const cache = new Map<string, Promise<unknown>>();
const SEARCH_LIMIT = 20;

function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    cache.set(key, hit);
    hit.catch(() => cache.delete(key)); // a failed answer is asked again next time
  }
  return hit;
}

export const getConcept = (id: string) => cached(`concept|${id}`, () => send('concept/get', { id }));
export const getOverview = (conceptId: string) => cached(`overview|${conceptId}`, () => send('summaries/overview', { conceptId }));
export const getConceptCards = (ids: string[]) => cached(`cards|${ids.join('|')}`, () => send('concept/cards', { ids }));
export const getSummary = (id: string) => cached(`summary|${id}`, () => send('summary/get', { id }));
export const getStudyPmids = (conceptId: string, filter?: SummaryFilter) =>
  cached(`pmids|${conceptId}|${JSON.stringify(filter ?? null)}`, () => send('summaries/study-pmids', { conceptId, ...(filter ? { filter } : {}) }));
export const getSummaries = (conceptId: string, audience: Audience, offset: number, limit: number, filter?: SummaryFilter) =>
  cached(`summaries|${conceptId}|${audience}|${offset}|${limit}|${JSON.stringify(filter ?? null)}`, () =>
    send('summaries/for-concept', summariesRequest(conceptId, audience, offset, limit, filter)),
  );
/**
 * The reader opened this concept's view: first in "Recently opened", unless the popup is in a private window (no tab
 * sends this, so the background cannot tell) or the reader keeps no list (the background checks).
 */
export async function rememberOpened(conceptId: string): Promise<void> {
  let incognito = false;
  try {
    incognito = (await browser.windows.getCurrent())?.incognito ?? false;
  } catch {
    // No window to ask about (a test, a popup closing): not a private one anyone can tell.
  }
  if (incognito) return;
  await send('recent/remember', { conceptId });
}

export const clearRecent = () => send('recent/clear');

/**
 * Searches too are kept: a reader who deletes a letter gets the earlier answer at once. Once the worker
 * has sent the few index entries under a key (a narrow set), every longer query starting with that key is
 * answered here, without a message. And after each answer the popup asks for the answers to every next
 * letter (or for the narrow set under what was typed), so the reader's next keystroke is answered here too.
 */
const narrowSets: NarrowSet[] = [];
const nextAnswers = new Map<string, ConceptHit[]>();
/** The prefixes asked about, each with its answer's arrival. */
const nextAsked = new Map<string, Promise<void>>();

function askNext(query: string): void {
  const prefix = nextPrefix(query);
  if (prefix === '' || nextAsked.has(prefix) || narrowSets.some((s) => prefix.startsWith(s.key))) return;
  const arrival = send('concept/search-next', { prefix, limit: SEARCH_LIMIT }).then(
    ({ answers, narrow }) => {
      for (const [key, hits] of Object.entries(answers)) nextAnswers.set(key, hits);
      if (narrow) narrowSets.push(narrow);
    },
    () => void nextAsked.delete(prefix),
  );
  nextAsked.set(prefix, arrival);
}

/** The answer for key `q` from what the popup holds: the answers asked for ahead, or a narrow set. */
function localAnswer(q: string): ConceptHit[] | undefined {
  const next = nextAnswers.get(q);
  if (next) return next;
  const set = narrowSets.find((s) => q.startsWith(s.key));
  return set && searchNarrowSet(set, q, SEARCH_LIMIT);
}

/** The answers for one-character queries, asked for with the popup's first search and used once they are here. */
let openers: Record<string, ConceptHit[]> | undefined;
let openersAsked = false;
/** `typed`: the box's text as it stands (a trailing space says the next key starts a word). */
export const searchConcepts = (query: string, typed = query): Promise<ConceptHit[]> => {
  const answer = cached(`search|${query}`, () => answerSearch(query));
  void answer.then(() => askNext(typed), () => undefined);
  return answer;
};

/** Ask for the one-character answers (once): with the first search, or sooner when the popup is idle. */
export function askOpeners(): void {
  if (openersAsked) return;
  openersAsked = true;
  send('concept/search-openers', { limit: SEARCH_LIMIT }).then((table) => (openers = table), () => (openersAsked = false));
}

async function answerSearch(query: string): Promise<ConceptHit[]> {
  const q = searchKey(query);
  askOpeners();
  const opener = q.length === 1 ? openers?.[q] : undefined;
  if (opener) return opener;
  // Nothing here for four letters or more may be a misspelling, which the worker corrects (lib/search/spelling.ts),
  // and nothing for a word in "s" may be a plural ("CTs"), which it answers by the singular.
  const usable = (hits: ConceptHit[] | undefined) => hits && (hits.length > 0 || (q.length < MIN_SPELLING_LENGTH && !q.endsWith('s')));
  const local = localAnswer(q);
  if (usable(local)) return local!;
  // Typed faster than the answers asked for ahead came back: those hold this one (the worker would answer a
  // new question only after them anyway).
  const ahead = nextAsked.get(q.slice(0, -1));
  if (ahead && !local) {
    await ahead;
    const arrived = localAnswer(q);
    if (usable(arrived)) return arrived!;
  }
  const answer = await askPatiently(query);
  if (answer.narrow) narrowSets.push(answer.narrow);
  return answer.hits;
}

/** How long a failed search waits before each further ask. */
const SEARCH_RETRY_MS = [300, 1_000];

/**
 * A question that failed (the worker stopped mid-answer, the database busy a moment) is asked again after a
 * pause, twice: the popup asks once per query, and the reader is not typing again to ask for it.
 */
async function askPatiently(query: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send('concept/search-narrowable', { query, limit: SEARCH_LIMIT });
    } catch (error) {
      if (attempt >= SEARCH_RETRY_MS.length) throw error;
      await new Promise((resolve) => setTimeout(resolve, SEARCH_RETRY_MS[attempt]));
    }
  }
}
export const getStatus = () => send('dataset/status');
let openingStatus: ReturnType<typeof getStatus> | undefined;
/** The status as the popup opens: asked once, for the home view and the storage notice alike. */
export const getOpeningStatus = () => (openingStatus ??= getStatus());
export const getTabFindings = (tabId: number) => send('tab/findings', { tabId });
