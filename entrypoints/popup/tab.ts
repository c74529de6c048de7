// Which tab "On this page" is about: the one named by `?tab=`, else the active tab of this window.
import { browser } from 'wxt/browser';

export interface TabInfo {
  id?: number;
  /** Known where the extension may see it (the tab the toolbar button was clicked on, or a scripted page). */
  url?: string;
  /** The tab named in the address no longer exists. */
  closed?: boolean;
}

export async function findTab(tabId: number | undefined): Promise<TabInfo> {
  try {
    if (tabId !== undefined) {
      const tab = await browser.tabs.get(tabId);
      return { id: tab.id, url: tab.url };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab ? { id: tab.id, url: tab.url } : {};
  } catch {
    return tabId !== undefined ? { id: tabId, closed: true } : {}; // a closed tab: its findings may still answer
  }
}
