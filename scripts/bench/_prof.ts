import { chromium } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
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
const page = await ctx.newPage();
await page.goto(`chrome-extension://${id}/noscript.html`);
const s = await ctx.newCDPSession(page);
await s.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.execute,disabled-by-default-devtools.timeline,blink,loading,toplevel', transferMode: 'ReturnAsStream' }).catch((e) => console.log('tracing', e.message));
await page.goto(`chrome-extension://${id}/popup.html?concept=MESH%3AD001943`, { waitUntil: 'commit' });
await page.waitForFunction(() => performance.getEntriesByName('evidence-lens:content').length > 0);
console.log(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name}@${m.startTime.toFixed(0)}`).join(' ')), await page.evaluate(() => JSON.stringify(performance.getEntriesByType('navigation')[0])));
const done = new Promise<any>((r) => s.once('Tracing.tracingComplete', r));
await s.send('Tracing.end');
const { stream } = await done;
let data = '';
for (;;) { const c: any = await s.send('IO.read', { handle: stream }); data += c.data; if (c.eof) break; }
writeFileSync('/tmp/pp/trace.json', data);
await ctx.close();
