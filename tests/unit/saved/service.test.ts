// The background's saved list: entries read from the dataset (not from the sender), two saves at once both kept,
// a full list refused in a sentence with nothing dropped, Undo's place kept, and a dataset update that loses nothing.
import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Summary } from '../../../lib/dataset/types';
import { Router, senderOn } from '../../../lib/messaging/router';
import { SAVED_FULL, SAVED_LIMIT, savedEntry } from '../../../lib/saved/saved-summaries';
import { registerSavedSummaries } from '../../../lib/saved/service';
import { savedSummariesItem } from '../../../lib/saved/storage';
import { CONSUMER, TRIAL } from '../components/fixtures';

function setUp() {
  const router = new Router();
  let clock = 1000;
  const dataset = new Map<string, Summary>([
    [TRIAL.id, TRIAL],
    [CONSUMER.id, CONSUMER],
  ]);
  const state = { failing: false };
  const service = registerSavedSummaries(router, {
    summary: async (id) => {
      if (state.failing) throw new Error('IndexedDB went away');
      return dataset.get(id);
    },
    now: () => clock++,
  });
  const ask = async (type: 'saved/add' | 'saved/remove' | 'saved/clear', request: unknown, sender: unknown = { url: 'chrome-extension://x/popup.html' }) => {
    const reply = await router.listener({ type, request }, sender);
    if (!reply?.ok) throw new Error(reply ? (reply as { error: string }).error : 'no handler');
  };
  return { ask, dataset, service, state };
}

test('a summary saved is kept as the dataset has it, newest first, on this device only', async () => {
  const { ask } = setUp();
  await ask('saved/add', { summaryId: TRIAL.id });
  await ask('saved/add', { summaryId: CONSUMER.id });
  expect(await savedSummariesItem.getValue()).toEqual([savedEntry(CONSUMER, 1001), savedEntry(TRIAL, 1000)]);
  expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  // Saving it again changes nothing.
  await ask('saved/add', { summaryId: TRIAL.id });
  expect((await savedSummariesItem.getValue()).map((s) => s.at)).toEqual([1001, 1000]);
});

test('two saves at once are both kept (one writer, one write at a time)', async () => {
  const { ask } = setUp();
  await Promise.all([ask('saved/add', { summaryId: TRIAL.id }), ask('saved/add', { summaryId: CONSUMER.id })]);
  expect((await savedSummariesItem.getValue()).map((s) => s.id).sort()).toEqual([CONSUMER.id, TRIAL.id]);
});

test('a summary the dataset lacks, or a malformed id, is refused with a reason', async () => {
  const { ask } = setUp();
  await expect(ask('saved/add', { summaryId: 'pmid:1' })).rejects.toThrow('This summary is not in the installed dataset.');
  await expect(ask('saved/add', { summaryId: 42 })).rejects.toThrow('Not a summary id.');
  await expect(ask('saved/remove', { summaryId: 'x'.repeat(201) })).rejects.toThrow('Not a summary id.');
  expect(await savedSummariesItem.getValue()).toEqual([]);
});

test('a full list refuses one more in a sentence, and drops nothing to make room', async () => {
  const { ask } = setUp();
  const full = Array.from({ length: SAVED_LIMIT }, (_, i) => savedEntry({ ...TRIAL, id: `pmid:${i + 1}` }, i + 1));
  await savedSummariesItem.setValue(full);
  await expect(ask('saved/add', { summaryId: CONSUMER.id })).rejects.toThrow(SAVED_FULL);
  expect(await savedSummariesItem.getValue()).toHaveLength(SAVED_LIMIT);
});

test('remove, then Undo puts it back in its place; a time in the future is not taken', async () => {
  const { ask } = setUp();
  await ask('saved/add', { summaryId: TRIAL.id });
  await ask('saved/add', { summaryId: CONSUMER.id });
  const [, trial] = await savedSummariesItem.getValue();
  await ask('saved/remove', { summaryId: TRIAL.id });
  expect((await savedSummariesItem.getValue()).map((s) => s.id)).toEqual([CONSUMER.id]);
  await ask('saved/add', { summaryId: TRIAL.id, at: trial.at });
  expect((await savedSummariesItem.getValue()).map((s) => s.id)).toEqual([CONSUMER.id, TRIAL.id]);
  await ask('saved/remove', { summaryId: TRIAL.id });
  await ask('saved/add', { summaryId: TRIAL.id, at: 10 ** 15 });
  expect((await savedSummariesItem.getValue())[0].id).toBe(TRIAL.id);
  await ask('saved/clear', undefined);
  expect(await savedSummariesItem.getValue()).toEqual([]);
});

test('after a dataset update: entries read again; one it no longer holds is kept, marked missing; a failed lookup changes nothing', async () => {
  const { ask, dataset, service, state } = setUp();
  await ask('saved/add', { summaryId: TRIAL.id });
  await ask('saved/add', { summaryId: CONSUMER.id });
  dataset.set(TRIAL.id, { ...TRIAL, question: 'Do aromatase inhibitors raise the cardiovascular risk?' });
  dataset.delete(CONSUMER.id);
  const before = await savedSummariesItem.getValue();
  state.failing = true;
  await service.datasetChanged();
  expect(await savedSummariesItem.getValue()).toEqual(before);
  state.failing = false;
  await service.datasetChanged();
  const after = await savedSummariesItem.getValue();
  expect(after.map((s) => [s.id, s.title, s.missing ?? false])).toEqual([
    [CONSUMER.id, 'Breast Cancer', true],
    [TRIAL.id, 'Do aromatase inhibitors raise the cardiovascular risk?', false],
  ]);
  // Back in a later dataset: no longer marked.
  dataset.set(CONSUMER.id, CONSUMER);
  await service.datasetChanged();
  expect((await savedSummariesItem.getValue())[0].missing).toBeUndefined();
});

test("a page's card may save (the reader's own click), never remove or clear: those are the extension pages' only", async () => {
  const router = new Router({ fromExtension: senderOn('chrome-extension://x/') });
  registerSavedSummaries(router, { summary: async (id) => (id === TRIAL.id ? TRIAL : undefined) });
  const page = { tab: { id: 3 }, url: 'https://news.example/' };
  expect(await router.listener({ type: 'saved/add', request: { summaryId: TRIAL.id } }, page)).toEqual({ ok: true, value: undefined });
  for (const type of ['saved/remove', 'saved/clear']) {
    const reply = await router.listener({ type, request: { summaryId: TRIAL.id } }, page);
    expect(reply).toEqual({ ok: false, error: `"${type}" is answered only to the extension's own pages.` });
  }
  expect((await savedSummariesItem.getValue()).map((s) => s.id)).toEqual([TRIAL.id]);
});
