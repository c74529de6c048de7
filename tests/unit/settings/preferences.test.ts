import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_PREFERENCES, getPreferences, highlightsWanted, updatePreferences } from '../../../lib/settings/preferences';

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

test('preferences saved by an older version without newer fields are completed with defaults', async () => {
  await fakeBrowser.storage.sync.set({ preferences: { audience: 'patient', highlight: { enabled: false } } });
  const prefs = await getPreferences();
  expect(prefs).toEqual({ audience: 'patient', highlight: { ...DEFAULT_PREFERENCES.highlight, enabled: false }, keyboard: DEFAULT_PREFERENCES.keyboard });
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
