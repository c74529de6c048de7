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
const p0 = await ctx.newPage(); await p0.goto(`chrome-extension://${id}/options.html`); await p0.getByTestId('dataset-version').waitFor({ timeout: 120000 });
const variants = process.argv.slice(2);
const res: Record<string, number[][]> = {};
for (let r = 0; r < 12; r++) for (const v of variants) {
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${id}/${v}`, { waitUntil: 'commit' });
  const ms = await page.evaluate(async () => {
    for (;;) {
      const s = performance.getEntriesByName('evidence-lens:start')[0]?.startTime, c = performance.getEntriesByName('evidence-lens:content')[0]?.startTime;
      if (s !== undefined && c !== undefined) { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return [n.responseEnd, n.domInteractive, s, c]; }
      await new Promise((r) => setTimeout(r, 2));
    }
  });
  (res[v] ??= []).push(ms);
  await page.close();
}
for (const v of variants) { const rows = res[v]; const med = (j: number) => rows.map((r) => r[j]).sort((a, b) => a - b)[rows.length >> 1].toFixed(1); console.log(v.padEnd(50), 'respEnd', med(0), 'domInteractive', med(1), 'start', med(2), 'content', med(3)); }
await ctx.close();
