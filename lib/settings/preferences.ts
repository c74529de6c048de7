// The reader's preferences, in storage.sync so that they follow the reader between browsers.
// storage.sync allows about 100 KB in all and 8 KB an item: preferences only, never data.
import { storage } from '@wxt-dev/storage';
import { oneAtATime } from '../async/one-at-a-time.ts';
import { applyPatch, DEFAULT_PREFERENCES, normalisePausedSites, normalisePreferences, PREFERENCES_MIGRATIONS, PREFERENCES_VERSION, type Preferences, type PreferencesPatch } from './preferences-model.ts';

// The model too, for callers that both read and store preferences.
export * from './preferences-model.ts';

export const preferencesItem = storage.defineItem<Preferences>('sync:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: PREFERENCES_VERSION,
  migrations: PREFERENCES_MIGRATIONS,
});

/** Sites (host names) where highlighting is paused. */
const storedPausedSites = storage.defineItem<unknown>('sync:pausedSites', { fallback: [], version: 1 });

/** The sites where highlighting is paused, always a clean list (see normalisePausedSites). */
export const pausedSitesItem = {
  getValue: async (): Promise<string[]> => normalisePausedSites(await storedPausedSites.getValue()),
  setValue: (sites: string[]): Promise<void> => storedPausedSites.setValue(normalisePausedSites(sites)),
  watch: (changed: (sites: string[]) => void): (() => void) => storedPausedSites.watch((value) => changed(normalisePausedSites(value))),
};

/** Stored preferences completed with defaults for any field an older version did not have. */
export async function getPreferences(): Promise<Preferences> {
  return normalisePreferences(await preferencesItem.getValue());
}

/** Updates of this page, one at a time: two quick changes each reading the stored value would lose the first. */
const update = oneAtATime();

export function updatePreferences(patch: PreferencesPatch): Promise<Preferences> {
  return update(async () => {
    const next = applyPatch(await getPreferences(), patch);
    await preferencesItem.setValue(next);
    return next;
  });
}
