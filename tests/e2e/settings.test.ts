// Settings in real Chromium: every change is saved to storage.sync and reaches an open tab live (the
// content script watches the preferences), and the page's sections are there for the reader.
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness';
import { blockOtherHosts, paintedRanges, servePages, waitForHighlights } from './pages';

let browser: ExtensionBrowser;
let server: Server;
let url: (name: string) => string;
let settings: Page;
let article: Page;

const syncArea = () => settings.evaluate(() => (globalThis as any).chrome.storage.sync.get(null));

beforeAll(async () => {
  browser = await launchWithExtension();
  await blockOtherHosts(browser.context);
  ({ server, url } = await servePages());
  settings = await browser.openPage('options.html');
  await settings.getByTestId('dataset-version').waitFor({ timeout: 60_000 });
  article = await browser.context.newPage();
  await article.goto(url('abstract.html'));
  await waitForHighlights(article, { min: 5 });
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

test('the page has its four sections and the privacy statement', async () => {
  for (const name of ['Highlighting', 'Reading', 'Dataset', 'About']) {
    await expect.poll(() => settings.getByRole('heading', { level: 2, name }).count()).toBe(1);
  }
  expect(await settings.getByTestId('privacy').textContent()).toContain('Nothing you read or look up leaves your browser');
  expect(await settings.getByTestId('sources').textContent()).toContain('PubMedQA');
});

test("a low-vision reader: the page's text is 14 px at the browser's default size (not Chromium's 75%), and it reflows at 320 px", async () => {
  expect(await settings.evaluate(() => getComputedStyle(document.querySelector('main')!).fontSize)).toBe('14px');
  await settings.setViewportSize({ width: 320, height: 600 });
  expect(await settings.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await settings.setViewportSize({ width: 1280, height: 720 });
});

test('style, categories and on/off reach the open tab without a reload', async () => {
  const names = async () => [...new Set((await paintedRanges(article)).map((r) => r.name))];
  expect((await names()).every((n) => n.startsWith('evidence-lens-underline-'))).toBe(true);

  await settings.getByLabel('Background colour').check();
  await expect.poll(names, { timeout: 10_000 }).toContain('evidence-lens-background-disease');
  expect((await syncArea()).preferences.highlight.style).toBe('background');

  // A change of categories shows and hides terms already found: the others stay painted throughout, and the page
  // is not read again (one pass on the page's timeline).
  const passes = () => article.evaluate(() => performance.getEntriesByName('evidence-lens:start').length);
  const key = (r: { name: string; text: string; where: string }) => `${r.name}|${r.where}|${r.text}`;
  const before = (await paintedRanges(article)).map(key).sort();
  expect(before.some((k) => k.startsWith('evidence-lens-background-procedure|'))).toBe(true);
  const passesBefore = await passes();
  await settings.getByLabel('Procedures and tests').uncheck();
  await expect.poll(async () => (await names()).some((n) => n.endsWith('-procedure')), { timeout: 10_000 }).toBe(false);
  expect((await paintedRanges(article)).map(key).sort()).toEqual(before.filter((k) => !k.startsWith('evidence-lens-background-procedure|')));
  await settings.getByLabel('Procedures and tests').check();
  await expect.poll(async () => (await paintedRanges(article)).map(key).sort(), { timeout: 10_000 }).toEqual(before);
  expect(await passes()).toBe(passesBefore);

  await settings.getByLabel('Highlight medical terms on the pages I read').uncheck();
  await expect.poll(async () => (await paintedRanges(article)).length, { timeout: 10_000 }).toBe(0);
  await settings.getByLabel('Highlight medical terms on the pages I read').check();
  await expect.poll(async () => (await paintedRanges(article)).length, { timeout: 10_000 }).toBeGreaterThan(0);
});

test('pausing the site stops highlighting there; removing it starts again', async () => {
  await settings.locator('#paused-site').fill(url('abstract.html'));
  await settings.getByRole('button', { name: 'Add' }).click();
  await expect.poll(() => settings.getByTestId('paused-sites').textContent()).toContain('127.0.0.1');
  expect((await syncArea()).pausedSites).toEqual(['127.0.0.1']);
  await expect.poll(async () => (await paintedRanges(article)).length, { timeout: 10_000 }).toBe(0);
  await settings.getByRole('button', { name: 'Remove 127.0.0.1' }).click();
  await expect.poll(async () => (await paintedRanges(article)).length, { timeout: 10_000 }).toBeGreaterThan(0);

  await settings.locator('#paused-site').fill('not a site!');
  await settings.getByRole('button', { name: 'Add' }).click();
  await expect.poll(() => settings.getByRole('alert').first().textContent()).toBe('"not a site!" is not a site name or address.');
});

test('audience, badge and automatic sync are saved to storage.sync; another extension page follows live', async () => {
  const other = await browser.openPage('options.html');
  await settings.getByLabel(/A patient or carer/).check();
  await settings.getByLabel('Show the number of terms found on the toolbar button').uncheck();
  await settings.locator('#dataset-url').fill('https://data.example.org/evidence/manifest.json');
  await settings.locator('#schedule').selectOption('weekly');
  await expect.poll(async () => (await syncArea()).preferences).toMatchObject({ audience: 'patient', highlight: { badge: false } });
  expect((await syncArea()).datasetSync).toEqual({ url: 'https://data.example.org/evidence/manifest.json', schedule: 'weekly' });
  // The other page was not reloaded: it follows storage.sync.
  await expect.poll(() => other.getByLabel(/A patient or carer/).isChecked()).toBe(true);
  expect(await other.locator('#schedule').inputValue()).toBe('weekly');
  // And the background set the alarm for it.
  await expect
    .poll(() => browser.worker.evaluate(async () => (await (globalThis as any).chrome.alarms.getAll()).map((a: any) => [a.name, a.periodInMinutes])))
    .toEqual([['evidence-lens-dataset-sync', 7 * 24 * 60]]);
  await settings.locator('#schedule').selectOption('off');
  await expect.poll(() => browser.worker.evaluate(async () => (await (globalThis as any).chrome.alarms.getAll()).length)).toBe(0);
  await other.close();
});
