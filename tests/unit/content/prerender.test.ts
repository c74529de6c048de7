// A page Chrome prerenders (a link it expects the reader to follow) is not read until it is shown: the reader may
// never open it, and its terms would be reported as those of the page the tab still shows.
import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/content/index';
import { Router } from '../../../lib/messaging/router';

let ctx: ContentScriptContext | undefined;
afterEach(() => {
  ctx?.abort();
  delete (document as { prerendering?: boolean }).prerendering;
});

test('a prerendered page is read and reported only once it is shown', async () => {
  document.body.innerHTML = '<p>Asthma is common.</p>';
  const requests: string[] = [];
  const router = new Router()
    .on('page/match', () => {
      requests.push('match');
      return { concepts: [], matches: [] };
    })
    .on('page/findings', () => void requests.push('findings'));
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  Object.defineProperty(document, 'prerendering', { value: true, configurable: true, writable: true });
  ctx = new ContentScriptContext('content');
  await contentScript.main(ctx);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect(requests).toEqual([]);

  (document as { prerendering?: boolean }).prerendering = false;
  document.dispatchEvent(new Event('prerenderingchange'));
  await expect.poll(() => requests, { timeout: 3000 }).toEqual(['match', 'findings']);
});
