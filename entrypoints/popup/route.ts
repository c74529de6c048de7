// The popup's views are addressable: `popup.html?tab=<id>` (that tab's terms), `?concept=<id>`,
// `?summary=<id>`. Moving between them pushes browser history, so Back (the button, Escape, or the
// browser's own in a full tab) returns to the reader's place.

export type Route =
  | { view: 'home'; tab?: number }
  | { view: 'concept'; id: string; tab?: number }
  | { view: 'summary'; id: string; tab?: number };

export function parseRoute(search: string): Route {
  const params = new URLSearchParams(search);
  const tabText = params.get('tab');
  const tab = tabText !== null && /^\d+$/.test(tabText) ? Number(tabText) : undefined;
  const withTab = tab === undefined ? {} : { tab };
  const summary = params.get('summary');
  if (summary) return { view: 'summary', id: summary, ...withTab };
  const concept = params.get('concept');
  if (concept) return { view: 'concept', id: concept, ...withTab };
  return { view: 'home', ...withTab };
}

export function routeSearch(route: Route): string {
  const params = new URLSearchParams();
  if (route.view !== 'home') params.set(route.view, route.id);
  if (route.tab !== undefined) params.set('tab', String(route.tab));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What a view keeps in its history entry: where the reader was, and what they had chosen. */
export interface Place {
  /** How many views deep the entry is (0: the view the popup opened on). */
  depth: number;
  scrollY?: number;
  query?: string;
  filter?: unknown;
  shown?: number;
  /** The `data-focus-key` of what had focus when the reader left (the summary or term they opened). */
  focusKey?: string;
}

export const currentPlace = (): Place => (history.state as Place | null) ?? { depth: 0 };

/** Remember something about the current view in its own history entry. */
export function rememberPlace(patch: Partial<Place>): void {
  history.replaceState({ ...currentPlace(), ...patch }, '');
}
