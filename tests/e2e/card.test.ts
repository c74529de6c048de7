// The in-page card with hover mode: it waits for the pointer to rest, stays while the pointer travels into
// it, closes after the pointer has left both, and stays when pinned.
import type { Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ExtensionBrowser } from './harness';
import { openReadingPage } from './pages';

let browser: ExtensionBrowser;
let server: Server;
let page: Page;
let url: (name: string) => string;

beforeAll(async () => {
  // The reader picks hover mode, with a short delay, on the settings page.
  ({ browser, server, page, url } = await openReadingPage('abstract.html', async (options) => {
    await options.getByLabel('On hover').check();
    await options.getByLabel('Hover delay').fill('200');
    await options.getByLabel('Hover delay').press('Tab');
  }));
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** The centre of the first highlighted term in view, in the viewport coordinates of `target` (the page or a frame). */
const firstTerm = (target: Page | Frame = page) =>
  target.evaluate(() => {
    for (const [name, h] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
      if (!name.startsWith('evidence-lens-underline-')) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getClientRects()[0];
        if (box && box.top > 0 && box.bottom < innerHeight) return { x: box.left + box.width / 2, y: box.top + box.height / 2, top: box.top, bottom: box.bottom };
      }
    }
    throw new Error('no highlighted term in view');
  });

const cardCount = () => page.locator('evidence-lens-card').count();

test('hover: the card opens on a resting pointer, stays while the pointer moves into it, closes after it leaves', async () => {
  const term = await firstTerm();
  await page.mouse.move(term.x, term.y);
  const card = page.getByTestId('evidence-card');
  await card.waitFor({ timeout: 10_000 });
  // Hover does not take the reader's focus.
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);

  const box = (await card.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 20, { steps: 8 });
  await page.waitForTimeout(1_000);
  expect(await cardCount()).toBe(1);

  await page.mouse.move(5, 5, { steps: 4 });
  await expect.poll(cardCount, { timeout: 5_000 }).toBe(0);
  // A card the pointer opened in passing is not a term the reader looked up: "Recently opened" keeps none.
  expect(await browser.worker.evaluate(() => (globalThis as any).chrome.storage.local.get('recentTerms'))).toEqual({});
});

test('hover: a pinned card stays when the pointer leaves, until the reader closes it', async () => {
  const term = await firstTerm();
  await page.mouse.move(term.x, term.y);
  const card = page.getByTestId('evidence-card');
  await card.waitFor({ timeout: 10_000 });
  const pin = card.getByTestId('card-pin');
  await pin.hover();
  await pin.click();
  expect(await pin.getAttribute('aria-pressed')).toBe('true');
  await page.mouse.move(5, 5, { steps: 4 });
  await page.mouse.click(5, 5); // a click elsewhere does not close a pinned card either
  await page.waitForTimeout(1_000);
  expect(await cardCount()).toBe(1);
  await card.getByRole('button', { name: 'Close' }).click();
  await expect.poll(cardCount).toBe(0);
});

test('the card fits the viewport: at most its height, scrolling inside, beside its term rather than over it', async () => {
  await page.setViewportSize({ width: 420, height: 300 });
  // The term in the middle of the window: a full card fits neither above nor below it.
  const term = await page.evaluate(() => {
    for (const [name, h] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
      if (!name.startsWith('evidence-lens-underline-')) continue;
      for (const r of h) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        const top = range.getBoundingClientRect().top + scrollY;
        if (top < 300) continue;
        range.setEnd(r.endContainer, r.endOffset);
        scrollTo(0, top - 140);
        const box = range.getClientRects()[0];
        return { x: box.left + box.width / 2, y: box.top + box.height / 2, top: box.top, bottom: box.bottom };
      }
    }
    throw new Error('no highlighted term far enough down the page');
  });
  // Neither side has room for the whole card (about 280 px here), one has room for a shortened one.
  expect(term.top - 14).toBeLessThan(250);
  expect(300 - 14 - term.bottom).toBeLessThan(250);
  expect(Math.max(term.top - 14, 300 - 14 - term.bottom)).toBeGreaterThan(120);
  await page.mouse.move(term.x, term.y);
  const card = page.getByTestId('evidence-card');
  await card.waitFor({ timeout: 10_000 });
  await card.getByTestId('card-more').waitFor();
  const box = (await card.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(300);
  expect(box.x + box.width).toBeLessThanOrEqual(420);
  expect(await card.evaluate((el) => getComputedStyle(el).overflowY)).toBe('auto');
  // The term stays in sight: the card lies wholly above or below it.
  expect(box.y >= term.bottom || box.y + box.height <= term.top).toBe(true);
  // The way to the full view and the disclaimer stay in sight, above the scrolled summary.
  const more = await card.getByTestId('card-more').evaluate((el) => el.getBoundingClientRect().toJSON());
  expect(more.top).toBeGreaterThanOrEqual(box.y);
  expect(more.bottom).toBeLessThanOrEqual(box.y + box.height);
  await page.keyboard.press('Escape');
  await expect.poll(cardCount).toBe(0);
});

test('on a right-to-left page the card, which is English, reads left to right', async () => {
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  const term = await firstTerm();
  await page.mouse.move(term.x, term.y);
  const card = page.getByTestId('evidence-card');
  await card.waitFor({ timeout: 10_000 });
  expect(await card.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
  await page.keyboard.press('Escape');
  await expect.poll(cardCount).toBe(0);
  await page.evaluate(() => document.documentElement.removeAttribute('dir'));
});

test('in fullscreen, the card opens inside the fullscreen element, where it can be seen', async () => {
  await page.setViewportSize({ width: 1000, height: 700 });
  // requestFullscreen needs a user gesture: evaluate as one through the DevTools protocol.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Runtime.evaluate', { expression: 'document.body.requestFullscreen()', userGesture: true, awaitPromise: true });
  await expect.poll(() => page.evaluate(() => document.fullscreenElement?.tagName ?? null)).toBe('BODY');
  const term = await firstTerm();
  await page.mouse.move(term.x, term.y);
  await page.getByTestId('evidence-card').waitFor({ timeout: 10_000 });
  expect(await page.evaluate(() => document.querySelector('evidence-lens-card')?.parentElement?.tagName)).toBe('BODY');
  // Leaving fullscreen closes it (it would be left in a layer that is no longer drawn the same way).
  await page.evaluate(() => document.exitFullscreen());
  await expect.poll(cardCount).toBe(0);
});

test('in a frame, terms are highlighted and the card opens inside the frame, within its bounds', async () => {
  await page.goto(url('framed.html'));
  const frame = page.frames().find((f) => f.url().endsWith('/abstract.html'))!;
  await expect.poll(() => frame.evaluate(() => (CSS as any).highlights.size), { timeout: 20_000 }).toBeGreaterThan(0);
  const at = await firstTerm(frame);
  const frameBox = (await page.locator('#frame').boundingBox())!;
  await page.mouse.move(frameBox.x + 1 + at.x, frameBox.y + 1 + at.y);
  const card = frame.getByTestId('evidence-card');
  await card.waitFor({ timeout: 10_000 });
  await card.getByTestId('card-more').waitFor();
  const box = (await card.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(frameBox.x);
  expect(box.y).toBeGreaterThanOrEqual(frameBox.y);
  expect(box.x + box.width).toBeLessThanOrEqual(frameBox.x + frameBox.width);
  expect(box.y + box.height).toBeLessThanOrEqual(frameBox.y + frameBox.height);
});
