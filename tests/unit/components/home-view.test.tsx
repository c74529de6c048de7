// "On this page" in the popup's home view, with the background's answers given by a router on the fake
// browser's message channel and the findings kept in its storage.session, as the worker keeps them.
import './cleanup';
import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { HomeView } from '../../../entrypoints/popup/HomeView';
import type { DatasetStatusReport } from '../../../lib/messaging/protocol';
import { Router } from '../../../lib/messaging/router';
import { sessionArea, TabFindings } from '../../../lib/tabs/findings';
import { registerRecentTerms } from '../../../lib/recent/service';
import { recentTermsItem } from '../../../lib/recent/storage';
import type { ResearchSummary } from '../../../lib/dataset/types';
import { TRIAL } from './fixtures';

// The browser's site access: allowed unless a test says otherwise (the fake browser has no permissions API).
const access = vi.hoisted(() => ({ allowed: true }));
vi.mock('../../../lib/tabs/site-access', async (actual) => ({
  ...(await actual<typeof import('../../../lib/tabs/site-access')>()),
  siteAllowed: async () => access.allowed,
  readTabNow: async () => false,
}));

const INSTALLED: DatasetStatusReport = {
  installed: { version: 'v1', created: '2026-01-01', counts: { concepts: 1, surfaceForms: 1, researchSummaries: 0, consumerSummaries: 0 }, sources: [], origin: 'bundled', installedAt: '2026-01-01' },
};
const TERMS = [{ conceptId: 'MESH:D001943', name: 'Breast cancer', category: 'disease' as const, count: 2 }];

let findings: TabFindings;
/** The summaries the background holds, by id (none unless a test puts one). */
const summaries = new Map<string, ResearchSummary>();

beforeEach(() => {
  // Timers run on their own and can be moved on by the test.
  vi.useFakeTimers({ shouldAdvanceTime: true });
  const router = new Router();
  findings = new TabFindings(sessionArea());
  findings.register(router);
  router.on('dataset/status', () => INSTALLED);
  router.on('summary/get', ({ id }) => summaries.get(id) ?? null);
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
});
afterEach(() => {
  vi.useRealTimers();
  // The place a test's clicks remembered (its search words) is not the next test's.
  history.replaceState(null, '');
  access.allowed = true;
  summaries.clear();
  openedSummary.mockClear();
});

const open = async () => {
  const tab = await fakeBrowser.tabs.create({ url: 'https://www.nhs.uk/conditions/breast-cancer/' });
  render(<HomeView tabId={tab.id} audience="patient" onOpenConcept={vi.fn()} onOpenSummary={openedSummary} onOpenSaved={vi.fn()} />);
  return tab.id!;
};
const openedSummary = vi.fn();

test("a page that is a study the dataset summarises shows that study first, a click from its summary", async () => {
  summaries.set(TRIAL.id, TRIAL);
  const tabId = await open();
  await screen.findByTestId('page-reading');
  await act(async () => void (await findings.report(tabId, 'https://www.nhs.uk/conditions/breast-cancer/', TERMS, 0, '18000001')));
  const article = await screen.findByTestId('this-article');
  expect(article.textContent).toContain('This article is in the evidence');
  expect(article.textContent).toContain(TRIAL.question);
  expect(article.textContent).toContain('Randomised trial');
  fireEvent.click(screen.getByText(TRIAL.question));
  expect(openedSummary).toHaveBeenCalledWith('pmid:18000001');
  // The page's terms are listed below it as ever.
  expect(screen.getByTestId('term-list').textContent).toContain('Breast cancer');
});

test('a PubMed id typed or pasted into the search finds the study, a click from its summary; an id the evidence lacks says so', async () => {
  summaries.set(TRIAL.id, TRIAL);
  await open();
  const input = screen.getByRole('combobox');
  fireEvent.input(input, { target: { value: 'PMID: 18000001' } });
  const found = await screen.findByTestId('found-study');
  expect(found.textContent).toContain('PMID 18000001 is in the evidence');
  expect(found.textContent).toContain(TRIAL.question);
  // Looked up as a study, not as a term: no "nothing found" for the digits.
  expect(screen.queryByTestId('search-empty')).toBeNull();
  expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('PMID 18000001 is in the evidence');
  // Enter in the box opens it, as it opens a term found.
  fireEvent.keyDown(input, { key: 'Enter' });
  expect(openedSummary).toHaveBeenCalledWith('pmid:18000001');
  openedSummary.mockClear();
  fireEvent.click(screen.getByText(TRIAL.question));
  expect(openedSummary).toHaveBeenCalledWith('pmid:18000001');

  fireEvent.input(input, { target: { value: 'https://pubmed.ncbi.nlm.nih.gov/99999999/' } });
  const absent = await screen.findByTestId('study-absent');
  expect(absent.textContent).toContain('The evidence holds no study with PMID 99999999.');
  expect(absent.querySelector('a')?.getAttribute('href')).toBe('https://pubmed.ncbi.nlm.nih.gov/99999999/');
  expect(screen.queryByTestId('found-study')).toBeNull();
  openedSummary.mockClear();
  fireEvent.keyDown(input, { key: 'Enter' });
  expect(openedSummary).not.toHaveBeenCalled();
});

test('a study the dataset does not hold, or a page that names none, shows no such block', async () => {
  const tabId = await open();
  await screen.findByTestId('page-reading');
  await act(async () => void (await findings.report(tabId, 'https://www.nhs.uk/conditions/breast-cancer/', TERMS, 0, '99999999')));
  await screen.findByTestId('term-list');
  expect(screen.queryByTestId('this-article')).toBeNull();
});

test('a popup opened before the page reported says the page is being read, and lists its terms when the report comes', async () => {
  const tabId = await open();
  expect(await screen.findByTestId('page-reading')).toHaveProperty('textContent', 'Reading this page…');
  expect(screen.queryByText(/Reload the page/)).toBeNull();
  await act(async () => void (await findings.report(tabId, 'https://www.nhs.uk/conditions/breast-cancer/', TERMS)));
  expect((await screen.findByTestId('term-list')).textContent).toContain('Breast cancer');
});

test('with no report after a few seconds, it says so, and still takes a report that comes later', async () => {
  const tabId = await open();
  await screen.findByTestId('page-reading');
  await act(async () => void (await vi.advanceTimersByTimeAsync(5000)));
  expect(screen.queryByTestId('page-reading')).toBeNull();
  expect(screen.getByText(/Reload the page/)).toBeTruthy();
  await act(async () => void (await findings.report(tabId, 'https://www.nhs.uk/conditions/breast-cancer/', TERMS)));
  expect((await screen.findByTestId('term-list')).textContent).toContain('Breast cancer');
});

test("a tab that goes to another site kept from the extension: the question names the new site, not the old one", async () => {
  access.allowed = false;
  const tabId = await open();
  expect((await screen.findByTestId('allow-site')).textContent).toBe('Allow on www.nhs.uk');
  // No report comes from a page nothing reads: only the tab's own navigation tells.
  await act(async () => void (await fakeBrowser.tabs.update(tabId, { url: 'https://www.bmj.com/content/1' })));
  await vi.waitFor(() => expect(screen.getByTestId('allow-site').textContent).toBe('Allow on www.bmj.com'));
  // And one that goes to a site it may read is being read.
  access.allowed = true;
  await act(async () => void (await fakeBrowser.tabs.update(tabId, { url: 'https://pubmed.ncbi.nlm.nih.gov/1/' })));
  expect(await screen.findByTestId('page-reading')).toBeTruthy();
});

test('a search the background does not answer says so, not "Nothing found", and is asked again while the words stand', async () => {
  const router = new Router();
  let failures = 3; // the popup's own three asks (data.ts)
  const hit = { id: 'MESH:D003920', name: 'Diabetes mellitus', category: 'disease' as const, summaryCount: 4, matched: 'Diabetes mellitus', match: 'prefix' as const };
  router.on('concept/search-openers', () => ({}));
  router.on('concept/search-next', () => ({ answers: {} }));
  router.on('concept/search-narrowable', () => {
    if (failures-- > 0) throw new Error('the database was busy');
    return { hits: [{ ...hit, spelledAlike: true as const }] };
  });
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  await open();
  const input = screen.getByRole('combobox') as HTMLInputElement;
  await act(async () => void fireEvent.input(input, { target: { value: 'diabetis mel' } }));
  await act(async () => void (await vi.advanceTimersByTimeAsync(1500)));
  expect(screen.getByTestId('search-failed').textContent).toBe('The search did not answer. Asking again…');
  expect(screen.queryByTestId('search-empty')).toBeNull();
  await act(async () => void (await vi.advanceTimersByTimeAsync(3000)));
  expect(screen.getAllByRole('option')[0].textContent).toMatch(/^Diabetes mellitus/);
  expect(screen.queryByTestId('search-failed')).toBeNull();
});

test('"Recently opened" lists the terms kept, in the reader\'s wording; one opens its view, Clear empties the list', async () => {
  const router = new Router();
  registerRecentTerms(router, { conceptCard: async () => undefined, keep: async () => true });
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  await recentTermsItem.setValue([
    { id: 'MESH:D001943', name: 'Breast Neoplasms', clinicalName: 'Breast cancer', category: 'disease', at: 2 },
    { id: 'MESH:D008687', name: 'Metformin', category: 'drug', at: 1 },
  ]);
  const opened = vi.fn();
  const tab = await fakeBrowser.tabs.create({ url: 'https://www.nhs.uk/' });
  render(<HomeView tabId={tab.id} audience="patient" onOpenConcept={opened} onOpenSummary={vi.fn()} onOpenSaved={vi.fn()} />);
  const list = await screen.findByRole('list', { name: 'Terms you opened recently' });
  expect([...list.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['Breast Neoplasms, disease', 'Metformin, drug']);
  fireEvent.click(screen.getByRole('button', { name: /^Metformin/ }));
  expect(opened).toHaveBeenCalledWith('MESH:D008687');
  // Typing a search: the results take the place of the page's terms and the recent ones.
  const input = screen.getByRole('combobox') as HTMLInputElement;
  await act(async () => void fireEvent.input(input, { target: { value: 'x' } }));
  expect(screen.queryByTestId('recent-terms')).toBeNull();
  await act(async () => void fireEvent.input(input, { target: { value: '' } }));
  fireEvent.click(screen.getByRole('button', { name: 'Clear recently opened terms' }));
  expect(screen.queryByTestId('recent-terms')).toBeNull();
  expect(document.activeElement).toBe(input);
  await vi.waitFor(async () => expect(await recentTermsItem.getValue()).toEqual([]));
});

test('a term kept while the popup is open (a card opened meanwhile) shows at once', async () => {
  await open();
  await screen.findByTestId('on-this-page');
  expect(screen.queryByTestId('recent-terms')).toBeNull();
  await act(async () => recentTermsItem.setValue([{ id: 'MESH:D008687', name: 'Metformin', category: 'drug', at: 1 }]));
  expect((await screen.findByTestId('recent-terms')).textContent).toContain('Metformin');
});
