// The content script sends back the session state its last `page/match` answer carried, so that text the page
// shows later is matched with the page's abbreviations even by a background worker started since.
import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/content/index';
import { Router } from '../../../lib/messaging/router';
import type { SessionState } from '../../../lib/match';

let ctx: ContentScriptContext | undefined;
afterEach(() => ctx?.abort());

test('text the page adds later is sent with the state of the answer before', async () => {
  document.body.innerHTML = '<p>Wilson disease (WD) is rare.</p>';
  const sent: { text: string; session?: SessionState }[] = [];
  const state: SessionState = { matcher: 'm', abbreviations: [['WD', 0]], seen: [0] };
  const router = new Router().on('page/match', (request) => {
    sent.push(request);
    return { concepts: [], matches: [], session: state };
  });
  router.on('page/findings', () => undefined);
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  ctx = new ContentScriptContext('content');
  await contentScript.main(ctx);
  await expect.poll(() => sent.length, { timeout: 3000 }).toBe(1);
  expect(sent[0].session).toBeUndefined();

  document.body.insertAdjacentHTML('beforeend', '<p>In WD, copper builds up.</p>');
  await expect.poll(() => sent.length, { timeout: 3000 }).toBe(2);
  expect(sent[1]).toMatchObject({ text: expect.stringContaining('In WD'), session: state });
});
