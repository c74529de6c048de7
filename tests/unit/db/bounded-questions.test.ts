// The store's questions come from web pages too (a card's look-up runs in the page's content script), and a hostile
// page's renderer can send any size: a long "search" or a huge page of summaries is cut to a sane size before work.
import { expect, test, vi } from 'vitest';
import { EvidenceStore } from '../../../lib/db/service';
import * as spelling from '../../../lib/search/spelling';
import { Router } from '../../../lib/messaging/router';
import type { MessageType, Reply, RequestOf } from '../../../lib/messaging/protocol';
import { concept, memoryDataset, research } from '../../helpers/memory-dataset';

const CONCEPTS = [concept('C:1', 'Wilson disease', { summaryCount: 30 }), concept('C:2', 'Asthma')];
const SUMMARIES = Array.from({ length: 30 }, (_, i) => research(String(100 + i), ['C:1'], 1990 + i));

async function store() {
  const store = new EvidenceStore({ bundled: async () => memoryDataset('b1', CONCEPTS, SUMMARIES, { origin: 'bundled', target: 1 }) });
  const router = new Router();
  store.register(router);
  await store.ensureBundled();
  return async <T extends MessageType>(type: T, request: RequestOf<T>) => {
    const reply = (await router.listener({ type, request }, {})) as Reply<T>;
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  };
}

test('a search of a megabyte is a search of its first 200 characters, and no spelling is guessed at for it', async () => {
  const ask = await store();
  const guessed = vi.spyOn(spelling, 'searchSpellings');
  const long = 'wilson disease' + 'x'.repeat(1 << 20);
  expect(await ask('concept/search', { query: long, limit: 5 })).toEqual([]);
  // Nothing starts with it, so misspellings were looked for: of the first 200 characters only.
  expect(guessed.mock.calls.map(([q]) => q.length)).toEqual([200]);
  // What a reader types is answered as before.
  expect((await ask('concept/search', { query: 'wilson', limit: 5 })).map((h) => h.id)).toEqual(['C:1']);
});

test("a page of summaries holds at most 100, whatever the limit asked; a made-up offset or limit is ignored", async () => {
  const ask = await store();
  expect((await ask('summaries/for-concept', { conceptId: 'C:1', limit: 1e9 })).items.length).toBe(30);
  expect((await ask('summaries/for-concept', { conceptId: 'C:1', limit: 2 })).items.length).toBe(2);
  expect((await ask('summaries/for-concept', { conceptId: 'C:1', limit: -5 })).items.length).toBe(1);
  expect((await ask('summaries/for-concept', { conceptId: 'C:1', offset: -10, limit: 3 })).items.map((s) => s.id)).toEqual(
    (await ask('summaries/for-concept', { conceptId: 'C:1', offset: 0, limit: 3 })).items.map((s) => s.id),
  );
  const odd = { conceptId: 'C:1', limit: 'lots', offset: {} } as unknown as RequestOf<'summaries/for-concept'>;
  expect((await ask('summaries/for-concept', odd)).items.length).toBe(20); // the default page
});

test('spellings are guessed only for words of a sane length', () => {
  const searchKey = vi.fn(() => []);
  // Ten words run together: no name is misspelled so, and its one-edit keys would be thousands.
  expect(spelling.searchSpellings('diabetes'.repeat(10), searchKey, 5, ['diabetes'])).toEqual([]);
  expect(searchKey).not.toHaveBeenCalled();
  expect(spelling.searchSpellings('diabetis', searchKey, 5, ['diabetes'])).toEqual([]);
  expect(searchKey).toHaveBeenCalled(); // a word is still tried
});

test("concepts' cards: those the dataset has, in the order asked, at most 100, whatever was sent", async () => {
  const ask = await store();
  expect(await ask('concept/cards', { ids: ['C:2', 'nope', 'C:1'] })).toEqual([
    { id: 'C:2', name: 'Asthma', category: 'disease', summaryCount: 0 },
    { id: 'C:1', name: 'Wilson disease', category: 'disease', summaryCount: 30 },
  ]);
  expect(await ask('concept/cards', { ids: 'C:1' } as unknown as RequestOf<'concept/cards'>)).toEqual([]);
  expect(await ask('concept/cards', { ids: [42, 'x'.repeat(1 << 20), 'C:1'] } as unknown as RequestOf<'concept/cards'>)).toHaveLength(1);
  expect(await ask('concept/cards', { ids: Array.from({ length: 500 }, () => 'C:1') })).toHaveLength(100);
});

test("a concept's study ids: its studies' PubMed ids in reading order, newest first", async () => {
  const ask = await store();
  const pmids = await ask('summaries/study-pmids', { conceptId: 'C:1' });
  expect(pmids).toHaveLength(30);
  expect(pmids.slice(0, 3)).toEqual(['129', '128', '127']);
  expect(await ask('summaries/study-pmids', { conceptId: 'C:1', filter: { fromYear: 2018 } })).toEqual(['129', '128']);
});
