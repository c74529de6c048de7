// What follows an import that switched datasets, so that the reader who opens the popup right after a sync is
// not kept waiting: the older dataset's buckets are deleted a few at a time, only while no lookup is coming in,
// and the new dataset's search index is read into memory where the older one's was.
import { expect, test } from 'vitest';
import { importDataset } from '../../../lib/db/import';
import { getActive } from '../../../lib/db/active';
import { collectGarbage } from '../../../lib/db/cleanup';
import { getConcept } from '../../../lib/db/queries';
import { loadedNameIndex, loadNameIndex } from '../../../lib/db/search';
import { openDatabase, type Database } from '../../../lib/db/schema';
import { EvidenceStore } from '../../../lib/db/service';
import { concept, memoryDataset, research } from '../../helpers/memory-dataset';

const CONCEPTS = Array.from({ length: 40 }, (_, i) => concept(`C:${String(i).padStart(2, '0')}`, `Condition ${i}`));
const SUMMARIES = Array.from({ length: 40 }, (_, i) => research(String(100 + i), [`C:${String(i).padStart(2, '0')}`], 2010 + (i % 10)));
const dataset = (version: string, origin = 'test') => memoryDataset(version, CONCEPTS, SUMMARIES, { origin, target: 200 });

/** Keys of generation `gen` in the buckets store. */
async function keysOf(db: Database, gen: number): Promise<number> {
  return (await db.getAllKeys('buckets')).filter((k) => String(k).startsWith(`g${gen}|`)).length;
}

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  for (const end = performance.now() + ms; performance.now() < end; await new Promise((r) => setTimeout(r, 20))) {
    if (await check()) return true;
  }
  return check();
}

/** A store that imported v1, then v2 (its cleanup of v1 queued): v1's generation, and how many keys it had. */
async function afterSecondImport(cleanup: { chunk?: number; quietMs?: number }) {
  const db = await openDatabase();
  const store = new EvidenceStore({ open: async () => db, cleanup });
  await store.import(dataset('v1'));
  const oldGen = (await getActive(db))!.gen;
  const before = await keysOf(db, oldGen);
  await store.import(dataset('v2'));
  return { db, store, oldGen, before };
}

/** Ask every 20 ms for `ms`. */
async function keepAsking(ask: () => Promise<unknown>, ms: number): Promise<void> {
  for (const end = performance.now() + ms; performance.now() < end; ) {
    await ask();
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('the cleanup deletes a chunk of buckets per transaction, asking before each, and keeps the active dataset', async () => {
  const db = await openDatabase();
  await importDataset(db, dataset('v1'));
  const oldGen = (await getActive(db))!.gen;
  await importDataset(db, dataset('v2'));
  const gen = (await getActive(db))!.gen;
  const before = await keysOf(db, oldGen);
  const activeKeys = await keysOf(db, gen);
  expect(before).toBeGreaterThan(6);

  const left: number[] = [];
  await collectGarbage(db, { chunk: 3, beforeChunk: async () => left.push(await keysOf(db, oldGen)) > 0 });
  expect(left[0]).toBe(before);
  // Each step deleted at most one chunk, and some step deleted a whole one.
  for (let i = 1; i < left.length; i++) expect(left[i - 1] - left[i]).toBeLessThanOrEqual(3);
  expect(left.some((n, i) => i > 0 && left[i - 1] - n === 3)).toBe(true);
  expect(left.length).toBeGreaterThanOrEqual(Math.ceil(before / 3));
  expect(await keysOf(db, oldGen)).toBe(0);
  expect(await keysOf(db, gen)).toBe(activeKeys);
  expect((await getConcept(db, 'C:07'))?.name).toBe('Condition 7');
});

test('the cleanup after an import waits while lookups come in, then finishes', async () => {
  // The reader opens the popup right after the sync, and goes on reading.
  const { db, store, oldGen, before } = await afterSecondImport({ chunk: 2, quietMs: 250 });
  await keepAsking(async () => expect(await store.conceptCard('C:01')).toMatchObject({ name: 'Condition 1' }), 600);
  // At most a chunk went while the lookups came in.
  expect(await keysOf(db, oldGen)).toBeGreaterThanOrEqual(before - 2);
  // Once they stop, the cleanup goes on to the end.
  expect(await until(async () => (await keysOf(db, oldGen)) === 0, 5000)).toBe(true);
  expect((await getConcept(db, 'C:07'))?.name).toBe('Condition 7');
});

test("the popup's opening (its status question) holds the cleanup", async () => {
  const { db, store, oldGen, before } = await afterSecondImport({ chunk: 2, quietMs: 250 });
  await keepAsking(() => store.status(), 600);
  expect(await keysOf(db, oldGen)).toBeGreaterThanOrEqual(before - 2);
});

test("the settings page's status polls do not hold the cleanup", async () => {
  const { db, store, oldGen } = await afterSecondImport({ chunk: 2, quietMs: 250 });
  let polling = true;
  const polls = (async () => {
    while (polling) {
      await store.status({ poll: true });
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  expect(await until(async () => (await keysOf(db, oldGen)) === 0, 5000)).toBe(true);
  polling = false;
  await polls;
});

test('a sync asked for while the cleanup waits for a quiet moment runs at once; the cleanup after it waits on', async () => {
  // A reader who never stops looking things up: the cleanup would wait for ever.
  const { db, store, oldGen: v1 } = await afterSecondImport({ chunk: 2, quietMs: 60_000 });
  const v2 = (await getActive(db))!.gen;
  await store.conceptCard('C:01');
  const started = performance.now();
  await store.import(dataset('v3'));
  expect(performance.now() - started).toBeLessThan(5000);
  expect((await getActive(db))?.meta.version).toBe('v3');
  expect((await getConcept(db, 'C:07'))?.name).toBe('Condition 7');
  // The cleanup queued after v3 still waits for the reader to pause; the older datasets are on disk meanwhile.
  expect((await keysOf(db, v1)) + (await keysOf(db, v2))).toBeGreaterThan(0);
});

test('a cleanup a stopped worker left is finished at the next start', async () => {
  const db = await openDatabase();
  // Two imports, the worker gone before its cleanup: both datasets are on disk.
  await importDataset(db, dataset('b1', 'bundled'));
  const oldGen = (await getActive(db))!.gen;
  await importDataset(db, dataset('b2', 'bundled'));
  expect(await keysOf(db, oldGen)).toBeGreaterThan(0);

  const store = new EvidenceStore({ open: async () => db, bundled: async () => dataset('b2', 'bundled'), cleanup: { quietMs: 0 } });
  await store.ensureBundled();
  expect(await until(async () => (await keysOf(db, oldGen)) === 0, 5000)).toBe(true);
  expect((await getActive(db))?.meta.version).toBe('b2');
});

test("the new dataset's name index is read into memory after the import, where the older one's was", async () => {
  const db = await openDatabase();
  const store = new EvidenceStore({ open: async () => db });
  await store.import(dataset('v1'));
  const oldGen = (await getActive(db))!.gen;
  await loadNameIndex(db, oldGen);
  expect(loadedNameIndex(db, oldGen)).toBeDefined();
  await store.import(dataset('v2'));
  const gen = (await getActive(db))!.gen;
  // Nobody searched yet: the import itself had it read.
  expect(await until(async () => loadedNameIndex(db, gen) !== undefined, 3000)).toBe(true);
});
