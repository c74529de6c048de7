// Wires the services to the browser: messages, install and start-up. No logic of its own.
import { browser } from 'wxt/browser';
import { bundledSource } from '../lib/dataset/bundled';
import * as queries from '../lib/db/queries';
import { EvidenceStore } from '../lib/db/service';
import { Router } from '../lib/messaging/router';
import { registerSync } from '../lib/sync/service';
import { sessionArea, TabFindings } from '../lib/tabs/findings';

export default defineBackground(() => {
  const router = new Router();
  const bundled = () => bundledSource(browser.runtime.getURL('/dataset/manifest.json'));
  const store = new EvidenceStore({ keepAlive: () => browser.runtime.getPlatformInfo(), bundled });
  store.register(router);
  registerSync(router, store);
  const findings = new TabFindings(sessionArea());
  findings.register(router);
  browser.runtime.onMessage.addListener(router.listener);
  // For the worker's devtools console and the bench: the store and its queries, timed where they run.
  Object.assign(globalThis, { evidenceLens: { store, queries, findings } });

  // Every start of the worker checks the bundled dataset: a first install imports it, an update with a
  // new bundled version replaces it, and an import cut short by a stopped worker resumes. A dataset the
  // reader synced from elsewhere is left alone.
  void (async () => {
    try {
      const status = await store.status();
      const installed = status.installed;
      if (installed && installed.origin !== 'bundled' && status.pending?.origin !== 'bundled') return;
      // An unfinished sync from elsewhere is resumed by lib/sync, not replaced by the bundled dataset.
      if (installed && status.pending && status.pending.origin !== 'bundled') return;
      await store.import(await bundled());
    } catch (error) {
      console.error('Evidence Lens: bundled dataset import failed:', error);
    }
  })();
});
