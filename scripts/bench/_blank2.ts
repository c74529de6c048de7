import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const EXT = '/tmp/pp/ext';
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pp-')), {
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`],
});
const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
const id = new URL(worker.url()).host;
async function nav(path: string) {
  const rows: number[][] = [];
  for (let i = 0; i < 15; i++) {
    const page = await ctx.newPage();
    await page.goto(`chrome-extension://${id}/${path}`, { waitUntil: 'load' });
    rows.push(await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return [n.fetchStart, n.responseStart, n.responseEnd, n.domInteractive, n.loadEventStart]; }));
    await page.close();
  }
  const med = (j: number) => rows.map((r) => r[j]).sort((a, b) => a - b)[7].toFixed(1);
  console.log(path.padEnd(12), 'fetchStart', med(0), 'responseStart', med(1), 'responseEnd', med(2), 'domInteractive', med(3), 'load', med(4));
}
for (let r = 0; r < 2; r++) { await nav('noscript.html'); await nav('blank.html'); await nav('popup.html'); }
await ctx.close();
