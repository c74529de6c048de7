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

test('highlighting turned off, the page moved to another article, turned on again: the new article gets a session of its own', async () => {
  history.replaceState(null, '', '/article-1');
  document.body.innerHTML = '<p>Wilson disease (WD) is rare.</p>';
  const pages: string[] = [];
  const router = new Router().on('page/match', (request) => {
    pages.push(request.page);
    return { concepts: [], matches: [] };
  });
  router.on('page/findings', () => undefined);
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  ctx = new ContentScriptContext('content');
  await contentScript.main(ctx);
  await expect.poll(() => pages.length, { timeout: 3000 }).toBe(1);
  const toggle = () => fakeBrowser.runtime.onMessage.trigger({ type: 'highlights/toggle' }, {});
  await toggle();
  // A single-page app shows the next article at another address.
  history.pushState(null, '', '/article-2');
  document.body.innerHTML = '<p>In WD, copper builds up.</p>';
  await toggle();
  await expect.poll(() => pages.length, { timeout: 3000 }).toBe(2);
  expect(pages[0]).toMatch(/\/article-1$/);
  expect(pages[1]).toMatch(/\/article-2$/);
});
