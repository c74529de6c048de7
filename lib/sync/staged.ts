// Import from a file: the settings page puts the picked files (or a zip's entries) in a Cache Storage
// cache of the extension's origin, which the background shares, and the background imports them from
// there. Nothing large crosses the message channel, and a worker stopped midway still finds the files.
// Each import stages under an id of its own: two settings tabs importing at once share the cache, and one
// clearing or overwriting the other's files made both fail (or import a mix of them).
import { textWithDigest } from '../dataset/hash.ts';
import type { DatasetSource } from '../db/import.ts';
import { validateManifest } from '../dataset/validate.ts';
import { acceptedImportsItem, lastSyncItem, syncJobItem } from './state.ts';

export const STAGING_CACHE = 'evidence-lens-import';
/** Cache keys must be http(s) URLs; `.invalid` never resolves, so nothing is ever fetched from it. */
const BASE = 'https://evidence-lens.invalid/import/';
/**
 * Holds what the reader picked and when, as JSON (older versions: the name alone), while the import is under way;
 * no dataset file's name starts with a dot.
 */
const MARK = '.picked';
/** Held by the settings page for as long as it works on one import (per id): the browser lets it go when the page closes. */
const lockOf = (id: string) => `evidence-lens-staging/${id}`;

interface Mark {
  name: string;
  at?: string;
}

const readMark = (text: string): Mark => {
  try {
    const mark = JSON.parse(text) as Partial<Mark>;
    if (typeof mark?.name === 'string') return { name: mark.name, at: typeof mark.at === 'string' ? mark.at : undefined };
  } catch {
    // An older version's mark: the name alone.
  }
  return { name: text };
};

export type CacheOpener = () => Promise<Cache>;
export const openStaging: CacheOpener = () => caches.open(STAGING_CACHE);

/** An import's file's key; the id '' is the single shared folder of versions before ids (a job they left resumes). */
const keyOf = (id: string, path: string) => `${BASE}${id ? `${id}/` : ''}${encodeURIComponent(path)}`;
const keyString = (request: Request | string) => (typeof request === 'string' ? request : request.url);
/** The import a key belongs to ('' for the shared folder of older versions). */
const idOf = (key: string) => {
  const rest = key.slice(BASE.length);
  return rest.includes('/') ? rest.slice(0, rest.indexOf('/')) : '';
};

export async function putStaged(open: CacheOpener, id: string, path: string, body: Blob): Promise<void> {
  await (await open()).put(keyOf(id, path), new Response(body));
}

/** Remove one import's files, and those alone. */
export async function clearStaged(open: CacheOpener, id: string): Promise<void> {
  const cache = await open();
  for (const request of await cache.keys()) if (idOf(keyString(request)) === id) await cache.delete(request);
}

/** One import's staged files as a dataset source; `name` (what the reader picked) is shown as its origin. */
export async function stagedSource(open: CacheOpener, id: string, name: string): Promise<DatasetSource> {
  const cache = await open();
  const read = async (path: string) => {
    const response = await cache.match(keyOf(id, path));
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

/**
 * Work on one import of picked files (stage them, then ask the background to import them) under a new id, marked
 * with what was picked and held by this page until `work` ends. The background clears the id's files, mark and
 * all, when its import ends.
 */
export async function withStaging<T>(open: CacheOpener, name: string, work: (id: string) => Promise<T>, locks: LockManager = navigator.locks): Promise<T> {
  const id = crypto.randomUUID();
  return locks.request(lockOf(id), async () => {
    await putStaged(open, id, MARK, new Blob([JSON.stringify({ name, at: new Date().toISOString() } satisfies Mark)]));
    return work(id);
  });
}

/**
 * Files no page, no job and no import the background accepted hold: a pick whose settings page closed while staging it (its mark says what it was), or
 * what older versions left. They go, and "Last sync" says which import stopped. Another page's import, or the one
 * the background is running, is left alone.
 */
export async function recoverInterruptedStaging(open: CacheOpener, now = () => new Date(), locks: LockManager = navigator.locks): Promise<void> {
  const cache = await open();
  // The keys first: an import begun after this look took its lock before its first file, so the query sees it.
  const keys = (await cache.keys()).map(keyString);
  const held = new Set(((await locks.query()).held ?? []).map((lock) => lock.name));
  const job = await syncJobItem.getValue();
  // An import the background accepted waits in its queue with no job naming it yet, and its page may be closed.
  const accepted = new Set((await acceptedImportsItem.getValue()).map((a) => a.staging));
  for (const id of new Set(keys.map(idOf))) {
    if (held.has(lockOf(id)) || accepted.has(id) || (job?.kind === 'file' && (job.staging ?? '') === id)) continue;
    const found = await cache.match(keyOf(id, MARK));
    const mark = found ? readMark(await found.text()) : undefined;
    await clearStaged(open, id);
    if (!mark?.name) continue;
    const { name } = mark;
    // An update recorded since this pick (its own end, given up or failed, whose files stayed) says more than this.
    const last = await lastSyncItem.getValue();
    if (last && (!mark.at || last.at >= mark.at)) continue;
    await lastSyncItem.setValue({
      kind: 'file',
      source: name,
      trigger: 'reader',
      at: now().toISOString(),
      result: 'cancelled',
      message: `The import of ${name} stopped when the settings page was closed, so nothing was changed: pick the files again.`,
    });
  }
}
