// The two browsers a page bench compares: one with the built extension and its bundled dataset installed,
// one plain Chromium for the peer measured in the same run; the test pages served from 127.0.0.1.
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { blockOtherHosts, launchReader, type ReaderSetup } from '../../tests/e2e/pages.ts';

export interface BenchBrowsers extends ReaderSetup {
  plain: Browser;
  plainContext: BrowserContext;
  close(): Promise<void>;
}

export async function launchWithPeer(): Promise<BenchBrowsers> {
  const reader = await launchReader(undefined, 120_000);
  const plain = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
  const plainContext = await plain.newContext();
  await blockOtherHosts(plainContext);
  return {
    ...reader,
    plain,
    plainContext,
    async close() {
      await reader.browser.close();
      await plain.close();
      reader.server.close();
    },
  };
}
