// The addresses of the popup's views: `popup.html?tab=<id>` (that tab's terms), `?concept=<id>`,
// `?summary=<id>`, `?view=saved` (the reader's saved summaries). One format for all who build or read them: the popup's own navigation, the card's
// "More" (content script) and the background, which opens a view in a tab.
import { browser } from 'wxt/browser';

export type Route =
  | { view: 'home'; tab?: number }
  | { view: 'concept'; id: string; tab?: number }
  | { view: 'summary'; id: string; tab?: number }
  | { view: 'saved'; tab?: number };

export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const tabText = params.get('tab');
  const tab = tabText !== null && /^\d+$/.test(tabText) ? Number(tabText) : undefined;
  const withTab = tab === undefined ? {} : { tab };
  const summary = params.get('summary');
  if (summary) return { view: 'summary', id: summary, ...withTab };
  const concept = params.get('concept');
  if (concept) return { view: 'concept', id: concept, ...withTab };
  if (params.get('view') === 'saved') return { view: 'saved', ...withTab };
  return { view: 'home', ...withTab };
}

export function routeSearch(route: Route): string {
  const params = new URLSearchParams();
  if (route.view === 'saved') params.set('view', 'saved');
  else if (route.view !== 'home') params.set(route.view, route.id);
  if (route.tab !== undefined) params.set('tab', String(route.tab));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The full address of a view, to open in a tab. */
export function viewUrl(route: Route): string {
  return browser.runtime.getURL(`/popup.html${routeSearch(route)}` as '/popup.html');
}
