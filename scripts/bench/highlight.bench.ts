// The highlighting pass on the three largest corpus pages, in headless Chromium, in one run:
// - ours: the highlight pass (the content script's own performance measure, from the start of its pass to
//   the last range painted), and from the page's load event to that last range (the content script starts
//   at document_idle and first reads the reader's settings); the longest main-thread task while it ran; and
//   the page's JS heap with the extension minus without it;
// - the floor: one bare TreeWalker pass reading every text node;
// - mark.js marking the same vocabulary with one RegExp, timed with the RegExp's first use on the page
//   and again with it already compiled.
// Floor and mark.js run in a browser without the extension, on the same pages. Each page is loaded several
// times (5 with the extension, 3 without) and the medians compared: one load differs from the next by up to 2x.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Concept, DatasetManifest } from '../../lib/dataset/types.ts';
import { EXTENSION_DIR } from '../../tests/e2e/harness.ts';
import { launchWithPeer } from './browsers.ts';
import { printTable, type Row } from './table.ts';

const PAGES = ['yahoo-2.html', 'guardian-1.html', 'wikipedia-2.html'];
/** Loads of each page with the extension, and without it for the peers; figures are medians. */
const LOADS = 5;
const PEER_LOADS = 3;

interface OurRun {
  ms: number;
  /** From the page's load event to the last range painted. */
  fromLoad: number;
  longest: number;
  ranges: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const MARK_JS = readFileSync(join(createRequire(import.meta.url).resolve('mark.js'), '..', 'mark.min.js'), 'utf8');

/** Every surface form of the bundled concepts: the vocabulary mark.js gets in its RegExp. */
function vocabulary(): string[] {
  const dir = join(EXTENSION_DIR, 'dataset');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as DatasetManifest;
  const forms = new Set<string>();
  for (const f of manifest.files.filter((x) => x.kind === 'concepts')) {
    for (const line of readFileSync(join(dir, f.path), 'utf8').split('\n')) {
      if (!line) continue;
      const c = JSON.parse(line) as Concept;
      for (const form of [c.name, ...c.synonyms, ...c.abbreviations.map((a) => a.form)]) forms.add(form);
    }
  }
  return [...forms];
}

/** Record long tasks from the start of the page. */
const LONG_TASKS = () => {
  (window as any).__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) (window as any).__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
};

interface PeerResult {
  floor: { ms: number; chars: number };
  first: { ms: number; marks: number };
  warm: { ms: number; marks: number };
}

/** The page side of the peers, plain JavaScript (see page-peers.js). */
const PEER_SOURCE = readFileSync(join(import.meta.dirname, 'page-peers.js'), 'utf8').replace(/^\/\/.*\n/gm, '');

async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

async function main() {
  const words = vocabulary();
  const browsers = await launchWithPeer();
  const { browser: ext, plainContext, url } = browsers;
  try {
    // Warm the background's matcher once, as any earlier page would have.
    const warm = await ext.context.newPage();
    await warm.goto(url('abstract.html'));
    await warm.waitForFunction(() => performance.getEntriesByName('evidence-lens:highlight').length > 0, null, { timeout: 60_000 });
    await warm.close();

    const rows: Row[] = [];
    for (const name of PAGES) {
      // Ours, loaded LOADS times: a single load on this kind of machine differs from the next by up to 2x.
      const runs: OurRun[] = [];
      let heapWith = 0;
      for (let i = 0; i < LOADS; i++) {
        const page = await ext.context.newPage();
        await page.addInitScript(LONG_TASKS);
        await page.goto(url(name), { waitUntil: 'load' });
        await page.waitForFunction(() => performance.getEntriesByName('evidence-lens:highlight').length > 0, null, { timeout: 120_000 });
        runs.push(
          await page.evaluate(() => {
            const m = performance.getEntriesByName('evidence-lens:highlight')[0];
            const tasks = ((window as any).__longTasks as { start: number; duration: number }[]).filter(
              (t) => t.start + t.duration >= m.startTime && t.start <= m.startTime + m.duration,
            );
            let ranges = 0;
            for (const [key, h] of (CSS as any).highlights as Map<string, Set<unknown>>) if (key.startsWith('evidence-lens-')) ranges += h.size;
            const load = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
            return { ms: m.duration, fromLoad: m.startTime + m.duration - load, longest: Math.max(0, ...tasks.map((t) => t.duration)), ranges };
          }),
        );
        if (i === 0) heapWith = await heapUsed(page);
        await page.close();
      }

      // Floor and mark.js, without the extension, PEER_LOADS times.
      const peerRuns: PeerResult[] = [];
      let heapWithout = 0;
      for (let i = 0; i < PEER_LOADS; i++) {
        const peer = await plainContext.newPage();
        await peer.goto(url(name), { waitUntil: 'load' });
        if (i === 0) heapWithout = await heapUsed(peer);
        await peer.addScriptTag({ content: MARK_JS });
        // Plain JavaScript source: the bundler's helpers must not leak into the page.
        peerRuns.push((await peer.evaluate(`(${PEER_SOURCE})(${JSON.stringify(words)})`)) as PeerResult);
        await peer.close();
      }
      const ours = { ms: median(runs.map((r) => r.ms)), fromLoad: median(runs.map((r) => r.fromLoad)), longest: Math.max(...runs.map((r) => r.longest)), ranges: runs[0].ranges };
      const peers = {
        floor: { ms: median(peerRuns.map((r) => r.floor.ms)), chars: peerRuns[0].floor.chars },
        first: { ms: median(peerRuns.map((r) => r.first.ms)), marks: peerRuns[0].first.marks },
        warm: { ms: median(peerRuns.map((r) => r.warm.ms)), marks: peerRuns[0].warm.marks },
      };
      const spread = (xs: number[]) => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
      rows.push(
        { figure: `${name}: highlight pass, median of ${LOADS}`, value: ours.ms, unit: 'ms', target: ['<', 2 * peers.floor.ms], peer: `floor ${peers.floor.ms.toFixed(1)} ms (${(ours.ms / peers.floor.ms).toFixed(1)}x of floor; target < 2x); ours ${spread(runs.map((r) => r.ms))} ms` },
        { figure: `${name}: from the load event to the last range, median`, value: ours.fromLoad, unit: 'ms', peer: `the pass starts after document_idle and a settings read` },
        { figure: `${name}: vs mark.js, RegExp compiled`, value: peers.warm.ms / ours.ms, unit: 'x faster', target: ['>=', 5], peer: `mark.js ${Math.round(peers.warm.ms)} ms, ${peers.warm.marks} marks; ours ${ours.ranges} ranges` },
        { figure: `${name}: vs mark.js, RegExp first use`, value: peers.first.ms / ours.ms, unit: 'x faster', peer: `mark.js ${Math.round(peers.first.ms)} ms` },
        { figure: `${name}: longest task during the passes`, value: ours.longest, unit: 'ms', target: ['<', 50] },
        { figure: `${name}: page heap, with minus without extension`, value: (heapWith - heapWithout) / 1e6, unit: 'MB' },
        { figure: `${name}: text`, value: peers.floor.chars / 1000, unit: 'k chars' },
      );
    }
    printTable(`Highlighting (Chromium, ${new Date().toISOString().slice(0, 10)}; vocabulary of ${words.length.toLocaleString('en-US')} surface forms)`, rows);
  } finally {
    await browsers.close();
  }
}

await main();
