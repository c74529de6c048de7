import { describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Router } from '../../../lib/messaging/router';
import { cleanTerms, sessionArea, TabFindings, type SessionArea } from '../../../lib/tabs/findings';
import { canReadPage, siteOf } from '../../../lib/tabs/readable';

const TERMS = [
  { conceptId: 'MESH:D001943', name: 'Breast cancer', category: 'disease', count: 2 },
  { conceptId: 'MESH:D014057', name: 'X-ray computed tomography', category: 'procedure', count: 5 },
];

/** Calls a handler as the background's router would, from a content script in tab `tabId`. */
const ask = (router: Router, type: string, request: unknown, tabId?: number) =>
  router.listener({ type, request }, tabId === undefined ? {} : { tab: { id: tabId } });

describe('tab findings', () => {
  test('keeps what a tab reported, most frequent first, and answers tab/findings', async () => {
    const router = new Router();
    new TabFindings(sessionArea(), () => 1000).register(router);
    expect(await ask(router, 'page/findings', { url: 'https://example.org/a', terms: TERMS }, 7)).toEqual({ ok: true, value: undefined });
    const reply = await ask(router, 'tab/findings', { tabId: 7 });
    expect(reply).toEqual({
      ok: true,
      value: { url: 'https://example.org/a', at: 1000, terms: [TERMS[1], TERMS[0]] },
    });
    expect(await ask(router, 'tab/findings', { tabId: 8 })).toEqual({ ok: true, value: null });
  });

  test("keeps the PubMed id of the article the top page is, and no other", async () => {
    const router = new Router();
    new TabFindings(sessionArea(), () => 1000).register(router);
    await ask(router, 'page/findings', { url: 'https://pubmed.ncbi.nlm.nih.gov/21645374/', terms: TERMS, pmid: '21645374' }, 7);
    expect(await ask(router, 'tab/findings', { tabId: 7 })).toMatchObject({ ok: true, value: { pmid: '21645374' } });
    // What a page sends is checked: an id of PubMed's shape or nothing.
    for (const pmid of ['21645374; x', 'abc', 12, '0', '1234567890']) {
      await ask(router, 'page/findings', { url: 'https://example.org/', terms: TERMS, pmid }, 8);
      const reply = (await ask(router, 'tab/findings', { tabId: 8 })) as { value: { pmid?: string } };
      expect(reply.value.pmid).toBeUndefined();
    }
    // A frame does not say which article the tab shows.
    const findings = new TabFindings(sessionArea());
    await findings.report(9, 'https://ads.example/frame', TERMS, 3, '21645374');
    expect((await findings.get(9))?.pmid).toBeUndefined();
    await findings.report(9, 'https://journal.example/article', TERMS, 0, '9142039');
    expect((await findings.get(9))?.pmid).toBe('9142039');
  });

  test('a report must come from a tab', async () => {
    const router = new Router();
    new TabFindings().register(router);
    const reply = await ask(router, 'page/findings', { url: 'https://example.org/', terms: TERMS });
    expect(reply).toMatchObject({ ok: false });
  });

  test('survives a worker restart through storage.session', async () => {
    await new TabFindings(sessionArea()).report(3, 'https://example.org/', TERMS);
    const restarted = new TabFindings(sessionArea());
    expect((await restarted.get(3))?.terms.map((t) => t.count)).toEqual([5, 2]);
  });

  test('forgets a tab when it closes or loads another page', async () => {
    const router = new Router();
    const findings = new TabFindings(sessionArea());
    findings.register(router);
    await findings.report(1, 'https://example.org/', TERMS);
    await findings.report(2, 'https://example.org/', TERMS);
    await fakeBrowser.tabs.onRemoved.trigger(1, { windowId: 1, isWindowClosing: false });
    await fakeBrowser.tabs.onUpdated.trigger(2, { status: 'loading' }, { id: 2 } as never);
    await new Promise((r) => setTimeout(r, 0));
    expect(await findings.get(1)).toBeNull();
    expect(await findings.get(2)).toBeNull();
    expect(await new TabFindings(sessionArea()).get(2)).toBeNull();
  });

  test('cleans what a page-side script sends: bad entries dropped, repeats merged, unknown categories as other', () => {
    const terms = cleanTerms([
      { conceptId: 'A', name: 'Alpha', category: 'disease', count: 1 },
      { conceptId: 'A', name: 'Alpha', category: 'disease', count: 2 },
      { conceptId: 'B', name: 'Beta', category: '<script>', count: -4 },
      { conceptId: 3, name: 'Gamma' },
      null,
      'text',
    ]);
    expect(terms).toEqual([
      { conceptId: 'A', name: 'Alpha', category: 'disease', count: 3 },
      { conceptId: 'B', name: 'Beta', category: 'other', count: 1 },
    ]);
    expect(cleanTerms('nope')).toEqual([]);
  });

  test('what the page\'s title or heading names comes first, then the most frequent; only a true headline counts', () => {
    const terms = cleanTerms([
      { conceptId: 'C', name: 'Cancer', category: 'disease', count: 180 },
      { conceptId: 'M', name: 'Melanoma', category: 'disease', count: 40, headline: true },
      { conceptId: 'L', name: 'Lung', category: 'anatomy', count: 50, headline: 'yes' },
    ]);
    expect(terms.map((t) => [t.conceptId, t.headline ?? false])).toEqual([['M', true], ['C', false], ['L', false]]);
  });
});

describe('readable pages', () => {
  test.each([
    ['https://www.nhs.uk/conditions/', true],
    ['http://127.0.0.1:8080/page.html', true],
    ['chrome://extensions/', false],
    ['about:blank', false],
    ['chrome-extension://abc/popup.html', false],
    ['moz-extension://abc/popup.html', false],
    ['file:///home/reader/paper.pdf', false],
    ['view-source:https://example.org/', false],
    ['https://chromewebstore.google.com/detail/x', false],
    ['https://addons.mozilla.org/en-US/firefox/', false],
    ['', false],
    [undefined, false],
  ])('%s → %s', (url, readable) => {
    expect(canReadPage(url)).toBe(readable);
  });

  test('the site of a page is its host name', () => {
    expect(siteOf('https://www.nhs.uk/conditions/x')).toBe('www.nhs.uk');
    expect(siteOf('about:blank')).toBeUndefined();
  });
});

describe('frames', () => {
  const asFrame = (router: Router, tabId: number, frameId: number, url: string, terms: unknown[]) =>
    router.listener({ type: 'page/findings', request: { url, terms } }, { tab: { id: tabId }, frameId });

  test("each frame's report is kept apart and the tab's findings are their sum: an empty frame reporting last takes nothing away", async () => {
    const router = new Router();
    const badge: number[] = [];
    new TabFindings(sessionArea(), () => 1000, { onReport: (_tab, f) => badge.push(f.terms.length) }).register(router);
    await asFrame(router, 4, 0, 'https://news.example/article', [{ ...TERMS[0], headline: true }, TERMS[1]]);
    await asFrame(router, 4, 7, 'https://ads.example/frame', []);
    await asFrame(router, 4, 9, 'https://embed.example/abstract', [{ ...TERMS[1], count: 3, headline: true }, { conceptId: 'MESH:D001249', name: 'Asthma', category: 'disease', count: 1 }]);
    const reply = (await ask(router, 'tab/findings', { tabId: 4 })) as { value: { url: string; terms: { conceptId: string; count: number; headline?: boolean }[] } };
    expect(reply.value.url).toBe('https://news.example/article');
    // Counts summed; only the top page's heading puts a term first.
    expect(reply.value.terms.map((t) => [t.conceptId, t.count, t.headline ?? false])).toEqual([
      ['MESH:D001943', 2, true],
      ['MESH:D014057', 8, false],
      ['MESH:D001249', 1, false],
    ]);
    expect(badge).toEqual([2, 2, 3]);
    // A frame whose highlighting stopped reports nothing: its terms go, the others stay.
    await asFrame(router, 4, 9, 'https://embed.example/abstract', []);
    expect(badge.at(-1)).toBe(2);
    await asFrame(router, 4, 0, 'https://news.example/article', []);
    expect(badge.at(-1)).toBe(0);
    // After a worker restart, the frames are read back from storage.session.
    expect((await new TabFindings(sessionArea()).get(4))?.terms).toEqual([]);
  });

  test('frames reporting at the same moment just after a worker restart are all kept, with the frames stored before it', async () => {
    // As the browser's storage does (the fake's hands back what it holds): each read a copy of its own, and the
    // reads answered one after another, so that a report lands between them.
    const area = sessionArea()!;
    let reads = 0;
    const copying: SessionArea = {
      get: async (key) => {
        const copy = structuredClone(await area.get(key));
        await new Promise((r) => setTimeout(r, 5 * reads++));
        return copy;
      },
      set: (items) => area.set(structuredClone(items)),
      remove: (key) => area.remove(key),
    };
    await new TabFindings(copying).report(6, 'https://news.example/article', [TERMS[0]], 0);
    const restarted = new TabFindings(copying);
    await Promise.all([
      restarted.report(6, 'https://news.example/article', [TERMS[1]], 0),
      restarted.report(6, 'https://embed.example/abstract', [{ conceptId: 'MESH:D001249', name: 'Asthma', category: 'disease', count: 1 }], 5),
      restarted.report(6, 'https://other.example/', [{ conceptId: 'MESH:D009369', name: 'Neoplasms', category: 'disease', count: 1 }], 8),
    ]);
    const ids = (f: { terms: { conceptId: string }[] } | null) => f?.terms.map((t) => t.conceptId).sort();
    const expected = ['MESH:D001249', 'MESH:D009369', 'MESH:D014057'];
    expect(ids(await restarted.get(6))).toEqual(expected);
    expect(ids(await new TabFindings(copying).get(6))).toEqual(expected);
  });

  test('frames reporting at the same moment are all kept', async () => {
    const findings = new TabFindings(sessionArea(), Date.now, { conceptCard: async () => undefined });
    await Promise.all([1, 2, 3, 4].map((id) => findings.report(8, `https://f${id}.example/`, [{ conceptId: `C:${id}`, name: `T${id}`, category: 'disease', count: 1 }], id)));
    expect((await findings.get(8))!.terms.map((t) => t.conceptId).sort()).toEqual(['C:1', 'C:2', 'C:3', 'C:4']);
  });

  test('a page with a thousand frames keeps the top one and the newest others, within bounds', async () => {
    const findings = new TabFindings(sessionArea());
    await findings.report(5, 'https://top.example/', [TERMS[0]], 0);
    for (let id = 1; id <= 1000; id++) await findings.report(5, `https://f${id}.example/`, [{ conceptId: `C:${id}`, name: `T${id}`, category: 'disease', count: 1 }], id);
    const terms = (await findings.get(5))!.terms.map((t) => t.conceptId);
    expect(terms).toContain('MESH:D001943');
    expect(terms).toContain('C:1000');
    expect(terms).not.toContain('C:1');
    expect(terms.length).toBeLessThanOrEqual(33);
  });

  test("a page whose frames report as much as they may keeps a bounded share of storage: the top frame's terms, the newest frames' within it", async () => {
    const stored: Record<string, unknown>[] = [];
    const area: SessionArea = { get: async () => ({}), set: async (items) => void stored.push(structuredClone(items)), remove: async () => undefined };
    const findings = new TabFindings(area);
    const many = (frame: number) =>
      Array.from({ length: 600 }, (_, i) => ({ conceptId: `C:${frame}:${i}${'x'.repeat(400)}`, name: 'n'.repeat(400), category: 'disease', count: 1 }));
    await findings.report(3, 'https://top.example/', many(0), 0);
    for (let id = 1; id <= 40; id++) await findings.report(3, `https://f${id}.example/`, many(id), id);
    const frames = Object.values(stored.at(-1)!)[0] as Record<number, { terms: unknown[] }>;
    expect(Object.values(frames).reduce((n, f) => n + f.terms.length, 0)).toBeLessThanOrEqual(1500);
    expect(Object.keys(frames).map(Number)).toEqual([0, 39, 40]); // the top frame, then the newest
    // About 1,500 terms of at most 100 + 300 characters: well under storage.session's 10 MB shared by every tab.
    expect(JSON.stringify(stored.at(-1)).length).toBeLessThan(1_000_000);
  });

  test('a copy storage.session refuses (full) leaves the report in memory and on the badge', async () => {
    const area: SessionArea = { get: async () => ({}), set: async () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')), remove: async () => undefined };
    const badge: number[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const findings = new TabFindings(area, Date.now, { onReport: (_tab, f) => badge.push(f.terms.length) });
    await expect(findings.report(2, 'https://news.example/', TERMS, 0)).resolves.toMatchObject({ url: 'https://news.example/' });
    expect((await findings.get(2))!.terms).toHaveLength(2);
    expect(badge).toEqual([2]);
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  test('ties are ordered by the name the reader sees, whatever its case on the page', async () => {
    const findings = new TabFindings(undefined, Date.now, { conceptCard: async (id) => ({ name: { A: 'hepatitis', B: 'Asthma', C: 'biopsy' }[id]!, summaryCount: 1 }) });
    const got = await findings.report(6, 'https://x.example/', [
      { conceptId: 'A', name: 'Hepatitis', category: 'disease', count: 1 },
      { conceptId: 'B', name: 'autosomal recessive disorder', category: 'disease', count: 1 },
      { conceptId: 'C', name: 'Biopsy', category: 'procedure', count: 1 },
    ]);
    expect(got!.terms.map((t) => t.name)).toEqual(['Asthma', 'biopsy', 'hepatitis']);
  });
});

describe('term counts (the badge after a settings change)', () => {
  /** storage.session, noting what each read asks for (null: every item). */
  function noted(reads: (string | null)[]): SessionArea {
    const area = sessionArea()!;
    return { get: (key) => (reads.push(key), area.get(key)), set: (items) => area.set(items), remove: (key) => area.remove(key) };
  }

  test('after a worker restart, every tab is counted from one read of storage.session', async () => {
    const before = new TabFindings(sessionArea());
    await before.report(1, 'https://a.example/', TERMS);
    await before.report(2, 'https://b.example/', TERMS.slice(0, 1), 3);
    // A copy kept by a version that stored one report per tab, and another extension part's key.
    await sessionArea()!.set({ 'findings:4': { url: 'https://c.example/', terms: TERMS, at: 1 }, other: 1 });
    const reads: (string | null)[] = [];
    const restarted = new TabFindings(noted(reads));
    expect(await restarted.termCounts()).toEqual(new Map([[1, 2], [2, 1], [4, 2]]));
    expect(reads).toEqual([null]);
    // What was read is kept: the tabs' findings need no read of their own.
    expect((await restarted.get(4))?.url).toBe('https://c.example/');
    expect(reads).toEqual([null]);
  });

  test('a tab forgotten while the counts are read is not counted, nor put back', async () => {
    const before = new TabFindings(sessionArea());
    await before.report(1, 'https://a.example/', TERMS);
    await before.report(2, 'https://b.example/', TERMS.slice(0, 1));
    const restarted = new TabFindings(sessionArea());
    const counting = restarted.termCounts();
    await restarted.forget(1);
    expect(await counting).toEqual(new Map([[2, 1]]));
    expect(await restarted.get(1)).toBeNull();
  });
});

describe('navigation', () => {
  const TERM = [{ conceptId: 'MESH:D001249', name: 'asthma', category: 'disease', count: 3 }];

  test("a report still naming its terms when the tab starts loading another page is not kept, nor shown on the badge", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const badge: number[] = [];
    // The names wait for the first import after install.
    const findings = new TabFindings(sessionArea(), Date.now, {
      conceptCard: async () => { await gate; return { name: 'Asthma', summaryCount: 1 }; },
      onReport: (_tab, f) => badge.push(f.terms.length),
    });
    const inFlight = findings.report(7, 'https://a.example/old', TERM);
    await findings.forget(7);
    release();
    await inFlight;
    expect(await findings.get(7)).toBeNull();
    expect(await new TabFindings(sessionArea()).get(7)).toBeNull();
    expect(badge).toEqual([]);
    // The next page's report is kept.
    await findings.report(7, 'https://a.example/new', TERM);
    expect((await findings.get(7))?.url).toBe('https://a.example/new');
  });

  test('a copy read back from storage.session as the tab is forgotten is not put back', async () => {
    await new TabFindings(sessionArea()).report(9, 'https://a.example/old', TERM);
    const restarted = new TabFindings(sessionArea());
    const reading = restarted.get(9);
    await restarted.forget(9);
    await reading;
    expect(await restarted.get(9)).toBeNull();
  });

  test('a closed tab leaves nothing behind, and a report still naming its terms as it closed is not kept', async () => {
    const findings = new TabFindings(sessionArea());
    findings.register(new Router());
    const tracked = () => (findings as unknown as { pages: Map<number, unknown> }).pages.size;
    // A long browsing session: many tabs, each reporting, loading other pages, then closed.
    for (let tab = 1; tab <= 300; tab++) {
      await findings.report(tab, 'https://a.example/1', TERM);
      await fakeBrowser.tabs.onUpdated.trigger(tab, { status: 'loading' }, { id: tab } as never);
      await findings.report(tab, 'https://a.example/2', TERM);
      if (tab > 2) await fakeBrowser.tabs.onRemoved.trigger(tab, { windowId: 1, isWindowClosing: false });
    }
    // Before, every tab ever forgotten stayed in the worker's memory.
    expect(tracked()).toBe(2);

    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const named = new TabFindings(sessionArea(), Date.now, { conceptCard: async () => (await gate, { name: 'Asthma', summaryCount: 1 }) });
    named.register(new Router());
    const inFlight = named.report(400, 'https://a.example/', TERM);
    await fakeBrowser.tabs.onRemoved.trigger(400, { windowId: 1, isWindowClosing: false });
    release();
    await inFlight;
    expect(await new TabFindings(sessionArea()).get(400)).toBeNull();
  });

  test('a document the tab is not showing (a page on its way, unloading, cached or prerendered) reports nothing', async () => {
    const router = new Router();
    const findings = new TabFindings(sessionArea());
    findings.register(router);
    const from = (sender: object) => router.listener({ type: 'page/findings', request: { url: 'https://a.example/old', terms: TERM } }, sender);
    await from({ tab: { id: 3, pendingUrl: 'https://b.example/' }, frameId: 0 });
    await from({ tab: { id: 3 }, frameId: 0, documentLifecycle: 'pending_deletion' });
    await from({ tab: { id: 3 }, frameId: 2, documentLifecycle: 'cached' });
    await from({ tab: { id: 3 }, frameId: 0, documentLifecycle: 'prerender' });
    expect(await findings.get(3)).toBeNull();
    await from({ tab: { id: 3 }, frameId: 0, documentLifecycle: 'active' });
    expect((await findings.get(3))?.terms).toHaveLength(1);
  });
});
