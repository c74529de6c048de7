// The questions a popup view asks as it opens, built in one place: the early script (popup-early.ts) asks
// them before the popup's main script has loaded, and the popup's own requests (data.ts) are built by the
// same functions, so that it recognises those answers (lib/messaging/early.ts matches type and request).
import type { Question } from '../../lib/messaging/early';
import type { SummaryFilter } from '../../lib/summaries/filter';
import type { Audience } from '../../lib/settings/preferences';
import type { Route } from '../../lib/views/address';
import type { Place } from './route';
import { likelyOrder } from './last-order';

/** The first page of a concept's summaries: more than the popup shows without scrolling, few to read. */
export const FIRST_PAGE = 10;

export const summariesRequest = (conceptId: string, audience: Audience, offset: number, limit: number, filter?: SummaryFilter) => ({
  conceptId,
  audience,
  offset,
  limit,
  ...(filter ? { filter } : {}),
});

/** Whether a concept view opens on its plain first page (one restored with filters or more pages asks for its own). */
export const opensOnFirstPage = (place: Place) => !place.filter && !place.shown;

/** The filter a concept view opens with: none, but the order the reader last chose (last-order.ts). */
export const openingFilter = (): SummaryFilter | undefined => (likelyOrder() === 'newest' ? { order: 'newest' } : undefined);

/** What the first view of `route` asks for (the toolbar popup's tab is found later, by the main script). */
export function firstQuestions(route: Route, audience: Audience, place: Place): Question[] {
  const questions: Question[] = [{ type: 'dataset/status', request: undefined }];
  if (route.view === 'summary') questions.push({ type: 'summary/get', request: { id: route.id } });
  else if (route.view === 'concept') {
    questions.push({ type: 'concept/get', request: { id: route.id } }, { type: 'summaries/overview', request: { conceptId: route.id } });
    if (opensOnFirstPage(place)) questions.push({ type: 'summaries/for-concept', request: summariesRequest(route.id, audience, 0, FIRST_PAGE, openingFilter()) });
  } else if (route.tab !== undefined) questions.push({ type: 'tab/findings', request: { tabId: route.tab } });
  return questions;
}
