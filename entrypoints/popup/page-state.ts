// What "On this page" shows for a tab: its terms, or why there are none.
import { browser } from 'wxt/browser';
import type { PageState } from '../../components/OnThisPage';
import type { ResearchSummary } from '../../lib/dataset/types';
import { pausedEntriesFor } from '../../lib/settings/paused-host';
import { pausedSitesItem } from '../../lib/settings/preferences';
import { touchesFindings } from '../../lib/tabs/findings';
import { canReadPage, siteOf } from '../../lib/tabs/readable';
import { siteAllowed, sitePattern } from '../../lib/tabs/site-access';
import { getOpeningStatus, getStatus, getSummary, getTabFindings } from './data';
import { findTab } from './tab';

/**
 * Tabs this popup started the content script in itself (a toolbar click lets it), though their site is not allowed:
 * each with the page it was started in, since the script goes with that page (another page in the tab has none).
 */
const startedHere = new Map<number, string>();
const pageOf = (url: string | undefined) => url?.replace(/#.*$/s, '');
export const startedContentScript = (tabId: number, url: string | undefined) => void startedHere.set(tabId, pageOf(url) ?? '');

export async function loadPageState(tabId: number | undefined, status = getStatus, allowed = siteAllowed): Promise<PageState> {
  // Every question at once: the popup should answer in one round trip's time.
  const tab = findTab(tabId);
  // A tab named in the address is asked about at once; the active tab only once it is known.
  const findings = tabId !== undefined ? getTabFindings(tabId) : tab.then((t) => (t.id !== undefined ? getTabFindings(t.id) : null));
  const [{ id, url: tabUrl, closed }, report, dataset, paused] = await Promise.all([tab, findings, status(), pausedSitesItem.getValue()]);
  const url = tabUrl ?? report?.url;
  if (closed && !report) return { kind: 'closed' };
  // This view itself, opened in a tab of its own (a card's "More"): no page to tell about.
  if (!report && url?.startsWith(`${location.origin}/`)) return { kind: 'own-page' };
  // Without a report and without a readable address, no content script can be at work in that tab.
  if (!report && !canReadPage(url)) return { kind: 'unreadable' };
  if (!dataset.installed) return { kind: 'importing', status: dataset };
  const site = siteOf(url);
  const covering = site ? pausedEntriesFor(paused, site) : [];
  // Paused as part of a wider site ("nhs.uk" for www.nhs.uk): the switch says so, since resuming lifts that pause.
  const pausedBy = covering.find((entry) => entry !== site);
  // No report from a page highlighting would read: the reader's browser may keep the extension off the site.
  const pattern = sitePattern(url);
  const started = id !== undefined && startedHere.get(id) === pageOf(url);
  if (!report && site && pattern && !covering.length && !started && !(await allowed(url))) {
    return { kind: 'not-allowed', site, pattern, tabId: id, url };
  }
  const article = report?.pmid ? await articleSummary(report.pmid) : undefined;
  return { kind: 'ready', site, paused: covering.length > 0, ...(pausedBy ? { pausedBy } : {}), terms: report?.terms ?? null, ...(article ? { article } : {}) };
}

/** The dataset's summary of the study a page is, if it has one (research summaries are named by PubMed id). */
async function articleSummary(pmid: string): Promise<ResearchSummary | undefined> {
  const summary = await getSummary(`pmid:${pmid}`).catch(() => null);
  return summary?.kind === 'research' ? summary : undefined;
}

let preloaded: { tabId: number | undefined; state: Promise<PageState> } | undefined;

/** Started before the first render (see preload.ts); the first load of the same tab takes it. */
export function preloadPageState(tabId: number | undefined): void {
  preloaded = { tabId, state: loadPageState(tabId, getOpeningStatus) };
}

export function firstPageState(tabId: number | undefined): Promise<PageState> {
  const early = preloaded && preloaded.tabId === tabId ? preloaded.state : undefined;
  preloaded = undefined;
  return early ?? loadPageState(tabId, getOpeningStatus);
}

/** A page the content script has not reported on (yet), and highlighting not paused there: it may still be reading. */
export const awaitsReport = (state: PageState): state is Extract<PageState, { kind: 'ready' }> =>
  state.kind === 'ready' && state.terms === null && !state.paused;

/** Calls `navigated` with a tab's id when it starts loading another page; returns the way to stop. */
export function watchNavigation(navigated: (tabId: number) => void): () => void {
  const listener = (tabId: number, change: { url?: string; status?: string }) => {
    if (change.url !== undefined || change.status === 'loading') navigated(tabId);
  };
  browser.tabs.onUpdated.addListener(listener);
  return () => browser.tabs.onUpdated.removeListener(listener);
}

/** Calls `changed` when the background stores or forgets a tab's findings (in storage.session); returns the way to stop. */
export function watchFindings(changed: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && touchesFindings(changes)) changed();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
