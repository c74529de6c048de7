// The background's list of terms the reader opened: names from the dataset (not the sender), nothing from a private
// window or when the reader keeps no list, two quick opens both kept, and Clear.
import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Router } from '../../../lib/messaging/router';
import { registerRecentTerms } from '../../../lib/recent/service';
import { recentTermsItem } from '../../../lib/recent/storage';
import type { ConceptCard } from '../../../lib/search/keys';

const CARDS: Record<string, ConceptCard> = {
  'MESH:D001943': { name: 'Breast Neoplasms', clinicalName: 'Breast cancer', category: 'disease', summaryCount: 36 },
  'MESH:D008687': { name: 'Metformin', category: 'drug', summaryCount: 5 },
};

function setUp({ keep = true } = {}) {
  const router = new Router();
  let clock = 1000;
  const state = { keep };
  registerRecentTerms(router, { conceptCard: async (id) => CARDS[id], keep: async () => state.keep, now: () => clock++ });
  const ask = async (type: 'recent/remember' | 'recent/clear', request: unknown, sender: unknown = { url: 'chrome-extension://x/popup.html' }) => {
    const reply = await router.listener({ type, request }, sender);
    if (!reply?.ok) throw new Error(reply ? (reply as { error: string }).error : 'no handler');
  };
  return { ask, state };
}

test('a term opened is kept with its names and category from the dataset, newest first', async () => {
  const { ask } = setUp();
  await ask('recent/remember', { conceptId: 'MESH:D008687' });
  await ask('recent/remember', { conceptId: 'MESH:D001943' }, { tab: { id: 3, incognito: false } });
  expect(await recentTermsItem.getValue()).toEqual([
    { id: 'MESH:D001943', name: 'Breast Neoplasms', clinicalName: 'Breast cancer', category: 'disease', at: 1001 },
    { id: 'MESH:D008687', name: 'Metformin', category: 'drug', at: 1000 },
  ]);
  // Kept on this device only.
  expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
});

test('two opens at once are both kept (one writer, one write at a time)', async () => {
  const { ask } = setUp();
  await Promise.all([ask('recent/remember', { conceptId: 'MESH:D008687' }), ask('recent/remember', { conceptId: 'MESH:D001943' })]);
  expect((await recentTermsItem.getValue()).map((t) => t.id).sort()).toEqual(['MESH:D001943', 'MESH:D008687']);
});

test('nothing is kept from a private window, when the reader keeps no list, or for a concept the dataset lacks', async () => {
  const { ask, state } = setUp();
  await ask('recent/remember', { conceptId: 'MESH:D008687' }, { tab: { id: 4, incognito: true } });
  await ask('recent/remember', { conceptId: 'MESH:D9999999' });
  state.keep = false;
  await ask('recent/remember', { conceptId: 'MESH:D001943' });
  expect(await recentTermsItem.getValue()).toEqual([]);
});

test('a malformed id is refused with a reason; Clear empties the list', async () => {
  const { ask } = setUp();
  await expect(ask('recent/remember', { conceptId: 42 })).rejects.toThrow('Not a concept id.');
  await expect(ask('recent/remember', { conceptId: 'M'.repeat(201) })).rejects.toThrow('Not a concept id.');
  await ask('recent/remember', { conceptId: 'MESH:D008687' });
  expect(await recentTermsItem.getValue()).toHaveLength(1);
  await ask('recent/clear', undefined);
  expect(await recentTermsItem.getValue()).toEqual([]);
});

test('after a dataset update the list follows it: names read again, terms it no longer has dropped, failed lookups kept', async () => {
  const router = new Router();
  const cards: Record<string, ConceptCard | 'fail'> = { ...CARDS, 'MESH:D003920': { name: 'Diabetes Mellitus', category: 'disease', summaryCount: 9 } };
  const recent = registerRecentTerms(router, {
    conceptCard: async (id) => {
      const card = cards[id];
      if (card === 'fail') throw new Error('the database went away');
      return card;
    },
    keep: async () => true,
  });
  for (const conceptId of ['MESH:D003920', 'MESH:D008687', 'MESH:D001943']) await router.listener({ type: 'recent/remember', request: { conceptId } }, {});
  delete cards['MESH:D008687'];
  cards['MESH:D001943'] = { name: 'Breast Neoplasms', category: 'disease', summaryCount: 40 };
  cards['MESH:D003920'] = 'fail';
  await recent.datasetChanged();
  const after = await recentTermsItem.getValue();
  expect(after.map((t) => [t.id, t.name, t.clinicalName])).toEqual([
    ['MESH:D001943', 'Breast Neoplasms', undefined],
    ['MESH:D003920', 'Diabetes Mellitus', undefined],
  ]);
});
