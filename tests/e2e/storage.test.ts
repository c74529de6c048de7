// When IndexedDB fails, in real Chromium with the built extension: the failure is injected in the
// extension's service worker, then the live connection goes away as it does when a reader clears site data
// (the database is deleted under it). The popup must show the evidence held in memory with a calm notice,
// and pages must still be highlighted, with summaries on the card. A later worker start stores it again.
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatasetStatusReport } from '../../lib/messaging/protocol';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { blockOtherHosts, servePages, waitForHighlights } from './pages';

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'storage');
// The sentences the reader should see (lib/db/service.ts, IN_MEMORY).
const UNAVAILABLE = /^Your browser's storage is unavailable here .* held in memory for this session/;
const FULL = /^Your disk is too full to store the evidence, so it is held in memory for this session/;

let server: Server;
let url: (name: string) => string;
beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, url } = await servePages());
});
afterAll(() => server?.close());

/** A browser with the extension, once the install-time import into IndexedDB is done. */
async function installedBrowser(): Promise<ExtensionBrowser> {
  const browser = await launchWithExtension();
  await blockOtherHosts(browser.context);
  const options = await browser.openPage('options.html');
  await options.getByTestId('dataset-version').waitFor({ timeout: 60_000 });
  await options.close();
  const status = await storeStatus(browser.worker);
  if (status.installed?.origin !== 'bundled' || status.storage) throw new Error(`not installed in IndexedDB: ${JSON.stringify(status)}`);
  return browser;
}

/** A fresh browser for the describe block that calls it: the store stays in memory for its worker's life. */
function freshBrowser(): { browser: ExtensionBrowser } {
  const fresh = {} as { browser: ExtensionBrowser };
  beforeAll(async () => {
    fresh.browser = await installedBrowser();
  });
  afterAll(() => fresh.browser?.close());
  return fresh;
}

const storeStatus = (worker: Worker): Promise<DatasetStatusReport> => worker.evaluate(() => (globalThis as any).evidenceLens.store.status());

/** Delete the database under the open connection, as "clear site data" does: the connection gets versionchange. */
async function dropDatabase(worker: Worker): Promise<void> {
  await worker.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.deleteDatabase('evidence-lens');
        request.onsuccess = () => done();
        request.onerror = () => fail(request.error);
      }),
  );
}

/** Wait until the store answers from memory with the bundled dataset installed there. */
async function inMemory(worker: Worker): Promise<DatasetStatusReport> {
  // Something must ask: the first question after the connection went away opens the database again.
  await expect
    .poll(async () => {
      const s = await storeStatus(worker);
      return s.storage?.kind === 'memory' && s.installed?.origin === 'bundled' && !s.importing;
    }, { timeout: 60_000, interval: 250 })
    .toBe(true);
  return storeStatus(worker);
}

/** Once the store answers from memory: the reason, the popup's evidence, and a highlighted page with its card. */
async function readerStillGetsEvidence(browser: ExtensionBrowser, name: string, reason: RegExp): Promise<void> {
  const status = await inMemory(browser.worker);
  expect(status.storage!.reason).toMatch(reason);
  expect(status.lastError).toBeUndefined();
  expect(await popupShowsEvidence(browser, name)).toBe(status.storage!.reason);
  await pageIsHighlighted(browser, name);
}

/** The popup: the notice, a search, a concept with its evidence. Returns the notice's text. */
async function popupShowsEvidence(browser: ExtensionBrowser, name: string): Promise<string> {
  const popup = await browser.openPage('popup.html');
  await popup.setViewportSize({ width: 400, height: 600 });
  const notice = popup.getByTestId('storage-notice');
  await notice.waitFor({ timeout: 10_000 });
  expect(await notice.getAttribute('role')).toBe('status');
  const text = (await notice.textContent())!;
  expect(await popup.getByTestId('storage-unavailable').count()).toBe(0);
  await popup.getByTestId('search-input').fill('hepatolenticular');
  await expect.poll(() => popup.getByRole('option').first().textContent(), { timeout: 10_000 }).toMatch(/Wilson disease/);
  await popup.getByRole('option').first().click();
  await popup.getByTestId('concept-name').waitFor();
  expect(await popup.getByTestId('concept-name').textContent()).toBe('Wilson disease');
  await popup.getByTestId('summary-item').first().waitFor({ timeout: 10_000 });
  expect(await popup.getByTestId('summary-item').count()).toBeGreaterThan(0);
  expect(await popup.getByTestId('storage-notice').textContent()).toBe(text); // still there on the concept view
  await popup.screenshot({ path: join(ARTIFACTS, `${name}-popup.png`) });
  await popup.close();
  return text;
}

/** A served page: its terms highlighted, and a click on one opens the card with a summary. */
async function pageIsHighlighted(browser: ExtensionBrowser, name: string): Promise<void> {
  const page = await browser.context.newPage();
  await page.goto(url('abstract.html'));
  const ranges = await waitForHighlights(page, { min: 5 });
  expect(ranges.map((r) => r.text)).toContain('Wilson disease');
  await clickTerm(page, 'Wilson disease');
  const card = page.getByTestId('evidence-card');
  await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
  await card.getByTestId('card-citation').waitFor({ timeout: 10_000 });
  expect((await card.locator('.bottom-line').textContent())!.length).toBeGreaterThan(20);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-page.png`) });
  await page.close();
}

async function clickTerm(page: Page, text: string): Promise<void> {
  const point = await page.evaluate((text) => {
    for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
      if (!name.startsWith('evidence-lens-')) continue;
      for (const r of highlight) {
        if (r.startContainer.textContent!.slice(r.startOffset, r.endOffset) !== text) continue;
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
    }
    throw new Error(`${text} is not highlighted`);
  }, text);
  await page.mouse.click(point.x, point.y);
}

describe('IndexedDB cannot be opened', () => {
  const fresh = freshBrowser();

  test('an open that fails: the popup and the card answer from memory, with the notice', async () => {
    await fresh.browser.worker.evaluate(() => {
      indexedDB.open = () => {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      };
    });
    await dropDatabase(fresh.browser.worker);
    // Opened at once, while the evidence is still being read into memory: the notice, never a blank popup.
    const early = await fresh.browser.openPage('popup.html');
    await early.getByTestId('storage-notice').waitFor({ timeout: 10_000 });
    expect(await early.getByTestId('storage-notice').textContent()).toMatch(UNAVAILABLE);
    await early.getByTestId('search-input').waitFor();
    await early.screenshot({ path: join(ARTIFACTS, 'failed-open-early.png') });
    await early.close();
    await readerStillGetsEvidence(fresh.browser, 'failed-open', UNAVAILABLE);
  });
});

describe('IndexedDB never answers (a blocked open)', () => {
  const fresh = freshBrowser();

  test('the store stops waiting after a few seconds and answers from memory', async () => {
    // A real blocked request: an upgrade of a database whose other connection never closes.
    await fresh.browser.worker.evaluate(async () => {
      const holder = await new Promise<IDBDatabase>((done) => {
        const request = indexedDB.open('holder', 1);
        request.onsuccess = () => done(request.result);
      });
      const open = indexedDB.open.bind(indexedDB);
      Object.assign(globalThis, { holder });
      indexedDB.open = () => open('holder', 2);
    });
    await dropDatabase(fresh.browser.worker);
    const started = Date.now();
    await inMemory(fresh.browser.worker);
    expect(Date.now() - started).toBeGreaterThan(4000); // it waited for the open before giving up
    await readerStillGetsEvidence(fresh.browser, 'blocked-open', UNAVAILABLE);
  });
});

describe('IndexedDB is full', () => {
  const fresh = freshBrowser();

  test('every write fails with QuotaExceededError: the bundled dataset is held in memory, with the notice', async () => {
    await fresh.browser.worker.evaluate(() => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await dropDatabase(fresh.browser.worker);
    await readerStillGetsEvidence(fresh.browser, 'quota', FULL);
  });

  test('the next worker start, with space again, stores the dataset in IndexedDB and the notice is gone', async () => {
    // Stop the worker as the browser does when it is idle; the next extension page starts a fresh one
    // (Playwright keeps the same Worker handle for it: a global set before must be gone after).
    const { worker } = fresh.browser;
    await worker.evaluate(() => Object.assign(globalThis, { beforeRestart: true }));
    const page = await fresh.browser.openPage('options.html');
    const cdp = await fresh.browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.reload();
    await expect.poll(() => worker.evaluate(() => 'beforeRestart' in globalThis).catch(() => true), { timeout: 30_000 }).toBe(false);
    await expect.poll(() => storeStatus(worker).then((s) => s.installed?.origin), { timeout: 60_000 }).toBe('bundled');
    expect((await storeStatus(worker)).storage).toBeUndefined();
    const stored = await worker.evaluate(
      () =>
        new Promise<number>((done) => {
          const request = indexedDB.open('evidence-lens');
          request.onsuccess = () => {
            const keys = request.result.transaction('buckets').objectStore('buckets').count();
            keys.onsuccess = () => done(keys.result);
          };
        }),
    );
    expect(stored).toBeGreaterThan(100);
    const popup = await fresh.browser.openPage('popup.html');
    await popup.getByTestId('search-input').fill('hepatolenticular');
    await expect.poll(() => popup.getByRole('option').first().textContent(), { timeout: 10_000 }).toMatch(/Wilson disease/);
    expect(await popup.getByTestId('storage-notice').count()).toBe(0);
    await popup.close();
    await page.close();
  });
});
