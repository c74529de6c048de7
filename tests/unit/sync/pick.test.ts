// @vitest-environment node
import { zipSync, strToU8 } from 'fflate';
import { expect, test } from 'vitest';
import { importDataset } from '../../../lib/db/import';
import { openDatabase } from '../../../lib/db/schema';
import { stagePicked, type PickProgress } from '../../../lib/sync/pick';
import { putStaged, stagedSource } from '../../../lib/sync/staged';
import { concept, memoryDataset } from '../../helpers/memory-dataset';

const staged = () => {
  const files = new Map<string, string>();
  const put = async (path: string, body: Blob) => void files.set(path, await body.text());
  return { files, put };
};

test('a zip is staged entry by entry, by file name, folders and extras skipped', async () => {
  const zip = zipSync({
    'dataset/manifest.json': strToU8('{"format":1}'),
    'dataset/concepts-0000.jsonl': strToU8('{"id":"C:1"}\n'),
    '__MACOSX/dataset/._manifest.json': strToU8('junk'),
    'dataset/notes/': new Uint8Array(0),
  });
  const { files, put } = staged();
  const progress: number[] = [];
  expect(await stagePicked([new File([zip], 'evidence.zip')], put, (p) => progress.push(p.files))).toBe('evidence.zip');
  expect([...files.keys()].sort()).toEqual(['concepts-0000.jsonl', 'manifest.json']);
  expect(files.get('concepts-0000.jsonl')).toBe('{"id":"C:1"}\n');
  expect(progress.at(-1)).toBe(2);
});

test('progress counts the bytes read of all there is to read, so the bar fills only as the files are staged', async () => {
  const manifest = JSON.stringify({ format: 1, files: [{ path: 'concepts-0000.jsonl' }, { path: 'summaries-0000.jsonl' }] });
  const picked = [new File([manifest], 'manifest.json'), new File(['x'.repeat(3000)], 'concepts-0000.jsonl'), new File(['y'.repeat(5000)], 'summaries-0000.jsonl'), new File(['z'.repeat(9000)], 'notes.txt')];
  const total = manifest.length + 8000; // the unlisted notes are not staged, so not counted
  const loose: PickProgress[] = [];
  await stagePicked(picked, staged().put, (p) => loose.push(p));
  expect(loose.map((p) => [p.read, p.files])).toEqual([[0, 0], [manifest.length, 1], [manifest.length + 3000, 2], [total, 3]]);
  expect(loose.every((p) => p.total === total)).toBe(true);

  // A zip: its own bytes, read as a stream, of its size.
  const zip = zipSync({ 'manifest.json': strToU8(manifest), 'concepts-0000.jsonl': new Uint8Array(300_000).map((_, i) => (i * 7919) % 251) });
  const zipped: PickProgress[] = [];
  await stagePicked([new File([zip], 'evidence.zip')], staged().put, (p) => zipped.push(p));
  expect(zipped.every((p) => p.total === zip.length && p.read <= zip.length)).toBe(true);
  expect(zipped.at(-1)).toEqual({ read: zip.length, total: zip.length, files: 2 });
  expect(zipped.some((p) => p.read < zip.length)).toBe(true);
});

test('a zip entry that inflates past the limit is stopped there', async () => {
  // 25 MB of spaces compress to a few KB: the classic zip bomb shape.
  const zip = zipSync({ 'manifest.json': strToU8('{}'), 'summaries-0000.jsonl': new Uint8Array(25_000_000).fill(32) }, { level: 9 });
  expect(zip.length).toBeLessThan(200_000);
  await expect(stagePicked([new File([zip], 'bomb.zip')], staged().put)).rejects.toThrow('summaries-0000.jsonl is larger than the 20 MB a dataset file may be.');
});

test('not a zip, no manifest, or both kinds of pick are refused with one sentence', async () => {
  await expect(stagePicked([new File(['hello'], 'x.zip')], staged().put)).rejects.toThrow('x.zip is not a zip file.');
  await expect(stagePicked([new File([], 'empty.zip')], staged().put)).rejects.toThrow('empty.zip is empty.');
  const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
  await expect(stagePicked([new File([random], 'random.zip')], staged().put)).rejects.toThrow('random.zip is not a zip file.');
  await expect(stagePicked([new File(['{}'], 'concepts-0000.jsonl')], staged().put)).rejects.toThrow(/have no manifest\.json/);
  await expect(stagePicked([new File(['{}'], 'a.zip'), new File(['{}'], 'manifest.json')], staged().put)).rejects.toThrow(/not both/);
  await expect(stagePicked([], staged().put)).rejects.toThrow('No file was picked.');
});

test('the manifest and its files picked together', async () => {
  const { files, put } = staged();
  const name = await stagePicked([new File(['{}'], 'manifest.json'), new File(['{"id":"a"}\n'], 'concepts-0000.jsonl')], put);
  expect(name).toBe('2 files');
  expect(files.size).toBe(2);
});

test('files the manifest does not list are skipped, however large; a listed file over the limit is refused', async () => {
  const manifest = strToU8(JSON.stringify({ format: 1, files: [{ path: 'concepts-0000.jsonl' }, { path: 'summaries-0000.jsonl' }] }));
  const zip = zipSync(
    { 'manifest.json': manifest, 'concepts-0000.jsonl': strToU8('{"id":"C:1"}\n'), 'supplement.pdf': new Uint8Array(21_000_000).fill(32), 'README.md': strToU8('hi') },
    { level: 9 },
  );
  const { files, put } = staged();
  await stagePicked([new File([zip], 'with-extras.zip')], put);
  // (A small extra may be staged before the manifest is read; the import reads only what the manifest lists.)
  expect(files.has('concepts-0000.jsonl') && files.has('manifest.json') && !files.has('supplement.pdf')).toBe(true);
  const listedTooLarge = zipSync({ 'manifest.json': manifest, 'summaries-0000.jsonl': new Uint8Array(21_000_000).fill(32) }, { level: 9 });
  await expect(stagePicked([new File([listedTooLarge], 'big.zip')], staged().put)).rejects.toThrow('summaries-0000.jsonl is larger than the 20 MB a dataset file may be.');

  const loose = staged();
  await stagePicked([new File([manifest], 'manifest.json'), new File(['{"id":"C:1"}\n'], 'concepts-0000.jsonl'), new File(['x'], 'notes.txt')], loose.put);
  expect([...loose.files.keys()].sort()).toEqual(['concepts-0000.jsonl', 'manifest.json']);
}, 20_000); // two 21 MB zips: a second on an idle machine, several on a busy one

test('a picked manifest that is not JSON, or files that do not match it, say what to pick', async () => {
  const cached = new Map<string, Response>();
  const open = async () => ({ put: async (key: string, r: Response) => void cached.set(key, r), match: async (key: string) => cached.get(key)?.clone() }) as unknown as Cache;
  await putStaged(open, 'pick', 'manifest.json', new Blob(['<html>']));
  await expect(stagedSource(open, 'pick', 'dataset.zip')).rejects.toThrow('The picked manifest.json is not valid JSON: pick the manifest.json published with the dataset.');
  const data = memoryDataset('v1', [concept('MESH:D1', 'Asthma')], []);
  await putStaged(open, 'pick', 'manifest.json', new Blob([JSON.stringify(data.manifest)]));
  const path = data.manifest.files[0].path;
  await putStaged(open, 'pick', path, new Blob([data.files.get(path)! + '{"id":"MESH:D2"}\n']));
  const db = await openDatabase();
  await expect(importDataset(db, await stagedSource(open, 'pick', 'dataset.zip'))).rejects.toThrow(
    `${path} is damaged or was changed: its checksum does not match the manifest. Pick the files published together with this manifest (or their .zip), as they are.`,
  );
});

test('a zip that fails or is cancelled midway throws only once its files are written: none lands after the page clears them', async () => {
  /** Writes take a while; `pending` counts those not yet done. */
  const slow = () => {
    let pending = 0;
    const put = async () => {
      pending++;
      await new Promise((r) => setTimeout(r, 30));
      pending--;
    };
    return { put, pending: () => pending };
  };
  const twice = zipSync({ 'manifest.json': strToU8('{"format":1}'), 'a/concepts-0000.jsonl': strToU8('{}\n'), 'b/concepts-0000.jsonl': strToU8('{}\n') });
  const failing = slow();
  await expect(stagePicked([new File([twice], 'two.zip')], failing.put)).rejects.toThrow('The zip holds two files named concepts-0000.jsonl.');
  expect(failing.pending()).toBe(0);

  const good = zipSync({ 'manifest.json': strToU8('{"format":1}'), 'concepts-0000.jsonl': strToU8('{}\n') });
  const cancelled = slow();
  const controller = new AbortController();
  const picking = stagePicked([new File([good], 'one.zip')], cancelled.put, (p) => p.files > 0 && controller.abort(), controller.signal);
  await expect(picking).rejects.toThrow();
  expect(controller.signal.aborted).toBe(true);
  expect(cancelled.pending()).toBe(0);
});

test("a damaged zip entry is said in the reader's words, not the unzipper's", async () => {
  const body = strToU8('{"id":"C:1","name":"Asthma"}\n'.repeat(400));
  const zip = zipSync({ 'concepts-0000.jsonl': body }, { level: 6 });
  // Scramble the compressed bytes (after the 30-byte local header and the 19-byte name).
  for (let i = 60; i < 90; i++) zip[i] ^= 0xa5;
  const error = await stagePicked([new File([zip], 'evidence.zip')], staged().put, () => undefined).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error?.message).toBe('concepts-0000.jsonl in the zip is damaged: download the dataset again, or ask its publisher for a good copy.');
});
