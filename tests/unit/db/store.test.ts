import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { importDataset } from '../../../lib/db/import';
import { getActive } from '../../../lib/db/active';
import { collectGarbage, discardPending } from '../../../lib/db/cleanup';
import { getPending } from '../../../lib/db/pending';
import { conceptCards } from '../../../lib/db/cards';
import { getConcept, getStatus, getSummariesForConcept, getSummary } from '../../../lib/db/queries';
import { candidatesFromDb, loadedNameIndex, NAME_INDEX_UNREAD, loadNameIndex, searchConcepts, searchInMemory, searchNext, searchOpeners, searchWithNarrowSet } from '../../../lib/db/search';
import { consider, rankHits, searchNarrowSet, type Candidate } from '../../../lib/search/rank';
import { openDatabase } from '../../../lib/db/schema';
import { MAX_RECORD_CHARS } from '../../../lib/dataset/format';
import { getConceptOverview } from '../../../lib/db/overview';
import { concept, consumer, memoryDataset, research } from '../../helpers/memory-dataset';
import { unhandledDuring } from '../../helpers/unhandled';

const CONCEPTS = [
  concept('MESH:D001943', 'Breast cancer', { synonyms: ['Breast neoplasms', 'mammary cancer'], summaryCount: 3 }),
  concept('MESH:D014057', 'X-ray computed tomography', {
    category: 'procedure',
    abbreviations: [{ form: 'CT', ambiguous: false }],
    summaryCount: 1,
  }),
  concept('MESH:D003424', "Crohn's disease", { synonyms: ['Regional enteritis'] }),
  concept('MESH:D002277', 'Carcinoma', { summaryCount: 9 }),
];
const SUMMARIES = [
  research('100', ['MESH:D001943'], 2009),
  research('200', ['MESH:D001943', 'MESH:D014057'], 2015),
  consumer('0001', ['MESH:D001943'], 'Breast Cancer'),
];

/** How many concepts and summaries the active dataset holds, read back record by record. */
const counts = async (db: Awaited<ReturnType<typeof openDatabase>>) => {
  const ids = [...CONCEPTS, ...SUMMARIES, research('300', [], 2020)].map((r) => r.id);
  let concepts = 0;
  let summaries = 0;
  for (const id of ids) {
    if (await getConcept(db, id)) concepts++;
    if (await getSummary(db, id)) summaries++;
  }
  return { concepts, summaries };
};

/** The database, with `before` run ahead of each read of the name index's buckets (to slow it, or fail it). */
function onNameIndexRead<D extends { getAll: (...args: never[]) => unknown }>(opened: D, before: () => Promise<unknown>): D {
  return new Proxy(opened, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (key !== 'getAll') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<D['getAll']>) => {
        if (String((args[1] as IDBKeyRange | undefined)?.lower).includes('|n|')) await before();
        return (opened.getAll as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
}

describe('import', () => {
  test('imports every record and records the dataset', async () => {
    const db = await openDatabase();
    const progress: number[] = [];
    const source = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const result = await importDataset(db, source, {
      onProgress: (p) => progress.push(p.records),
    });
    expect(result.status).toBe('imported');
    expect(await counts(db)).toEqual({ concepts: 4, summaries: 3 });
    expect(progress.at(-1)).toBe(7);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const status = await getStatus(db);
    const bytes = [...source.files.values()].reduce((sum, text) => sum + text.length, 0);
    expect(status.installed).toMatchObject({ version: 'v1', origin: 'test', counts: { concepts: 4 }, bytes });
    expect(status.pending).toBeUndefined();
  });

  test('a second import of the same version changes nothing and duplicates nothing', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const again = memoryDataset('v1', CONCEPTS, SUMMARIES);
    expect((await importDataset(db, again)).status).toBe('unchanged');
    expect(again.reads).toEqual([]);
    expect((await importDataset(db, again, { force: true })).status).toBe('imported');
    expect(await counts(db)).toEqual({ concepts: 4, summaries: 3 });
  });

  test('the same version with a corrected file is no "already up to date": it is imported', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const corrected = memoryDataset('v1', CONCEPTS.map((c, i) => (i === 0 ? { ...c, name: `${c.name} (corrected)` } : c)), SUMMARIES);
    expect((await importDataset(db, corrected)).status).toBe('imported');
    expect((await getConcept(db, CONCEPTS[0].id))?.name).toBe(`${CONCEPTS[0].name} (corrected)`);
  });

  test('a newer dataset replaces the old one completely', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    await importDataset(db, memoryDataset('v2', CONCEPTS.slice(0, 1), SUMMARIES.slice(0, 1)));
    expect(await counts(db)).toEqual({ concepts: 1, summaries: 1 });
    expect(await getConcept(db, 'MESH:D014057')).toBeUndefined();
    expect((await getActive(db))?.meta.version).toBe('v2');
  });

  test('the active dataset is read from the database once, and again after each switch', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const reads: unknown[] = [];
    const get = db.get.bind(db);
    db.get = ((store: 'meta', key: string) => (store === 'meta' && key === 'active' && reads.push(key), get(store, key))) as typeof db.get;
    expect((await getActive(db))?.meta.version).toBe('v1');
    await getConcept(db, 'MESH:D001943');
    await getSummariesForConcept(db, 'MESH:D001943');
    expect(reads).toHaveLength(1);
    const before = reads.length;
    await importDataset(db, memoryDataset('v2', CONCEPTS.slice(0, 1), SUMMARIES.slice(0, 1)));
    expect((await getActive(db))?.meta.version).toBe('v2');
    expect(await getConcept(db, 'MESH:D014057')).toBeUndefined();
    expect(reads.length).toBeGreaterThan(before);
    // Another connection to the same database reads it for itself.
    const other = await openDatabase();
    expect((await getActive(other))?.meta.version).toBe('v2');
  });

  test('a failure midway leaves the old dataset answering, and the next try resumes', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    // Every record changes, so no file is reused from v1 (reuse is tested in tests/unit/sync).
    const changed = CONCEPTS.map((c) => ({ ...c, summaryCount: c.summaryCount + 1 }));
    const edited = SUMMARIES.map((s) => (s.kind === 'research' ? { ...s, bottomLine: `${s.bottomLine} v2` } : { ...s, topic: `${s.topic} v2` }));
    const v2 = memoryDataset('v2', changed, [...edited, research('300', ['MESH:D003424'], 2020)]);
    const paths = v2.manifest.files.map((f) => f.path);
    expect(paths.length).toBeGreaterThan(3);
    const failing = { ...v2, readFile: async (p: string) => (p === paths[2] ? Promise.reject(new Error('network down')) : v2.readFile(p)) };
    await expect(importDataset(db, failing)).rejects.toThrow('network down');

    // Readers still see v1, in full.
    expect((await getActive(db))?.meta.version).toBe('v1');
    expect(await getSummary(db, 'pmid:300')).toBeUndefined();
    expect((await getSummariesForConcept(db, 'MESH:D001943')).total).toBe(3);
    expect((await getStatus(db)).pending).toMatchObject({ version: 'v2', filesDone: 2 });

    v2.reads.length = 0;
    expect((await importDataset(db, v2)).status).toBe('imported');
    expect(v2.reads).toEqual(paths.slice(2)); // the first two files were not fetched again
    expect(await getSummary(db, 'pmid:300')).toBeDefined();
    expect(await counts(db)).toEqual({ concepts: 4, summaries: 4 });
  });

  test('a retry with files corrected under the same version starts afresh: no file of the failed attempt is installed', async () => {
    const db = await openDatabase();
    const many = Array.from({ length: 12 }, (_, i) => concept(`C:${String(i).padStart(2, '0')}`, `Condition ${i}`));
    const first = memoryDataset('v1', many, [], { origin: 'file: dataset.zip' });
    const paths = first.manifest.files.map((f) => f.path);
    expect(paths.length).toBeGreaterThan(3);
    const failing = { ...first, readFile: async (p: string) => (p === paths[2] ? 'damaged' : first.readFile(p)) };
    await expect(importDataset(db, failing)).rejects.toThrow(/checksum/);
    expect((await getStatus(db)).pending).toMatchObject({ version: 'v1', filesDone: 2 });

    // The publisher corrects the first concept and drops the last: same version, same place, other files.
    const fixed = memoryDataset('v1', many.slice(0, -1).map((c, i) => (i === 0 ? { ...c, name: 'Corrected' } : c)), [], { origin: 'file: dataset.zip' });
    expect(fixed.manifest.files[0].sha256).not.toBe(first.manifest.files[0].sha256);
    expect((await importDataset(db, fixed)).status).toBe('imported');
    expect(fixed.reads).toEqual(fixed.manifest.files.map((f) => f.path));
    expect((await getConcept(db, many[0].id))?.name).toBe('Corrected');
    expect(await getConcept(db, many.at(-1)!.id)).toBeUndefined();
  });

  test("a file's done mark counts only for the bytes it marked", async () => {
    const db = await openDatabase();
    const v1 = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const paths = v1.manifest.files.map((f) => f.path);
    await expect(importDataset(db, { ...v1, readFile: async (p) => (p === paths[2] ? Promise.reject(new Error('offline')) : v1.readFile(p)) })).rejects.toThrow('offline');
    expect((await getPending(db))?.filesDone).toEqual(paths.slice(0, 2));
    // A mark for other bytes (or one left before marks held checksums) is no proof that the file is done.
    await db.put('meta', { done: true, sha256: '0'.repeat(64) }, `pending-done|${paths[0]}`);
    await db.put('meta', { done: true }, `pending-done|${paths[1]}`);
    expect((await getPending(db))?.filesDone).toEqual([]);
  });

  test("a file's transaction aborted (as by a full disk) fails the import once, with no unhandled rejection", async () => {
    const db = await openDatabase();
    // Each file's writes are aborted once queued, as the browser aborts them when the disk is full. (The
    // database is wrapped, not patched: idb would wrap a patched method's transaction a second time.)
    const transaction = ((stores: never, mode?: IDBTransactionMode, options?: IDBTransactionOptions) => {
      const tx = db.transaction(stores, mode, options);
      if (mode === 'readwrite' && Array.isArray(stores)) queueMicrotask(() => tx.abort());
      return tx;
    }) as typeof db.transaction;
    const full = new Proxy(db, { get: (target, prop) => (prop === 'transaction' ? transaction : Reflect.get(target, prop)) });
    let failure: unknown;
    const unhandled = await unhandledDuring(() => importDataset(full, memoryDataset('v1', CONCEPTS, SUMMARIES)).catch((error: unknown) => (failure = error)));
    expect(unhandled).toEqual([]);
    expect(failure).toMatchObject({ name: 'AbortError' });
  });

  test('a malformed record deep in a file stops the import with where and what, and loses nothing', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const bad = research('999', ['MESH:D001943'], 2020, {
      citation: { pmid: '999', url: 'javascript:alert(1)' },
    } as never);
    const v2 = memoryDataset('v2', CONCEPTS, [...SUMMARIES, bad]);
    await expect(importDataset(db, v2)).rejects.toThrow(/summaries-\d+\.jsonl, record \d+ is not valid \(citation\.url/);
    expect((await getActive(db))?.meta.version).toBe('v1');
    expect(await counts(db)).toEqual({ concepts: 4, summaries: 3 });
    const before = (await db.getAllKeys('buckets')).length;
    await discardPending(db);
    expect(await getPending(db)).toBeUndefined();
    expect((await db.getAllKeys('buckets')).length).toBeLessThan(before);
    expect(await counts(db)).toEqual({ concepts: 4, summaries: 3 });
  });

  test('a field the store fills in, and a record too long, are refused with the file and where', async () => {
    const db = await openDatabase();
    const terms = memoryDataset('v1', [...CONCEPTS, concept('Z:1', 'Zzyzx', { broaderTerms: 'not a list' } as never)], SUMMARIES);
    await expect(importDataset(db, terms)).rejects.toThrow(/^concepts-\d+\.jsonl, record \d+ is not valid \(broaderTerms: filled in by the extension, not allowed in a dataset file\)\.$/);
    const long = memoryDataset('v1', [...CONCEPTS, concept('Z:1', 'Zzyzx', { extra: 'x'.repeat(MAX_RECORD_CHARS) } as never)], SUMMARIES);
    await expect(importDataset(db, long)).rejects.toThrow(/^concepts-\d+\.jsonl, line \d+: the record is longer than the 1,000,000 characters a record may take\.$/);
    expect(await getActive(db)).toBeUndefined();
    // A dataset installed before such files were refused: its own terms never reach a view.
    const trusted = { ...memoryDataset('v1', [concept('Z:1', 'Zzyzx', { broaderTerms: 'not a list', narrowerTerms: 3 } as never)], []), trusted: true };
    await importDataset(db, trusted);
    expect(await getConcept(db, 'Z:1')).toEqual(concept('Z:1', 'Zzyzx'));
  });

  test('broken JSON and a wrong record count are refused', async () => {
    const db = await openDatabase();
    const broken = memoryDataset('v1', CONCEPTS, SUMMARIES);
    const text = '{"id": "MESH:1", "name": \n';
    broken.files.set(broken.manifest.files[0].path, text);
    await expect(importDataset(db, broken)).rejects.toThrow(/concepts-000\.jsonl is damaged or was changed/);
    broken.manifest.files[0].sha256 = createHash('sha256').update(text).digest('hex');
    await expect(importDataset(db, broken)).rejects.toThrow(/concepts-000\.jsonl, line 1: not valid JSON\./);
    const short = memoryDataset('v1.1', CONCEPTS, SUMMARIES);
    short.manifest.files[0].records += 1;
    await expect(importDataset(db, short)).rejects.toThrow(/holds \d+ records, but the manifest lists/);
    expect(await getActive(db)).toBeUndefined();
  });

  test("a file that does not match its manifest is followed by the source's advice", async () => {
    const db = await openDatabase();
    const advice = 'Try again in a few minutes.';
    const changed = { ...memoryDataset('v1', CONCEPTS, SUMMARIES), mismatchAdvice: advice };
    changed.files.set(changed.manifest.files[0].path, changed.files.get(changed.manifest.files[0].path)! + '\n');
    await expect(importDataset(db, changed)).rejects.toThrow(/^concepts-000\.jsonl is damaged or was changed: its checksum does not match the manifest\. Try again in a few minutes\.$/);
    const short = { ...memoryDataset('v1.1', CONCEPTS, SUMMARIES), mismatchAdvice: advice };
    short.manifest.files[0].records += 1;
    await expect(importDataset(db, short)).rejects.toThrow(/^concepts-000\.jsonl holds \d+ records, but the manifest lists \d+\. Try again in a few minutes\.$/);
    expect(await getActive(db)).toBeUndefined();
  });

  test('records out of id order are refused', async () => {
    const db = await openDatabase();
    const unsorted = memoryDataset('v1', CONCEPTS, SUMMARIES, { target: 1e6 });
    const path = unsorted.manifest.files[0].path;
    const lines = unsorted.files.get(path)!.trim().split('\n').reverse();
    const text = lines.join('\n') + '\n';
    unsorted.files.set(path, text);
    unsorted.manifest.files[0].sha256 = createHash('sha256').update(text).digest('hex');
    await expect(importDataset(db, unsorted)).rejects.toThrow(/record 2: records must be sorted by id/);
  });

  test('files out of id order are refused by an import resumed between them, as by one in a single run', async () => {
    // One concept a file; the first two files' contents swapped (checksums and counts kept true).
    const swapped = memoryDataset('v1', CONCEPTS, SUMMARIES, { target: 1 });
    const [a, b] = swapped.manifest.files.filter((f) => f.kind === 'concepts');
    const [textA, textB] = [swapped.files.get(a.path)!, swapped.files.get(b.path)!];
    swapped.files.set(a.path, textB);
    swapped.files.set(b.path, textA);
    for (const [file, text] of [[a, textB], [b, textA]] as const) Object.assign(file, { sha256: createHash('sha256').update(text).digest('hex'), bytes: text.length });
    await expect(importDataset(await openDatabase('one-run'), swapped)).rejects.toThrow(/records must be sorted by id/);
    // The worker stops before the second file lands; the next start resumes after the first.
    const db = await openDatabase('resumed');
    let stopped = false;
    const stopping = { ...swapped, readFile: async (path: string) => (path === b.path && !stopped ? ((stopped = true), Promise.reject(new Error('worker stopped'))) : swapped.readFile(path)) };
    await expect(importDataset(db, stopping)).rejects.toThrow('worker stopped');
    expect((await getPending(db))?.filesDone).toEqual([a.path]);
    await expect(importDataset(db, stopping)).rejects.toThrow(`${b.path}, record 1: records must be sorted by id`);
    expect(await getActive(db)).toBeUndefined();
  });

  test('an import leaves no records of older datasets behind', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const keysV1 = (await db.getAllKeys('buckets')).length;
    await importDataset(db, memoryDataset('v2', CONCEPTS, SUMMARIES));
    expect((await db.getAllKeys('buckets')).length).toBe(2 * keysV1); // until the cleanup runs
    await collectGarbage(db);
    const keys = await db.getAllKeys('buckets');
    expect(keys.length).toBe(keysV1);
    expect(keys.every((k) => String(k).startsWith('g2|'))).toBe(true);
  });

  test('cancelling stops the import and keeps the old dataset', async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    const controller = new AbortController();
    controller.abort();
    await expect(importDataset(db, memoryDataset('v2', CONCEPTS, []), { signal: controller.signal })).rejects.toThrow();
    expect((await getActive(db))?.meta.version).toBe('v1');
  });

  test('data survive closing and reopening the database', async () => {
    const db = await openDatabase('reopen');
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    db.close();
    const again = await openDatabase('reopen');
    expect((await getConcept(again, 'MESH:D001943'))?.name).toBe('Breast cancer');
  });
});

describe('queries', () => {
  const ready = async () => {
    const db = await openDatabase();
    await importDataset(db, memoryDataset('v1', CONCEPTS, SUMMARIES));
    return db;
  };

  test('concept by id, without storage fields', async () => {
    const c = await getConcept(await ready(), 'MESH:D014057');
    expect(c).toEqual(CONCEPTS[1]);
  });

  test('summaries for a concept: research newest first for clinicians, consumer first for patients', async () => {
    const db = await ready();
    const clinician = await getSummariesForConcept(db, 'MESH:D001943', { audience: 'clinician' });
    expect(clinician.items.map((s) => s.id)).toEqual(['pmid:200', 'pmid:100', 'medquad:0001']);
    expect(clinician.total).toBe(3);
    const patient = await getSummariesForConcept(db, 'MESH:D001943', { audience: 'patient' });
    expect(patient.items.map((s) => s.id)).toEqual(['medquad:0001', 'pmid:200', 'pmid:100']);
    const page2 = await getSummariesForConcept(db, 'MESH:D001943', { offset: 1, limit: 1 });
    expect(page2).toMatchObject({ total: 3, items: [{ id: 'pmid:100' }] });
    expect(await getSummariesForConcept(db, 'MESH:nothing')).toEqual({ total: 0, items: [] });
  });

  /** A research summary's extra fields for its study design. */
  const design = (d: 'rct' | 'retrospective-cohort') => ({ design: { design: d, source: 'mesh' as const } });
  /** The order of a concept's summaries after importing `summaries` into a fresh database. */
  const orderOf = async (name: string, summaries: ReturnType<typeof research>[], conceptId: string) => {
    const db = await openDatabase(name);
    await importDataset(db, memoryDataset('v1', CONCEPTS, summaries));
    return { db, ids: (await getSummariesForConcept(db, conceptId)).items.map((s) => s.id) };
  };

  test('stronger designs come first for clinicians, then newer years', async () => {
    const { ids } = await orderOf('levels', [
      research('1', ['MESH:D003424'], 2020, design('retrospective-cohort')),
      research('2', ['MESH:D003424'], 2001, design('rct')),
      research('3', ['MESH:D003424'], 2022),
    ], 'MESH:D003424');
    expect(ids).toEqual(['pmid:2', 'pmid:1', 'pmid:3']);
  });

  test('for patients, a page on the whole concept comes before pages on one aspect of it', async () => {
    const db = await openDatabase('aspects');
    await importDataset(db, memoryDataset('v1', CONCEPTS, [
      consumer('0001', ['MESH:D001943'], 'Breast Cancer: prevention'),
      consumer('0002', ['MESH:D001943'], 'Breast Cancer: screening'),
      consumer('0003', ['MESH:D001943'], 'Breast Cancer'),
      research('1', ['MESH:D001943'], 2020),
    ]));
    const ids = (await getSummariesForConcept(db, 'MESH:D001943', { audience: 'patient' })).items.map((s) => s.id);
    expect(ids).toEqual(['medquad:0003', 'medquad:0001', 'medquad:0002', 'pmid:1']);
  });

  test("for clinicians, studies whose question names the concept come before those only indexed with it", async () => {
    // A trial indexed with both concepts, about the first only; a cohort study about the second.
    const { db, ids } = await orderOf('about', [
      research('1', ['MESH:D001943', 'MESH:D003424'], 2020, { ...design('rct'), about: ['MESH:D001943'] }),
      research('2', ['MESH:D003424'], 2001, { ...design('retrospective-cohort'), about: ['MESH:D003424'] }),
    ], 'MESH:D003424');
    expect(ids).toEqual(['pmid:2', 'pmid:1']);
    expect((await getSummariesForConcept(db, 'MESH:D001943')).items.map((s) => s.id)).toEqual(['pmid:1']);
  });

  test("a concept without evidence is read with its broader terms' names and counts", async () => {
    const concepts = [...CONCEPTS.slice(0, 3), concept('MESH:D002277', 'Carcinoma', { summaryCount: 9 }), concept('MESH:X1', 'Ductal carcinoma', { broader: ['MESH:D002277', 'MESH:gone'] })];
    const db = await openDatabase('broader');
    await importDataset(db, memoryDataset('v1', concepts, SUMMARIES));
    // A broader id the dataset does not hold is left out rather than shown nameless.
    expect((await getConcept(db, 'MESH:X1'))?.broaderTerms).toEqual([{ id: 'MESH:D002277', name: 'Carcinoma', summaryCount: 9 }]);
    expect((await getConcept(db, 'MESH:X1'))?.narrowerTerms).toBeUndefined();
    expect((await getConcept(db, 'MESH:D002277'))?.broaderTerms).toBeUndefined();
  });

  test('a concept with no summary of its own gets those that mention it, last, counted apart, never filtered in', async () => {
    const { db, ids } = await orderOf('mentions', [
      research('1', ['MESH:D001943'], 2020, { ...design('rct'), about: ['MESH:D001943'], mentions: ['MESH:D002277', 'MESH:D003424'] }),
      research('2', ['MESH:D003424'], 2001, { about: ['MESH:D003424'] }),
      consumer('0001', ['MESH:D001943'], 'Breast Cancer'),
      { ...consumer('0002', ['MESH:D014057'], 'CT scans'), mentions: ['MESH:D002277', 'MESH:D014057'] },
    ], 'MESH:D003424');
    // Crohn's disease has a study of its own: the mention follows it.
    expect(ids).toEqual(['pmid:2', 'pmid:1']);
    // Carcinoma only mentioned, by a study and a page: clinicians get the study first, patients the page.
    expect((await getSummariesForConcept(db, 'MESH:D002277')).items.map((s) => s.id)).toEqual(['pmid:1', 'medquad:0002']);
    expect((await getSummariesForConcept(db, 'MESH:D002277', { audience: 'patient' })).items.map((s) => s.id)).toEqual(['medquad:0002', 'pmid:1']);
    // A concept the summary is about (CT) is not linked twice.
    expect((await getSummariesForConcept(db, 'MESH:D014057')).total).toBe(1);
    expect(await getConceptOverview(db, 'MESH:D002277')).toMatchObject({ research: 0, consumer: 0, mentions: 2 });
    expect(await getConceptOverview(db, 'MESH:D003424')).toMatchObject({ research: 1, mentions: 1 });
    const trials = await getSummariesForConcept(db, 'MESH:D003424', { filter: { designs: ['rct'] } });
    expect(trials).toEqual({ total: 0, items: [] });
  });

  test('a study whose question names none of its concepts comes before one about another of them', async () => {
    const { ids } = await orderOf('unsaid', [
      research('1', ['MESH:D001943', 'MESH:D003424'], 2020, { ...design('rct'), about: ['MESH:D003424'] }),
      research('2', ['MESH:D001943'], 2001, { about: [] }),
      research('3', ['MESH:D001943'], 1999, { about: ['MESH:D001943'] }),
      consumer('0001', ['MESH:D001943'], 'Breast Cancer'),
    ], 'MESH:D001943');
    expect(ids).toEqual(['pmid:3', 'medquad:0001', 'pmid:2', 'pmid:1']);
  });

  test("a concept without evidence is read with its narrower terms' names and counts", async () => {
    const concepts = [...CONCEPTS, concept('MESH:X2', 'Neoplasms of the breast and more', { narrower: ['MESH:D001943', 'MESH:gone'] })];
    const db = await openDatabase('narrower');
    await importDataset(db, memoryDataset('v1', concepts, SUMMARIES));
    expect((await getConcept(db, 'MESH:X2'))?.narrowerTerms).toEqual([{ id: 'MESH:D001943', name: 'Breast cancer', summaryCount: 3 }]);
    expect((await getConcept(db, 'MESH:X2'))?.broaderTerms).toBeUndefined();
  });

  test('a study only related to the concept comes after the plain-language page on it, for clinicians too', async () => {
    const { db, ids } = await orderOf('related', [
      research('1', ['MESH:D001943'], 2020, { ...design('rct'), about: [] }),
      research('2', ['MESH:D001943'], 2001, { about: ['MESH:D001943'] }),
      consumer('0001', ['MESH:D001943'], 'Breast Cancer'),
    ], 'MESH:D001943');
    expect(ids).toEqual(['pmid:2', 'medquad:0001', 'pmid:1']);
    const patient = await getSummariesForConcept(db, 'MESH:D001943', { audience: 'patient' });
    expect(patient.items.map((s) => s.id)).toEqual(['medquad:0001', 'pmid:2', 'pmid:1']);
  });

  test('search by name prefix, word start, synonym and abbreviation', async () => {
    const db = await ready();
    expect((await searchConcepts(db, 'breast c'))[0]).toMatchObject({ id: 'MESH:D001943', name: 'Breast cancer', match: 'prefix' });
    expect((await searchConcepts(db, 'CT'))[0]).toMatchObject({ id: 'MESH:D014057', match: 'exact', matched: 'CT', category: 'procedure' });
    expect((await searchConcepts(db, 'mammary'))[0]).toMatchObject({ id: 'MESH:D001943', matched: 'mammary cancer' });
    expect((await searchConcepts(db, 'enteritis'))[0]).toMatchObject({ id: 'MESH:D003424', match: 'word' });
    expect((await searchConcepts(db, 'crohns'))[0]?.id).toBe('MESH:D003424');
    // "carc" matches Carcinoma as a prefix; Breast cancer does not contain a word starting "carc".
    expect((await searchConcepts(db, 'carc')).map((h) => h.id)).toEqual(['MESH:D002277']);
    // "cancer" finds both cancer concepts by a later word, the one with more evidence first.
    expect((await searchConcepts(db, 'cancer')).map((h) => h.id)).toEqual(['MESH:D001943']);
    expect((await searchConcepts(db, 'zzz'))).toEqual([]);
    // The plural of an abbreviation no name continues: its singular ("CTs", as "UTIs" for UTI).
    expect((await searchConcepts(db, 'CTs'))[0]).toMatchObject({ id: 'MESH:D014057', matched: 'CT' });
    // A misspelling, once the index is in memory: the name one edit away.
    await loadNameIndex(db, (await getActive(db))!.gen);
    expect((await searchConcepts(db, 'mamografy')).map((h) => h.id)).toEqual([]); // two edits from anything
    expect((await searchConcepts(db, 'brest cancer'))[0]).toMatchObject({ id: 'MESH:D001943', spelledAlike: true });
    expect((await searchConcepts(db, 'breast cancer'))[0]?.spelledAlike).toBeUndefined();
    // Capitals are read as an abbreviation, meant as typed: no guesses one letter away ("DOAC" is no DOA).
    expect(await searchConcepts(db, 'CRONH')).toEqual([]);
    expect((await searchConcepts(db, 'cronh'))[0]).toMatchObject({ id: 'MESH:D003424', spelledAlike: true });
    // One letter: concepts whose own name starts with it (most evidence first), then those another name of which
    // does ("CT" for X-ray computed tomography), then later words.
    expect((await searchConcepts(db, 'c')).map((h) => h.id)).toEqual(['MESH:D002277', 'MESH:D003424', 'MESH:D014057', 'MESH:D001943']);
    expect(await searchConcepts(db, '   ')).toEqual([]);
  });

  test('a word in "s" is read as a plural only where its singular is a whole name: "diabetis" is misspelt', async () => {
    const db = await openDatabase('plural');
    await importDataset(db, memoryDataset('v1', [concept('D:1', 'Diabetes', { summaryCount: 2 }), concept('D:2', 'Diabetic angiopathy', { summaryCount: 3 }), concept('U:1', 'Urinary tract infection', { abbreviations: [{ form: 'UTI', ambiguous: false }] })], []));
    await loadNameIndex(db, (await getActive(db))!.gen);
    expect((await searchConcepts(db, 'diabetis'))[0]?.id).toBe('D:1');
    expect((await searchConcepts(db, 'UTIs'))[0]?.id).toBe('U:1');
  });

  test('a misspelling asked before the name index is in memory waits for it rather than finding nothing', async () => {
    // The worker loads the index on its first search; a reader whose first question is misspelt (or a popup
    // opened as the worker starts) got no answer at all, and the popup asks once per query.
    const opened = await openDatabase('spelt-cold');
    await importDataset(opened, memoryDataset('v1', [concept('D:1', 'Diabetes', { summaryCount: 2 }), concept('C:1', 'Coffee')], []));
    // The bundled index is 126,000 names: reading it takes longer than the cards a search needs first.
    const db = onNameIndexRead(opened, () => new Promise((r) => setTimeout(r, 50)));
    const gen = (await getActive(db))!.gen;
    expect(loadedNameIndex(db, gen)).toBeUndefined();
    expect((await searchWithNarrowSet(db, 'diabetis')).hits[0]).toMatchObject({ id: 'D:1', spelledAlike: true });
    expect(loadedNameIndex(db, gen)).toBeDefined();
    expect(await searchConcepts(db, 'zzzz')).toEqual([]);
  });

  test('a name index whose first load failed is loaded again for a search that needs it', async () => {
    const opened = await openDatabase('spelt-failed');
    await importDataset(opened, memoryDataset('v1', [concept('D:1', 'Diabetes', { summaryCount: 2 }), concept('C:1', 'Coffee')], []));
    let failures = 1;
    const db = onNameIndexRead(opened, async () => {
      if (failures-- > 0) throw new Error('busy');
    });
    expect((await searchWithNarrowSet(db, 'diabetis')).hits[0]).toMatchObject({ id: 'D:1', spelledAlike: true });
  });

  test('a name index that cannot be read at all: a search that found nothing fails, rather than answering "nothing"', async () => {
    const opened = await openDatabase('spelt-unreadable');
    await importDataset(opened, memoryDataset('v1', [concept('D:1', 'Diabetes', { summaryCount: 2 }), concept('C:1', 'Coffee')], []));
    const db = onNameIndexRead(opened, async () => {
      throw new Error('busy');
    });
    await expect(searchWithNarrowSet(db, 'diabetis')).rejects.toThrow(NAME_INDEX_UNREAD);
    // What the names' buckets find by themselves is still answered.
    expect((await searchWithNarrowSet(db, 'diab')).hits.map((hit) => hit.id)).toEqual(['D:1']);
  });

  test('a question or a phrase no name starts with is answered by the names it holds, longest first, in its order', async () => {
    const db = await openDatabase('phrases');
    await importDataset(
      db,
      memoryDataset('v1', [
        concept('C:1', 'Coffee'),
        concept('H:1', 'Heart', { category: 'anatomy', summaryCount: 5 }),
        concept('H:2', 'Heart failure', { summaryCount: 2 }),
        concept('H:3', 'Heart attack', { summaryCount: 1 }),
        concept('M:1', 'Migraine', { summaryCount: 1 }),
        concept('P:1', 'Pregnancy'),
      ], []),
    );
    await loadNameIndex(db, (await getActive(db))!.gen);
    const ids = async (q: string) => (await searchConcepts(db, q)).map((h) => [h.id, h.inPhrase]);
    expect(await ids('is coffee bad for you')).toEqual([['C:1', true]]);
    expect(await ids('heart failure with preserved ejection fraction')).toEqual([['H:2', true]]);
    expect(await ids('what causes migraines in pregnancy')).toEqual([['M:1', true], ['P:1', true]]);
    // A name that starts the query is its answer, as always; one word is no phrase (a misspelling is tried instead).
    expect(await ids('heart fail')).toEqual([['H:2', undefined]]);
    expect(await ids('cofee')).toEqual([['C:1', undefined]]);
    expect((await searchConcepts(db, 'cofee'))[0].spelledAlike).toBe(true);
    // A phrase one letter from a name is that name misspelt, not the words in it ("heart atack" is no Heart).
    expect((await searchConcepts(db, 'heart atack'))[0]).toMatchObject({ id: 'H:3', spelledAlike: true });
  });

  test("a hit carries the concept's clinical name, from the database's buckets and from the index in memory", async () => {
    const db = await openDatabase('clinical');
    const heartAttack = concept('M:1', 'Heart attack', { clinicalName: 'Myocardial infarction', synonyms: ['Myocardial infarction'], summaryCount: 2 });
    await importDataset(db, memoryDataset('v1', [heartAttack, concept('A:1', 'Asthma')], []));
    const expected = { id: 'M:1', name: 'Heart attack', clinicalName: 'Myocardial infarction' };
    expect((await searchConcepts(db, 'myocardial'))[0]).toMatchObject(expected);
    await loadNameIndex(db, (await getActive(db))!.gen);
    expect((await searchConcepts(db, 'heart'))[0]).toMatchObject(expected);
    expect((await searchConcepts(db, 'asthma'))[0]).not.toHaveProperty('clinicalName');
  });

  test('search crosses index buckets, also where many names share one key', async () => {
    const db = await openDatabase('many');
    const many = Array.from({ length: 500 }, (_, i) =>
      concept(`X:${String(i).padStart(4, '0')}`, `Syndrome ${i}`, { synonyms: ['rare syndrome'], summaryCount: i % 7 }),
    );
    await importDataset(db, memoryDataset('v1', many, [], { target: 100_000 }));
    const hits = await searchConcepts(db, 'rare syndrome', 5000);
    expect(hits.length).toBe(500);
    expect(hits.every((h) => h.match === 'prefix' || h.match === 'exact')).toBe(true);
    expect((await searchConcepts(db, 'syndrome 499'))[0]).toMatchObject({ id: 'X:0499', match: 'exact' });
    expect((await searchConcepts(db, 'syndrome 0', 3)).map((h) => h.id)).toEqual(['X:0000']);

    // The index held in memory ranks every entry under the key; the database's buckets, read before it is
    // loaded, give the same wherever the first 600 entries hold them all.
    const gen = (await getActive(db))!.gen;
    await loadNameIndex(db, gen);
    const index = loadedNameIndex(db, gen)!;
    expect(index.keys.length).toBeGreaterThan(1000);
    const cards = await conceptCards(db, gen);
    for (const q of ['', 'r', 'rare', 'rare syndrome', 'syndrome', 'syndrome 4', 'syndrome 499', 'zzz', '0']) {
      const under = index.keys.filter((k) => k.startsWith(q)).length;
      for (const limit of [1, 20, 5000]) {
        const every = new Map<string, Candidate>();
        index.keys.forEach((k, i) => k.startsWith(q) && consider(every, k, index.items[i], q));
        const fromMemory = searchInMemory(index, q, cards, limit);
        expect(fromMemory, `${q} ${limit}`).toEqual(rankHits(every, (id) => cards.get(id), limit));
        if (under <= 600) expect(rankHits(await candidatesFromDb(db, gen, q), (id) => cards.get(id), limit), `${q} ${limit}`).toEqual(fromMemory);
      }
    }
    // Where they do not (1,000 entries under "syndrome": first the 500 "rare syndrome"s from their second word),
    // every entry counts: "Syndrome 496" is found by its name, which the first 600 entries do not hold.
    expect(index.keys.filter((k) => k.startsWith('syndrome')).length).toBeGreaterThan(600);
    expect(searchInMemory(index, 'syndrome', cards, 500).find((h) => h.id === 'X:0496')).toMatchObject({ matched: 'Syndrome 496', match: 'prefix' });

    // A narrow set is sent only when few entries share the key; from it, longer queries rank exactly as the
    // worker ranks them.
    expect((await searchWithNarrowSet(db, 'rare')).narrow).toBeUndefined(); // 500 entries
    const { narrow } = await searchWithNarrowSet(db, 'Syndrome 4');
    expect(narrow?.key).toBe('syndrome 4');
    expect(narrow?.keys.length).toBe(111); // "syndrome 4", "syndrome 40".."49", "syndrome 400".."499"
    for (const q of ['syndrome 4', 'syndrome 41', 'syndrome 49', 'syndrome 499']) {
      expect(searchNarrowSet(narrow!, q, 20), q).toEqual(await searchConcepts(db, q, 20));
    }
    // Where nothing under the set starts with it, the popup asks the worker, which tries one edit away
    // ("syndrome 4x" is "syndrome 4" and more).
    expect(searchNarrowSet(narrow!, 'syndrome 4x', 20)).toEqual([]);
    expect((await searchConcepts(db, 'syndrome 4x', 20)).length).toBe(20);

    // One-character queries are answered from a table sent once: the same answers as asking each.
    const openers = await searchOpeners(db, 20);
    expect(Object.keys(openers).sort().join('')).toBe('0123456789abcdefghijklmnopqrstuvwxyz');
    for (const q of ['r', 's', 'x', '4']) expect(openers[q], q).toEqual(await searchConcepts(db, q, 20));
    expect(openers.r.length).toBe(20);
  });

  test('a concept id "__proto__" is a key like any other in a narrow set, sent either way to the popup', async () => {
    const db = await openDatabase('proto');
    await importDataset(db, memoryDataset('v1', [concept('__proto__', 'Zzyzx disease', { summaryCount: 2 }), concept('C:1', 'Zzyzx syndrome')], []));
    const gen = (await getActive(db))!.gen;
    await Promise.all([loadNameIndex(db, gen), conceptCards(db, gen)]);
    const { narrow } = await searchWithNarrowSet(db, 'zzyzx');
    const worker = await searchConcepts(db, 'zzyzx d', 20);
    expect(worker.map((h) => [h.id, h.name])).toEqual([['__proto__', 'Zzyzx disease']]);
    // Runtime messaging sends JSON; the worker's channel, a structured clone.
    for (const sent of [JSON.parse(JSON.stringify(narrow)), structuredClone(narrow)]) expect(searchNarrowSet(sent, 'zzyzx d', 20)).toEqual(worker);
    // An id the set has no card for is no hit, even one that names a property of every object.
    const bare = { key: 'x', keys: ['x'], items: [narrow!.items[0].replace('__proto__', 'constructor')], cards: {} };
    expect(searchNarrowSet(bare, 'x', 20)).toEqual([]);
  });

  test("the next keystroke's answers: every key one character longer, or the narrow set under the prefix", async () => {
    const db = await openDatabase('next');
    const many = Array.from({ length: 2_100 }, (_, i) => concept(`X:${String(i).padStart(4, '0')}`, `Syndrome ${i}`, { summaryCount: i % 7 }));
    await importDataset(db, memoryDataset('v1', many, [], { target: 100_000 }));
    // 2,100 entries start with "syndrome ": too many to send, so the answer for each next key, each the
    // same as asking it.
    const next = await searchNext(db, 'syndrome ', 20);
    expect(next.narrow).toBeUndefined();
    expect(Object.keys(next.answers)).toHaveLength(36);
    for (const q of ['syndrome 1', 'syndrome 4']) expect(next.answers[q], q).toEqual(await searchConcepts(db, q, 20));
    // Nothing starts with "syndrome a": the popup then asks the worker, which corrects it one edit away.
    expect(next.answers['syndrome a']).toEqual([]);
    expect((await searchConcepts(db, 'syndrome a', 20)).length).toBeGreaterThan(0);
    // Asked again (another popup), the worker answers from what it kept.
    expect(await searchNext(db, 'syndrome ', 20)).toBe(next);
    // Under "syndrome 2", 211 entries: sent whole, they answer every longer key exactly as the worker would.
    const few = await searchNext(db, 'syndrome 2', 20);
    expect(few.answers).toEqual({});
    expect(few.narrow?.keys.length).toBe(1 + 10 + 100 + 100);
    for (const q of ['syndrome 2', 'syndrome 20', 'syndrome 2099']) expect(searchNarrowSet(few.narrow!, q, 20), q).toEqual(await searchConcepts(db, q, 20));
    // Under "syndrome 1", 1,111: more than a search reads, so the answers for each next key instead.
    expect(Object.keys((await searchNext(db, 'syndrome 1', 20)).answers)).toHaveLength(36);
    expect(await searchNext(db, ' ', 20)).toEqual({ answers: {} });
    // A new dataset is never answered from the old one's answers.
    await importDataset(db, memoryDataset('v2', many.slice(0, 10), [], { target: 100_000 }));
    expect((await searchNext(db, 'syndrome ', 20)).narrow?.keys.length).toBe(10);
  });

  test('an empty database answers every query with nothing', async () => {
    const db = await openDatabase('empty');
    expect(await getConcept(db, 'MESH:D001943')).toBeUndefined();
    expect(await searchConcepts(db, 'breast')).toEqual([]);
    expect(await getStatus(db)).toEqual({});
  });
});
