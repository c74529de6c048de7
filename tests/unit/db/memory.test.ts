// The memory database (lib/db/memory.ts) against IndexedDB: the import and query suites written for
// IndexedDB run here again with openDatabase answering a memory database, and the two are compared request
// by request on random keys and ranges.
import fc from 'fast-check';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { memoryDatabase } from '../../../lib/db/memory';
import { openDatabase, type Database } from '../../../lib/db/schema';
import { concept, memoryDataset } from '../../helpers/memory-dataset';
import { importDataset } from '../../../lib/db/import';
import { getConcept } from '../../../lib/db/queries';
import { searchConcepts } from '../../../lib/db/search';

// One memory database per name for the length of a test, as IndexedDB keeps one per name.
const named = vi.hoisted(() => new Map<string, unknown>());
vi.mock('../../../lib/db/schema', async (importActual) => {
  const actual = await importActual<typeof import('../../../lib/db/schema')>();
  return {
    ...actual,
    openDatabase: async (name = actual.DB_NAME) => {
      const { memoryDatabase } = await import('../../../lib/db/memory');
      if (!named.has(name)) named.set(name, memoryDatabase());
      return named.get(name);
    },
  };
});
beforeEach(() => named.clear());

// The suites, as they are, against the memory database.
describe('IndexedDB suites, run on the memory database', async () => {
  await import('./store.test');
  await import('./summaries-filter.test');
  await import('./older-datasets.test');
  await import('../sync/reuse.test');
});

test('the mock is in place: openDatabase answers a memory database', async () => {
  const db = await openDatabase('x');
  expect(db.constructor.name).toBe('MemoryDatabase');
  expect(await openDatabase('x')).toBe(db);
});

/** IndexedDB itself (fake-indexeddb here), opened without the mock. */
async function indexedDatabase(): Promise<Database> {
  const { openDB } = await import('idb');
  return openDB('compare', 1, { upgrade: (db) => (db.createObjectStore('buckets'), db.createObjectStore('meta')) }) as unknown as Database;
}

describe('memory database', () => {
  const keyArb = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '|', '\uffff', 'é'), maxLength: 4 });
  const rangeArb = fc.record({
    lower: fc.option(keyArb, { nil: undefined }),
    upper: fc.option(keyArb, { nil: undefined }),
    lowerOpen: fc.boolean(),
    upperOpen: fc.boolean(),
  });
  const toRange = (r: { lower?: string; upper?: string; lowerOpen: boolean; upperOpen: boolean }) => {
    if (r.lower !== undefined && r.upper !== undefined) {
      if (r.lower > r.upper || (r.lower === r.upper && (r.lowerOpen || r.upperOpen))) return undefined; // IndexedDB refuses these
      return IDBKeyRange.bound(r.lower, r.upper, r.lowerOpen, r.upperOpen);
    }
    if (r.lower !== undefined) return IDBKeyRange.lowerBound(r.lower, r.lowerOpen);
    if (r.upper !== undefined) return IDBKeyRange.upperBound(r.upper, r.upperOpen);
    return null;
  };

  test('answers like IndexedDB: get, getAll with a count, getAllKeys, cursors both ways, delete by range', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(keyArb, { maxLength: 30 }), fc.array(rangeArb, { minLength: 1, maxLength: 6 }), fc.nat(5), async (keys, ranges, count) => {
        globalThis.indexedDB = new (await import('fake-indexeddb')).IDBFactory();
        const dbs = [await indexedDatabase(), memoryDatabase()];
        const answers: unknown[][] = [[], []];
        for (const [i, db] of dbs.entries()) {
          const tx = db.transaction('buckets', 'readwrite');
          for (const key of keys) tx.store.put({ at: key, keys: [key], items: [] }, key);
          await tx.done;
          for (const r of ranges) {
            const range = toRange(r);
            if (range === undefined) continue;
            const read = db.transaction('buckets');
            answers[i].push(
              await read.store.getAll(range, count || undefined),
              await read.store.getAllKeys(range),
              (await read.store.openCursor(range, 'prev'))?.key ?? null,
              (await read.store.openCursor(range))?.value ?? null,
              await db.get('buckets', range ?? IDBKeyRange.lowerBound('')),
            );
          }
          const range = toRange(ranges[0]);
          if (range) await db.delete('buckets', range);
          answers[i].push(await db.getAllKeys('buckets'));
        }
        expect(answers[1]).toEqual(answers[0]);
      }),
      { numRuns: 60 },
    );
  });

  test('abort undoes the transaction’s writes and rejects done; a finished transaction takes no requests', async () => {
    const db = memoryDatabase();
    await db.put('meta', { done: true }, 'kept');
    const tx = db.transaction(['buckets', 'meta'], 'readwrite');
    tx.objectStore('meta').put({ done: true }, 'new');
    tx.objectStore('meta').delete('kept');
    tx.objectStore('buckets').put({ at: 'b', keys: [], items: [] }, 'b');
    expect(await tx.objectStore('meta').getAllKeys()).toEqual(['new']);
    tx.abort();
    await expect(tx.done).rejects.toMatchObject({ name: 'AbortError' });
    expect(await db.getAllKeys('meta')).toEqual(['kept']);
    expect(await db.getAllKeys('buckets')).toEqual([]);

    const read = db.transaction('meta');
    await read.done;
    await expect(read.store.get('kept')).rejects.toMatchObject({ name: 'TransactionInactiveError' });
    // (idb's types leave put out of a read-only transaction; the memory database refuses it as IndexedDB does)
    const readOnly = db.transaction('meta').store as unknown as { put(value: unknown, key: string): unknown };
    expect(() => readOnly.put({ done: true }, 'x')).toThrow(/read-only/);
    expect(() => db.transaction('meta').objectStore('buckets' as 'meta')).toThrow(/scope/);
  });

  test('values are copies, in and out, as IndexedDB stores them', async () => {
    const db = memoryDatabase();
    const value = { gen: 1, meta: { version: 'v1' } };
    await db.put('meta', value as never, 'active');
    value.gen = 2;
    const read = (await db.get('meta', 'active')) as { gen: number };
    expect(read.gen).toBe(1);
    read.gen = 3;
    expect(((await db.get('meta', 'active')) as { gen: number }).gen).toBe(1);
  });

  test('a dataset imported into it answers a concept and a search', async () => {
    const db = memoryDatabase();
    await importDataset(db, memoryDataset('v1', [concept('C:1', 'Wilson disease', { synonyms: ['Hepatolenticular degeneration'] })], []));
    expect((await getConcept(db, 'C:1'))?.name).toBe('Wilson disease');
    expect((await searchConcepts(db, 'hepatol'))[0]).toMatchObject({ id: 'C:1', matched: 'Hepatolenticular degeneration' });
  });
});
