// The bundled dataset is checked on every worker start: a newer one shipped with an extension update is
// installed over the older bundled one, whatever another source's import left unfinished.
import { expect, test } from 'vitest';
import { getActive } from '../../../lib/db/active';
import { getPending } from '../../../lib/db/pending';
import { getConcept } from '../../../lib/db/queries';
import { openDatabase } from '../../../lib/db/schema';
import { EvidenceStore } from '../../../lib/db/service';
import { concept, memoryDataset } from '../../helpers/memory-dataset';

const CONCEPTS = Array.from({ length: 12 }, (_, i) => concept(`C:${String(i).padStart(2, '0')}`, `Condition ${i}`));
const renamed = (suffix: string) => CONCEPTS.map((c) => ({ ...c, name: `${c.name} ${suffix}` }));

test("a newer bundled dataset is installed over another source's unfinished import; the same one leaves it to resume", async () => {
  const db = await openDatabase();
  const start = (version: string) => new EvidenceStore({ open: async () => db, bundled: async () => memoryDataset(version, renamed(version), [], { origin: 'bundled' }) });
  await start('b1').ensureBundled();
  // A sync from elsewhere wrote two files, then stopped for good (nothing will resume it).
  const synced = memoryDataset('u1', renamed('u1'), [], { origin: 'https://data.example.org/manifest.json' });
  const third = synced.manifest.files[2].path;
  await expect(start('b1').import({ ...synced, readFile: async (p) => (p === third ? Promise.reject(new Error('offline')) : synced.readFile(p)) })).rejects.toThrow();
  expect((await getPending(db))?.origin).toBe(synced.origin);

  // The same bundled version: the unfinished sync is kept, to be resumed.
  await start('b1').ensureBundled();
  expect((await getPending(db))?.origin).toBe(synced.origin);

  // An extension update ships b2.
  await start('b2').ensureBundled();
  expect((await getActive(db))?.meta.version).toBe('b2');
  expect((await getConcept(db, 'C:00'))?.name).toBe('Condition 0 b2');
  expect(await getPending(db)).toBeUndefined();
});
