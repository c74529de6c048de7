// Wires the services to the browser: messages, install and start-up. No logic of its own.
import { browser } from 'wxt/browser';
import { bundledSource } from '../lib/db/bundled-source';
import * as queries from '../lib/db/queries';
import * as search from '../lib/db/search';
import { EvidenceStore } from '../lib/db/service';
import { Router, senderOn } from '../lib/messaging/router';
import { registerSync } from '../lib/sync/service';
import { sessionArea, TabFindings } from '../lib/tabs/findings';
import { registerOpenView } from '../lib/tabs/open-view';
import { registerLookupMenu } from '../lib/tabs/lookup-menu';
import { registerRecentTerms } from '../lib/recent/service';
import { registerSavedSummaries } from '../lib/saved/service';
import { getPreferences } from '../lib/settings/preferences';
import { readOpenTabs } from '../lib/tabs/open-tabs';
import { readTabNow } from '../lib/tabs/site-access';
import { matcherBytes } from '../lib/terms/matcher-source';
import { followBadgePreference, showTermCount } from '../lib/terms/badge';
import { TermService } from '../lib/terms/service';
import { prepareMatcherOnPageLoad } from '../lib/terms/prepare-on-load';
import { forwardToggleCommand } from '../lib/tabs/toggle-command';

export default defineBackground(() => {
  // Content scripts run inside web pages: they may ask only what a page's highlighting and card need.
  const router = new Router({ fromExtension: senderOn(browser.runtime.getURL('/')) });
  const bundled = () => bundledSource(browser.runtime.getURL('/dataset/manifest.json'));
  const store = new EvidenceStore({ keepAlive: () => browser.runtime.getPlatformInfo(), bundled });
  store.register(router);
  registerSync(router, store);
  const terms = new TermService({
    loadBytes: async () =>
      matcherBytes(await store.db().catch(() => undefined), async () =>
        (await fetch(browser.runtime.getURL('/dataset/matcher.bin'))).arrayBuffer(),
      ),
    warmUp: true,
  });
  terms.register(router);
  store.onImported(() => terms.reset());
  const findings = new TabFindings(sessionArea(), Date.now, {
    conceptCard: (id) => store.conceptCard(id),
    // The toolbar badge follows each tab's report.
    onReport: (tabId, report) => void showTermCount(tabId, report.terms.length).catch(() => undefined),
    // A tab that closes or loads another page (every frame goes with it) leaves no matching sessions behind.
    onForget: (tabId) => terms.forgetTab(tabId),
  });
  findings.register(router);
  // Turning the badge (or highlighting) off or on shows at once on the open tabs, not at their next report.
  followBadgePreference(() => findings.termCounts());
  registerOpenView(router);
  const recent = registerRecentTerms(router, { conceptCard: (id) => store.conceptCard(id), keep: async () => (await getPreferences()).recentTerms });
  store.onImported(() => void recent.datasetChanged().catch(() => undefined));
  const saved = registerSavedSummaries(router, { summary: (id) => store.summary(id) });
  store.onImported(() => void saved.datasetChanged().catch(() => undefined));
  // Open pages no content script reads: on a site the reader has just allowed (the popup asks; the browser's menu
  // too), or open before this install or update (Firefox starts scripts there itself).
  readOpenTabs({ afterInstall: !import.meta.env.FIREFOX });
  const lookupMenu = registerLookupMenu();
  prepareMatcherOnPageLoad(terms);
  forwardToggleCommand();
  browser.runtime.onMessage.addListener(router.listener);
  // The extension's own pages post to the worker directly (see lib/messaging/client.ts).
  if ('ServiceWorkerGlobalScope' in globalThis) self.addEventListener('message', router.workerListener as unknown as EventListener);
  // For the worker's devtools console, the bench and the browser tests: the store, its queries and search, timed where they
  // run, and the lookup menu's action (a test cannot click a browser menu).
  Object.assign(globalThis, { evidenceLens: { store, queries, search, findings, terms, lookupMenu, siteAccess: { readTabNow } } });

  // Every start of the worker checks the bundled dataset (installs it, updates it, or resumes its import;
  // in memory when IndexedDB is unavailable or full).
  store.ensureBundled().catch((error: unknown) => console.error('Evidence Lens: bundled dataset import failed:', error));
});
