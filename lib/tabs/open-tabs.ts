// Pages open before the extension was installed or updated. Chrome starts a declared content script only in pages
// loaded after that, so they stayed unread (after an update, their scripts are cut off and their highlights go) until
// the reader reloaded each. Each window's active tab is read at once, the others when the reader turns to them: not a
// hundred pages read at the moment the dataset is being installed. (Firefox starts declared scripts in open pages
// itself. webext-inject-on-install does this too, but under MV3 it starts every tab's script at once, and asks
// Chrome about sites the reader keeps the extension off, which Chrome then holds as requests for access.)
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { readTabNow, siteAllowed } from './site-access';

/** Tabs still to read when the reader turns to them; in storage.session, as the worker stops when idle. */
const unreadTabsItem = storage.defineItem<number[]>('session:unreadTabs', { fallback: [] });

export function readOpenTabsAfterInstall(read: (tabId: number) => Promise<boolean> = readTabNow): void {
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason !== 'install' && reason !== 'update') return;
    const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] }).catch(() => []);
    const later: number[] = [];
    for (const tab of tabs) {
      // A discarded tab loads its page again when shown, and the declared script starts then. A site the reader keeps
      // the extension off is left to the popup's question.
      if (tab.id === undefined || tab.discarded || !(await siteAllowed(tab.url))) continue;
      if (tab.active) void read(tab.id);
      else later.push(tab.id);
    }
    await unreadTabsItem.setValue(later).catch(() => undefined);
  });
  const take = async (tabId: number): Promise<boolean> => {
    const unread: number[] = await unreadTabsItem.getValue().catch(() => []);
    if (!unread.includes(tabId)) return false;
    await unreadTabsItem.setValue(unread.filter((id) => id !== tabId)).catch(() => undefined);
    return true;
  };
  browser.tabs.onActivated.addListener(async ({ tabId }) => {
    if (await take(tabId)) void read(tabId);
  });
  // A tab that loads another page gets the declared script; a closed one needs none.
  browser.tabs.onRemoved.addListener((tabId) => void take(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void take(tabId);
  });
}
