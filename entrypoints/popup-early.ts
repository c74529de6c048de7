// The popup's early script: a small async classic script in popup.html's <head>, which runs while the popup's
// main script (a module, 26 + 40 KB) is still being read from the package and evaluated. It asks the worker
// the first view's questions at once; the main script takes the answers (lib/messaging/early.ts). No extension API
// but `chrome.runtime` and `chrome.tabs`, no polyfill, nothing rendered: it must stay a few kilobytes.
import { askEarly } from '../lib/messaging/early';
import { firstQuestions } from './popup/first-questions';
import { likelyAudience } from './popup/last-audience';
import { parseRoute } from '../lib/views/address';
import { currentPlace } from './popup/route';

export default defineUnlistedScript(() => {
  // Only Chrome's extension pages have the worker to post to; elsewhere the main script asks as usual.
  const chrome = (globalThis as { chrome?: typeof browser }).chrome;
  const script = (chrome?.runtime?.getManifest?.() as { background?: { service_worker?: string } } | undefined)?.background?.service_worker;
  if (!script) return;
  const route = parseRoute(location.search);
  askEarly(firstQuestions(route, likelyAudience(), currentPlace()), script);
  // The toolbar popup is about the active tab, found with one more question to the browser.
  if (route.view === 'home' && route.tab === undefined) {
    void chrome!.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => tab?.id !== undefined && askEarly([{ type: 'tab/findings', request: { tabId: tab.id } }], script), () => undefined);
  }
});
