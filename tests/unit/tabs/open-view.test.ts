// The card's "More": the background opens the concept's full view in a tab beside the reader's page.
import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Router } from '../../../lib/messaging/router';
import { registerOpenView } from '../../../lib/tabs/open-view';

test('opens popup.html?concept=…&tab=… right after the sender tab, and refuses what is not a concept id', async () => {
  const router = new Router();
  registerOpenView(router);
  const create = vi.spyOn(fakeBrowser.tabs, 'create');
  const sender = { tab: { id: 7, index: 3, windowId: 2 } };
  const reply = await router.listener({ type: 'concept/open-view', request: { conceptId: 'MESH:D006527' } }, sender);
  expect(reply).toEqual({ ok: true, value: undefined });
  expect(create).toHaveBeenCalledTimes(1);
  const { url, ...where } = create.mock.calls[0][0];
  expect(where).toEqual({ index: 4, openerTabId: 7, windowId: 2 });
  const address = new URL(url!);
  expect(address.pathname).toBe('/popup.html');
  expect(address.searchParams.get('concept')).toBe('MESH:D006527');
  expect(address.searchParams.get('tab')).toBe('7');

  const bad = await router.listener({ type: 'concept/open-view', request: { conceptId: { toString: () => 'x' } } }, sender);
  expect(bad).toMatchObject({ ok: false });
  expect(create).toHaveBeenCalledTimes(1);
});

test("a page may open a few views in a row, then one every two seconds; a double click opens one", async () => {
  const router = new Router();
  let clock = 1_000_000;
  registerOpenView(router, () => clock);
  const create = vi.spyOn(fakeBrowser.tabs, 'create').mockClear();
  const ask = (tabId: number, conceptId: string) =>
    router.listener({ type: 'concept/open-view', request: { conceptId } }, { tab: { id: tabId, index: 0, windowId: 1 } });
  // A double click.
  await ask(7, 'MESH:D006527');
  await ask(7, 'MESH:D006527');
  expect(create).toHaveBeenCalledTimes(1);
  // A page's script clicking "More" in a loop, term after term: the first few, then nothing.
  for (let i = 0; i < 50; i++) await ask(7, `MESH:D${i}`);
  expect(create).toHaveBeenCalledTimes(5);
  // Another page is not held back by the first.
  await ask(8, 'MESH:D006527');
  expect(create).toHaveBeenCalledTimes(6);
  // Then one every two seconds.
  clock += 1999;
  await ask(7, 'MESH:D1');
  expect(create).toHaveBeenCalledTimes(6);
  clock += 1;
  await ask(7, 'MESH:D1');
  await ask(7, 'MESH:D2');
  expect(create).toHaveBeenCalledTimes(7);
  // A reader who comes back later has the few again.
  clock += 60_000;
  for (let i = 0; i < 5; i++) await ask(7, `MESH:E${i}`);
  expect(create).toHaveBeenCalledTimes(12);
});
