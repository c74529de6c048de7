// A reader who keeps extensions off sites until allowed (Chrome's site access "when you click the extension"): the
// declared content script stays out of pages, the popup says why and offers to allow the site, and a site allowed
// after its page loaded is read at once, without a reload.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { launchReader, paintedRanges, type ReaderSetup } from './pages';

let reader: ReaderSetup;

let extensions: Page;

/**
 * chrome://extensions's own API, as its site access menu uses it: what a reader sets there by hand. The page stays
 * open behind the others: opening it would make it the active tab, and the reader's article is the one in front.
 */
const onExtensionsPage = <T>(run: (id: string) => Promise<T>): Promise<T> => extensions.evaluate(run, reader.browser.extensionId);

beforeAll(async () => {
  reader = await launchReader();
  extensions = await reader.browser.context.newPage();
  await extensions.goto('chrome://extensions');
  await onExtensionsPage((id) => (globalThis as any).chrome.developerPrivate.updateExtensionConfiguration({ extensionId: id, hostAccess: 'ON_CLICK' }));
});

afterAll(async () => {
  await reader?.browser.close();
  reader?.server.close();
});

const tabIdOf = (url: string) =>
  reader.browser.worker.evaluate(async (url) => (await (globalThis as any).chrome.tabs.query({ url }))[0]?.id as number, url);

test('a site kept from the extension: nothing is read, the popup says why; allowed, the open page is read at once', async () => {
  const url = reader.url('abstract.html');
  const article: Page = await reader.browser.context.newPage();
  await article.goto(url);
  const tabId = await tabIdOf(url);
  // The content script never ran: no highlights, no report (given time to have done both on an allowed site).
  await article.waitForTimeout(1500);
  expect(await paintedRanges(article)).toEqual([]);
  expect(await reader.browser.worker.evaluate((id) => (globalThis as any).evidenceLens.findings.get(id), tabId)).toBeNull();

  const popup = await reader.browser.openPage(`popup.html?tab=${tabId}`);
  const notAllowed = popup.getByTestId('page-not-allowed');
  await notAllowed.waitFor();
  expect(await notAllowed.textContent()).toContain('keeps Evidence Lens off 127.0.0.1');
  expect(await popup.getByTestId('allow-site').textContent()).toBe('Allow on 127.0.0.1');
  expect(await seriousViolations(popup)).toEqual([]);

  // The reader allows the site in the browser's own menu (the popup's button asks the same through the browser,
  // whose question a headless browser cannot show): the page is read without being reloaded.
  await article.evaluate(() => Object.assign(window, { notReloaded: true }));
  // The article in front, as a reader's tab is when they allow its site (a tab behind it is read when shown).
  await article.bringToFront();
  await onExtensionsPage((id) => (globalThis as any).chrome.developerPrivate.addHostPermission(id, 'http://127.0.0.1/*'));
  expect(await reader.browser.worker.evaluate(async () => (await (globalThis as any).chrome.tabs.query({ active: true, currentWindow: true }))[0]?.url)).toBe(url);
  await expect.poll(async () => (await paintedRanges(article)).map((r) => r.text), { timeout: 20_000 }).toContain('WD');
  expect(await article.evaluate(() => (window as any).notReloaded)).toBe(true);
  // The popup, still open, follows: the page's terms replace the question.
  await popup.getByTestId('term-list').waitFor({ timeout: 20_000 });
  expect(await popup.getByTestId('page-not-allowed').count()).toBe(0);

  // Asked to read the tab again (the reader allows once more), the script already there is kept, not replaced: a
  // second one would register highlights of its own.
  const keep = () =>
    article.evaluate(() => {
      const registry = (CSS as any).highlights as Map<string, unknown>;
      const name = [...registry.keys()].find((n) => n.startsWith('evidence-lens-'))!;
      const w = window as any;
      w.kept ??= { name, highlight: registry.get(name) };
      return registry.get(w.kept.name) === w.kept.highlight;
    });
  expect(await keep()).toBe(true);
  expect(await reader.browser.worker.evaluate((id) => (globalThis as any).evidenceLens.siteAccess.readTabNow(id), tabId)).toBe(true);
  await article.waitForTimeout(1000);
  expect(await keep()).toBe(true);
  await popup.close();
  await article.close();
});
