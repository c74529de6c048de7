// Which pages the content script can read. Browsers keep extensions out of their own pages, extension
// pages, the extension stores and their built-in file viewers; there "On this page" has nothing to show.

/** Store pages no extension may script, whatever its permissions. */
const STORE_PAGES = [/^https:\/\/chromewebstore\.google\.com\//, /^https:\/\/chrome\.google\.com\/webstore/, /^https:\/\/addons\.mozilla\.org\//, /^https:\/\/microsoftedge\.microsoft\.com\/addons/];

export function canReadPage(url: string | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // file: pages need a per-extension switch that is off by default; view-source:, chrome:, about:, data:,
  // blob: and extension pages are never scripted.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  return !STORE_PAGES.some((re) => re.test(url));
}

/** The host name a "pause on this site" switch applies to. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const host = new URL(url).hostname;
    return host || undefined;
  } catch {
    return undefined;
  }
}
