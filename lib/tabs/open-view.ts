// Opens the popup's full view of a concept in a tab, for the in-page card's "More". The card lives in a web
// page, and browsers block a page's links to the extension's own pages (Chromium shows ERR_BLOCKED_BY_CLIENT)
// unless those pages are web-accessible, which would let any site load and fingerprint them. So the content
// script asks, and the background, which may, opens the tab beside the reader's.
import { browser } from 'wxt/browser';
import type { Router } from '../messaging/router.ts';
import { viewUrl } from '../views/address.ts';

export function registerOpenView(router: Router): void {
  router.on('concept/open-view', async ({ conceptId }, sender) => {
    if (typeof conceptId !== 'string' || conceptId.length === 0 || conceptId.length > 200) throw new Error('Not a concept id.');
    const tab = (sender as { tab?: { id?: number; index?: number; windowId?: number } } | undefined)?.tab;
    await browser.tabs.create({
      // Its Back leads to the terms of the tab it was asked from.
      url: viewUrl({ view: 'concept', id: conceptId, tab: tab?.id }),
      ...(tab?.index !== undefined ? { index: tab.index + 1 } : {}),
      ...(tab?.id !== undefined ? { openerTabId: tab.id } : {}),
      ...(tab?.windowId !== undefined ? { windowId: tab.windowId } : {}),
    });
  });
}
