// The popup in real Chromium with the built extension, on the bundled dataset and on the 100,000-summary
// synthetic one (synced from a local server, as in dataset.bench.ts):
// - popup open to first meaningful content: the page's `evidence-lens:content` performance mark, set when
//   the first view has its data on screen (the terms of a tab, or a concept's name, definition and overview
//   area), and for a concept also `evidence-lens:summaries`, its first page of summaries;
// - search latency per keystroke: from the input event to the results for that text in the DOM, typing
//   real names one character at a time, each keystroke waiting for its answer.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/e2e/harness.ts';
import { serve, writeSynthetic } from './dataset.bench.ts';
import { fmt, percentile, printTable, type Row } from './table.ts';

const OPENS = 30;
const WORDS = ['hepatolenticular degeneration', 'breast cancer', 'CT', 'diabetes mellitus', 'myocardial infarction', 'asthma', 'tamoxifen', 'colorectal neoplasms'];
/**
 * Other words for the warm-up and for typing at a typist's pace: the worker keeps the answers it worked out
 * ahead for each prefix, so words typed twice would be measured from that.
 */
const WARM_WORDS = ['pneumonia', 'kidney failure', 'influenza', 'glaucoma'];
const PACED_WORDS = ['rheumatoid arthritis', 'prostate cancer', 'MRI', 'heart failure', 'pulmonary embolism', 'eczema', 'metformin', 'osteoporosis'];
const ARTICLE = `<!doctype html><html lang="en"><title>Article</title><p>Breast cancer screening with CT and mammography.
Tamoxifen after breast cancer; asthma and diabetes mellitus in the same patients.</p></html>`;

/** Milliseconds from the popup's navigation to each mark (see entrypoints/popup/timing.ts), over `OPENS` opens. */
async function openTimes(browser: ExtensionBrowser, path: string, marks: string[]): Promise<number[][]> {
  const times: number[][] = marks.map(() => []);
  for (let i = 0; i < OPENS; i++) {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${browser.extensionId}/${path}`, { waitUntil: 'commit' });
    // (No named functions inside evaluate: tsx would wrap them in a helper the page does not have.)
    const ms = await page.evaluate(async (marks) => {
      for (;;) {
        const found = marks.map((m) => performance.getEntriesByName(m)[0]?.startTime);
        if (found.every((t) => t !== undefined)) return found as number[];
        await new Promise((r) => setTimeout(r, 2));
      }
    }, marks);
    ms.forEach((t, j) => times[j].push(t));
    await page.close();
  }
  return times;
}

/** A quick typist's pause between keys. */
const TYPING_PAUSE_MS = 150;

/**
 * Type the words one character at a time, timing each keystroke from the input event to its results in the
 * DOM. `pauseMs` after each answer: 0 types the next key at once (a worst case: nothing the popup asks for
 * in between can be back), 150 is a quick typist's pace.
 */
async function keystrokeTimes(page: Page, words: string[], pauseMs = 0): Promise<number[]> {
  return page.evaluate(async ([words, pause]) => {
    const input = document.querySelector<HTMLInputElement>('#search-input')!;
    const list = document.querySelector<HTMLElement>('#search-results')!;
    const times: number[] = [];
    for (const word of words) {
      for (let i = 1; i <= word.length; i++) {
        const text = word.slice(0, i);
        if (text.trim() === list.dataset.query || text.endsWith(' ')) continue; // nothing new to ask
        const t0 = performance.now();
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            if (list.dataset.query === text.trim()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(list, { attributes: true, attributeFilter: ['data-query'] });
          input.value = text;
          input.dispatchEvent(new Event('input', { bubbles: true }));
        });
        times.push(performance.now() - t0);
        if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
    return times;
  }, [words, pauseMs] as const);
}

async function measure(browser: ExtensionBrowser, tabId: number) {
  const [tabStart, tab] = await openTimes(browser, `popup.html?tab=${tabId}`, ['evidence-lens:start', 'evidence-lens:content']);
  const [conceptStart, concept, summaries] = await openTimes(browser, 'popup.html?concept=MESH%3AD001943', [
    'evidence-lens:start',
    'evidence-lens:content',
    'evidence-lens:summaries',
  ]);
  // The popup's own share: from its script's start, after the browser has made the page.
  const own = (end: number[], start: number[]) => end.map((t, i) => t - start[i]);
  // Warm-up (other words): the worker's first reads of the name index. Then a fresh popup, whose own answer
  // cache is empty: a keystroke it cannot answer from what it asked for ahead goes to the worker.
  const warm = await browser.openPage('popup.html');
  await warm.locator('#search-input').waitFor();
  await keystrokeTimes(warm, WARM_WORDS);
  await warm.close();
  const page = await browser.openPage('popup.html');
  await page.locator('#search-input').waitFor();
  const keys = await keystrokeTimes(page, WORDS);
  await page.close();
  const paced = await browser.openPage('popup.html');
  await paced.locator('#search-input').waitFor();
  const typed = await keystrokeTimes(paced, PACED_WORDS, TYPING_PAUSE_MS);
  await paced.close();
  return { tab, concept, summaries, keys, typed, tabOwn: own(tab, tabStart), conceptOwn: own(concept, conceptStart), summariesOwn: own(summaries, conceptStart), pageMade: [...tabStart, ...conceptStart] };
}

async function main() {
  const tmp = mkdtempSync(join(tmpdir(), 'evidence-lens-popup-bench-'));
  const synthDir = join(tmp, 'synthetic');
  mkdirSync(synthDir);
  writeSynthetic(synthDir);
  const { server, url } = await serve({ '/synthetic/': synthDir }, { '/article.html': ARTICLE });
  const browser = await launchWithExtension();
  try {
    const options = await browser.openPage('options.html');
    await options.getByTestId('dataset-version').waitFor({ timeout: 120_000 });
    const article = await browser.context.newPage();
    await article.goto(`${url}/article.html`);
    await article.bringToFront();
    // The content script's report, or one made as it would make it where it has not reported.
    const tabId = await browser.worker.evaluate(async (pageUrl) => {
      const lens = (globalThis as any).evidenceLens;
      const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
      for (let i = 0; i < 30 && !(await lens.findings.get(tab.id)); i++) await new Promise((r) => setTimeout(r, 100));
      if (!(await lens.findings.get(tab.id))) {
        await lens.findings.report(tab.id, pageUrl, [{ conceptId: 'MESH:D001943', name: 'Breast cancer', category: 'disease', count: 2 }]);
      }
      return tab.id as number;
    }, `${url}/article.html`);

    const small = await measure(browser, tabId);
    const synced = await options.evaluate(async (manifestUrl) => {
      const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'dataset/sync', request: { url: manifestUrl } });
      if (!reply?.ok) throw new Error(reply?.error ?? 'no reply');
      return reply.value;
    }, `${url}/synthetic/manifest.json`);
    if (synced.meta.version !== 'bench-100k') throw new Error('the synthetic dataset was not installed');
    const large = await measure(browser, tabId);

    const rows: Row[] = [];
    for (const [name, m] of [['bundled', small], ['100k', large]] as const) {
      const p = (xs: number[], q: number) => percentile(xs, q);
      rows.push(
        { figure: `open ?tab= to terms p50, ${name}`, value: p(m.tab, 50), unit: 'ms', peer: `popup script's share ${fmt(p(m.tabOwn, 50))} ms` },
        { figure: `open ?tab= to terms p95, ${name}`, value: p(m.tab, 95), unit: 'ms', target: ['<', 100], peer: `popup script's share ${fmt(p(m.tabOwn, 95))} ms` },
        { figure: `open ?concept= to concept p50, ${name}`, value: p(m.concept, 50), unit: 'ms', peer: `popup script's share ${fmt(p(m.conceptOwn, 50))} ms` },
        { figure: `open ?concept= to concept p95, ${name}`, value: p(m.concept, 95), unit: 'ms', target: ['<', 100], peer: `popup script's share ${fmt(p(m.conceptOwn, 95))} ms` },
        { figure: `open ?concept= to its summaries p50, ${name}`, value: p(m.summaries, 50), unit: 'ms', peer: `popup script's share ${fmt(p(m.summariesOwn, 50))} ms` },
        { figure: `open ?concept= to its summaries p95, ${name}`, value: p(m.summaries, 95), unit: 'ms', peer: `popup script's share ${fmt(p(m.summariesOwn, 95))} ms` },
        { figure: `browser: navigation to popup script start p50, ${name}`, value: p(m.pageMade, 50), unit: 'ms' },
        { figure: `search per keystroke p50, ${name} (${m.keys.length} keys)`, value: p(m.keys, 50), unit: 'ms' },
        { figure: `search per keystroke p95, ${name}`, value: p(m.keys, 95), unit: 'ms', target: ['<', 10] },
        { figure: `search per keystroke p50, ${name}, ${TYPING_PAUSE_MS} ms between keys (${m.typed.length} keys)`, value: p(m.typed, 50), unit: 'ms' },
        { figure: `search per keystroke p95, ${name}, ${TYPING_PAUSE_MS} ms between keys`, value: p(m.typed, 95), unit: 'ms', target: ['<', 10] },
      );
    }
    printTable(
      `Popup (Chromium, ${new Date().toISOString().slice(0, 10)}; ${OPENS} opens each, first included; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs)`,
      rows,
    );
  } finally {
    await browser.close();
    server.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
