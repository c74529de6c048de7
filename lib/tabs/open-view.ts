// Opens the popup's full view of a concept in a tab, for the in-page card's "More". The card lives in a web
// page, and browsers block a page's links to the extension's own pages (Chromium shows ERR_BLOCKED_BY_CLIENT)
// unless those pages are web-accessible, which would let any site load and fingerprint them. So the content
// script asks, and the background, which may, opens the tab beside the reader's.
import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router.ts';
import { viewUrl } from '../views/address.ts';

/**
 * Views opened for each page: a few at once (a reader may open several cards' views in a row), then one every two
 * seconds; the same view twice within a second is one (a double click). A page's script cannot open dozens.
 */
const BURST = 5;
const REFILL_MS = 2000;
const SAME_VIEW_MS = 1000;

export function registerOpenView(router: Router, now = () => Date.now()): void {
  const budgets = new Map<number, { tokens: number; at: number; last?: string }>();
  /** Whether the page in tab `tabId` may open the view of `conceptId` now. */
  const mayOpen = (tabId: number, conceptId: string): boolean => {
    const at = now();
    const was = budgets.get(tabId);
    if (was && was.last === conceptId && at - was.at < SAME_VIEW_MS) return false;
    const tokens = Math.min(BURST, was ? was.tokens + (at - was.at) / REFILL_MS : BURST);
    if (tokens < 1) return false;
    budgets.set(tabId, { tokens: tokens - 1, at, last: conceptId });
    // Kept small: a page whose budget is full again is forgotten.
    for (const [id, b] of budgets) if (b.tokens + (at - b.at) / REFILL_MS >= BURST) budgets.delete(id);
    return true;
  };
  router.on('concept/open-view', async ({ conceptId }, sender) => {
    if (typeof conceptId !== 'string' || conceptId.length === 0 || conceptId.length > 200) throw new Error('Not a concept id.');
    const tab = (sender as { tab?: { id?: number; index?: number; windowId?: number } } | undefined)?.tab;
    if (tab?.id !== undefined && !mayOpen(tab.id, conceptId)) return;
    await browser.tabs.create({
      // Its Back leads to the terms of the tab it was asked from.
      url: viewUrl({ view: 'concept', id: conceptId, tab: tab?.id }),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
    });
  });
}
