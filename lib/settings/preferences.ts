// The reader's preferences, in storage.sync so that they follow the reader between browsers.
// storage.sync allows about 100 KB in all and 8 KB an item: preferences only, never data.
import { storage } from '@wxt-dev/storage';
import type { Category } from '../dataset/types.ts';
import { CATEGORIES } from '../dataset/types.ts';

export type Audience = 'clinician' | 'patient';

export interface Preferences {
  /** Whose wording comes first: research for clinicians, plain language for patients. */
  audience: Audience;
  highlight: {
    enabled: boolean;
    style: 'underline' | 'background';
    /** Open the in-page card on click, or on hover after a short delay. */
    openOn: 'click' | 'hover';
    categories: Category[];
    /** Show the number of terms found on the toolbar button. */
    badge: boolean;
  };
}

export const DEFAULT_PREFERENCES: Preferences = {
  audience: 'clinician',
  highlight: { enabled: true, style: 'underline', openOn: 'click', categories: [...CATEGORIES], badge: true },
};

export const preferencesItem = storage.defineItem<Preferences>('sync:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: 1,
});

/** Sites (host names) where highlighting is paused. */
export const pausedSitesItem = storage.defineItem<string[]>('sync:pausedSites', { fallback: [], version: 1 });

/** Stored preferences completed with defaults for any field an older version did not have. */
export async function getPreferences(): Promise<Preferences> {
  const stored = await preferencesItem.getValue();
  return { ...DEFAULT_PREFERENCES, ...stored, highlight: { ...DEFAULT_PREFERENCES.highlight, ...stored.highlight } };
}

export async function updatePreferences(patch: Partial<Omit<Preferences, 'highlight'>> & { highlight?: Partial<Preferences['highlight']> }): Promise<Preferences> {
  const current = await getPreferences();
  const next: Preferences = { ...current, ...patch, highlight: { ...current.highlight, ...patch.highlight } };
  await preferencesItem.setValue(next);
  return next;
}
