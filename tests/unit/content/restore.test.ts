// A page restored from the back/forward cache: the tab's "loading" made the background forget its terms, and the
// page is not read again, so the content script reports what it found once more.
import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/content/index';
import { Router } from '../../../lib/messaging/router';

let ctx: ContentScriptContext | undefined;
afterEach(() => ctx?.abort());

test('a page back from the back/forward cache reports its terms again', async () => {
  document.body.innerHTML = '<p>Asthma is common.</p>';
  const reports: unknown[] = [];
  const router = new Router()
    .on('page/match', () => ({ concepts: [], matches: [] }))
    .on('page/findings', (request) => void reports.push(request));
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  ctx = new ContentScriptContext('content');
  await contentScript.main(ctx);
  await expect.poll(() => reports.length, { timeout: 3000 }).toBe(1);

  window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: false }));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(reports).toHaveLength(1);
  window.dispatchEvent(Object.assign(new Event('pageshow'), { persisted: true }));
  await expect.poll(() => reports.length).toBe(2);
  expect(reports[1]).toEqual(reports[0]);
});
