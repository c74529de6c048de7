// Ask for the first view's data while the page is still starting, before anything renders: the answers
// are usually back by the time the view asks for them (data.ts keeps them), which is most of the time
// between "popup open" and "content on screen".
import { getConcept, getOverview, getSummaries, getSummary } from './data';
import { preloadPageState } from './page-state';
import { FIRST_PAGE, openingFilter, opensOnFirstPage } from './first-questions';
import { likelyAudience } from './last-audience';
import { getAudience } from './preferences';
import type { Route } from '../../lib/views/address';
import { currentPlace } from './route';

export function preload(route: Route): void {
  void getAudience();
  if (route.view === 'home') preloadPageState(route.tab);
  else if (route.view === 'summary') void getSummary(route.id).catch(() => undefined);
  else if (route.view === 'concept') {
    void getConcept(route.id).catch(() => undefined);
    void getOverview(route.id).catch(() => undefined);
    if (opensOnFirstPage(currentPlace())) void getSummaries(route.id, likelyAudience(), 0, FIRST_PAGE, openingFilter()).catch(() => undefined);
  }
}
