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
  // Only Chrome's extension pages have the worker to post to; elsewhere the main script asks as usual. A worker
  // that controls an extension page can only be its own background, so its script is read from the controller:
  // asking chrome.runtime would first set up the page's extension bindings, 5-10 ms before the questions go.
  const controller = typeof navigator !== 'undefined' ? navigator.serviceWorker?.controller : undefined;
  const url = controller ? new URL(controller.scriptURL) : undefined;
  const script = url?.origin === location.origin ? url.pathname.slice(1) : undefined;
  if (!script) return;
  const chrome = (globalThis as { chrome?: typeof browser }).chrome;
  const route = parseRoute(location.search);
  askEarly(firstQuestions(route, likelyAudience(), currentPlace()), script);
  // The toolbar popup is about the active tab, found with one more question to the browser.
  if (route.view === 'home' && route.tab === undefined) {
    void chrome!.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => tab?.id !== undefined && askEarly([{ type: 'tab/findings', request: { tabId: tab.id } }], script), () => undefined);
  }
});
