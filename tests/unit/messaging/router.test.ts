import { expect, test } from 'vitest';
import { Router, senderOn, type WorkerMessageEvent } from '../../../lib/messaging/router';

/** A service worker `message` event as an extension page's post makes it, with the reply port. */
function workerEvent(data: unknown) {
  const channel = new MessageChannel();
  const reply = new Promise((resolve) => (channel.port1.onmessage = (e) => resolve(e.data)));
  const kept: Promise<unknown>[] = [];
  const event: WorkerMessageEvent = { data, origin: 'chrome-extension://x', ports: [channel.port2], waitUntil: (p) => void kept.push(p) };
  return { event, reply, kept, close: () => channel.port1.close() };
}

test('a page posting to the worker gets the same envelope as runtime messaging, and the worker is kept alive until then', async () => {
  const router = new Router().on('concept/get', async ({ id }) => (id === 'C:1' ? ({ id } as never) : null));
  const ok = workerEvent({ type: 'concept/get', request: { id: 'C:1' } });
  router.workerListener(ok.event);
  expect(ok.kept).toHaveLength(1);
  expect(await ok.reply).toEqual({ ok: true, value: { id: 'C:1' } });
  expect(await ok.reply).toEqual(await router.listener({ type: 'concept/get', request: { id: 'C:1' } }, {}));
  ok.close();

  const failing = new Router().on('concept/get', async () => {
    throw new Error('The evidence database cannot be opened.');
  });
  const bad = workerEvent({ type: 'concept/get', request: { id: 'C:1' } });
  failing.workerListener(bad.event);
  expect(await bad.reply).toEqual({ ok: false, error: 'The evidence database cannot be opened.' });
  bad.close();
});

test("others' messages and messages without a reply port are left alone", () => {
  const router = new Router().on('concept/get', async () => null);
  const other = workerEvent({ type: 'something-else' });
  router.workerListener(other.event);
  expect(other.kept).toEqual([]);
  other.close();
  const kept: Promise<unknown>[] = [];
  router.workerListener({ data: { type: 'concept/get', request: { id: 'x' } }, origin: '', ports: [], waitUntil: (p) => void kept.push(p) });
  expect(kept).toEqual([]);
});

test("a content script (a sender in a web page) may ask only what highlighting and the card need; the extension's pages anything", async () => {
  const router = new Router({ fromExtension: senderOn('chrome-extension://abc') })
    .on('page/match', async () => ({ concepts: [], matches: [] }))
    .on('dataset/sync', async () => ({ status: 'unchanged', meta: {} as never, ms: 0 }))
    .on('tab/findings', async () => null);
  const page = { tab: { id: 3 }, frameId: 0, url: 'https://hostile.example/article' };
  expect(await router.listener({ type: 'page/match', request: { page: 'p', text: '', ends: [] } }, page)).toMatchObject({ ok: true });
  // A page that installs a dataset of its own making, or reads another tab's terms and address: refused.
  expect(await router.listener({ type: 'dataset/sync', request: { url: 'https://hostile.example/manifest.json' } }, page)).toEqual({
    ok: false,
    error: '"dataset/sync" is answered only to the extension\'s own pages.',
  });
  expect(await router.listener({ type: 'tab/findings', request: { tabId: 1 } }, page)).toMatchObject({ ok: false });
  // The settings page, the popup (in a tab too: it has a tab, but the extension's address), and a post to the worker.
  expect(await router.listener({ type: 'dataset/sync', request: { url: 'https://data.example/manifest.json' } }, { url: 'chrome-extension://abc/options.html' })).toMatchObject({ ok: true });
  expect(await router.listener({ type: 'tab/findings', request: { tabId: 1 } }, { tab: { id: 4 }, url: 'chrome-extension://abc/popup.html?tab=1' })).toMatchObject({ ok: true });
  const posted = workerEvent({ type: 'tab/findings', request: { tabId: 1 } });
  posted.event.origin = 'chrome-extension://abc';
  router.workerListener(posted.event);
  expect(await posted.reply).toMatchObject({ ok: true });
  posted.close();
  // Another extension's page, or a sender with no address: not ours.
  expect(await router.listener({ type: 'tab/findings', request: { tabId: 1 } }, { url: 'chrome-extension://other/page.html' })).toMatchObject({ ok: false });
  expect(await router.listener({ type: 'tab/findings', request: { tabId: 1 } }, {})).toMatchObject({ ok: false });
});
