// The settings page's Cancel names what it stops: its own work, else the update it shows running; never "whatever runs".
import { expect, test } from 'vitest';
import { cancelTarget } from '../../../lib/sync/cancel';
import type { SyncJob } from '../../../lib/sync/state';

const scheduled: SyncJob = { kind: 'url', source: 'https://data.example.org/manifest.json', id: 'alarm-1', trigger: 'schedule', startedAt: '2026-01-01T00:00:00Z', resumes: 0 };

test('while the page stages its picked files, its Cancel stops that alone and asks the background nothing', () => {
  expect(cancelTarget({ staging: true, job: scheduled, importing: true })).toBeUndefined();
});

test("once asked, the page's Cancel names its own update, whatever else runs", () => {
  expect(cancelTarget({ staging: false, own: { update: 'staging-id' }, job: scheduled, importing: true })).toEqual({ update: 'staging-id' });
  expect(cancelTarget({ staging: false, own: { restore: true }, job: scheduled, importing: true })).toEqual({ restore: true });
});

test('with no work of its own, the Cancel names the update the page shows running', () => {
  expect(cancelTarget({ staging: false, job: scheduled, importing: true })).toEqual({ update: 'alarm-1' });
  expect(cancelTarget({ staging: false, job: null, importing: true })).toEqual({ restore: true });
  expect(cancelTarget({ staging: false, job: null, importing: false })).toBeUndefined();
});

test('a job stored by an older version, with no id, is named all the same, as the background names it', () => {
  expect(cancelTarget({ staging: false, job: { ...scheduled, id: undefined }, importing: true })).toEqual({ update: 'started 2026-01-01T00:00:00Z' });
  const file: SyncJob = { ...scheduled, kind: 'file', source: 'a.zip', id: undefined, staging: 'staging-a' };
  expect(cancelTarget({ staging: false, job: file, importing: true })).toEqual({ update: 'staging-a' });
});
