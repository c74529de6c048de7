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
async function times(path: string, marks: string[]) {
  const out: number[][] = marks.map(() => []);
  for (let i = 0; i < 20; i++) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${id}/${path}`, { waitUntil: 'commit' });
    const ms = await page.evaluate(async (marks) => {
      for (;;) {
        const found = marks.map((m) => performance.getEntriesByName(m)[0]?.startTime);
        if (found.every((t) => t !== undefined)) return found as number[];
        await new Promise((r) => setTimeout(r, 2));
      }
    }, marks);
    const nav = await page.evaluate(() => { const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming; return [n.fetchStart, n.responseEnd, n.domInteractive, n.domContentLoadedEventStart]; });
    ms.forEach((t, j) => out[j].push(t));
    if (i === 5) console.log(path, 'nav', nav.map((x) => x.toFixed(1)).join(' '));
    await page.close();
  }
  return out.map((a) => a.sort((x, y) => x - y)[a.length >> 1].toFixed(1));
}
for (let r = 0; r < 3; r++) {
  console.log('blank', await times('blank.html', ['blank:start']));
  console.log('popup concept', await times('popup.html?concept=MESH%3AD001943', ['evidence-lens:start', 'evidence-lens:content']));
}
await ctx.close();
