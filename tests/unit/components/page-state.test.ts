// The popup's "On this page" state, from the tab, its findings, the dataset status and the paused sites,
// with the background's answers given by a router on the fake browser's message channel. (The active-tab
// path, without ?tab=, is covered end to end: the fake browser cannot make a tab active.)
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadPageState, startedContentScript } from '../../../entrypoints/popup/page-state';
import { setPaused } from '../../../entrypoints/popup/preferences';
import type { DatasetStatusReport } from '../../../lib/messaging/protocol';
import { Router } from '../../../lib/messaging/router';
import { pausedSitesItem } from '../../../lib/settings/preferences';
import { TabFindings } from '../../../lib/tabs/findings';

const INSTALLED: DatasetStatusReport = {
  installed: { version: 'v1', created: '2026-01-01', counts: { concepts: 1, surfaceForms: 1, researchSummaries: 0, consumerSummaries: 0 }, sources: [], origin: 'bundled', installedAt: '2026-01-01' },
};
const TERMS = [{ conceptId: 'MESH:D001943', name: 'Breast cancer', category: 'disease' as const, count: 2 }];

let findings: TabFindings;
let status: DatasetStatusReport;

beforeEach(() => {
  const router = new Router();
  findings = new TabFindings();
  findings.register(router);
  status = INSTALLED;
  router.on('dataset/status', () => status);
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
});

describe('on this page, from the popup', () => {
  test('a readable page with a report: its terms', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.nhs.uk/conditions/breast-cancer/' });
    await findings.report(tab.id!, 'https://www.nhs.uk/conditions/breast-cancer/', TERMS);
    expect(await loadPageState(tab.id)).toEqual({ kind: 'ready', site: 'www.nhs.uk', paused: false, terms: TERMS });
  });

  test('a paused site', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.nhs.uk/x' });
    await pausedSitesItem.setValue(['www.nhs.uk']);
    expect(await loadPageState(tab.id)).toMatchObject({ kind: 'ready', paused: true, terms: null });
  });

  test('a page on a subdomain of a paused site is paused; resuming it there resumes the site, and pausing keeps the rest', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.nhs.uk/x' });
    await pausedSitesItem.setValue(['nhs.uk', 'other.org']);
    expect(await loadPageState(tab.id)).toMatchObject({ kind: 'ready', site: 'www.nhs.uk', paused: true, pausedBy: 'nhs.uk' });
    await setPaused('www.nhs.uk', false);
    expect(await pausedSitesItem.getValue()).toEqual(['other.org']);
    expect(await loadPageState(tab.id)).toMatchObject({ paused: false });
    await pausedSitesItem.setValue(['nhs.uk']);
    await setPaused('news.nhs.uk', true);
    expect(await pausedSitesItem.getValue()).toEqual(['nhs.uk', 'news.nhs.uk']);
  });

  test('a browser page: cannot be read', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'chrome://extensions/' });
    expect(await loadPageState(tab.id)).toEqual({ kind: 'unreadable' });
  });

  test('an address the extension may not see, and no report: cannot be read', async () => {
    const tab = await fakeBrowser.tabs.create({});
    expect(await loadPageState(tab.id)).toEqual({ kind: 'unreadable' });
  });

  test('a report without a visible address still shows its terms (the report has the address)', async () => {
    const tab = await fakeBrowser.tabs.create({});
    await findings.report(tab.id!, 'https://example.org/a', TERMS);
    expect(await loadPageState(tab.id)).toMatchObject({ kind: 'ready', site: 'example.org', terms: TERMS });
  });

  test('the dataset still importing', async () => {
    status = { importing: { version: 'v1', origin: 'bundled', records: 10, recordsTotal: 100, filesDone: 1, filesTotal: 10 } as never };
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    expect(await loadPageState(tab.id)).toMatchObject({ kind: 'importing', status });
  });

  test('a closed tab named by ?tab=: says it was closed (it said the page could not be read)', async () => {
    expect(await loadPageState(9999)).toEqual({ kind: 'closed' });
  });

  test("a page on a site the reader's browser keeps the extension off, with no report: the popup says so and can ask", async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://www.nhs.uk/conditions/asthma/' });
    const allowed = vi.fn(async () => false);
    expect(await loadPageState(tab.id, undefined, allowed)).toEqual({
      kind: 'not-allowed',
      site: 'www.nhs.uk',
      pattern: 'https://www.nhs.uk/*',
      tabId: tab.id,
      url: 'https://www.nhs.uk/conditions/asthma/',
    });
    expect(allowed).toHaveBeenCalledWith('https://www.nhs.uk/conditions/asthma/');
    // Allowed: the page is being read.
    expect(await loadPageState(tab.id, undefined, async () => true)).toMatchObject({ kind: 'ready', terms: null });
    // Paused there anyway: the pause is what the reader chose, and is shown.
    await pausedSitesItem.setValue(['nhs.uk']);
    expect(await loadPageState(tab.id, undefined, allowed)).toMatchObject({ kind: 'ready', paused: true });
    await pausedSitesItem.setValue([]);
    // A report came (the site was allowed since): its terms; the browser is not even asked.
    await findings.report(tab.id!, 'https://www.nhs.uk/conditions/asthma/', TERMS);
    allowed.mockClear();
    expect(await loadPageState(tab.id, undefined, allowed)).toMatchObject({ kind: 'ready', terms: TERMS });
    expect(allowed).not.toHaveBeenCalled();
  });

  test('a tab the popup started the content script in itself (a toolbar click) is being read, though its site is not allowed', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'https://example.org/a' });
    expect(await loadPageState(tab.id, undefined, async () => false)).toMatchObject({ kind: 'not-allowed' });
    startedContentScript(tab.id!, 'https://example.org/a');
    expect(await loadPageState(tab.id, undefined, async () => false)).toMatchObject({ kind: 'ready', terms: null });
    // The same page at another anchor still has that script.
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://example.org/a#methods' });
    expect(await loadPageState(tab.id, undefined, async () => false)).toMatchObject({ kind: 'ready', terms: null });
    // Another page in that tab has none: the popup asks again (it said the page was being read, for ever).
    await fakeBrowser.tabs.update(tab.id!, { url: 'https://example.org/b' });
    expect(await loadPageState(tab.id, undefined, async () => false)).toMatchObject({ kind: 'not-allowed', url: 'https://example.org/b' });
  });

  test('a closed tab that had reported: its terms still', async () => {
    await findings.report(9998, 'https://example.org/a', TERMS);
    expect(await loadPageState(9998)).toMatchObject({ kind: 'ready', terms: TERMS });
  });
});
