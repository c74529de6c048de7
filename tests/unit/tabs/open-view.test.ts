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
