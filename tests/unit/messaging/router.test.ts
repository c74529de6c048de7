import { expect, test } from 'vitest';
import { Router, type WorkerMessageEvent } from '../../../lib/messaging/router';

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
