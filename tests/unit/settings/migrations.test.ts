import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '@wxt-dev/storage';
import { CATEGORIES } from '../../../lib/dataset/types';
import { DEFAULT_PREFERENCES, normalisePreferences, PREFERENCES_MIGRATIONS, PREFERENCES_VERSION, type Preferences } from '../../../lib/settings/preferences';
import { addPausedSite, removePausedSite, siteHost } from '../../../lib/settings/sites';
import { normaliseSyncSettings } from '../../../lib/settings/sync-settings';

/** The item as a fresh start of the extension defines it (migrations run on definition). */
const defineAgain = () =>
  storage.defineItem<Preferences>('sync:preferences', {
    fallback: DEFAULT_PREFERENCES,
    version: PREFERENCES_VERSION,
    migrations: PREFERENCES_MIGRATIONS,
  });

test('v1 preferences with missing fields are completed once, on the first start of a later version', async () => {
  await fakeBrowser.storage.sync.set({ preferences: { audience: 'patient', highlight: { style: 'background' } }, preferences$: { v: 1 } });
  const item = defineAgain();
  await item.migrate();
  const raw = await fakeBrowser.storage.sync.get(['preferences', 'preferences$']);
  expect(raw.preferences).toEqual({ audience: 'patient', highlight: { ...DEFAULT_PREFERENCES.highlight, style: 'background' }, keyboard: DEFAULT_PREFERENCES.keyboard, recentTerms: true });
  expect(raw['preferences$']).toEqual({ v: PREFERENCES_VERSION });
});

test('a value with no version mark (saved before versions were kept) is treated as v1', async () => {
  await fakeBrowser.storage.sync.set({ preferences: { highlight: { enabled: false, categories: ['drug', 'bogus'] } } });
  await defineAgain().migrate();
  const { preferences } = await fakeBrowser.storage.sync.get('preferences');
  expect(preferences).toEqual({ audience: 'clinician', highlight: { ...DEFAULT_PREFERENCES.highlight, enabled: false, categories: ['drug'] }, keyboard: DEFAULT_PREFERENCES.keyboard, recentTerms: true });
});

test('nothing stored: nothing is written, defaults are read', async () => {
  await defineAgain().migrate();
  expect(await fakeBrowser.storage.sync.get('preferences')).toEqual({});
  expect(await defineAgain().getValue()).toEqual(DEFAULT_PREFERENCES);
});

test('normalise: unknown values and types fall back to defaults, unknown fields are dropped', () => {
  expect(normalisePreferences(null)).toEqual(DEFAULT_PREFERENCES);
  expect(normalisePreferences('x')).toEqual(DEFAULT_PREFERENCES);
  const odd = normalisePreferences({ audience: 'robot', extra: 1, highlight: { style: 'blink', openOn: 'hover', badge: 'yes', categories: 'all' } });
  expect(odd).toEqual({ audience: 'clinician', highlight: { ...DEFAULT_PREFERENCES.highlight, openOn: 'hover' }, keyboard: DEFAULT_PREFERENCES.keyboard, recentTerms: true });
  // Categories keep the canonical order whatever order they were saved in.
  expect(normalisePreferences({ highlight: { categories: ['other', 'disease'] } }).highlight.categories).toEqual(['disease', 'other']);
  expect(normalisePreferences({ highlight: { categories: [...CATEGORIES] } }).highlight.categories).toEqual(CATEGORIES);
});

test('v2 preferences gain the hover delay and shortcuts, keeping what the reader chose', async () => {
  const v2 = { audience: 'patient', highlight: { ...DEFAULT_PREFERENCES.highlight, openOn: 'hover' } } as Record<string, unknown>;
  delete (v2.highlight as Record<string, unknown>).hoverDelay;
  await fakeBrowser.storage.sync.set({ preferences: v2, preferences$: { v: 2 } });
  await defineAgain().migrate();
  const { preferences } = await fakeBrowser.storage.sync.get('preferences');
  expect(preferences).toEqual({ audience: 'patient', highlight: { ...DEFAULT_PREFERENCES.highlight, openOn: 'hover' }, keyboard: DEFAULT_PREFERENCES.keyboard, recentTerms: true });
});

test('v3 preferences gain "Recently opened", kept on, keeping what the reader chose', async () => {
  const v3 = { audience: 'patient', highlight: DEFAULT_PREFERENCES.highlight, keyboard: { ...DEFAULT_PREFERENCES.keyboard, enabled: false } };
  await fakeBrowser.storage.sync.set({ preferences: v3, preferences$: { v: 3 } });
  await defineAgain().migrate();
  const { preferences } = await fakeBrowser.storage.sync.get('preferences');
  expect(preferences).toEqual({ ...v3, recentTerms: true });
  expect(normalisePreferences({ recentTerms: false }).recentTerms).toBe(false);
  expect(normalisePreferences({ recentTerms: 'no' }).recentTerms).toBe(true);
});

test('normalise: hover delay clamped, shortcuts valid and distinct', () => {
  expect(normalisePreferences({ highlight: { hoverDelay: 5 } }).highlight.hoverDelay).toBe(100);
  expect(normalisePreferences({ highlight: { hoverDelay: 99_999 } }).highlight.hoverDelay).toBe(2000);
  expect(normalisePreferences({ highlight: { hoverDelay: 'slow' } }).highlight.hoverDelay).toBe(DEFAULT_PREFERENCES.highlight.hoverDelay);
  expect(normalisePreferences({ keyboard: { enabled: false, next: 'Ctrl+Alt+Digit3', previous: 'Ctrl+Alt+Digit1' } }).keyboard).toEqual({
    enabled: false,
    next: 'Ctrl+Alt+Digit3',
    previous: 'Ctrl+Alt+Digit1',
  });
  expect(normalisePreferences({ keyboard: { next: 'Hyper+KeyN', previous: '<b>' } }).keyboard).toEqual(DEFAULT_PREFERENCES.keyboard);
  expect(normalisePreferences({ keyboard: { next: 'Alt+KeyJ', previous: 'Alt+KeyJ' } }).keyboard).toEqual(DEFAULT_PREFERENCES.keyboard);
});

test('sync settings: url and schedule, with safe defaults', () => {
  expect(normaliseSyncSettings(undefined)).toEqual({ url: '', schedule: 'off' });
  expect(normaliseSyncSettings({ url: 'https://x.org/m.json', schedule: 'weekly' })).toEqual({ url: 'https://x.org/m.json', schedule: 'weekly' });
  expect(normaliseSyncSettings({ url: 5, schedule: 'hourly' })).toEqual({ url: '', schedule: 'off' });
  // A password kept by an older version is not kept on (it never worked: the browser refuses such an address).
  expect(normaliseSyncSettings({ url: 'https://reader:secret@x.org/m.json', schedule: 'daily' })).toEqual({ url: '', schedule: 'daily' });
});

test('paused sites: any address or name becomes a host; repeats and junk are refused', async () => {
  expect(siteHost('https://www.Example.org/path?q=1')).toBe('www.example.org');
  expect(siteHost('example.org')).toBe('example.org');
  expect(siteHost('  ')).toBeUndefined();
  expect(siteHost('not a site!')).toBeUndefined();
  expect(await addPausedSite('b.example.org')).toEqual(['b.example.org']);
  expect(await addPausedSite('https://a.example.org/x')).toEqual(['a.example.org', 'b.example.org']);
  expect(await addPausedSite('a.example.org')).toEqual(['a.example.org', 'b.example.org']);
  await expect(addPausedSite('???')).rejects.toThrow('"???" is not a site name or address.');
  expect(await removePausedSite('a.example.org')).toEqual(['b.example.org']);
  expect((await fakeBrowser.storage.sync.get('pausedSites')).pausedSites).toEqual(['b.example.org']);
});
