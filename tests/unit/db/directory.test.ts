import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Summary } from '../../../lib/dataset/types';
import { summaryBucketBytes } from '../../../lib/db/buckets';
import { bucketDirectory, getEntries } from '../../../lib/db/directory';
import { importDataset } from '../../../lib/db/import';
import { getActive } from '../../../lib/db/active';
import { getSummariesForConcept } from '../../../lib/db/queries';
import { bucketPrefix, genPrefix, openDatabase } from '../../../lib/db/schema';
import { concept, memoryDataset, research } from '../../helpers/memory-dataset';

// 400 studies (more than six buckets of 64), every fifth about asthma, so that its page spans many buckets.
const pmid = (i: number) => String(100_000 + i);
const studies = (version = 1): Summary[] =>
  Array.from({ length: 400 }, (_, i) => research(pmid(i), i % 5 === 0 ? ['C:1', 'C:2'] : ['C:2'], 2000 + (i % 20), { question: `Question ${i}, v${version}?` }));
const concepts = [concept('C:1', 'Asthma'), concept('C:2', 'Lung diseases')];

afterEach(() => vi.restoreAllMocks());

describe('reading records by the bucket directory', () => {
  test('the directory lists the first id of every stored bucket, in order', async () => {
    const db = await openDatabase('directory-1');
    await importDataset(db, memoryDataset('1', concepts, studies(), { target: 40_000 }));
    const { gen } = (await getActive(db))!;
    const prefix = bucketPrefix(gen, 'summaries');
    const stored = (await db.getAllKeys('buckets', IDBKeyRange.bound(prefix, prefix + '\uffff'))).map((k) => String(k).slice(prefix.length));
    expect(stored.length).toBeGreaterThan(6);
    expect((await bucketDirectory(db, gen)).summaries).toEqual(stored);
  });

  test("a small dataset's summaries are stored in small buckets (a concept's page reads many, one record from each)", async () => {
    const db = await openDatabase('directory-small');
    const long = Array.from({ length: 100 }, (_, i) => research(pmid(i), ['C:1'], 2000, { question: `${'Why '.repeat(120)}${i}?` }));
    await importDataset(db, memoryDataset('1', concepts, long, { target: 400_000 }));
    const { gen } = (await getActive(db))!;
    const prefix = bucketPrefix(gen, 'summaries');
    const buckets = await db.getAll('buckets', IDBKeyRange.bound(prefix, prefix + '\uffff'));
    expect(buckets.length).toBeGreaterThan(5);
    for (const b of buckets) expect(b.items.length === 1 || b.items.reduce((n, item) => n + item.length, 0) <= 8_000).toBe(true);
    // A large dataset keeps larger buckets: its import pays per bucket.
    expect(summaryBucketBytes(18e6)).toBe(8_000);
    expect(summaryBucketBytes(256e6)).toBe(32_000);
  });

  test('records come back in the order asked, undefined where there is none, each bucket read once', async () => {
    const db = await openDatabase('directory-2');
    await importDataset(db, memoryDataset('1', concepts, studies(), { target: 40_000 }));
    const { gen } = (await getActive(db))!;
    await bucketDirectory(db, gen);
    const gets = vi.spyOn(IDBObjectStore.prototype, 'get');
    const ids = ['pmid:100399', 'pmid:100000', 'pmid:100001', 'pmid:099999', 'pmid:100200x', 'pmid:100063', 'pmid:100064', 'pmid:999999'];
    const found = await getEntries(db, gen, 'summaries', ids);
    expect(found.map((s) => s?.id)).toEqual(['pmid:100399', 'pmid:100000', 'pmid:100001', undefined, undefined, 'pmid:100063', 'pmid:100064', undefined]);
    // 100000, 100001 and 100063 share the first bucket; 100064 opens the second; 100399 is in the last.
    expect(gets).toHaveBeenCalledTimes(4);
  });

  test('a page of summaries reads the same records whether or not the directory is there', async () => {
    const withDirectory = await openDatabase('directory-3');
    await importDataset(withDirectory, memoryDataset('1', concepts, studies()));
    const expected = await getSummariesForConcept(withDirectory, 'C:1', { limit: 30 });
    expect(expected.items).toHaveLength(30);

    // A generation imported before file records kept their buckets: lookups fall back to a cursor per id.
    const older = await openDatabase('directory-4');
    await importDataset(older, memoryDataset('1', concepts, studies()));
    const { gen } = (await getActive(older))!;
    const fileRecords = await older.getAll('buckets', IDBKeyRange.bound(`${genPrefix(gen)}f|`, `${genPrefix(gen)}f|\uffff`));
    for (const record of fileRecords) {
      const { buckets: _dropped, ...range } = JSON.parse(record.items[0]);
      await older.put('buckets', { ...record, items: [JSON.stringify(range)] }, record.at);
    }
    expect((await bucketDirectory(older, gen)).summaries).toBeUndefined();
    expect((await getSummariesForConcept(older, 'C:1', { limit: 30 })).items).toEqual(expected.items);
  });

  test('an update that reuses unchanged files keeps the directory whole', async () => {
    const db = await openDatabase('directory-5');
    await importDataset(db, memoryDataset('1', concepts, studies(1)));
    // Version 2 changes the last study only: every other file is copied from version 1.
    const next = studies(1);
    next[399] = { ...next[399], question: 'Changed?' } as Summary;
    const source = memoryDataset('2', concepts, next);
    await importDataset(db, source);
    expect(source.reads.length).toBeLessThan(source.manifest.files.length);
    const { gen } = (await getActive(db))!;
    const prefix = bucketPrefix(gen, 'summaries');
    const stored = await db.getAllKeys('buckets', IDBKeyRange.bound(prefix, prefix + '\uffff'));
    expect((await bucketDirectory(db, gen)).summaries).toHaveLength(stored.length);
    const ids = next.map((s) => s.id);
    const found = await getEntries(db, gen, 'summaries', ids);
    expect(found.map((s) => s?.id)).toEqual(ids);
    expect(found[399]).toMatchObject({ question: 'Changed?' });
  });
});
