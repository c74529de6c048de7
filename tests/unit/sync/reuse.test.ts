import { describe, expect, test } from 'vitest';
import { importDataset } from '../../../lib/db/import';
import { getActive } from '../../../lib/db/active';
import { getConcept, getSummariesForConcept, getSummary } from '../../../lib/db/queries';
import { searchConcepts } from '../../../lib/db/search';
import { planReuse } from '../../../lib/db/reuse';
import { bucketPrefix, openDatabase } from '../../../lib/db/schema';
import type { Summary } from '../../../lib/dataset/types';
import { concept, memoryDataset, research } from '../../helpers/memory-dataset';
import { unhandledDuring } from '../../helpers/unhandled';

// 40 concepts and 60 summaries over many small files, so a one-record change touches one file.
const CONCEPTS = Array.from({ length: 40 }, (_, i) => concept(`C:${String(i).padStart(3, '0')}`, `Condition ${i}`, { summaryCount: 1 }));
const SUMMARIES = Array.from({ length: 60 }, (_, i) => research(String(1000 + i), [CONCEPTS[i % 40].id], 2000 + (i % 20)));

describe('manifest diffing and reuse of unchanged files', () => {
  test('only files whose SHA-256 changed are read; the rest are copied from the installed dataset', async () => {
    const db = await openDatabase();
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES, { origin: 'https://example.org/m.json' });
    await importDataset(db, v1);
    const edited = SUMMARIES.map((s, i): Summary => (i === 30 ? { ...s, bottomLine: 'A changed conclusion.' } as Summary : s));
    const v2 = memoryDataset('v2', CONCEPTS, edited, { origin: 'https://example.org/m.json' });
    const changed = v2.manifest.files.filter((f, i) => f.sha256 !== v1.manifest.files[i].sha256).map((f) => f.path);
    expect(changed).toHaveLength(1);

    expect([...(await planReuse(db, (await getActive(db))!.gen, v2.manifest.files)).keys()]).toHaveLength(v2.manifest.files.length - 1);
    const progress: { bytes?: number; bytesTotal?: number; filesReused?: number }[] = [];
    expect((await importDataset(db, v2, { onProgress: (p) => progress.push(p) })).status).toBe('imported');
    expect(v2.reads).toEqual(changed);
    expect(progress.at(-1)).toMatchObject({ filesReused: v2.manifest.files.length - 1, bytesTotal: progress.at(-1)!.bytes });

    // Everything answers from the new generation: the changed record, the copied ones, and the indexes.
    expect((await getActive(db))?.meta.version).toBe('v2');
    expect(await getSummary(db, 'pmid:1030')).toMatchObject({ bottomLine: 'A changed conclusion.' });
    for (const s of SUMMARIES) expect(await getSummary(db, s.id)).toBeDefined();
    for (const c of CONCEPTS) expect((await getConcept(db, c.id))?.name).toBe(c.name);
    expect((await getSummariesForConcept(db, 'C:010')).total).toBe(2);
    expect((await searchConcepts(db, 'condition 39'))[0]?.id).toBe('C:039');
  });

  test('a file of the same name but other content, kind or count is downloaded', async () => {
    const db = await openDatabase();
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    await importDataset(db, v1);
    const gen = (await getActive(db))!.gen;
    const files = v1.manifest.files.map((f) => ({ ...f }));
    files[0].sha256 = 'f'.repeat(64);
    files[1].records += 1;
    const reusable = await planReuse(db, gen, files);
    expect(reusable.has(files[0].path)).toBe(false);
    expect(reusable.has(files[1].path)).toBe(false);
    expect(reusable.has(files[2].path)).toBe(true);
    expect((await planReuse(db, undefined, files)).size).toBe(0);
  });

  test('a file the publisher numbered anew, with the same records, is copied, not downloaded', async () => {
    const db = await openDatabase();
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    await importDataset(db, v1);
    // The same files under other names (a file dropped before them shifts every later number).
    const renamed = (path: string) => `moved-${path}`;
    const v2 = {
      ...v1,
      manifest: { ...v1.manifest, version: 'v2', files: v1.manifest.files.map((f) => ({ ...f, path: renamed(f.path) })) },
      reads: [] as string[],
      async readFile(path: string) {
        this.reads.push(path);
        return v1.files.get(path.replace(/^moved-/, ''))!;
      },
    };
    expect((await planReuse(db, (await getActive(db))!.gen, v2.manifest.files)).size).toBe(v2.manifest.files.length);
    expect((await importDataset(db, v2)).status).toBe('imported');
    expect(v2.reads).toEqual([]);
    expect((await getActive(db))?.meta.version).toBe('v2');
    for (const s of SUMMARIES) expect(await getSummary(db, s.id)).toBeDefined();
    expect((await searchConcepts(db, 'condition 39'))[0]?.id).toBe('C:039');
  });

  test('an interrupted update resumes after the last file, copied or read, and still reuses the rest', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const edited = SUMMARIES.map((s, i): Summary => (i === 5 || i === 55 ? ({ ...s, question: `Changed ${i}?` } as Summary) : s));
    const v2 = memoryDataset('v2', CONCEPTS, edited);
    const [first, second] = v2.manifest.files.filter((f) => f.kind === 'summaries' && v2.files.get(f.path)!.includes('Changed'));
    const failing = { ...v2, readFile: async (p: string) => (p === second.path ? Promise.reject(new Error('connection reset')) : v2.readFile(p)) };
    await expect(importDataset(db, failing)).rejects.toThrow('connection reset');
    expect((await getActive(db))?.meta.version).toBe('v1');
    expect(await getSummary(db, 'pmid:1005')).toMatchObject({ question: 'Question 1005?' });

    v2.reads.length = 0;
    expect((await importDataset(db, v2)).status).toBe('imported');
    expect(v2.reads).toEqual([second.path]);
    expect(first.path).not.toBe(second.path);
    expect(await getSummary(db, 'pmid:1055')).toMatchObject({ question: 'Changed 55?' });
    expect((await getSummariesForConcept(db, 'C:015')).total).toBe(2);
  });

  test('a copy found stale is downloaded instead, its aborted writes leaving no unhandled rejection', async () => {
    const db = await openDatabase();
    const many = Array.from({ length: 150 }, (_, i) => concept(`C:${String(i).padStart(3, '0')}`, `Condition ${i}`));
    await importDataset(db, memoryDataset('v1', many, [], { target: 1e9 }));
    // One of the file's buckets is gone: its copy is aborted after the others were put.
    const prefix = bucketPrefix((await getActive(db))!.gen, 'concepts');
    const keys = await db.getAllKeys('buckets', IDBKeyRange.bound(prefix, prefix + '\uffff'));
    expect(keys.length).toBeGreaterThan(2);
    await db.delete('buckets', keys[1]);
    const again = memoryDataset('v1', many, [], { target: 1e9, origin: 'elsewhere' });
    expect(await unhandledDuring(() => importDataset(db, again))).toEqual([]);
    expect(again.reads).toEqual([again.manifest.files[0].path]);
    expect((await getConcept(db, 'C:100'))?.name).toBe('Condition 100');
  });

  test('a reused file out of id order with its neighbours is refused like a read one', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const v2 = memoryDataset('v2', CONCEPTS, SUMMARIES);
    // Swap two concept files in the manifest: same bytes, but now out of order.
    const [a, b] = [v2.manifest.files[0], v2.manifest.files[1]];
    v2.manifest.files[0] = b;
    v2.manifest.files[1] = a;
    await expect(importDataset(db, v2)).rejects.toThrow(/records must be sorted by id/);
    expect((await getActive(db))?.meta.version).toBe('v1');
  });
});
