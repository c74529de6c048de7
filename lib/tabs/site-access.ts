// Sites the reader has kept the extension off. Chrome's site access ("when you click the extension", "on specific
// sites") and Firefox's per-site permissions keep the declared content script out of a page without a word: the
// popup then said "no terms found yet". Now the popup says why and asks, and a site the reader allows (in the
// popup or in the browser's own menu) is read in its open tabs at once, not at their next load.
import { browser } from 'wxt/browser';

/**
 * The name the content script leaves in its world (the extension's isolated world, not the page's), so that a
 * tab it already runs in is not given a second one. It answers false once the script is orphaned by an update.
 */
export const CONTENT_SCRIPT_MARK = 'evidenceLensContentScript';

/** How long the browser may take to run a one-line script in a tab it lets us into. */
const PROBE_MS = 2000;

type ScriptFiles = NonNullable<Parameters<typeof browser.scripting.executeScript>[0]['files']>;

/** The permission pattern that covers a page's site: its scheme and host, every path ("https://www.nhs.uk/*"). */
export function sitePattern(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** Whether the browser lets the content script into pages at `url` by itself. */
export async function siteAllowed(url: string | undefined): Promise<boolean> {
  const pattern = sitePattern(url);
  if (!pattern) return false;
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return true; // a browser that cannot say: as before, assume the declared script runs
  }
}

/**
 * Asks the reader to allow the site. The browser asks only during a click: call this first thing in the handler,
 * before any await.
 */
export async function askToAllowSite(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Starts the content script in a tab now, from the files the manifest declares, unless it runs there already.
 * It may, when the tab's site is allowed or the reader has just clicked the toolbar button (activeTab); false when
 * the browser refuses.
 */
export async function readTabNow(tabId: number): Promise<boolean> {
  try {
    const declared = browser.runtime.getManifest().content_scripts?.[0];
    if (!declared?.js?.length) return false;
    const probe = browser.scripting.executeScript({
      target: { tabId },
      // Runs in the content script's world; a function source, so nothing from this module is in scope.
      func: (mark: string) => {
        const alive = (globalThis as Record<string, unknown>)[mark];
        return typeof alive === 'function' && alive() === true;
      },
      args: [CONTENT_SCRIPT_MARK],
    });
    // Chrome holds a script for a site kept "until you click the extension" unanswered, as a request for access.
    const answer = await Promise.race([probe, new Promise<null>((resolve) => setTimeout(resolve, PROBE_MS, null))]);
    if (answer === null) return false;
    if (answer[0]?.result === true) return true;
    if (declared.css?.length) await browser.scripting.insertCSS({ target: { tabId, allFrames: true }, files: declared.css });
    // The manifest's own paths (WXT types only the paths it knows of at build time).
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: declared.js as ScriptFiles });
    return true;
  } catch {
    return false;
  }
}

/** The background: when the reader allows sites, the open tabs on them are read at once. */
export function readTabsWhenAllowed(): void {
  browser.permissions.onAdded.addListener(async ({ origins }) => {
    if (!origins?.length) return;
    let tabs: { id?: number }[];
    try {
      tabs = await browser.tabs.query({ url: origins });
    } catch {
      return; // a pattern tabs.query does not take ("<all_urls>" in some browsers): their next load reads them
    }
    for (const tab of tabs) if (tab.id !== undefined) void readTabNow(tab.id);
  });
}
