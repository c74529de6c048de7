// Serve test pages from 127.0.0.1, and read what the extension painted on them.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './harness';

export const PAGES_DIR = join(import.meta.dirname, '..', 'fixtures', 'pages');

export async function servePages(dir = PAGES_DIR): Promise<{ server: Server; url: (name: string) => string }> {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
    let body: Buffer;
    try {
      if (name.includes('..') || name.includes('/')) throw new Error('outside');
      body = readFileSync(join(dir, name));
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return { server, url: (name) => `http://127.0.0.1:${port}/${name}` };
}

/** Keep test pages off the network: only 127.0.0.1 and the extension itself answer. */
export async function blockOtherHosts(context: BrowserContext): Promise<void> {
  await context.route(/^(?!http:\/\/127\.0\.0\.1|chrome-extension:)/, (route) => route.abort());
}

export interface PaintedRange {
  name: string;
  text: string;
  /** Id of the closest element with an id, for asserting where a term was found. */
  where: string;
}

/** Every range in the extension's CSS highlights, with its text. */
export function paintedRanges(page: Page): Promise<PaintedRange[]> {
  return page.evaluate(() => {
    const out: { name: string; text: string; where: string }[] = [];
    for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
      if (!name.startsWith('evidence-lens-')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const el = r.startContainer.parentElement?.closest('[id]');
        out.push({ name, text: range.toString(), where: el?.id ?? '' });
      }
    }
    return out;
  });
}

/** Wait until the number of painted ranges stops changing. */
export async function waitForHighlights(page: Page, { min = 1, timeout = 30_000 } = {}): Promise<PaintedRange[]> {
  const start = Date.now();
  let last = -1;
  let stableSince = Date.now();
  for (;;) {
    const ranges = await paintedRanges(page);
    if (ranges.length !== last) {
      last = ranges.length;
      stableSince = Date.now();
    } else if (ranges.length >= min && Date.now() - stableSince > 600) {
      return ranges;
    }
    if (Date.now() - start > timeout) throw new Error(`highlights did not settle: ${ranges.length} ranges`);
    await page.waitForTimeout(100);
  }
}

export interface ReaderSetup {
  browser: ExtensionBrowser;
  server: Server;
  /** The address of a test page on the local server. */
  url: (name: string) => string;
}

/**
 * A reader's browser with the extension and its bundled dataset installed (waited for on the settings
 * page, where `prepare` makes the reader's choices), the test pages served from 127.0.0.1, other hosts blocked.
 */
export async function launchReader(prepare?: (options: Page) => Promise<void>, timeout = 60_000): Promise<ReaderSetup> {
  const browser = await launchWithExtension();
  await blockOtherHosts(browser.context);
  const { server, url } = await servePages();
  const options = await browser.openPage('options.html');
  await options.getByTestId('dataset-version').waitFor({ timeout });
  await prepare?.(options);
  await options.close();
  return { browser, server, url };
}

/** The same, with `name` open and its terms highlighted. */
export async function openReadingPage(name: string, prepare?: (options: Page) => Promise<void>): Promise<ReaderSetup & { page: Page }> {
  const setup = await launchReader(prepare);
  const page = await setup.browser.context.newPage();
  await page.goto(setup.url(name));
  await waitForHighlights(page, { min: 5 });
  return { ...setup, page };
}

/**
 * One reader's browser on `name` for a whole test file: opened before its tests, closed after them. Its fields
 * are set once the file's tests start.
 */
export function useReadingPage(name: string, prepare?: (options: Page) => Promise<void>): ReaderSetup & { page: Page } {
  const setup = {} as ReaderSetup & { page: Page };
  beforeAll(async () => {
    Object.assign(setup, await openReadingPage(name, prepare));
  });
  afterAll(async () => {
    await setup.browser?.close();
    setup.server?.close();
  });
  return setup;
}
