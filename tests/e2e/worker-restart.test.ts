// Chrome stops the extension's idle service worker after about 30 seconds. A reader who stays on a page longer
// still has its in-text abbreviations when more of the page appears (an article expanded, infinite scroll).
import { expect, test } from 'vitest';
import { paintedRanges, useReadingPage } from './pages';

const reader = useReadingPage('abstract.html');

test('after the service worker stops, text added to the page still knows the abbreviations it defined', async () => {
  const { page, browser } = reader;
  // "Wilson disease (WD)" in the introduction defines WD; alone, "WD" is no term.
  expect((await paintedRanges(page)).filter((r) => r.text === 'WD').length).toBeGreaterThan(0);
  // A global set in this worker is gone from the next one (Playwright keeps one Worker handle for both).
  await browser.worker.evaluate(() => Object.assign(globalThis, { beforeStop: true }));
  const options = await browser.openPage('options.html');
  const cdp = await browser.context.newCDPSession(options);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await options.close();

  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'added';
    p.textContent = 'Years later, WD was found in a sibling who had asthma.';
    document.getElementById('later')!.append(p);
  });
  const added = async () => (await paintedRanges(page)).filter((r) => r.where === 'added').map((r) => r.text).sort();
  // asthma shows the new text was matched (by a restarted worker); WD that the page's definition came with it.
  await expect.poll(added, { timeout: 20_000 }).toContain('asthma');
  expect(await added()).toEqual(['WD', 'asthma']);
  expect(await browser.worker.evaluate(() => 'beforeStop' in globalThis)).toBe(false);
});
