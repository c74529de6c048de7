// The popup's questions to the background, with answers kept for the popup's lifetime so that going
// back to a view shows it at once.
import { send } from '../../lib/messaging/client';
import type { Audience } from '../../lib/settings/preferences';
import type { SummaryFilter } from '../../lib/db/overview';

const cache = new Map<string, Promise<unknown>>();

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
export const getSummary = (id: string) => cached(`summary|${id}`, () => send('summary/get', { id }));
export const getSummaries = (conceptId: string, audience: Audience, offset: number, limit: number, filter?: SummaryFilter) =>
  cached(`summaries|${conceptId}|${audience}|${offset}|${limit}|${JSON.stringify(filter ?? null)}`, () =>
    send('summaries/for-concept', { conceptId, audience, offset, limit, ...(filter ? { filter } : {}) }),
  );
/** Searches too are kept: a reader who deletes a letter gets the earlier answer at once. */
export const searchConcepts = (query: string) => cached(`search|${query}`, () => send('concept/search', { query, limit: 20 }));
export const getStatus = () => send('dataset/status');
let openingStatus: ReturnType<typeof getStatus> | undefined;
/** The status as the popup opens: asked once, for the home view and the storage notice alike. */
export const getOpeningStatus = () => (openingStatus ??= getStatus());
export const getTabFindings = (tabId: number) => send('tab/findings', { tabId });
