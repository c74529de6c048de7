// Questions asked early (lib/messaging/early.ts): posted to the worker that controls the page, and taken by
// `send` instead of asking again. The popup's real route is the background's runtime messaging here (a
// router on the fake browser), so each test can tell which of the two answered.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askEarly, takeEarly } from '../../../lib/messaging/early';
import { send } from '../../../lib/messaging/client';
import { Router } from '../../../lib/messaging/router';

const SCRIPT = 'background.js';

/** A stand-in for the extension's service worker: answers each question on its port, and counts them. */
function fakeWorker(options: { scriptURL?: string; answer?: (envelope: { type: string; request: unknown }) => unknown; broken?: boolean } = {}) {
  const posted: unknown[] = [];
  const worker = {
    scriptURL: options.scriptURL ?? new URL(`/${SCRIPT}`, location.origin).href,
    postMessage(envelope: { type: string; request: unknown }, [port]: MessagePort[]) {
      if (options.broken) throw new DOMException('The worker is gone.', 'InvalidStateError');
      posted.push(envelope);
      port.postMessage({ ok: true, value: options.answer ? options.answer(envelope) : `early ${envelope.type}` });
    },
  };
  vi.stubGlobal('navigator', { ...navigator, serviceWorker: { controller: worker } });
  return posted;
}

beforeEach(() => {
  const router = new Router().on('concept/get', ({ id }) => ({ id, fromRuntime: true }) as never);
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
});
afterEach(() => {
  vi.unstubAllGlobals();
  // Nothing asked early in one test is left for the next.
  takeEarly('concept/get', { id: 'A' });
  takeEarly('concept/get', { id: 'B' });
});

describe('questions asked early', () => {
  test('an early script that runs after the main script asked asks nothing (its questions are asked already)', async () => {
    const holder = globalThis as Record<string, unknown>;
    const saved = holder.__evidenceLensEarlyAnswers;
    delete holder.__evidenceLensEarlyAnswers;
    try {
      const posted = fakeWorker();
      expect(await send('concept/get', { id: 'A' })).toEqual({ id: 'A', fromRuntime: true });
      askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
      expect(posted).toEqual([]);
    } finally {
      holder.__evidenceLensEarlyAnswers = saved ?? new Map(); // the other tests start with early questions possible
    }
  });

  test('the worker controlling the page is asked once, and send takes that answer instead of asking again', async () => {
    const posted = fakeWorker({ answer: ({ request }) => ({ early: request }) });
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT); // asked twice: still one question
    expect(posted).toEqual([{ type: 'concept/get', request: { id: 'A' } }]);
    expect(await send('concept/get', { id: 'A' })).toEqual({ early: { id: 'A' } });
    // Taken once: the next ask is a fresh question (here answered by runtime messaging).
    expect(takeEarly('concept/get', { id: 'A' })).toBeUndefined();
    expect(await send('concept/get', { id: 'A' })).toEqual({ id: 'A', fromRuntime: true });
  });

  test('an answer is matched by type and request: another request is asked anew', async () => {
    fakeWorker();
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
    expect(await send('concept/get', { id: 'B' })).toEqual({ id: 'B', fromRuntime: true });
  });

  test('a worker that cannot take the question: send asks again the usual way', async () => {
    fakeWorker({ broken: true });
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
    expect(takeEarly('concept/get', { id: 'A' })).toBeDefined();
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
    expect(await send('concept/get', { id: 'A' })).toEqual({ id: 'A', fromRuntime: true });
  });

  test('an error the background answered early is thrown by send, as it would be', async () => {
    const worker = {
      scriptURL: new URL(`/${SCRIPT}`, location.origin).href,
      postMessage: (_: unknown, [port]: MessagePort[]) => port.postMessage({ ok: false, error: 'No such concept.' }),
    };
    vi.stubGlobal('navigator', { ...navigator, serviceWorker: { controller: worker } });
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
    await expect(send('concept/get', { id: 'A' })).rejects.toThrow('No such concept.');
  });

  test('no controlling worker, or one that is not the background (a page service worker): nothing is asked', () => {
    vi.stubGlobal('navigator', { ...navigator, serviceWorker: { controller: null } });
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
    expect(takeEarly('concept/get', { id: 'A' })).toBeUndefined();
    const posted = fakeWorker({ scriptURL: new URL('/sw.js', location.origin).href });
    askEarly([{ type: 'concept/get', request: { id: 'A' } }], SCRIPT);
    expect(posted).toEqual([]);
    expect(takeEarly('concept/get', { id: 'A' })).toBeUndefined();
  });
});
