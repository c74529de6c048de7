// The evidence store when IndexedDB is unavailable or full: it holds the bundled dataset in memory, says so
// in its status, re-opens a connection that went away, and answers every query or fails with one sentence.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { importDataset } from '../../../lib/db/import';
import { getActive } from '../../../lib/db/active';
import { memoryDatabase } from '../../../lib/db/memory';
import { openDatabase, type Database } from '../../../lib/db/schema';
import { EvidenceStore, IN_MEMORY, NO_UPDATE_IN_MEMORY, READ_FAILED, type StoreOptions } from '../../../lib/db/service';
import { STORAGE_FULL } from '../../../lib/sync/errors';
import { Router } from '../../../lib/messaging/router';
import type { MessageType, Reply, RequestOf } from '../../../lib/messaging/protocol';
import { concept, memoryDataset, research } from '../../helpers/memory-dataset';

const CONCEPTS = [concept('C:1', 'Wilson disease', { synonyms: ['Hepatolenticular degeneration'], summaryCount: 1 }), concept('C:2', 'Asthma')];
const SUMMARIES = [research('1', ['C:1'], 2012)];
const bundled = () => Promise.resolve(memoryDataset('b1', CONCEPTS, SUMMARIES, { origin: 'bundled' }));

/** A store wired to a router, asked as the popup asks it. */
function storeWith(options: StoreOptions) {
  const store = new EvidenceStore({ bundled, ...options });
  const router = new Router();
  store.register(router);
  const ask = async <T extends MessageType>(type: T, request?: RequestOf<T>) => (await router.listener({ type, request }, {})) as Reply<T>;
  return { store, ask };
}

/** Ready when the bundled dataset answers (its import runs in the background). */
async function installed(store: EvidenceStore) {
  await store.ensureBundled();
  await vi.waitFor(async () => expect((await store.status()).installed?.version).toBe('b1'));
  return store.status();
}

const patched: (() => void)[] = [];
afterEach(() => {
  for (const restore of patched.splice(0)) restore();
});
/** IDBObjectStore.put (fake-indexeddb's, the global one here) throws a full disk's error. */
function fullDisk() {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  patched.push(() => (IDBObjectStore.prototype.put = put));
}

describe('IndexedDB cannot be opened', () => {
  const cases: [string, StoreOptions['open']][] = [
    ['the open fails', () => Promise.reject(new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError'))],
    ['the open throws', () => {
      throw new TypeError('indexedDB is not defined');
    }],
    ['the open never answers (blocked)', () => new Promise<Database>(() => undefined)],
  ];
  test.each(cases)('%s: the bundled dataset is held in memory, and the status says so', async (_, open) => {
    const memory = memoryDatabase();
    const { store, ask } = storeWith({ open, openTimeoutMs: 30, memory: () => memory });
    const status = await installed(store);
    expect(status.storage).toEqual({ kind: 'memory', reason: IN_MEMORY.unavailable });
    expect(await store.db()).toBe(memory);
    expect(await ask('concept/search', { query: 'hepatol' })).toMatchObject({ ok: true, value: [{ id: 'C:1' }] });
    expect(await ask('summaries/for-concept', { conceptId: 'C:1' })).toMatchObject({ ok: true, value: { total: 1, items: [{ id: 'pmid:1' }] } });
    expect(await ask('concept/get', { id: 'C:2' })).toMatchObject({ ok: true, value: { name: 'Asthma' } });
    expect(await store.conceptCard('C:1')).toMatchObject({ name: 'Wilson disease' });
  });

  test('an open that answers late is closed, and the store stays in memory for this worker', async () => {
    const real = await openDatabase('late');
    const close = vi.spyOn(real, 'close');
    let opens = 0;
    const { store } = storeWith({
      open: () => (opens++, new Promise((resolve) => setTimeout(() => resolve(real), 60))),
      openTimeoutMs: 20,
    });
    expect((await installed(store)).storage?.kind).toBe('memory');
    await vi.waitFor(() => expect(close).toHaveBeenCalled());
    await store.status();
    expect(opens).toBe(1); // not asked again in this worker's life
    expect(await getActive(await openDatabase('late'))).toBeUndefined();
  });

  test('with IndexedDB working, nothing is held in memory and the status has no storage notice', async () => {
    const { store } = storeWith({});
    const status = await installed(store);
    expect(status.storage).toBeUndefined();
    expect(await getActive(await openDatabase())).toMatchObject({ meta: { version: 'b1' } });
  });
});

describe('IndexedDB is full', () => {
  test('the bundled import runs out of space: the half-written import is dropped, the dataset is held in memory', async () => {
    fullDisk();
    const { store, ask } = storeWith({});
    const status = await installed(store);
    expect(status.storage).toEqual({ kind: 'memory', reason: IN_MEMORY.full });
    expect(status.lastError).toBeUndefined();
    expect(await ask('concept/search', { query: 'wilson' })).toMatchObject({ ok: true, value: [{ id: 'C:1' }] });
    // The next worker start tries IndexedDB again: it installs there once the space is back.
    patched.splice(0).forEach((restore) => restore());
    const idb = await openDatabase();
    expect(await idb.getAll('meta')).toEqual([]);
    expect(await idb.getAllKeys('buckets')).toEqual([]);
    const next = storeWith({});
    expect((await installed(next.store)).storage).toBeUndefined();
    expect(await getActive(idb)).toMatchObject({ meta: { version: 'b1', origin: 'bundled' } });
  });

  test('a synced dataset that does not fit keeps today’s behaviour: one sentence, the installed dataset kept', async () => {
    const idb = await openDatabase();
    const { store } = storeWith({ open: async () => idb });
    await installed(store);
    fullDisk();
    const synced = memoryDataset('s2', CONCEPTS, SUMMARIES, { origin: 'https://data.example.org/manifest.json' });
    await expect(store.import(synced)).rejects.toThrow(STORAGE_FULL);
    const status = await store.status();
    expect(status).toMatchObject({ installed: { version: 'b1' }, lastError: STORAGE_FULL });
    expect(status.storage).toBeUndefined();
  });

  test('in memory, a dataset from elsewhere is not imported: it would be lost with the worker', async () => {
    const { store } = storeWith({ open: () => Promise.reject(new Error('no storage')) });
    await installed(store);
    const synced = memoryDataset('s2', CONCEPTS, [], { origin: 'https://data.example.org/manifest.json' });
    await expect(store.import(synced)).rejects.toThrow(NO_UPDATE_IN_MEMORY);
    expect((await store.status()).installed?.version).toBe('b1');
  });
});

describe('the connection goes away', () => {
  test('the database deleted under the store (site data cleared): the next question re-opens it and the bundled dataset comes back', async () => {
    const { store, ask } = storeWith({});
    await installed(store);
    const first = await store.db();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase('evidence-lens');
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
    // Asked at once: answered from the fresh, empty database, without an error.
    expect(await ask('concept/search', { query: 'wilson' })).toEqual({ ok: true, value: [] });
    expect(await store.db()).not.toBe(first);
    await vi.waitFor(async () => expect(await ask('concept/search', { query: 'wilson' })).toMatchObject({ ok: true, value: [{ id: 'C:1' }] }));
    expect((await store.status()).storage).toBeUndefined();
  });

  test('a query that fails for another reason answers one sentence, not the browser’s error', async () => {
    const idb = await openDatabase();
    await importDataset(idb, await bundled());
    const broken = { ...idb, get: idb.get.bind(idb), transaction: () => {
      throw new DOMException('Internal error opening backing store.', 'UnknownError');
    } } as unknown as Database;
    const { ask } = storeWith({ open: async () => broken, bundled: undefined });
    const reply = await ask('concept/get', { id: 'C:1' });
    expect(reply).toEqual({ ok: false, error: READ_FAILED });
    expect(await ask('summaries/overview', { conceptId: 'C:1' })).toEqual({ ok: false, error: READ_FAILED });
  });
});
