// Sites the reader has kept the extension off. Chrome's site access ("when you click the extension", "on specific
// sites") and Firefox's per-site permissions keep the declared content script out of a page without a word: the
// popup then said "no terms found yet". Now the popup says why and asks, and a site the reader allows (in the
// popup or in the browser's own menu) is read in its open tabs without a reload (open-tabs.ts).
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
 * Starts the content script in a tab now, from the files the manifest declares, in each frame it does not run in
 * already. It may, when the tab's site is allowed or the reader has just clicked the toolbar button (activeTab); false
 * when the browser refuses. Calls for the same tab at once share one start.
 */
export function readTabNow(tabId: number): Promise<boolean> {
  let started = starting.get(tabId);
  if (!started) {
    started = startIn(tabId).finally(() => starting.delete(tabId));
    starting.set(tabId, started);
  }
  return started;
}

const starting = new Map<number, Promise<boolean>>();

async function startIn(tabId: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const declared = browser.runtime.getManifest().content_scripts?.[0];
    if (!declared?.js?.length) return false;
    const probe = browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      // Runs in the content script's world; a function source, so nothing from this module is in scope.
      func: (mark: string) => {
        const alive = (globalThis as Record<string, unknown>)[mark];
        return typeof alive === 'function' && alive() === true;
      },
      args: [CONTENT_SCRIPT_MARK],
      // At once, not when the page has loaded: a slow page is not a refusal.
      injectImmediately: true,
    });
    // Chrome holds a script for a site kept "until you click the extension" unanswered, as a request for access.
    const held = new Promise<null>((resolve) => (timer = setTimeout(resolve, PROBE_MS, null)));
    const answers = await Promise.race([probe, held]);
    if (answers === null) return false;
    const frameIds = answers.filter((a) => a.result !== true).map((a) => a.frameId);
    if (frameIds.length === 0) return true;
    const target = { tabId, frameIds };
    if (declared.css?.length) await browser.scripting.insertCSS({ target, files: declared.css });
    // The manifest's own paths (WXT types only the paths it knows of at build time).
    await browser.scripting.executeScript({ target, files: declared.js as ScriptFiles });
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
