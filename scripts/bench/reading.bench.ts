// Long reading sessions (issue #9), in headless Chromium, in one run:
// (a) the soak: one corpus page goes through 200 SPA-style navigations (history.pushState and its article
//     replaced by another corpus page's), each awaited until the highlighter has caught up; the page's JS heap
//     after a forced GC at the start, every 20 navigations and at the end; the peer is the same soak on the same
//     page in a browser without the extension (the page's own growth);
// (b) keystroke to current term: Alt+Shift+N pressed 200 times on a large corpus page, timed by the content
//     script's own measures ('evidence-lens:navigate', and '-frame' at the next animation frame); the peer is
//     the bare page with a keydown handler that brings the next text into view, measured the same way.
// The soak's page side is exported for tests/e2e/soak.test.ts, which asserts what must hold.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { PAGES_DIR } from '../../tests/e2e/pages.ts';
import { launchWithPeer } from './browsers.ts';
import { percentile, printTable, type Row } from './table.ts';

/** The page that stays loaded, and the element whose content each navigation replaces. */
export const SOAK_PAGE = { name: 'wikipedia-2.html', container: '#mw-content-text' };
/** What a navigation puts there: another corpus page's article, in turn (their terms differ). */
export const SOAK_CONTENT = [
  { name: 'medicalnewstoday.html', selector: 'article' },
  { name: 'webmd-1.html', selector: 'body' },
  { name: 'guardian-1.html', selector: 'article' },
  { name: 'yahoo-2.html', selector: 'article' },
];
export const NAVIGATIONS = 200;

/** Put the contents' HTML in the page's main world (parsed there, as the page's own framework would). */
export async function loadSoakContent(page: Page): Promise<void> {
  const sources = SOAK_CONTENT.map((c) => ({ html: readFileSync(join(PAGES_DIR, c.name), 'utf8'), selector: c.selector }));
  await page.evaluate((list) => {
    const parser = new DOMParser();
    (window as any).__soakContent = list.map((c) => parser.parseFromString(c.html, 'text/html').querySelector(c.selector)!.innerHTML);
  }, sources);
}

/** Navigation `n`: a new address (pushState) and the next content in place of the old. */
export async function navigate(page: Page, n: number): Promise<number> {
  const which = n % SOAK_CONTENT.length;
  await page.evaluate(
    ([selector, i, n]) => {
      history.pushState({ n }, '', `${location.pathname}?article=${n}`);
      document.querySelector(selector)!.innerHTML = (window as any).__soakContent[i];
    },
    [SOAK_PAGE.container, which, n] as const,
  );
  return which;
}

export interface Painted {
  /** Ranges on text inside the swapped element (the current term's highlight not counted). */
  inside: number;
  /** Ranges anywhere whose start or end node has left the document. */
  stale: number;
  texts: string[];
}

/** What the extension's highlights hold now (they are document-wide: readable from the page's main world). */
export function painted(page: Page): Promise<Painted> {
  return page.evaluate((selector) => {
    const box = document.querySelector(selector)!;
    const out = { inside: 0, stale: 0, texts: [] as string[] };
    for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
      if (!name.startsWith('evidence-lens-')) continue;
      for (const r of highlight) {
        if (!r.startContainer.isConnected || !r.endContainer.isConnected) out.stale++;
        else if (name !== 'evidence-lens-current' && box.contains(r.startContainer)) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          out.inside++;
          out.texts.push(range.toString());
        }
      }
    }
    out.texts.sort();
    return out;
  }, SOAK_PAGE.container);
}

/** Wait until the painted ranges stop changing (mutations are batched 200 ms apart, then read and matched). */
export async function settle(page: Page, timeout = 30_000): Promise<Painted> {
  const start = Date.now();
  let last = await painted(page);
  let since = start;
  for (;;) {
    await page.waitForTimeout(100);
    const now = await painted(page);
    if (now.inside !== last.inside || now.stale !== last.stale) since = Date.now();
    // At least a second in all: the batch may not have been read yet when nothing has changed.
    else if (Date.now() - since >= 700 && Date.now() - start >= 1000) return now;
    last = now;
    if (Date.now() - start > timeout) throw new Error(`highlights did not settle: ${now.inside} ranges, ${now.stale} stale`);
  }
}

/**
 * Wait until the highlighter has caught up with a navigation: no stale range and `expected` ranges in the
 * element (the count the same content had on its first visit). Undefined if that does not happen in time.
 */
export async function caughtUp(page: Page, expected: number, timeout = 5_000): Promise<true | undefined> {
  try {
    await page.waitForFunction(
      ([selector, expected]) => {
        const box = document.querySelector(selector)!;
        let inside = 0;
        for (const [name, highlight] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
          if (!name.startsWith('evidence-lens-')) continue;
          for (const r of highlight) {
            if (!r.startContainer.isConnected || !r.endContainer.isConnected) return false;
            if (name !== 'evidence-lens-current' && box.contains(r.startContainer)) inside++;
          }
        }
        return inside === expected;
      },
      [SOAK_PAGE.container, expected] as const,
      { timeout, polling: 10 },
    );
    return true;
  } catch {
    return undefined;
  }
}

export interface Heap {
  /** V8's heap (the content script's isolated world shares the page's isolate). */
  js: number;
  /** The embedder's (Blink's DOM and layout): a replaced article kept alive by a stale range shows here. */
  dom: number;
}

/** The page's heap after a full GC, in bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<Heap> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; embedderHeapUsedSize?: number };
  return { js: usage.usedSize, dom: usage.embedderHeapUsedSize ?? 0 };
}

export const total = (h: Heap) => h.js + h.dom;

export interface Soak {
  /** Heap after the page loaded (and was highlighted), then after 20 navigations, every 20 more (with `trend`), and the last. */
  heap: Heap[];
  /** Navigations where the count differed from the first visit of the same content (or never settled). */
  mismatched: number[];
  /** Ranges in the element after each content's first visit. */
  firstCounts: number[];
}

/**
 * The soak on a loaded page. `withHighlights`: wait for the highlighter after each navigation (learning each
 * content's count on its first visit); without, wait `pauseMs` (the page without the extension, paced like the
 * page with it: the page's own heap grows with time too). After each navigation the reader moves to a term
 * (Alt+Shift+N), so the current term's highlight is exercised too.
 */
export async function soak(
  page: Page,
  withHighlights: boolean,
  { navigations = NAVIGATIONS, trend = true, pauseMs = 250 } = {},
): Promise<Soak> {
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  const result: Soak = { heap: [await heapAfterGc(cdp)], mismatched: [], firstCounts: [] };
  for (let n = 1; n <= navigations; n++) {
    const which = await navigate(page, n);
    if (!withHighlights) {
      await page.waitForTimeout(pauseMs);
    } else if (result.firstCounts[which] === undefined) {
      result.firstCounts[which] = (await settle(page)).inside;
    } else if (!(await caughtUp(page, result.firstCounts[which]))) {
      result.mismatched.push(n);
      await settle(page);
    }
    await page.keyboard.press('Alt+Shift+KeyN');
    // Every 20th navigation shows the same content (20 is a multiple of their number): comparable heaps.
    if (n === 20 || n === navigations || (trend && n % 20 === 0)) result.heap.push(await heapAfterGc(cdp));
  }
  await cdp.detach();
  return result;
}

/** Least-squares slope of the heap per 20 navigations, over the points from navigation 20 on, in bytes. */
export function slopePer20(heap: number[]): number {
  const ys = heap.slice(1);
  const xs = ys.map((_, i) => i);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? 0 : num / den;
}

/** Keydown handler for the peer page: the next text node under the element, brought into view like ours. */
const PEER_KEYS = `(() => {
  const walker = document.createTreeWalker(document.querySelector(${JSON.stringify(SOAK_PAGE.container)}), NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let n = walker.nextNode(); n && nodes.length < 100; n = walker.nextNode()) if (/\\S{4}/.test(n.data)) nodes.push(n);
  let i = -1;
  document.addEventListener('keydown', (e) => {
    if (!(e.altKey && e.shiftKey && e.code === 'KeyN')) return;
    i = (i + 1) % nodes.length;
    const range = document.createRange();
    range.selectNodeContents(nodes[i]);
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) scrollBy({ top: rect.top - innerHeight / 2, behavior: 'instant' });
    e.preventDefault();
    performance.measure('evidence-lens:navigate', { start: e.timeStamp });
    requestAnimationFrame(() => performance.measure('evidence-lens:navigate-frame', { start: e.timeStamp }));
  }, { capture: true });
})()`;

/** Press Alt+Shift+N `times`, a frame and a pause apart; the measures' durations, in ms. */
async function keystrokes(page: Page, times: number): Promise<{ current: number[]; frame: number[] }> {
  await page.bringToFront();
  await page.evaluate(() => performance.clearMeasures());
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Alt+Shift+KeyN');
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30))));
  }
  return page.evaluate(() => ({
    current: performance.getEntriesByName('evidence-lens:navigate').map((e) => e.duration),
    frame: performance.getEntriesByName('evidence-lens:navigate-frame').map((e) => e.duration),
  }));
}

const MB = 1e6;

async function main() {
  const browsers = await launchWithPeer();
  const { browser: ext, plainContext, url } = browsers;
  try {

    // (a) The soak, with the extension, then without.
    const page = await ext.context.newPage();
    await page.goto(url(SOAK_PAGE.name), { waitUntil: 'load' });
    await page.waitForFunction(() => performance.getEntriesByName('evidence-lens:highlight').length > 0, null, { timeout: 120_000 });
    await loadSoakContent(page);
    const t0 = Date.now();
    const ours = await soak(page, true);
    const oursMs = Date.now() - t0;
    await page.close();

    const peerPage = await plainContext.newPage();
    await peerPage.goto(url(SOAK_PAGE.name), { waitUntil: 'load' });
    await loadSoakContent(peerPage);
    const bare = await soak(peerPage, false, { pauseMs: Math.round(oursMs / NAVIGATIONS) });
    await peerPage.close();

    // (b) Keystroke to current, on the same large page freshly loaded, with and without the extension.
    const keysPage = await ext.context.newPage();
    await keysPage.goto(url(SOAK_PAGE.name), { waitUntil: 'load' });
    await keysPage.waitForFunction(() => performance.getEntriesByName('evidence-lens:highlight').length > 0, null, { timeout: 120_000 });
    const terms = (await painted(keysPage)).inside;
    const keys = await keystrokes(keysPage, 200);
    await keysPage.close();
    const bareKeysPage = await plainContext.newPage();
    await bareKeysPage.goto(url(SOAK_PAGE.name), { waitUntil: 'load' });
    await bareKeysPage.evaluate(PEER_KEYS);
    const bareKeys = await keystrokes(bareKeysPage, 200);
    await bareKeysPage.close();

    const growth = (s: Soak) => (total(s.heap[s.heap.length - 1]) - total(s.heap[1])) / MB;
    const at = (s: Soak, i: number) => total(s.heap.at(i)!) / MB;
    const split = (s: Soak, i: number) => `JS ${(s.heap.at(i)!.js / MB).toFixed(1)} + DOM ${(s.heap.at(i)!.dom / MB).toFixed(1)}`;
    const slope = (s: Soak) => slopePer20(s.heap.map(total)) / MB;
    const ms = (v: number) => `${v.toFixed(1)} ms`;
    const rows: Row[] = [
      ...[0, 1, -1].map((i, k): Row => ({
        figure: `soak: heap after ${['load', '20 navigations', `${NAVIGATIONS} navigations`][k]}`,
        value: at(ours, i),
        unit: 'MB',
        peer: `${split(ours, i)}; no extension ${at(bare, i).toFixed(1)} MB (${split(bare, i)})`,
      })),
      { figure: `soak: heap growth 20 -> ${NAVIGATIONS}`, value: growth(ours), unit: 'MB', target: ['<', 5], peer: `no extension: ${growth(bare).toFixed(2)} MB; difference ${(growth(ours) - growth(bare)).toFixed(2)} MB` },
      { figure: 'soak: trend, heap slope per 20 navigations', value: slope(ours), unit: 'MB', peer: `no extension: ${slope(bare).toFixed(3)} MB` },
      { figure: 'soak: trend, with minus without extension', value: slope(ours) - slope(bare), unit: 'MB', target: ['<', 0.1] },
      { figure: 'soak: navigations not caught up as on first visit', value: ours.mismatched.length, unit: '', target: ['<', 1], peer: `${NAVIGATIONS} in ${(oursMs / 1000).toFixed(1)} s (the peer paced alike); ranges per content ${ours.firstCounts.join(', ')}` },
      { figure: 'keystroke to current term, p50', value: percentile(keys.current, 50), unit: 'ms', target: ['<', 16], peer: `bare page handler: ${ms(percentile(bareKeys.current, 50))}` },
      { figure: 'keystroke to current term, p95', value: percentile(keys.current, 95), unit: 'ms', target: ['<', 16], peer: `bare page handler: ${ms(percentile(bareKeys.current, 95))}` },
      { figure: 'keystroke to current term, max', value: Math.max(...keys.current), unit: 'ms', target: ['<', 16], peer: `bare page handler: ${ms(Math.max(...bareKeys.current))}` },
      { figure: 'keystroke to current term, first press', value: keys.current[0], unit: 'ms', peer: `the terms are put in reading order then; bare page: ${ms(bareKeys.current[0])}` },
      { figure: 'keystroke to next frame, p50', value: percentile(keys.frame, 50), unit: 'ms', peer: `bare page handler: ${ms(percentile(bareKeys.frame, 50))}` },
      { figure: 'keystroke to next frame, p95', value: percentile(keys.frame, 95), unit: 'ms', peer: `bare page handler: ${ms(percentile(bareKeys.frame, 95))}` },
      { figure: 'keystroke to next frame, max', value: Math.max(...keys.frame), unit: 'ms', peer: `bare page handler: ${ms(Math.max(...bareKeys.frame))}` },
      { figure: 'keystrokes measured', value: keys.current.length, unit: '', peer: `${terms} terms on the page; bare page: ${bareKeys.current.length}` },
    ];
    for (const [label, s] of [['with', ours], ['without', bare]] as const) {
      console.log(`heap (JS+DOM) at load and every 20 navigations, MB, ${label} the extension: ${s.heap.map((h) => (total(h) / MB).toFixed(2)).join(' ')}`);
    }
    printTable(`Reading sessions (Chromium, ${new Date().toISOString().slice(0, 10)}; ${SOAK_PAGE.name}, ${NAVIGATIONS} navigations)`, rows);
  } finally {
    await browsers.close();
  }
}

// Run as a bench (tsx reading.bench.ts); imported by the soak test for the page side only.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
