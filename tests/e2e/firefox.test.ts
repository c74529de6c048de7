// The same extension in real Firefox (ESR, the version a reader installs from their distribution), as a
// temporary add-on driven over WebDriver BiDi (tests/e2e/firefox/): the event page imports the bundled
// dataset into IndexedDB, a served abstract is highlighted with the CSS Custom Highlight API, a click opens
// the card with its evidence, "More" opens the popup's full view, and the settings page shows the dataset.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatasetManifest } from '../../lib/dataset/types';
import { FIREFOX_EXTENSION_DIR, launchFirefox, type FirefoxReader } from './firefox/harness';
import { servePages } from './pages';

const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'dataset', 'manifest.json'), 'utf8')) as DatasetManifest;

let reader: FirefoxReader;
let server: Server;
let abstract: string;
let pageUrl: (name: string) => string;

beforeAll(async () => {
  const pages = await servePages();
  server = pages.server;
  reader = await launchFirefox();
  pageUrl = (name) => pages.url(name);
  abstract = await reader.open(pageUrl('abstract.html'));
});
afterAll(async () => {
  await reader?.close();
  server?.close();
});

/** What the extension painted: each range's highlight name, text, and the id of its nearest element with one. */
const PAINTED = `[...CSS.highlights].flatMap(([name, h]) => [...h].map((r) => ({
  name,
  text: r.startContainer === r.endContainer ? r.startContainer.data.slice(r.startOffset, r.endOffset) : (() => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x.toString(); })(),
  where: r.startContainer.parentElement.closest('[id]')?.id ?? '',
})))`;

/** The viewport centre of the first painted "Wilson disease" in the introduction. */
const WILSON_POINT = `(() => {
  const r = [...CSS.highlights.get('evidence-lens-underline-disease')].find((x) => x.startContainer.parentElement.id === 'intro' && x.startContainer.data.slice(x.startOffset, x.endOffset) === 'Wilson disease');
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  const b = range.getBoundingClientRect();
  return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
})()`;

const CARD = `document.querySelector('evidence-lens-card')?.shadowRoot?.querySelector('[role="dialog"]')`;

describe('in Firefox', () => {
  test('terms are highlighted with the CSS Custom Highlight API, with in-text abbreviations, and fields left alone', async () => {
    const ranges = await reader.waitFor<{ name: string; text: string; where: string }[]>(abstract, `(() => { const r = ${PAINTED}; return r.length >= 5 && r; })()`, 'highlights');
    const texts = ranges.map((r) => r.text);
    expect(texts).toContain('Wilson disease');
    expect(ranges.filter((r) => r.text === 'WD' && r.where === 'intro').length).toBe(2);
    expect(ranges.filter((r) => r.text === 'CT').map((r) => r.name)).toEqual(['evidence-lens-underline-procedure', 'evidence-lens-underline-procedure']);
    expect(texts).toContain('breast cancers'); // across <i>breast</i> cancers
    expect(ranges.filter((r) => r.where === 'spaced').map((r) => r.text.replace(/\s+/g, ' '))).toEqual(['Breast cancer', 'hepatic encephalopathy']);
    expect(ranges.filter((r) => ['ta', 'in', 'ce'].includes(r.where))).toEqual([]);
    // Painted without touching the page: no wrapper elements, no extension element in the body.
    expect(await reader.evaluate(abstract, `document.querySelectorAll('evidence-lens-mark').length + document.body.querySelectorAll('[class*="evidence-lens"]').length`)).toBe(0);
  });

  test('text in web components (open and closed shadow roots) is highlighted, with the styles Firefox reads from inside a root', async () => {
    const components = await reader.open(pageUrl('components.html'));
    // Firefox draws a shadow root's highlights only with ::highlight() rules of that root (a QA run's pixels: none
    // without them), so each root read is given ours as an adopted sheet.
    const found = await reader.waitFor<{ light: string[]; open: string[]; closed: string[]; sheets: string[] }>(
      components,
      `(() => {
        const roots = { light: document, open: document.querySelector('x-open').shadowRoot, closed: window.closedRoot };
        const out = { light: [], open: [], closed: [] };
        for (const [, h] of CSS.highlights) for (const r of h) for (const [k, root] of Object.entries(roots)) if (r.startContainer.getRootNode() === root) out[k].push(r.startContainer.data.slice(r.startOffset, r.endOffset));
        if (!out.open.length || !out.closed.length) return false;
        out.sheets = [roots.open, roots.closed].map((root) => root.adoptedStyleSheets.map((s) => s.cssRules[0].selectorText).join());
        return out;
      })()`,
      'highlights in shadow roots',
    );
    expect(found.light).toEqual(expect.arrayContaining(['type 2 diabetes', 'metformin']));
    expect(found.open.sort()).toEqual(['Asthma', 'tuberculosis']);
    expect(found.closed).toEqual(['Hypertension']);
    expect(found.sheets).toEqual(['::highlight(evidence-lens-underline-disease)', '::highlight(evidence-lens-underline-disease)']);
  });

  test("a click opens the card with the term's evidence and a PubMed citation; it saves; More opens the full view in a tab", async () => {
    const point = await reader.evaluate<{ x: number; y: number }>(abstract, WILSON_POINT);
    await reader.click(abstract, point.x, point.y);
    const card = await reader.waitFor<{ title: string; citation: string; more: string; addresses: boolean }>(
      abstract,
      `(() => { const d = ${CARD}; const link = d?.querySelector('[data-testid="card-citation"]'); return link && { title: d.querySelector('#el-card-title').textContent, citation: link.href, more: d.querySelector('[data-testid="card-more"]').textContent, addresses: /extension:|popup\\.html/.test(d.innerHTML) }; })()`,
      'the card with a citation',
    );
    expect(card.title).toBe('Wilson disease');
    expect(card.citation).toMatch(/^https:\/\/(pubmed\.ncbi\.nlm\.nih\.gov\/\d+\/|[a-z.]*nih\.gov\/)/);
    expect(card.more).toMatch(/^More/);
    // Firefox gives each install its own address: in a page's DOM it would tell every site who the reader is.
    expect(card.addresses).toBe(false);

    // "Save for later" on the card: the content script reads the saved list and the event page saves.
    const save = await reader.waitFor<{ x: number; y: number }>(
      abstract,
      `(() => { const b = ${CARD}?.querySelector('[data-testid="card-save"]'); if (!b || b.disabled) return null; const r = b.getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
      'the card\'s save button, ready',
    );
    await reader.click(abstract, save.x, save.y);
    const savedText = await reader.waitFor<string>(abstract, `(() => { const t = ${CARD}.querySelector('[data-testid="card-save"]').textContent; return t.includes('Saved') && t; })()`, 'the card saying it is saved');
    expect(savedText).toBe('★ Saved, under “Saved” in the popup');

    const more = await reader.evaluate<{ x: number; y: number }>(abstract, `(() => { const b = ${CARD}.querySelector('[data-testid="card-more"]').getBoundingClientRect(); return { x: b.left + b.width / 2, y: b.top + b.height / 2 }; })()`);
    const opening = reader.nextTab();
    await reader.click(abstract, more.x, more.y);
    const view = await opening;
    const shown = await reader.waitFor<{ url: string; name: string; summaries: number }>(
      view,
      `(() => { const name = document.querySelector('[data-testid="concept-name"]'); const items = document.querySelectorAll('[data-testid="summary-item"]').length; return name && items > 0 && { url: location.href, name: name.textContent, summaries: items }; })()`,
      "the concept's full view",
    );
    expect(new URL(shown.url).searchParams.get('concept')).toBe('MESH:D006527');
    expect(shown.name).toBe(card.title);
    expect(shown.summaries).toBeGreaterThan(0);

    // The settings page, reached from the extension's own tab: the installed dataset's version and counts.
    await reader.evaluate(view, `(location.href = '/options.html', true)`);
    const counts = await reader.waitFor<{ version: string; concepts: string }>(
      view,
      `(() => { const v = document.querySelector('[data-testid="dataset-version"]'); const c = document.querySelector('[data-testid="count-concepts"]'); return v && c && { version: v.textContent, concepts: c.textContent }; })()`,
      'the settings page with the dataset',
    );
    expect(counts.version).toBe(manifest.version);
    expect(Number(counts.concepts.replace(/,/g, ''))).toBe(manifest.counts.concepts);

    // The popup's search, over Firefox's runtime messaging to the event page: by an abbreviation and a name.
    await reader.evaluate(view, `(location.href = '/popup.html', true)`);
    await reader.waitFor(view, `document.querySelector('#search-input')`, 'the search box');
    // The summary saved from the card is on the popup's first page.
    const savedRows = await reader.waitFor<number>(view, `document.querySelectorAll('[data-testid="saved-preview"] [data-list-item]').length || null`, 'the saved summary');
    expect(savedRows).toBe(1);
    const search = (text: string) =>
      reader.waitFor<string[]>(
        view,
        `(() => {
          const input = document.querySelector('#search-input');
          const list = document.querySelector('#search-results');
          if (input.value !== ${JSON.stringify(text)}) {
            input.value = ${JSON.stringify(text)};
            input.dispatchEvent(new Event('input', { bubbles: true }));
          }
          const names = [...list.querySelectorAll('[role="option"]')].map((o) => o.textContent);
          return list.dataset.query === ${JSON.stringify(text)} && names.length > 0 && names;
        })()`,
        `results for ${text}`,
      );
    expect((await search('COPD')).some((n) => /^Chronic obstructive pulmonary disease/i.test(n))).toBe(true);
    // Named as clinicians name it (the default wording), with the words the reader typed beside it.
    expect((await search('heart attack'))[0]).toMatch(/^Myocardial infarction“Heart attack”/);

    // The term the reader opened (its card, then its full view) is first in "Recently opened", once the box is empty.
    const recent = await reader.waitFor<string>(
      view,
      `(() => {
        const input = document.querySelector('#search-input');
        if (input.value) {
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
        }
        return document.querySelector('[aria-label="Terms you opened recently"] button')?.textContent;
      })()`,
      'the terms opened recently',
    );
    expect(recent).toBe('Wilson disease, disease');
  });
});
