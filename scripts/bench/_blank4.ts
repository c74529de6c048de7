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
for (let r = 0; r < 6; r++) {
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${id}/popup.html?concept=MESH%3AD001943`, { waitUntil: 'commit' });
  const out = await page.evaluate(async () => {
    for (;;) {
      const c = performance.getEntriesByName('evidence-lens:content')[0]?.startTime;
      if (c !== undefined) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = performance.getEntriesByType('resource').map((e: any) => `${e.name.split('/').pop().slice(0, 14)} ${e.startTime.toFixed(0)}-${e.responseEnd.toFixed(0)}`);
    const marks = performance.getEntriesByType('mark').map((m) => `${m.name.replace('evidence-lens:', '')}@${m.startTime.toFixed(0)}`);
    return `resEnd ${n.responseEnd.toFixed(0)} domInt ${n.domInteractive.toFixed(0)} dcl ${n.domContentLoadedEventStart.toFixed(0)} | ${res.join(', ')} | ${marks.join(' ')}`;
  });
  console.log(out);
  await page.close();
}
await ctx.close();
