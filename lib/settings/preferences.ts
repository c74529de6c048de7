// The reader's preferences, in storage.sync so that they follow the reader between browsers.
// storage.sync allows about 100 KB in all and 8 KB an item: preferences only, never data.
//
// Versions (the item's `version`; @wxt-dev/storage runs the migrations on first use after an update):
//   1  the first release: fields could be missing (written before they existed).
//   2  always a complete object with known values only (normalisePreferences), so that every reader of
//      the item — this page, the popup, the content script — can use it without defaults of its own.
// Another browser of the same reader may run an older version of the extension: unknown fields are
// dropped and missing ones take defaults, so either side reads what the other wrote.
import { storage } from '@wxt-dev/storage';
import type { Category } from '../dataset/types.ts';
import { CATEGORIES } from '../dataset/types.ts';

export type Audience = 'clinician' | 'patient';
export type HighlightStyle = 'underline' | 'background';
export type OpenOn = 'click' | 'hover';

export interface Preferences {
  /** Whose wording comes first: research for clinicians, plain language for patients. */
  audience: Audience;
  highlight: {
    enabled: boolean;
    style: HighlightStyle;
    /** Open the in-page card on click, or on hover after a short delay. */
    openOn: OpenOn;
    categories: Category[];
    /** Show the number of terms found on the toolbar button. */
    badge: boolean;
  };
}

export const DEFAULT_PREFERENCES: Preferences = {
  audience: 'clinician',
  highlight: { enabled: true, style: 'underline', openOn: 'click', categories: [...CATEGORIES], badge: true },
};

export const PREFERENCES_VERSION = 2;

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Any stored value (another version's, or damaged) as a complete, valid Preferences. */
export function normalisePreferences(raw: unknown): Preferences {
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const h = (stored.highlight && typeof stored.highlight === 'object' ? stored.highlight : {}) as Record<string, unknown>;
  const d = DEFAULT_PREFERENCES.highlight;
  return {
    audience: pick(stored.audience, ['clinician', 'patient'], DEFAULT_PREFERENCES.audience),
    highlight: {
      enabled: typeof h.enabled === 'boolean' ? h.enabled : d.enabled,
      style: pick(h.style, ['underline', 'background'], d.style),
      openOn: pick(h.openOn, ['click', 'hover'], d.openOn),
      categories: Array.isArray(h.categories)
        ? CATEGORIES.filter((c) => (h.categories as unknown[]).includes(c))
        : [...d.categories],
      badge: typeof h.badge === 'boolean' ? h.badge : d.badge,
    },
  };
}

export const preferencesItem = storage.defineItem<Preferences>('sync:preferences', {
  fallback: DEFAULT_PREFERENCES,
  version: PREFERENCES_VERSION,
  migrations: {
    2: (v1: unknown) => normalisePreferences(v1),
  },
});

/** Sites (host names) where highlighting is paused. */
export const pausedSitesItem = storage.defineItem<string[]>('sync:pausedSites', { fallback: [], version: 1 });

/** Stored preferences completed with defaults for any field an older version did not have. */
export async function getPreferences(): Promise<Preferences> {
  return normalisePreferences(await preferencesItem.getValue());
}

export async function updatePreferences(patch: Partial<Omit<Preferences, 'highlight'>> & { highlight?: Partial<Preferences['highlight']> }): Promise<Preferences> {
  const current = await getPreferences();
  const next = normalisePreferences({ ...current, ...patch, highlight: { ...current.highlight, ...patch.highlight } });
  await preferencesItem.setValue(next);
  return next;
}
