// Import from a file: the settings page puts the picked files (or a zip's entries) in a Cache Storage
// cache of the extension's origin, which the background shares, and the background imports them from
// there. Nothing large crosses the message channel, and a worker stopped midway still finds the files.
import { textWithDigest } from '../dataset/hash.ts';
import type { DatasetSource } from '../db/import.ts';
import { validateManifest } from '../dataset/validate.ts';
import { lastSyncItem, stagingItem, syncJobItem } from './state.ts';

export const STAGING_CACHE = 'evidence-lens-import';
/** Cache keys must be http(s) URLs; `.invalid` never resolves, so nothing is ever fetched from it. */
const BASE = 'https://evidence-lens.invalid/import/';

export type CacheOpener = () => Promise<Cache>;
export const openStaging: CacheOpener = () => caches.open(STAGING_CACHE);

export async function putStaged(open: CacheOpener, path: string, body: Blob): Promise<void> {
  await (await open()).put(BASE + encodeURIComponent(path), new Response(body));
}

export async function clearStaged(open: CacheOpener): Promise<void> {
  const cache = await open();
  for (const request of await cache.keys()) await cache.delete(request);
}

/** The staged files as a dataset source; `name` (what the reader picked) is shown as its origin. */
export async function stagedSource(open: CacheOpener, name: string): Promise<DatasetSource> {
  const cache = await open();
  const read = async (path: string) => {
    const response = await cache.match(BASE + encodeURIComponent(path));
    if (!response) throw new Error(`The picked files do not include ${path}, which the manifest lists.`);
    return textWithDigest(new Uint8Array(await response.arrayBuffer()));
  };
  let json: unknown;
  try {
    json = JSON.parse((await read('manifest.json')).text);
  } catch (error) {
    if (error instanceof SyntaxError) throw new Error('The picked manifest.json is not valid JSON: pick the manifest.json published with the dataset.');
    throw new Error('The picked files have no manifest.json: pick the manifest with its files, or one .zip of them.');
  }
  return {
    origin: `file: ${name}`,
    manifest: validateManifest(json),
    readFile: read,
    mismatchAdvice: 'Pick the files published together with this manifest (or their .zip), as they are.',
  };
}

/** Held by the settings page while it stages a pick: the browser lets it go when the page closes. */
const STAGING_LOCK = 'evidence-lens-staging';

/** Stage a pick under the lock, marked as under way until `stage` ends. */
export async function withStagingMark<T>(name: string, stage: () => Promise<T>): Promise<T> {
  return navigator.locks.request(STAGING_LOCK, async () => {
    await stagingItem.setValue({ name });
    try {
      return await stage();
    } finally {
      await stagingItem.setValue(null);
    }
  });
}

/**
 * A pick whose settings page closed while staging it left its files in the cache and no word of it: on the next
 * settings page, the files go and "Last sync" says what happened. Not while another page still stages (its lock).
 */
export async function recoverInterruptedStaging(open: CacheOpener, now = () => new Date()): Promise<void> {
  await navigator.locks.request(STAGING_LOCK, { ifAvailable: true }, async (lock) => {
    const mark = await stagingItem.getValue();
    if (!lock || !mark || (await syncJobItem.getValue())) return;
    await clearStaged(open).catch(() => undefined);
    await stagingItem.setValue(null);
    await lastSyncItem.setValue({
      kind: 'file',
      source: mark.name,
      trigger: 'reader',
      at: now().toISOString(),
      result: 'cancelled',
      message: `The import of ${mark.name} stopped when the settings page was closed, so nothing was changed: pick the files again.`,
    });
  });
}
