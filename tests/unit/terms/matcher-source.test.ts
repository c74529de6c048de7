import { expect, test } from 'vitest';
import { importDataset } from '../../../lib/db/import';
import { openDatabase } from '../../../lib/db/schema';
import { loadMatcher } from '../../../lib/match';
import { matcherBytes } from '../../../lib/terms/matcher-source';
import { concept, memoryDataset } from '../../helpers/memory-dataset';

test("a synced dataset's matcher is compiled once and kept; one kept by another matcher format is compiled again", async () => {
  const db = await openDatabase('matcher-source');
  await importDataset(db, memoryDataset('v1', [concept('MESH:D006527', 'Wilson disease')], [], { origin: 'https://example.org/data' }));
  const bundled = async () => {
    throw new Error('the bundled matcher is not for a synced dataset');
  };
  const first = await matcherBytes(db, bundled);
  expect(loadMatcher(first).match('Wilson disease').map((m) => m.conceptId)).toEqual(['MESH:D006527']);
  const kept = (await db.get('meta', 'matcher')) as { version: string; bytes: Uint8Array };
  expect(await matcherBytes(db, bundled)).toEqual(kept.bytes);
  // As an older extension that keyed the cache without the format would have left it: not trusted.
  await db.put('meta', { version: 'https://example.org/data#v1', bytes: new Uint8Array([1, 2, 3]) }, 'matcher');
  const again = await matcherBytes(db, bundled);
  expect(loadMatcher(again).match('Wilson disease')).toHaveLength(1);
  // Reading the bundled vocabulary takes 2.5 s alone; a busy machine doubles it.
}, 30_000);

test('a dataset republished under the same version with other files gets its own matcher, not the one kept', async () => {
  const db = await openDatabase('matcher-source-republished');
  const origin = 'https://example.org/data';
  const bundled = async (): Promise<ArrayBuffer> => {
    throw new Error('the bundled matcher is not for a synced dataset');
  };
  await importDataset(db, memoryDataset('v1', [concept('MESH:D006527', 'Wilson disease')], [], { origin }));
  expect(loadMatcher(await matcherBytes(db, bundled)).match('Menkes disease')).toEqual([]);
  // The publisher adds a concept and publishes again as "v1": the store installs it (other checksums).
  await importDataset(db, memoryDataset('v1', [concept('MESH:D006527', 'Wilson disease'), concept('MESH:D007706', 'Menkes disease')], [], { origin }));
  expect(loadMatcher(await matcherBytes(db, bundled)).match('Menkes disease').map((m) => m.conceptId)).toEqual(['MESH:D007706']);
}, 30_000);
