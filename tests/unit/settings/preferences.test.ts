import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFERENCES, getPreferences, highlightsWanted, pausedSitesItem, updatePreferences } from '../../../lib/settings/preferences';

test('defaults before anything is saved', async () => {
  expect(await getPreferences()).toEqual(DEFAULT_PREFERENCES);
});

test('an update keeps the other fields and lands in storage.sync', async () => {
  await updatePreferences({ audience: 'patient' });
  await updatePreferences({ highlight: { style: 'background' } });
  const prefs = await getPreferences();
  expect(prefs.audience).toBe('patient');
  expect(prefs.highlight).toEqual({ ...DEFAULT_PREFERENCES.highlight, style: 'background' });
  const raw = await fakeBrowser.storage.sync.get('preferences');
  expect(raw.preferences).toMatchObject({ audience: 'patient' });
});

test('a shortcut saved before the editor refused the browser\'s keys (Ctrl+C) gives way to the default', async () => {
  await fakeBrowser.storage.sync.set({ preferences: { keyboard: { enabled: true, next: 'Ctrl+KeyC', previous: 'Alt+Shift+KeyK' } } });
  expect((await getPreferences()).keyboard).toEqual({ enabled: true, next: DEFAULT_PREFERENCES.keyboard.next, previous: 'Alt+Shift+KeyK' });
});

test('preferences saved by an older version without newer fields are completed with defaults', async () => {
  await fakeBrowser.storage.sync.set({ preferences: { audience: 'patient', highlight: { enabled: false } } });
  const prefs = await getPreferences();
  expect(prefs).toEqual({ audience: 'patient', highlight: { ...DEFAULT_PREFERENCES.highlight, enabled: false }, keyboard: DEFAULT_PREFERENCES.keyboard, recentTerms: true });
});

test('a keyboard update changes one shortcut and keeps the rest', async () => {
  await updatePreferences({ keyboard: { next: 'Ctrl+Alt+KeyJ' } });
  expect((await getPreferences()).keyboard).toEqual({ ...DEFAULT_PREFERENCES.keyboard, next: 'Ctrl+Alt+KeyJ' });
});

test('pages are highlighted unless highlighting is off or their site is paused', () => {
  const on = DEFAULT_PREFERENCES;
  const off = { ...DEFAULT_PREFERENCES, highlight: { ...DEFAULT_PREFERENCES.highlight, enabled: false } };
  expect(highlightsWanted(on, [], 'pubmed.ncbi.nlm.nih.gov')).toBe(true);
  expect(highlightsWanted(on, ['www.nhs.uk'], 'pubmed.ncbi.nlm.nih.gov')).toBe(true);
  expect(highlightsWanted(on, ['www.nhs.uk'], 'www.nhs.uk')).toBe(false);
  expect(highlightsWanted(off, [], 'pubmed.ncbi.nlm.nih.gov')).toBe(false);
});

test('paused sites written by another browser, another version or a damaged copy read as a clean list of hosts', async () => {
  // A string matched hosts by substring ("nytimes.com" paused "times.com"), an object threw on every page.
  await fakeBrowser.storage.sync.set({ pausedSites: 'www.nytimes.com' });
  expect(await pausedSitesItem.getValue()).toEqual([]);
  await fakeBrowser.storage.sync.set({ pausedSites: [{ host: 'a.example' }, ' Example.ORG ', 'example.org', 7, ''] });
  expect(await pausedSitesItem.getValue()).toEqual(['example.org']);
  const seen: string[][] = [];
  const unwatch = pausedSitesItem.watch((sites) => seen.push(sites));
  await fakeBrowser.storage.sync.set({ pausedSites: { 0: 'x' } });
  await vi.waitFor(() => expect(seen).toEqual([[]]));
  unwatch();
  await pausedSitesItem.setValue(['A.example', 'a.example']);
  expect((await fakeBrowser.storage.sync.get('pausedSites')).pausedSites).toEqual(['a.example']);
});

test('two quick changes both land (each applied to what the one before stored)', async () => {
  await updatePreferences({ highlight: { style: 'underline', badge: true } });
  const first = updatePreferences({ highlight: { style: 'background' } });
  const second = updatePreferences({ highlight: { badge: false } });
  await Promise.all([first, second]);
  expect((await getPreferences()).highlight).toMatchObject({ style: 'background', badge: false });
});
