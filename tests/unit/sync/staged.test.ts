// The staging of picked files in the shared cache: each import under an id of its own, and what a closed settings
// page left freed by the next one, without touching another page's import or the one the background runs.
import { expect, test } from 'vitest';
import { clearStaged, putStaged, recoverInterruptedStaging, stagedSource, withStaging } from '../../../lib/sync/staged';
import { lastSyncItem, syncJobItem } from '../../../lib/sync/state';
import { fakeLocks } from '../../helpers/fake-locks';
import { memoryCache } from '../../helpers/memory-cache';

const keys = async (open: ReturnType<typeof memoryCache>) => (await (await open()).keys()).map(String).sort();

test('two imports staged at once keep apart: each reads its own manifest, and clearing one leaves the other', async () => {
  const open = memoryCache();
  const locks = fakeLocks();
  const ids: string[] = [];
  await Promise.all(
    ['one.zip', 'two.zip'].map((name) =>
      withStaging(
        open,
        name,
        async (id) => {
          ids.push(id);
          await putStaged(open, id, 'manifest.json', new Blob([JSON.stringify({ picked: name })]));
        },
        locks,
      ),
    ),
  );
  expect(new Set(ids).size).toBe(2);
  const [one, two] = ids;
  const manifestOf = async (id: string) => JSON.parse(await (await (await open()).match(`https://evidence-lens.invalid/import/${id}/manifest.json`))!.text());
  expect(await manifestOf(one)).toEqual({ picked: 'one.zip' });
  expect(await manifestOf(two)).toEqual({ picked: 'two.zip' });
  await clearStaged(open, one);
  expect((await keys(open)).every((key) => key.includes(`/${two}/`))).toBe(true);
  expect(await keys(open)).toHaveLength(2); // the second's manifest and its mark
  await expect(stagedSource(open, one, 'one.zip')).rejects.toThrow(/have no manifest\.json/);
});

test("the next settings page frees what a closed one left, and says so; another page's import and the running job stay", async () => {
  const open = memoryCache();
  const locks = fakeLocks();
  // A page closed while staging big.zip: its mark and a file, its lock gone with it.
  let closedId = '';
  await withStaging(open, 'big.zip', async (id) => void (closedId = id), locks);
  await putStaged(open, closedId, 'manifest.json', new Blob(['{}']));
  // A file an older version staged in the one shared folder.
  await putStaged(open, '', 'concepts-0000.jsonl', new Blob(['{}']));
  // The import the background runs now (its page may be closed).
  await putStaged(open, 'running', 'manifest.json', new Blob(['{}']));
  await syncJobItem.setValue({ kind: 'file', source: 'running.zip', staging: 'running', trigger: 'reader', startedAt: '2026-01-01T00:00:00Z', resumes: 0 });
  // Another settings page, still staging.
  let release = () => {};
  let liveId = '';
  const live = withStaging(
    open,
    'live.zip',
    async (id) => {
      liveId = id;
      await putStaged(open, id, 'manifest.json', new Blob(['{}']));
      await new Promise<void>((resolve) => (release = resolve));
    },
    locks,
  );
  await expect.poll(() => liveId).not.toBe('');

  await recoverInterruptedStaging(open, () => new Date('2026-02-01T00:00:00Z'), locks);
  const left = await keys(open);
  expect(left.some((key) => key.includes(closedId)) || left.includes('https://evidence-lens.invalid/import/concepts-0000.jsonl')).toBe(false);
  expect(left.filter((key) => key.includes('/running/'))).toHaveLength(1);
  expect(left.filter((key) => key.includes(`/${liveId}/`))).toHaveLength(2);
  expect(await lastSyncItem.getValue()).toEqual({
    kind: 'file',
    source: 'big.zip',
    trigger: 'reader',
    at: '2026-02-01T00:00:00.000Z',
    result: 'cancelled',
    message: 'The import of big.zip stopped when the settings page was closed, so nothing was changed: pick the files again.',
  });
  release();
  await live;
});

test('files staged before the last recorded update are freed without a word: "Last sync" keeps what that update said', async () => {
  const open = memoryCache();
  const locks = fakeLocks();
  // A pick whose import ended (given up, failed) but whose files stayed.
  await withStaging(open, 'big.zip', async (id) => putStaged(open, id, 'manifest.json', new Blob(['{}'])), locks);
  const given = { kind: 'file', source: 'big.zip', trigger: 'resume', at: new Date(Date.now() + 60_000).toISOString(), result: 'failed', message: 'It was given up.' } as const;
  await lastSyncItem.setValue(given);
  await recoverInterruptedStaging(open, () => new Date(Date.now() + 120_000), locks);
  expect(await keys(open)).toEqual([]);
  expect(await lastSyncItem.getValue()).toEqual(given);
  // A pick staged after it, its page closed midway, is told.
  await withStaging(open, 'new.zip', async () => {}, locks);
  await lastSyncItem.setValue({ ...given, at: '2000-01-01T00:00:00.000Z' });
  await recoverInterruptedStaging(open, () => new Date(Date.now() + 120_000), locks);
  expect(await lastSyncItem.getValue()).toMatchObject({ source: 'new.zip', result: 'cancelled' });
});
