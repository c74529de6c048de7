// Dataset sync from a URL, as a message the settings page (and the bench) can send.
import type { EvidenceStore } from '../db/service.ts';
import type { Router } from '../messaging/router.ts';
import { urlSource } from './url-source.ts';

export function registerSync(router: Router, store: EvidenceStore, fetchFn: typeof fetch = (...a) => fetch(...a)): void {
  router.on('dataset/sync', async ({ url }) => {
    const started = performance.now();
    const result = await store.import(await urlSource(url, fetchFn));
    return { status: result.status, meta: result.meta, ms: Math.round(performance.now() - started) };
  });
}
