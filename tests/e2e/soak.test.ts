// Long reading sessions (issue #9): one page through 200 SPA-style navigations (history.pushState and its
// article replaced by another corpus page's). The highlights must follow the content, and neither the page's
// heap nor the background's per-page state may grow with the navigations. The figures are printed; their
// speed is the bench's (scripts/bench/reading.bench.ts, which also holds the page side used here).
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NAVIGATIONS, SOAK_PAGE, loadSoakContent, navigate, painted, settle, soak, total } from '../../scripts/bench/reading.bench';
import type { ExtensionBrowser } from './harness';
import { launchReader } from './pages';

let browser: ExtensionBrowser;
let server: Server;
let url: (name: string) => string;

beforeAll(async () => {
  ({ browser, server, url } = await launchReader());
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

async function openHighlighted(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url(SOAK_PAGE.name), { waitUntil: 'load' });
  await page.waitForFunction(() => performance.getEntriesByName('evidence-lens:highlight').length > 0, null, { timeout: 60_000 });
  await loadSoakContent(page);
  return page;
}

let soaked: Page;

test(`${NAVIGATIONS} SPA navigations: the highlights follow the content and the heap stays flat`, async () => {
  soaked = await openHighlighted();
  const result = await soak(soaked, true, { trend: false }); // the trend is the bench's
  const last = await painted(soaked);

  // The same content after one navigation in a fresh tab.
  const fresh = await openHighlighted();
  await navigate(fresh, NAVIGATIONS);
  const expected = await settle(fresh);
  await fresh.close();

  const mb = (b: number) => (b / 1e6).toFixed(2);
  const [afterLoad, after20] = result.heap.map(total);
  const after200 = total(result.heap[result.heap.length - 1]);
  console.log(
    `soak: heap (JS + DOM) after load ${mb(afterLoad)} MB, after 20 navigations ${mb(after20)} MB, after ${NAVIGATIONS} ${mb(after200)} MB ` +
      `(JS+DOM: ${result.heap.map((h) => `${mb(h.js)}+${mb(h.dom)}`).join(', ')}); ` +
      `ranges per content on first visit ${result.firstCounts.join(', ')}; last content ${last.inside} ranges, fresh load ${expected.inside}`,
  );
  // Every navigation was caught up with the same highlights its content had on its first visit.
  expect(result.mismatched).toEqual([]);
  // Nothing left on removed nodes, and the terms are those a fresh load of the same content shows.
  expect(last.stale).toBe(0);
  expect(last.inside).toBeGreaterThan(0);
  expect(last.texts).toEqual(expected.texts);
  // A leak detector, not a speed figure: 180 navigations may not add 5 MB to the page's heap.
  expect(after200 - after20).toBeLessThan(5e6);
}, 180_000);

test('an abbreviation the content defines holds at its address only, not after the next navigation', async () => {
  const swap = (html: string, address?: string) =>
    soaked.evaluate(
      ([selector, html, address]) => {
        if (address) history.pushState(null, '', address);
        const box = document.querySelector(selector)!;
        if (address) box.innerHTML = html;
        else box.insertAdjacentHTML('beforeend', html);
      },
      [SOAK_PAGE.container, html, address] as const,
    );
  await swap('<p>Wilson disease (WD) is rare.</p>', '?article=defines');
  expect((await settle(soaked)).texts).toEqual(['WD', 'Wilson disease']);
  // Later text at the same address: WD still means Wilson disease.
  await swap('<p>In WD, copper builds up.</p>');
  expect((await settle(soaked)).texts).toEqual(['WD', 'WD', 'Wilson disease', 'copper']);
  // The next article has not defined it.
  await swap('<p>In WD, copper builds up.</p>', '?article=uses');
  expect((await settle(soaked)).texts).toEqual(['copper']);
}, 60_000);
