// The popup's search answers: after the first keystrokes, the next one is answered in the popup, from the
// answers it asked for meanwhile, with the background's real queries behind a router on the fake browser.
import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { searchConcepts as popupSearch } from '../../../entrypoints/popup/data';
import { importDataset } from '../../../lib/db/import';
import { searchConcepts, searchNext, searchOpeners, searchWithNarrowSet } from '../../../lib/db/search';
import { openDatabase } from '../../../lib/db/schema';
import { Router } from '../../../lib/messaging/router';
import { concept, memoryDataset } from '../../helpers/memory-dataset';

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

test('a reader typing a word: after the first letters, each keystroke is answered without asking the background', async () => {
  const db = await openDatabase('popup-search');
  const many = Array.from({ length: 500 }, (_, i) => concept(`X:${String(i).padStart(4, '0')}`, `Syndrome ${i}`, { summaryCount: i % 7 }));
  const k = Array.from({ length: 300 }, (_, i) => concept(`K:${String(i).padStart(4, '0')}`, `Kawasaki ${i}`));
  await importDataset(db, memoryDataset('v1', [...many, ...k, concept('X:9999', 'Sydenham chorea')], []));
  const asked: string[] = [];
  const router = new Router()
    .on('concept/search-openers', ({ limit }) => (asked.push('openers'), searchOpeners(db, limit)))
    .on('concept/search-narrowable', ({ query, limit }) => (asked.push(`search ${query}`), searchWithNarrowSet(db, query, limit)))
    .on('concept/search-next', ({ prefix, limit }) => (asked.push(`next ${prefix}`), searchNext(db, prefix, limit)));
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);

  for (const typed of ['s', 'sy', 'syn', 'synd', 'syndr', 'syndro', 'syndrom', 'syndrome', 'syndrome ', 'syndrome 4', 'syndrome 42']) {
    // Each answer is the one the background gives for that text.
    expect(await popupSearch(typed), typed).toEqual(await searchConcepts(db, typed, 20));
    await settle(); // the reader's finger moves to the next key
  }
  // Only the first letter reached the background as a search (the openers were not back yet); every later
  // keystroke was answered from what the popup had asked for next: here the narrow set under "s".
  expect(asked.filter((a) => a.startsWith('search'))).toEqual(['search s']);
  expect(asked).toContain('next s');
  expect(asked).not.toContain('next sy');

  // A reader typing each key as soon as the last answer shows, faster than the answers asked for ahead come
  // back, waits for those rather than asking again.
  const fast = ['k', 'ka', 'kaw', 'kawa'];
  const answers: unknown[] = [];
  for (const typed of fast) answers.push(await popupSearch(typed));
  for (const [i, typed] of fast.entries()) expect(answers[i], typed).toEqual(await searchConcepts(db, typed, 20));
  expect(asked.filter((a) => a.startsWith('search k'))).toEqual([]);
});

test('a plural no name continues ("CTs") is answered by the background from its singular, not left empty', async () => {
  const db = await openDatabase('popup-plural');
  const ct = concept('M:CT', 'X-ray computed tomography', { abbreviations: [{ form: 'CT', ambiguous: false }], summaryCount: 3 });
  await importDataset(db, memoryDataset('v1', [ct, concept('M:CA', 'Cancer')], []));
  const router = new Router()
    .on('concept/search-openers', ({ limit }) => searchOpeners(db, limit))
    .on('concept/search-narrowable', ({ query, limit }) => searchWithNarrowSet(db, query, limit))
    .on('concept/search-next', ({ prefix, limit }) => searchNext(db, prefix, limit));
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  for (const typed of ['c', 'ct']) {
    await popupSearch(typed);
    await settle();
  }
  expect((await popupSearch('cts')).map((h) => h.id)).toEqual(['M:CT']);
});

test('a search the background failed to answer is asked once more, not shown as "no results"', async () => {
  const db = await openDatabase('popup-retry');
  await importDataset(db, memoryDataset('v1', [concept('D:1', 'Diabetes', { summaryCount: 2 }), concept('G:1', 'Gout')], []));
  let failures = 1;
  const asked: string[] = [];
  const router = new Router()
    .on('concept/search-openers', ({ limit }) => searchOpeners(db, limit))
    .on('concept/search-narrowable', ({ query, limit }) => {
      asked.push(query);
      if (failures-- > 0) throw new Error('the database was busy');
      return searchWithNarrowSet(db, query, limit);
    })
    .on('concept/search-next', ({ prefix, limit }) => searchNext(db, prefix, limit));
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  expect((await popupSearch('diabetis')).map((h) => h.id)).toEqual(['D:1']);
  expect(asked).toEqual(['diabetis', 'diabetis']);
});
