// Pages nobody here wrote, whose own styles and scripts get in the card's way: CSS zoom, a transformed root, a
// modal dialog and a popover (the top layer), a focus trap, a script that removes what it did not add, a widget
// that stops clicks, an XHTML document and a frame written by its parent. The card must open beside its term,
// on top, usable, with no error on the page.
import { createServer, type Server } from 'node:http';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { blockOtherHosts } from './pages';
import { launchWithExtension, type ExtensionBrowser } from './harness';

const TEXT = 'Patients with chronic kidney disease and type 2 diabetes were given metformin after myocardial infarction.';
const page = (head: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title>${head}</head><body>${body}</body></html>`;

const PAGES: Record<string, { type?: string; body: string }> = {
  'zoom.html': { body: page('<style>html { zoom: 2 }</style>', `<p id="t">${TEXT}</p>`) },
  'transform.html': { body: page('<style>html { transform: translateX(0) }</style>', `<div style="height: 300px"></div><p id="t">${TEXT}</p><div style="height: 2000px"></div>`) },
  'dialog.html': { body: page('', `<p>Outside.</p><dialog id="dlg"><p id="t">${TEXT}</p></dialog><script>dlg.showModal()</script>`) },
  'popover.html': { body: page('', `<div id="pop" popover="manual" style="width: 900px; height: 600px"><p id="t">${TEXT}</p></div><script>pop.showPopover()</script>`) },
  'trap.html': {
    body: page(
      '',
      `<div id="box"><button id="first">First</button></div><p id="t">${TEXT}</p>
       <script>document.addEventListener('focusin', (e) => { if (!box.contains(e.target)) first.focus(); });</script>`,
    ),
  },
  'remover.html': {
    body: page(
      '',
      `<p id="t">${TEXT}</p><script>new MutationObserver(() => { for (const el of [...document.documentElement.children]) if (el !== document.head && el !== document.body) el.remove(); }).observe(document.documentElement, { childList: true });</script>`,
    ),
  },
  'stop-clicks.html': { body: page('', `<div id="widget" onclick="event.stopPropagation()"><p id="t">${TEXT}</p></div>`) },
  'page.xhtml': {
    type: 'application/xhtml+xml',
    body: `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" lang="en"><head><title>XHTML</title></head><body><p id="t">${TEXT}</p></body></html>`,
  },
  'replace-body.html': {
    body: page('', `<p>Loading.</p><script>setTimeout(() => { const b = document.createElement('body'); b.innerHTML = '<p id="t">${TEXT}</p>'; document.body = b; }, 1500)</script>`),
  },
  'document-write.html': {
    body: page('', `<p>Loading.</p><script>setTimeout(() => { document.open(); document.write('<!doctype html><title>Written</title><p id="t">${TEXT}</p>'); document.close(); }, 1500)</script>`),
  },
  'clears.html': { body: page('', `<p id="t">${TEXT}</p>`) },
  'clears-marks.html': { body: page('', `<p id="t">${TEXT}</p><script>setInterval(() => performance.clearMarks(), 1)</script>`) },
  'editable.html': { body: page('', `<p id="t">${TEXT}</p><div id="e">Asthma and tuberculosis were both treated.</div>`) },
  'srcdoc.html': { body: page('', `<iframe id="f" srcdoc="<p id='t'>${TEXT}</p>" style="width: 600px; height: 200px"></iframe>`) },
  // Web components: their text lives in shadow roots, open and closed, that the page's tree walk never enters.
  'components.html': {
    body: page(
      `<script>
        const own = new CSSStyleSheet(); own.replaceSync('p { margin: 4px 0 }');
        customElements.define('x-open', class extends HTMLElement { constructor() { super(); const root = this.attachShadow({ mode: 'open' }); root.adoptedStyleSheets = [own]; root.innerHTML = '<p id="t">${TEXT}</p><p id="l"><a href="#asthma">Asthma</a> link</p>'; } });
        customElements.define('x-closed', class extends HTMLElement { constructor() { super(); const root = this.attachShadow({ mode: 'closed' }); root.innerHTML = '<p id="c">Asthma and tuberculosis were both treated.</p>'; window.closedRoot = root; } });
      </script>`,
      '<p id="light">Hypertension in the page itself.</p><x-open></x-open><x-closed></x-closed>',
    ),
  },
};

let browser: ExtensionBrowser;
let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const found = PAGES[(req.url ?? '/').slice(1)];
    if (!found) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': `${found.type ?? 'text/html'}; charset=utf-8` }).end(found.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchWithExtension();
  await blockOtherHosts(browser.context);
  const options = await browser.openPage('options.html');
  await options.getByTestId('dataset-version').waitFor({ timeout: 60_000 });
  await options.close();
});
afterAll(async () => {
  await browser?.close();
  server?.close();
});

/** Open a page, wait for a term in #t to be painted, and return its centre (viewport coordinates of `target`). */
async function open(name: string): Promise<{ page: Page; errors: string[] }> {
  const tab = await browser.context.newPage();
  await tab.setViewportSize({ width: 1000, height: 700 });
  const errors: string[] = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`${origin}/${name}`);
  return { page: tab, errors };
}

const termIn = (target: Page | Frame) =>
  target.waitForFunction(
    () => {
      for (const [name, h] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
        if (!name.startsWith('evidence-lens-underline-')) continue;
        for (const r of h) {
          if (!(r.startContainer.parentElement?.closest('#t'))) continue;
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          const box = range.getClientRects()[0];
          if (box && box.width > 0) return { x: box.left + box.width / 2, y: box.top + box.height / 2, top: box.top, bottom: box.bottom };
        }
      }
      return false;
    },
    undefined,
    { timeout: 30_000 },
  ).then((handle) => handle.jsonValue() as Promise<{ x: number; y: number; top: number; bottom: number }>);

/** Where the card is, whether the reader can see it (inside the window, nothing of the page over it) and has focus in it. */
const cardState = (target: Page | Frame) =>
  target.evaluate(() => {
    const host = document.querySelector('evidence-lens-card');
    const card = host?.shadowRoot?.querySelector('[role="dialog"]');
    if (!host || !card) return null;
    const r = card.getBoundingClientRect();
    return {
      top: r.top,
      bottom: r.bottom,
      width: r.width,
      inWindow: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      onTop: document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(20, r.height / 2)) === host,
      focused: document.activeElement === host,
    };
  });

/** Open `name`, click its first term in #t, and wait for a card that is `expected` (inWindow, onTop, focused). */
async function clickForCard(name: string, expected: Record<string, boolean>) {
  const opened = await open(name);
  const term = await termIn(opened.page);
  await opened.page.mouse.click(term.x, term.y);
  await expect.poll(() => cardState(opened.page), { timeout: 10_000 }).toMatchObject(expected);
  return opened;
}

test.each([
  ['zoom.html', 'a page zoomed by CSS: the card is its own size, inside the window'],
  ['dialog.html', 'a term in a modal dialog: the card is above the dialog, and usable'],
  ['popover.html', 'a term in a popover: the card is above the popover'],
  ['stop-clicks.html', 'a widget that stops clicks on their way up: the card opens all the same'],
  ['page.xhtml', 'an XHTML page: the card takes focus as on an HTML page'],
])('%s: %s', async (name) => {
  const { page, errors } = await clickForCard(name, { inWindow: true, onTop: true, focused: true });
  expect((await cardState(page))!.width).toBeLessThanOrEqual(400);
  // Usable: Escape closes it.
  await page.keyboard.press('Escape');
  await expect.poll(() => cardState(page)).toBeNull();
  expect(errors).toEqual([]);
  await page.close();
});

test('a page that traps focus: the card opens and stays (unfocused), with no error', async () => {
  const { page, errors } = await clickForCard('trap.html', { inWindow: true, onTop: true });
  await page.waitForTimeout(500);
  expect(await cardState(page)).toMatchObject({ inWindow: true, onTop: true, focused: false });
  expect(errors).toEqual([]);
  await page.close();
});

test('a page that removes what it did not add under <html>: the card is shown from inside <body>', async () => {
  const { page, errors } = await clickForCard('remover.html', { inWindow: true, onTop: true });
  expect(await page.evaluate(() => document.querySelector('evidence-lens-card')?.parentElement === document.body)).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('a transformed root: the card follows its term on scroll instead of covering it', async () => {
  const { page } = await open('transform.html');
  await termIn(page);
  await page.evaluate(() => window.scrollTo(0, 150));
  const term = await termIn(page);
  await page.mouse.click(term.x, term.y);
  await expect.poll(() => cardState(page), { timeout: 10_000 }).toMatchObject({ inWindow: true });
  await page.mouse.wheel(0, 150);
  await page.waitForTimeout(300);
  const moved = await termIn(page);
  const card = (await cardState(page))!;
  // Beside the term (below or above it), never over it.
  expect(card.top >= moved.bottom - 1 || card.bottom <= moved.top + 1).toBe(true);
  await page.close();
});

test('a frame its parent writes (srcdoc) is highlighted like its parent', async () => {
  const { page } = await open('srcdoc.html');
  const frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
  expect(frame).toBeDefined();
  const term = await termIn(frame);
  expect(term.x).toBeGreaterThan(0);
  await page.close();
});

/** The texts of our painted ranges on the page, with the id of the element holding each. */
const painted = (p: Page) =>
  p.evaluate(() => {
    const out: string[] = [];
    for (const [name, h] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
      if (!name.startsWith('evidence-lens-underline-')) continue;
      for (const r of h) out.push(`${r.startContainer.parentElement?.closest('[id]')?.id ?? ''}:${r.startContainer.textContent!.slice(r.startOffset, r.startContainer === r.endContainer ? r.endOffset : undefined)}`);
    }
    return out.sort();
  });

test.each([
  ['replace-body.html', 'a page that replaces its <body>'],
  ['document-write.html', 'a page that writes itself anew (document.open)'],
])('%s: %s is read again', async (name) => {
  const { page, errors } = await open(name);
  await page.waitForFunction(() => document.getElementById('t'), undefined, { timeout: 10_000 });
  await termIn(page);
  expect((await painted(page)).some((t) => t.startsWith('t:metformin'))).toBe(true);
  expect(errors).toEqual([]);
  await page.close();
});

test('web components: text in open and closed shadow roots is highlighted, followed, and opens its card', async () => {
  const { page, errors } = await open('components.html');
  const term = await termIn(page);
  await expect.poll(() => painted(page), { timeout: 10_000 }).toEqual(expect.arrayContaining(['light:Hypertension', 't:metformin', 'c:Asthma', 'l:Asthma']));
  // The component keeps its own styles; ours are adopted beside them (Firefox styles highlights from inside a root).
  expect(
    await page.evaluate(() => {
      const sheets = document.querySelector('x-open')!.shadowRoot!.adoptedStyleSheets;
      return sheets.map((sheet) => sheet.cssRules[0].cssText.split(' {')[0]);
    }),
  ).toEqual(['p', '::highlight(evidence-lens-underline-disease)']);
  // Text a component adds to its shadow root later is read too (an observer of the page does not see it).
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'later';
    p.textContent = 'Pneumonia was seen later.';
    document.querySelector('x-open')!.shadowRoot!.append(p);
  });
  await expect.poll(() => painted(page), { timeout: 10_000 }).toContain('later:Pneumonia');

  // A click on a term inside the component opens its card; on a link there, the link is the page's.
  await page.mouse.click(term.x, term.y);
  await expect.poll(() => cardState(page), { timeout: 10_000 }).toMatchObject({ inWindow: true, onTop: true });
  await page.keyboard.press('Escape');
  await expect.poll(() => cardState(page)).toBeNull();
  const box = (id: string) =>
    page.evaluate((id) => {
      const root = id === 'c' ? (window as any).closedRoot : document.querySelector('x-open')!.shadowRoot;
      const r = (root.getElementById(id).firstChild.nodeType === Node.TEXT_NODE ? root.getElementById(id) : root.getElementById(id).firstChild).getBoundingClientRect();
      return { x: r.left + 10, y: r.top + r.height / 2 };
    }, id);
  const link = await box('l');
  await page.mouse.click(link.x, link.y);
  await page.waitForTimeout(500);
  expect(await cardState(page)).toBeNull();
  expect(new URL(page.url()).hash).toBe('#asthma');
  // A closed shadow root: the content script may read it, and its terms open cards too.
  const closed = await box('c');
  await page.mouse.click(closed.x, closed.y);
  await expect.poll(() => cardState(page), { timeout: 10_000 }).toMatchObject({ inWindow: true, onTop: true });
  expect(errors).toEqual([]);
  await page.close();
});

test('a page that clears every highlight (CSS.highlights.clear()) gets ours back', async () => {
  const { page } = await open('clears.html');
  await termIn(page);
  const before = await painted(page);
  await page.evaluate(() => CSS.highlights.clear());
  expect(await painted(page)).toEqual([]);
  await expect.poll(() => painted(page), { timeout: 6_000 }).toEqual(before);
  await page.close();
});

test("a page that clears the performance timeline's marks: highlighted, and no error on its console", async () => {
  const { page, errors } = await open('clears-marks.html');
  const logged: string[] = [];
  page.on('console', (m) => m.type() === 'error' && logged.push(m.text()));
  await termIn(page);
  await page.waitForTimeout(500);
  expect(logged).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('text made editable after load is let go, and what the reader types in design mode is not marked', async () => {
  const { page } = await open('editable.html');
  await termIn(page);
  expect((await painted(page)).some((t) => t.startsWith('e:'))).toBe(true);
  await page.evaluate(() => (document.getElementById('e')!.contentEditable = 'true'));
  await expect.poll(async () => (await painted(page)).filter((t) => t.startsWith('e:')), { timeout: 5_000 }).toEqual([]);
  expect((await painted(page)).some((t) => t.startsWith('t:'))).toBe(true);
  await page.evaluate(() => (document.designMode = 'on'));
  await expect.poll(() => painted(page), { timeout: 6_000 }).toEqual([]);
  await page.click('#t');
  await page.keyboard.type(' Pneumonia was seen. ');
  await page.waitForTimeout(1_000);
  expect(await painted(page)).toEqual([]);
  await page.close();
});

test('a low-vision reader at 400% zoom and in forced colours: the card keeps room for its evidence, its badges stand apart', async () => {
  const { page } = await open('stop-clicks.html');
  await page.setViewportSize({ width: 320, height: 180 });
  await page.emulateMedia({ forcedColors: 'active' });
  const term = await termIn(page);
  await page.mouse.click(term.x, term.y);
  await expect.poll(() => cardState(page), { timeout: 10_000 }).toMatchObject({ inWindow: true });
  const card = page.getByTestId('evidence-card');
  await card.getByTestId('card-more').waitFor({ timeout: 10_000 });
  // A footer fixed at the bottom of a 164 px card left the evidence a one-line slot.
  expect(await card.locator('.foot').evaluate((el) => getComputedStyle(el).position)).toBe('static');
  expect(await card.locator('.badge').first().evaluate((el) => getComputedStyle(el).borderTopStyle)).toBe('solid');
  await page.close();
});

// Last in this file: it reloads the extension under the browser.
test('after the extension is updated or reloaded, the script left on an open page stops: no card it cannot fill, no highlights it cannot explain', async () => {
  const { page, errors } = await open('clears.html');
  const term = await termIn(page);
  expect((await painted(page)).length).toBeGreaterThan(0);
  // What an update does to open tabs in Chrome: the old content script stays, cut off from the extension.
  await browser.worker.evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
  await page.waitForTimeout(1_000);
  await page.mouse.click(term.x, term.y);
  await page.waitForTimeout(1_000);
  // No card saying "Extension context invalidated"; the highlights it can no longer explain are gone.
  expect(await page.locator('evidence-lens-card').count()).toBe(0);
  await expect.poll(() => painted(page), { timeout: 5_000 }).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});
