import { describe, expect, test, vi } from 'vitest';
import { EvidenceStore } from '../../../lib/db/service';
import { getSummary } from '../../../lib/db/queries';
import { getPending } from '../../../lib/db/pending';
import { openDatabase } from '../../../lib/db/schema';
import { CANCELLED, STORAGE_FULL, readerMessage } from '../../../lib/sync/errors';
import { cancelTarget } from '../../../lib/sync/cancel';
import { SyncService } from '../../../lib/sync/service';
import { putStaged, recoverInterruptedStaging, withStaging } from '../../../lib/sync/staged';
import { Router } from '../../../lib/messaging/router';
import { fakeLocks } from '../../helpers/fake-locks';
import { memoryCache } from '../../helpers/memory-cache';
import { acceptedImportsItem, lastSyncItem, syncJobItem } from '../../../lib/sync/state';
import { urlSource } from '../../../lib/sync/url-source';
import type { Summary } from '../../../lib/dataset/types';
import { concept, memoryDataset, research, type MemoryDataset } from '../../helpers/memory-dataset';

const CONCEPTS = Array.from({ length: 10 }, (_, i) => concept(`C:${i}`, `Condition ${i}`));
const SUMMARIES = Array.from({ length: 20 }, (_, i) => research(String(100 + i), [`C:${i % 10}`], 2010));
const URL_ = 'https://data.example.org/manifest.json';

/** Serves a memory dataset by file name; `override` replaces single answers. */
function server(data: MemoryDataset, override: Record<string, () => Response | Promise<Response>> = {}) {
  const seen: string[] = [];
  const fetchFn: typeof fetch = async (input) => {
    const name = String(input).split('/').pop()!;
    seen.push(name);
    if (override[name]) return override[name]();
    if (name === 'manifest.json') return new Response(JSON.stringify(data.manifest));
    const text = data.files.get(name);
    return text === undefined ? new Response('', { status: 404 }) : new Response(text);
  };
  return { fetchFn, seen };
}

const setup = async (deps: ConstructorParameters<typeof SyncService>[1]) => {
  const db = await openDatabase();
  const store = new EvidenceStore({ open: async () => db });
  return { db, store, sync: new SyncService(store, deps) };
};

/** v1 installed by a sync; the next sync's server (switched with `serve`) publishes v2 with its last file answered by `last`. */
async function installedThenV2(last: () => Response) {
  const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
  const v2 = memoryDataset('v2', CONCEPTS, SUMMARIES.slice(1));
  let current = server(v1);
  const parts = await setup({ fetchFn: (...a) => current.fetchFn(...a) });
  await parts.sync.syncUrl(URL_);
  const lastPath = v2.manifest.files.at(-1)!.path;
  current = server(v2, { [lastPath]: last });
  const serve = (data: MemoryDataset) => (current = server(data));
  return { ...parts, v2, lastPath, serve };
}

/** The bundled dataset's restore, held after it has begun reading until `release`. */
async function slowRestore(store: EvidenceStore) {
  const bundled = memoryDataset('b1', CONCEPTS, SUMMARIES, { origin: 'bundled' });
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let started!: () => void;
  const reading = new Promise<void>((r) => (started = r));
  const restoring = store.import({ ...bundled, readFile: async (p) => (started(), await gate, bundled.readFile(p)) }, { force: true });
  await reading;
  return { restoring, release };
}

describe('sync service', () => {
  test('a good sync switches the dataset and records the outcome; the same version again is a no-op', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const { db, sync } = await setup(server(v1));
    const reply = await sync.syncUrl(URL_);
    expect(reply).toMatchObject({ status: 'imported', meta: { version: 'v1', origin: URL_ }, filesReused: 0 });
    expect(await lastSyncItem.getValue()).toMatchObject({ result: 'imported', version: 'v1', kind: 'url', source: URL_ });
    expect(await syncJobItem.getValue()).toBeNull();
    expect(await getSummary(db, 'pmid:100')).toBeDefined();
    expect(await sync.syncUrl(URL_)).toMatchObject({ status: 'unchanged' });
    expect((await lastSyncItem.getValue())?.message).toBe('Already up to date: version v1 is installed.');
  });

  test('the same version with a corrected file is an update, not "already up to date"', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const corrected = memoryDataset('v1', CONCEPTS, SUMMARIES.map((s, i) => (i === 3 ? ({ ...s, bottomLine: 'Corrected.' } as Summary) : s)));
    let current = server(v1);
    const { db, sync } = await setup({ fetchFn: (...a) => current.fetchFn(...a) });
    await sync.syncUrl(URL_);
    current = server(corrected);
    expect(await sync.syncUrl(URL_)).toMatchObject({ status: 'imported', filesRead: 1 });
    expect(await getSummary(db, 'pmid:103')).toMatchObject({ bottomLine: 'Corrected.' });
  });

  test('an update downloads only changed files and says so', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const edited = SUMMARIES.map((s, i) => (i === 3 ? ({ ...s, bottomLine: 'New.' } as Summary) : s));
    const v2 = memoryDataset('v2', CONCEPTS, edited);
    let current = server(v1);
    const { db, sync } = await setup({ fetchFn: (...a) => current.fetchFn(...a) });
    await sync.syncUrl(URL_);
    current = server(v2);
    const reply = await sync.syncUrl(URL_);
    expect(current.seen).toEqual(['manifest.json', expect.stringMatching(/^summaries-/)]);
    expect(reply).toMatchObject({ status: 'imported', filesRead: 1, filesReused: v2.manifest.files.length - 1 });
    expect((await lastSyncItem.getValue())?.message).toBe(`Updated to version v2 (1 of ${v2.manifest.files.length} files downloaded, the rest unchanged).`);
    expect(await getSummary(db, 'pmid:103')).toMatchObject({ bottomLine: 'New.' });
  });

  test('a download cut off keeps the old dataset, records one sentence, and the next try goes on after the last finished file', async () => {
    const { db, sync, store, v2, lastPath: last, serve } = await installedThenV2(() => new Response('', { status: 404 }));
    await expect(sync.syncUrl(URL_)).rejects.toThrow(/answered HTTP 404/);
    expect(await lastSyncItem.getValue()).toMatchObject({ result: 'failed', message: expect.stringMatching(/^The download of summaries-\d+\.jsonl failed: the server answered HTTP 404 \(the server lacks a file its manifest lists: try again in a few minutes, and if this goes on, tell its publisher\)\.$/) });
    expect((await store.status()).installed?.version).toBe('v1');
    expect(await getSummary(db, 'pmid:100')).toBeDefined();
    // What was written is kept for the next try (a large dataset over a poor connection is not fetched again whole).
    expect((await getPending(db))?.manifest.version).toBe('v2');
    const current = serve(v2);
    await expect(sync.syncUrl(URL_)).resolves.toMatchObject({ status: 'imported' });
    expect(current.seen).toEqual(['manifest.json', last]);
    expect(await getPending(db)).toBeUndefined();
  });

  test('a failure of the dataset itself (a file that fails its checksum) leaves nothing half-written', async () => {
    const { db, sync, store } = await installedThenV2(() => new Response('{"id":"x"}\n'));
    await expect(sync.syncUrl(URL_)).rejects.toThrow();
    expect(await lastSyncItem.getValue()).toMatchObject({ result: 'failed' });
    expect((await store.status()).installed?.version).toBe('v1');
    expect(await getPending(db)).toBeUndefined();
  });

  test('a sync given up after stopping the worker three times leaves no half-written dataset', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const { db, sync, store } = await setup(server(v1));
    const failing = server(v1, { [v1.manifest.files.at(-1)!.path]: () => new Response('', { status: 404 }) });
    // The worker stopped midway, three times: the files before it are written, and the job is given up.
    await expect(store.import(await urlSource(URL_, failing.fetchFn))).rejects.toThrow(/404/);
    expect(await getPending(db)).toBeDefined();
    await syncJobItem.setValue({ kind: 'url', source: URL_, trigger: 'resume', startedAt: '2026-01-01T00:00:00Z', resumes: 3 });
    expect(await sync.resumeInterrupted()).toBe(true);
    expect(await getPending(db)).toBeUndefined();
    expect((await store.status()).installed).toBeUndefined();
  });

  test('a sync stopped with the worker resumes after its last finished file', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const paths = v1.manifest.files.map((f) => f.path);
    const { store } = await setup({});
    // The worker stops while the third file downloads: the first two are written, the job is kept.
    await expect(store.import(await urlSource(URL_, server(v1, { [paths[2]]: () => Promise.reject(new TypeError('stopped')) }).fetchFn))).rejects.toThrow();
    await syncJobItem.setValue({ kind: 'url', source: URL_, trigger: 'reader', startedAt: '2026-01-01T00:00:00Z', resumes: 0 });
    const resumed = server(v1);
    const sync = new SyncService(store, resumed);
    expect(await sync.resumeInterrupted()).toBe(true);
    expect(resumed.seen).toEqual(['manifest.json', ...paths.slice(2)]);
    expect(await lastSyncItem.getValue()).toMatchObject({ result: 'imported', trigger: 'resume' });
  });

  test('cancel midway: nothing changes, nothing is left to resume', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const v2 = memoryDataset('v2', CONCEPTS.slice(1), SUMMARIES);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let current = server(v1);
    const { db, sync, store } = await setup({ fetchFn: (...a) => current.fetchFn(...a) });
    await sync.syncUrl(URL_);
    const slowPath = v2.manifest.files[2].path;
    current = server(v2, {
      [slowPath]: async () => {
        release();
        await new Promise((r) => setTimeout(r, 50));
        return new Response(v2.files.get(slowPath));
      },
    });
    const running = sync.syncUrl(URL_, 'reader', 'page-1');
    await gate;
    expect(sync.cancel({ update: 'page-2' })).toBe(false);
    expect(sync.cancel({ update: 'page-1' })).toBe(true);
    await expect(running).rejects.toThrow(CANCELLED);
    expect((await lastSyncItem.getValue())?.result).toBe('cancelled');
    expect((await store.status()).installed?.version).toBe('v1');
    expect(await getPending(db)).toBeUndefined();
  });

  test("cancelling a sync that waits behind another import cancels the sync alone", async () => {
    const { db, store } = await setup({});
    const { restoring, release } = await slowRestore(store);
    const url = server(memoryDataset('u1', CONCEPTS.slice(1), SUMMARIES));
    const sync = new SyncService(store, url);
    const syncing = sync.syncUrl(URL_, 'reader', 'page-1');
    await vi.waitFor(() => expect(url.seen).toEqual(['manifest.json']));
    expect(sync.cancel({ update: 'page-1' })).toBe(true);
    release();
    await expect(restoring).resolves.toMatchObject({ status: 'imported' });
    await expect(syncing).rejects.toThrow(CANCELLED);
    expect(url.seen).toEqual(['manifest.json']);
    expect((await store.status()).installed?.version).toBe('b1');
    expect(await getPending(db)).toBeUndefined();
  });

  test('a job left by a stopped worker is resumed on the next start', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const { sync, store } = await setup(server(v1));
    await syncJobItem.setValue({ kind: 'url', source: URL_, trigger: 'reader', startedAt: '2026-01-01T00:00:00Z', resumes: 0 });
    expect(await sync.resumeInterrupted()).toBe(true);
    expect((await store.status()).installed?.version).toBe('v1');
    expect(await lastSyncItem.getValue()).toMatchObject({ result: 'imported', trigger: 'resume' });
    expect(await syncJobItem.getValue()).toBeNull();
    expect(await sync.resumeInterrupted()).toBe(false);
  });

  test('a job that keeps stopping the worker is given up', async () => {
    const { sync } = await setup(server(memoryDataset('v1', CONCEPTS, SUMMARIES)));
    await syncJobItem.setValue({ kind: 'url', source: URL_, trigger: 'resume', startedAt: '2026-01-01T00:00:00Z', resumes: 3 });
    expect(await sync.resumeInterrupted()).toBe(true);
    expect(await lastSyncItem.getValue()).toMatchObject({ result: 'failed', message: expect.stringContaining('given up') });
  });

  test('import of staged files, and staged files missing one', async () => {
    const staging = memoryCache();
    const data = memoryDataset('file-v1', CONCEPTS, SUMMARIES);
    const { sync, store } = await setup({ staging });
    await putStaged(staging, 'a', 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
    for (const [path, text] of [...data.files].slice(1)) await putStaged(staging, 'a', path, new Blob([text]));
    await expect(sync.importStaged('dataset.zip', 'a')).rejects.toThrow(`The picked files do not include ${data.manifest.files[0].path}, which the manifest lists.`);
    expect((await store.status()).installed).toBeUndefined();

    await putStaged(staging, 'b', 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
    for (const [path, text] of data.files) await putStaged(staging, 'b', path, new Blob([text]));
    expect(await sync.importStaged('dataset.zip', 'b')).toMatchObject({ status: 'imported', meta: { origin: 'file: dataset.zip' } });
    expect(await lastSyncItem.getValue()).toMatchObject({ kind: 'file', result: 'imported', message: 'Updated to version file-v1.' });
    // Staged files are removed once imported.
    expect(await (await staging()).keys()).toEqual([]);
    await expect(sync.importStaged('again.zip', 'b')).rejects.toThrow(/have no manifest\.json/);
  });

  test("two settings tabs importing at once: each import reads and clears its own staged files, never the other's", async () => {
    const staging = memoryCache();
    const first = memoryDataset('first', CONCEPTS, SUMMARIES);
    const second = memoryDataset('second', CONCEPTS, SUMMARIES.slice(2));
    const { sync } = await setup({ staging });
    const stage = async (id: string, data: MemoryDataset) => {
      await putStaged(staging, id, 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
      for (const [path, text] of data.files) await putStaged(staging, id, path, new Blob([text]));
    };
    await stage('tab-1', first);
    // The second tab stages the same file names meanwhile: they overwrote the first's (a mix was imported).
    await stage('tab-2', second);
    expect(await sync.importStaged('first.zip', 'tab-1')).toMatchObject({ status: 'imported', meta: { version: 'first' } });
    // The first import's cleanup leaves the second's files, which it then imports whole.
    const left = (await (await staging()).keys()).map(String);
    expect(left.length).toBe(second.files.size + 1);
    expect(left.every((key) => key.includes('/tab-2/'))).toBe(true);
    expect(await sync.importStaged('second.zip', 'tab-2')).toMatchObject({ status: 'imported', meta: { version: 'second' } });
    expect(await (await staging()).keys()).toEqual([]);
  });

  test('browser errors become one sentence', () => {
    expect(readerMessage(new DOMException('quota', 'QuotaExceededError'))).toBe(STORAGE_FULL);
    expect(readerMessage(Object.assign(new Error('tx aborted'), { cause: new DOMException('q', 'QuotaExceededError') }))).toBe(STORAGE_FULL);
    expect(readerMessage(new DOMException('x', 'AbortError'))).toBe(CANCELLED);
    expect(readerMessage(new Error('summaries-001.jsonl, line 3: not valid JSON.'))).toBe('summaries-001.jsonl, line 3: not valid JSON.');
  });

  test('a full disk during the import keeps the old dataset and frees what was written', async () => {
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const { db, sync, store } = await setup(server(v1));
    await sync.syncUrl(URL_);
    const v2 = memoryDataset('v2', CONCEPTS.slice(2), SUMMARIES);
    // The store's database refuses writes after the first file, as a full disk does.
    const realTransaction = db.transaction.bind(db);
    let writes = 0;
    (db as { transaction: unknown }).transaction = ((stores: never, mode?: IDBTransactionMode) => {
      const tx = realTransaction(stores, mode);
      // File writes (buckets and meta together) fail from the second file on; deletes still work.
      if (mode === 'readwrite' && Array.isArray(stores) && ++writes > 1) {
        const done = Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
        done.catch(() => undefined);
        const store = { put: async () => undefined };
        return { objectStore: () => store, done };
      }
      return tx;
    }) as never;
    const failing = new SyncService(store, server(v2));
    await expect(failing.syncUrl(URL_)).rejects.toThrow(STORAGE_FULL);
    (db as { transaction: unknown }).transaction = realTransaction;
    expect((await store.status()).installed?.version).toBe('v1');
    expect(await getPending(db)).toBeUndefined();
  });
});

test('two updates asked at once run one after the other; the second finds the first installed', async () => {
  const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
  const { sync, store } = await setup(server(v1));
  const [a, b] = await Promise.all([sync.syncUrl(URL_), sync.syncUrl(URL_, 'schedule')]);
  expect(a.status).toBe('imported');
  expect(b.status).toBe('unchanged');
  expect((await store.status()).installed?.version).toBe('v1');
  expect(await syncJobItem.getValue()).toBeNull();
});

/** Staged files whose data files, under `slowId`, are read only once `release` is called (a big import). */
function slowStaging(slowId: string) {
  const base = memoryCache();
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reading = false;
  const staging: typeof base = async () => {
    const cache = await base();
    return new Proxy(cache, {
      get(target, prop) {
        if (prop !== 'match') return (target as never)[prop];
        return async (key: string) => {
          if (key.includes(`/${slowId}/`) && !key.endsWith('manifest.json')) {
            reading = true;
            await gate;
          }
          return target.match(key);
        };
      },
    });
  };
  const stage = async (id: string, data: MemoryDataset) => {
    await putStaged(base, id, 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
    for (const [path, text] of data.files) await putStaged(base, id, path, new Blob([text]));
  };
  return { base, staging, stage, release, reading: () => reading };
}

test("a tab's Cancel while its import waits behind another tab's stops its own import, and the running one goes on", async () => {
  const slow = slowStaging('tab-a');
  const { sync, store } = await setup({ staging: slow.staging });
  await slow.stage('tab-a', memoryDataset('A', CONCEPTS, SUMMARIES));
  await slow.stage('tab-b', memoryDataset('B', CONCEPTS, SUMMARIES.slice(3)));
  const a = sync.importStaged('a.zip', 'tab-a');
  const b = sync.importStaged('b.zip', 'tab-b');
  await vi.waitFor(() => expect(slow.reading()).toBe(true));
  // Tab B's reader presses Cancel: its page names its own import.
  expect(sync.cancel({ update: 'tab-b' })).toBe(true);
  slow.release();
  await expect(a).resolves.toMatchObject({ status: 'imported', meta: { version: 'A' } });
  await expect(b).rejects.toThrow(CANCELLED);
  expect((await store.status()).installed?.version).toBe('A');
  expect(await lastSyncItem.getValue()).toMatchObject({ source: 'b.zip', result: 'cancelled' });
  // B's files went with it; it is no longer there to cancel.
  expect(await (await slow.base()).keys()).toEqual([]);
  expect(sync.cancel({ update: 'tab-b' })).toBe(false);
});

test("cancelling a page's import does not stop the scheduled sync running meanwhile", async () => {
  const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let reached = false;
  const slowPath = v1.manifest.files[1].path;
  const staging = memoryCache();
  const { sync, store } = await setup({ staging, ...server(v1, { [slowPath]: async () => ((reached = true), await gate, new Response(v1.files.get(slowPath))) }) });
  const scheduled = sync.syncUrl(URL_, 'schedule');
  await vi.waitFor(() => expect(reached).toBe(true));
  await putStaged(staging, 'tab-a', 'manifest.json', new Blob([JSON.stringify(memoryDataset('A', CONCEPTS, SUMMARIES).manifest)]));
  const picked = sync.importStaged('a.zip', 'tab-a');
  expect(sync.cancel({ update: 'tab-a' })).toBe(true);
  release();
  await expect(scheduled).resolves.toMatchObject({ status: 'imported', meta: { version: 'v1' } });
  await expect(picked).rejects.toThrow(CANCELLED);
  expect((await store.status()).installed?.version).toBe('v1');
});

test('a file import queued behind another, whose page then closed, keeps its files when the next settings page opens', async () => {
  const slow = slowStaging('other');
  const locks = fakeLocks();
  const { sync, store } = await setup({ staging: slow.staging });
  await slow.stage('other', memoryDataset('other', CONCEPTS, SUMMARIES));
  const other = sync.importStaged('other.zip', 'other');
  await vi.waitFor(() => expect(slow.reading()).toBe(true));
  // Tab A stages a.zip and asks the background; its import queues. Then tab A is closed (its lock goes).
  let idA = '';
  let queued!: Promise<unknown>;
  await withStaging(
    slow.base,
    'a.zip',
    async (id) => {
      idA = id;
      await slow.stage(id, memoryDataset('A', CONCEPTS, SUMMARIES.slice(4)));
      queued = sync.importStaged('a.zip', id);
      await vi.waitFor(async () => expect((await acceptedImportsItem.getValue()).map((a) => a.staging)).toContain(id));
    },
    locks,
  );
  // Another settings tab opens meanwhile: its recovery leaves A's files.
  await recoverInterruptedStaging(slow.base, () => new Date('2026-02-01T00:00:00Z'), locks);
  slow.release();
  await other;
  await expect(queued).resolves.toMatchObject({ status: 'imported', meta: { version: 'A' } });
  expect((await store.status()).installed?.version).toBe('A');
  expect(await lastSyncItem.getValue()).toMatchObject({ source: 'a.zip', result: 'imported' });
  // Both imports ended: nothing is left accepted, or staged.
  expect(await acceptedImportsItem.getValue()).toEqual([]);
  expect(await (await slow.base()).keys()).toEqual([]);
  expect(idA).not.toBe('');
});

test("a worker's start frees the file imports a stopped worker had queued, and resumes the one its job names", async () => {
  const staging = memoryCache();
  const data = memoryDataset('v1', CONCEPTS, SUMMARIES);
  const stage = async (id: string) => {
    await putStaged(staging, id, 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
    for (const [path, text] of data.files) await putStaged(staging, id, path, new Blob([text]));
  };
  await stage('running');
  await stage('queued');
  await syncJobItem.setValue({ kind: 'file', source: 'running.zip', staging: 'running', id: 'running', trigger: 'reader', startedAt: '2026-01-01T00:00:00Z', resumes: 0 });
  await acceptedImportsItem.setValue([
    { staging: 'running', worker: 'stopped' },
    { staging: 'queued', worker: 'stopped' },
  ]);
  const { sync, store } = await setup({ staging });
  expect(await sync.resumeInterrupted()).toBe(true);
  expect((await store.status()).installed?.version).toBe('v1');
  expect(await (await staging()).keys()).toEqual([]);
  expect(await acceptedImportsItem.getValue()).toEqual([]);
});

test("a file import given up after three worker stops frees its files, and the next settings page leaves \"Last sync\"'s reason", async () => {
  const staging = memoryCache();
  const locks = fakeLocks();
  const data = memoryDataset('v1', CONCEPTS, SUMMARIES);
  // The settings page staged big.zip and asked the background; the worker then kept stopping.
  let id = '';
  await withStaging(
    staging,
    'big.zip',
    async (staged) => {
      id = staged;
      await putStaged(staging, id, 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
      for (const [path, text] of data.files) await putStaged(staging, id, path, new Blob([text]));
    },
    locks,
  );
  await syncJobItem.setValue({ kind: 'file', source: 'big.zip', staging: id, id, trigger: 'resume', startedAt: '2026-01-01T00:00:00Z', resumes: 3 });
  await acceptedImportsItem.setValue([{ staging: id, worker: 'stopped' }]);
  const { sync } = await setup({ staging });
  expect(await sync.resumeInterrupted()).toBe(true);
  expect(await (await staging()).keys()).toEqual([]);
  expect(await acceptedImportsItem.getValue()).toEqual([]);
  // The reader opens the settings page to see why.
  await recoverInterruptedStaging(staging, () => new Date('2099-01-01T00:00:00Z'), locks);
  expect(await lastSyncItem.getValue()).toMatchObject({ source: 'big.zip', result: 'failed', message: expect.stringContaining('given up') });
});

test("the restore's Cancel stops the restore, even with a sync waiting behind it, and never a sync's import", async () => {
  const { store } = await setup({});
  const { restoring, release } = await slowRestore(store);
  const url = server(memoryDataset('u1', CONCEPTS.slice(1), SUMMARIES));
  const sync = new SyncService(store, url);
  const syncing = sync.syncUrl(URL_, 'reader', 'page-1');
  await vi.waitFor(() => expect(url.seen).toEqual(['manifest.json']));
  expect(sync.cancel({ restore: true })).toBe(true);
  release();
  await expect(restoring).rejects.toThrow();
  await expect(syncing).resolves.toMatchObject({ status: 'imported', meta: { version: 'u1' } });
  // Now a sync's import runs: the restore's Cancel has nothing to stop.
  const v2 = memoryDataset('u2', CONCEPTS, SUMMARIES.slice(2));
  let reached!: () => void;
  const midway = new Promise<void>((r) => (reached = r));
  const slowPath = v2.manifest.files[1].path;
  const next = new SyncService(store, server(v2, { [slowPath]: async () => (reached(), new Response(v2.files.get(slowPath))) }));
  const second = next.syncUrl(URL_);
  await midway;
  expect(next.cancel({ restore: true })).toBe(false);
  await expect(second).resolves.toMatchObject({ status: 'imported', meta: { version: 'u2' } });
});

test("a Cancel that reaches the background before its page's sync request: the sync is refused as cancelled, and nothing changes", async () => {
  const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
  const url = server(v1);
  const { db, sync, store } = await setup(url);
  expect(sync.cancel({ update: 'page-1' })).toBe(false);
  await expect(sync.syncUrl(URL_, 'reader', 'page-1')).rejects.toThrow(CANCELLED);
  expect(url.seen).toEqual([]);
  expect(await lastSyncItem.getValue()).toMatchObject({ source: URL_, result: 'cancelled', message: CANCELLED });
  expect(await syncJobItem.getValue()).toBeNull();
  expect((await store.status()).installed).toBeUndefined();
  expect(await getPending(db)).toBeUndefined();
  // The Cancel named that sync alone, once: another is not refused.
  await expect(sync.syncUrl(URL_, 'reader', 'page-2')).resolves.toMatchObject({ status: 'imported', meta: { version: 'v1' } });
});

test('a Cancel answered by a worker that then stops still refuses the request the next worker gets', async () => {
  const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
  const url = server(v1);
  const { store, sync: first } = await setup(url);
  const router = new Router();
  first.register(router);
  await expect(router.listener({ type: 'dataset/cancel', request: { update: 'page-1' } }, {})).resolves.toEqual({ ok: true, value: { cancelled: false } });
  const next = new SyncService(store, url);
  await expect(next.syncUrl(URL_, 'reader', 'page-1')).rejects.toThrow(CANCELLED);
  expect(url.seen).toEqual([]);
  expect((await store.status()).installed).toBeUndefined();
});

test("a file import cancelled before its request came is refused, and its staged files go", async () => {
  const staging = memoryCache();
  const data = memoryDataset('A', CONCEPTS, SUMMARIES);
  const { sync, store } = await setup({ staging });
  await putStaged(staging, 'tab-a', 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
  for (const [path, text] of data.files) await putStaged(staging, 'tab-a', path, new Blob([text]));
  expect(sync.cancel({ update: 'tab-a' })).toBe(false);
  await expect(sync.importStaged('a.zip', 'tab-a')).rejects.toThrow(CANCELLED);
  expect(await lastSyncItem.getValue()).toMatchObject({ source: 'a.zip', result: 'cancelled' });
  expect((await store.status()).installed).toBeUndefined();
  expect(await (await staging()).keys()).toEqual([]);
  expect(await acceptedImportsItem.getValue()).toEqual([]);
});

/** A sync job as an older version stored it (no id), left by a stopped worker after the first files of v1. */
async function olderVersionJobHalfDone() {
  const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
  const paths = v1.manifest.files.map((f) => f.path);
  const { db, store } = await setup({});
  await expect(store.import(await urlSource(URL_, server(v1, { [paths[2]]: () => Promise.reject(new TypeError('stopped')) }).fetchFn))).rejects.toThrow();
  await syncJobItem.setValue({ kind: 'url', source: URL_, trigger: 'schedule', startedAt: '2026-01-01T00:00:00Z', resumes: 0 });
  /** The settings page's Cancel for the job it shows running. */
  const pageCancel = async () => cancelTarget({ staging: false, job: await syncJobItem.getValue(), importing: true });
  return { db, store, v1, paths, pageCancel };
}

test('a job stored by an older version, with no id, is stopped by the Cancel of the page that shows it running', async () => {
  const { db, store, v1, paths, pageCancel } = await olderVersionJobHalfDone();
  let reached!: () => void;
  const midway = new Promise<void>((r) => (reached = r));
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const sync = new SyncService(store, server(v1, { [paths[3]]: async () => (reached(), await gate, new Response(v1.files.get(paths[3]))) }));
  const resuming = sync.resumeInterrupted();
  await midway;
  const target = await pageCancel();
  expect(target).toBeDefined();
  expect(sync.cancel(target!)).toBe(true);
  release();
  expect(await resuming).toBe(true);
  expect(await lastSyncItem.getValue()).toMatchObject({ result: 'cancelled', message: CANCELLED });
  expect(await syncJobItem.getValue()).toBeNull();
  expect((await store.status()).installed).toBeUndefined();
  expect(await getPending(db)).toBeUndefined();
});

test("a Cancel of an older version's job that reaches the next worker before it resumes the job: the job is dropped with what it wrote", async () => {
  const { db, store, v1, pageCancel } = await olderVersionJobHalfDone();
  const url = server(v1);
  const sync = new SyncService(store, url);
  expect(sync.cancel((await pageCancel())!)).toBe(false);
  expect(await sync.resumeInterrupted()).toBe(true);
  expect(url.seen).toEqual([]);
  expect(await lastSyncItem.getValue()).toMatchObject({ result: 'cancelled', trigger: 'resume' });
  expect(await syncJobItem.getValue()).toBeNull();
  expect((await store.status()).installed).toBeUndefined();
  expect(await getPending(db)).toBeUndefined();
});

test("a file import's job holds its staging id once, and the Cancel of a page that shows it running names it", async () => {
  const slow = slowStaging('tab-a');
  const { sync, store } = await setup({ staging: slow.staging });
  await slow.stage('tab-a', memoryDataset('A', CONCEPTS, SUMMARIES));
  const importing = sync.importStaged('a.zip', 'tab-a');
  await vi.waitFor(() => expect(slow.reading()).toBe(true));
  const job = await syncJobItem.getValue();
  expect(job).toMatchObject({ kind: 'file', staging: 'tab-a' });
  expect(job).not.toHaveProperty('id');
  const target = cancelTarget({ staging: false, job, importing: true });
  expect(target).toEqual({ update: 'tab-a' });
  expect(sync.cancel(target!)).toBe(true);
  slow.release();
  await expect(importing).rejects.toThrow(CANCELLED);
  expect((await store.status()).installed).toBeUndefined();
});
