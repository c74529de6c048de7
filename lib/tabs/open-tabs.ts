// Pages already open that no content script reads: those open before the extension was installed or updated (Chrome
// starts a declared script only in pages loaded after that; after an update the old scripts are cut off and their
// highlights go), and those on a site the reader has just allowed (site-access.ts). Each window's active tab is read at
// once, the others when the reader turns to them: not a hundred pages read at one moment, while the dataset installs.
// (Firefox starts declared scripts in open pages itself after an install. webext-inject-on-install does this job, but
// under MV3 it starts every tab's script at once, and asks Chrome about sites kept "until you click the extension",
// which Chrome then holds as requests for access.)
import { oneAtATime } from '../async/one-at-a-time.ts';
import { storage } from '@wxt-dev/storage';
import { browser } from 'wxt/browser';
import { readTabNow, siteAllowed } from './site-access';

/** Tabs still to read when the reader turns to them; in storage.session, as the worker stops when idle. */
const unreadTabsItem = storage.defineItem<number[]>('session:unreadTabs', { fallback: [] });

interface OpenTab {
  id?: number;
  url?: string;
  active?: boolean;
  discarded?: boolean;
}

/**
 * Changes the list one after another: allowing sites and turning to tabs come in bursts, and two read-modify-writes
 * of storage at once lose one (a tab never read, or one read twice). `change` gives the new list as `next` (none
 * leaves it as it is) and what the caller is told.
 */
const changes = oneAtATime();
function changeUnreadTabs<T>(change: (unread: number[]) => { next?: number[]; result: T }): Promise<T> {
  return changes(async () => {
    const { next, result } = change(await unreadTabsItem.getValue().catch(() => []));
    if (next) await unreadTabsItem.setValue(next).catch(() => undefined);
    return result;
  });
}

export function readOpenTabs({ afterInstall = true, read = readTabNow }: { afterInstall?: boolean; read?: (tabId: number) => Promise<boolean> } = {}): void {
  const tabsOn = (patterns: string[]): Promise<OpenTab[]> => browser.tabs.query({ url: patterns }).catch(() => []);
  /** Active tabs now, the others when shown. A discarded tab loads its page again when shown, with the declared script. */
  const readNowOrWhenShown = async (tabs: OpenTab[]) => {
    const later: number[] = [];
    for (const tab of tabs) {
      if (tab.id === undefined || tab.discarded) continue;
      if (tab.active) void read(tab.id);
      else later.push(tab.id);
    }
    if (later.length === 0) return;
    await changeUnreadTabs((unread) => ({ next: [...new Set([...unread, ...later])], result: undefined }));
  };

  if (afterInstall) {
    browser.runtime.onInstalled.addListener(async ({ reason }) => {
      if (reason !== 'install' && reason !== 'update') return;
      const tabs = await tabsOn(['http://*/*', 'https://*/*']);
      // A site the reader keeps the extension off is left to the popup's question.
      const allowed = await Promise.all(tabs.map((tab) => siteAllowed(tab.url)));
      await readNowOrWhenShown(tabs.filter((_, i) => allowed[i]));
    });
  }
  // A site the reader allows (in the popup, or in the browser's own menu): its open tabs.
  browser.permissions.onAdded.addListener(async ({ origins }) => {
    if (origins?.length) await readNowOrWhenShown(await tabsOn(origins));
  });

  /** Whether the tab was still to read; it no longer is. */
  const take = (tabId: number): Promise<boolean> =>
    changeUnreadTabs((unread) => (unread.includes(tabId) ? { next: unread.filter((id) => id !== tabId), result: true } : { result: false }));
  browser.tabs.onActivated.addListener(async ({ tabId }) => {
    if (await take(tabId)) void read(tabId);
  });
  // A tab that loads another page gets the declared script; a closed one needs none.
  browser.tabs.onRemoved.addListener((tabId) => void take(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') void take(tabId);
  });
}
