// Dataset sync, end to end, in real Chromium with the built extension:
// - publishing the bench's 100,000-summary dataset (npm run dataset:publish's code, in Node);
// - syncing it from a server on 127.0.0.1, started from the settings page as a reader would: total time,
//   records/s, peak memory (the extension process's and the whole browser's resident memory), and the
//   longest main-thread task on the settings page while the sync runs;
// - then an update that changes one summary: time, and how many files were downloaded.
// Run alone with `npx tsx scripts/bench/sync.bench.ts` (after `npx wxt build`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResearchSummary } from '../../lib/dataset/types.ts';
import { launchWithExtension } from '../../tests/e2e/harness.ts';
import { startDatasetServer } from '../../tests/e2e/sync-server.ts';
import { publish, writePublished } from '../publish-dataset.ts';
import { syntheticRecords } from './dataset.bench.ts';
import { printTable, type Row } from './table.ts';

/** Process ids of Chromium browsers running now (other test runs may have their own). */
function chromiumMains(): Set<number> {
  let out = '';
  try {
    out = execFileSync('ps', ['-C', 'chromium', '-o', 'pid=,args='], { encoding: 'utf8' });
  } catch {
    // ps exits 1 when no process matches
  }
  return new Set(out.split('\n').filter((l) => l.trim() && !l.includes('--type=')).map((l) => Number(l.trim().split(/\s+/)[0])));
}

/**
 * Resident memory (MB) of this bench's browser (its main process and every descendant), and of its
 * extension process, where the service worker runs (performance.memory is not exposed to service workers).
 */
function browserRssMb(main: number): { total: number; extension: number } {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' });
    const rows = out.split('\n').filter(Boolean).map((l) => {
      const [pid, ppid, rss, ...args] = l.trim().split(/\s+/);
      return { pid: Number(pid), ppid: Number(ppid), kb: Number(rss), args: args.join(' ') };
    });
    const ours = new Set([main]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const r of rows) if (ours.has(r.ppid) && !ours.has(r.pid)) ours.add(r.pid), (grew = true);
    }
    let total = 0;
    let extension = 0;
    for (const r of rows) {
      if (!ours.has(r.pid)) continue;
      total += r.kb;
      if (r.args.includes('--extension-process')) extension = Math.max(extension, r.kb);
    }
    return { total: total / 1024, extension: extension / 1024 };
  } catch {
    return { total: 0, extension: 0 };
  }
}

async function main() {
  const { manifest: base, concepts, summaries } = syntheticRecords(100_000);
  const { files: _files, format: _format, ...meta } = base;
  let t0 = performance.now();
  const published = publish({ ...meta, version: 'bench-sync-1' }, concepts, summaries);
  const dir = mkdtempSync(join(tmpdir(), 'evidence-lens-publish-'));
  writePublished(dir, published);
  const publishMs = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  const records = published.manifest.files.reduce((n, f) => n + f.records, 0);
  const bytes = published.manifest.files.reduce((n, f) => n + f.bytes, 0);

  // The update: one summary's conclusion changed.
  const edited = summaries.map((s, i) => (i === 50_000 && s.kind === 'research' ? ({ ...s, bottomLine: 'Changed for the bench.' } as ResearchSummary) : i === 50_000 && s.kind === 'consumer' ? { ...s, topic: 'Changed for the bench' } : s));
  const update = publish({ ...meta, version: 'bench-sync-2' }, concepts, edited);

  const server = await startDatasetServer();
  server.sites.set('one', { published });
  server.sites.set('two', { published: update });
  const mainsBefore = chromiumMains();
  const browser = await launchWithExtension();
  const main = [...chromiumMains()].find((pid) => !mainsBefore.has(pid)) ?? 0;
  const chromiumRssMb = () => browserRssMb(main);
  try {
    const page = await browser.openPage('options.html');
    await page.getByTestId('dataset-version').waitFor({ timeout: 120_000 });
    // Wait for the install-time import to finish, so that the sync is measured alone.
    await page.getByRole('button', { name: 'Sync now' }).waitFor();
    for (let i = 0; i < 600; i++) {
      const status = await page.evaluate(async () => (await (globalThis as any).chrome.runtime.sendMessage({ type: 'dataset/status' })).value);
      if (status.installed && !status.importing) break;
      await page.waitForTimeout(100);
    }
    await page.evaluate(() => {
      const w = window as any;
      w.longTasks = [];
      new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
    });
    const before = chromiumRssMb();
    const peak = { ...before };
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        const now = chromiumRssMb();
        peak.total = Math.max(peak.total, now.total);
        peak.extension = Math.max(peak.extension, now.extension);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();

    const sync = async (site: string, expected: RegExp) => {
      await page.locator('#dataset-url').fill(`${server.url}/${site}/manifest.json`);
      const started = performance.now();
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByTestId('dataset-message').filter({ hasText: expected }).waitFor({ timeout: 300_000 });
      return performance.now() - started;
    };
    t0 = performance.now();
    const syncMs = await sync('one', /^Updated to version bench-sync-1/);
    sampling = false;
    await sampler;
    const longTasks = await page.evaluate(() => (window as any).longTasks as number[]);
    server.log.length = 0;
    const updateMs = await sync('two', /^Updated to version bench-sync-2/);
    const updateFiles = server.log.filter((r) => !r.path.endsWith('manifest.json')).length;
    const message = await page.getByTestId('dataset-message').textContent();
    const noopStarted = performance.now();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByTestId('dataset-message').filter({ hasText: /^Already up to date/ }).waitFor({ timeout: 60_000 });
    const noopMs = performance.now() - noopStarted;

    const rows: Row[] = [
      { figure: 'publish 100k-summary dataset (Node)', value: publishMs, unit: 'ms' },
      { figure: 'published', value: bytes / 1e6, unit: `MB in ${published.manifest.files.length} files` },
      { figure: 'publish + sync, total', value: (publishMs + syncMs) / 1000, unit: 's', target: ['<', 20] },
      { figure: 'sync from 127.0.0.1, settings page click to done', value: syncMs / 1000, unit: 's' },
      { figure: 'sync throughput', value: records / (syncMs / 1000), unit: 'records/s' },
      { figure: 'peak memory of the extension process (worker) during sync', value: peak.extension, unit: 'MB RSS', peer: `before the sync: ${Math.round(before.extension)} MB` },
      { figure: 'peak memory of the whole browser during sync', value: peak.total, unit: 'MB RSS', peer: `before the sync: ${Math.round(before.total)} MB` },
      { figure: 'longest main-thread task on the settings page', value: longTasks.length ? Math.max(...longTasks) : 0, unit: 'ms', target: ['<', 100], peer: `${longTasks.length} tasks over 50 ms` },
      { figure: 'update, one summary changed', value: updateMs / 1000, unit: 's', peer: `${updateFiles} of ${update.manifest.files.length} files downloaded: "${message}"` },
      { figure: 'no-op sync (same version)', value: noopMs, unit: 'ms' },
    ];
    printTable(
      `Dataset sync (Chromium, ${new Date().toISOString().slice(0, 10)}; ${records.toLocaleString('en-US')} records; ${cpus().length} CPUs, load average ${loadavg()[0].toFixed(1)} at the end; 0 ms = no task over 50 ms)`,
      rows,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
