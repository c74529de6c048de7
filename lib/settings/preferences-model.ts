// The reader's preferences as values: their shape, defaults, and how any stored value (another version's, or
// damaged) is read back. No storage here, so views and tests can use it without a browser; preferences.ts
// keeps them in storage.sync.
//
// Versions (the item's `version`; @wxt-dev/storage runs the migrations on first use after an update):
//   1  the first release: fields could be missing (written before they existed).
//   2  always a complete object with known values only (normalisePreferences), so that every reader of
//      the item — this page, the popup, the content script — can use it without defaults of its own.
//   3  adds the hover delay and the keyboard shortcuts.
//   4  adds whether the terms the reader opens are kept for the popup's "Recently opened".
// Another browser of the same reader may run an older version of the extension: unknown fields are
// dropped and missing ones take defaults, so either side reads what the other wrote.
import type { Category } from '../dataset/types.ts';
import { CATEGORIES } from '../dataset/types.ts';
import { isPausedHost } from './paused-host.ts';
import { reservedUse } from './reserved-shortcuts.ts';
import { parseShortcut } from './shortcuts.ts';

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
    /** With hover: how long the pointer rests on a term before its card opens, in ms. */
    hoverDelay: number;
    categories: Category[];
    /** Show the number of terms found on the toolbar button. */
    badge: boolean;
  };
  /** Moving between the highlighted terms of a page from the keyboard (see shortcuts.ts for the format). */
  keyboard: {
    enabled: boolean;
    next: string;
    previous: string;
  };
  /** Keep the terms the reader opens (popup views, cards opened by click or key) for the popup's "Recently opened", on this device only. */
  recentTerms: boolean;
}

export const HOVER_DELAY = { min: 100, max: 2000, step: 50 } as const;

export const DEFAULT_PREFERENCES: Preferences = {
  audience: 'clinician',
  highlight: { enabled: true, style: 'underline', openOn: 'click', hoverDelay: 400, categories: [...CATEGORIES], badge: true },
  keyboard: { enabled: true, next: 'Alt+Shift+KeyN', previous: 'Alt+Shift+KeyP' },
  recentTerms: true,
};

export const PREFERENCES_VERSION = 4;

const pick = <T extends string>(value: unknown, allowed: readonly T[], fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** Any stored value (another version's, or damaged) as a complete, valid Preferences. */
export function normalisePreferences(raw: unknown): Preferences {
  const stored = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const h = (stored.highlight && typeof stored.highlight === 'object' ? stored.highlight : {}) as Record<string, unknown>;
  const k = (stored.keyboard && typeof stored.keyboard === 'object' ? stored.keyboard : {}) as Record<string, unknown>;
  const d = DEFAULT_PREFERENCES.highlight;
  const dk = DEFAULT_PREFERENCES.keyboard;
  // A key the browser or the page answers (Ctrl+C), stored before the editor refused them, would take copying away.
  const shortcut = (v: unknown, fallback: string) => (typeof v === 'string' && parseShortcut(v) && !reservedUse(v) ? v : fallback);
  let next = shortcut(k.next, dk.next);
  let previous = shortcut(k.previous, dk.previous);
  if (next === previous) [next, previous] = [dk.next, dk.previous]; // one key cannot do both
  const delay = typeof h.hoverDelay === 'number' && Number.isFinite(h.hoverDelay) ? Math.round(h.hoverDelay) : d.hoverDelay;
  return {
    audience: pick(stored.audience, ['clinician', 'patient'], DEFAULT_PREFERENCES.audience),
    highlight: {
      enabled: typeof h.enabled === 'boolean' ? h.enabled : d.enabled,
      style: pick(h.style, ['underline', 'background'], d.style),
      openOn: pick(h.openOn, ['click', 'hover'], d.openOn),
      hoverDelay: Math.min(HOVER_DELAY.max, Math.max(HOVER_DELAY.min, delay)),
      categories: Array.isArray(h.categories)
        ? CATEGORIES.filter((c) => (h.categories as unknown[]).includes(c))
        : [...d.categories],
      badge: typeof h.badge === 'boolean' ? h.badge : d.badge,
    },
    keyboard: { enabled: typeof k.enabled === 'boolean' ? k.enabled : dk.enabled, next, previous },
    recentTerms: typeof stored.recentTerms === 'boolean' ? stored.recentTerms : DEFAULT_PREFERENCES.recentTerms,
  };
}

/** Each version's step from the one before: every step completes the object with the fields it lacks. */
export const PREFERENCES_MIGRATIONS = {
  2: (v1: unknown) => normalisePreferences(v1),
  3: (v2: unknown) => normalisePreferences(v2),
  4: (v3: unknown) => normalisePreferences(v3),
};

/**
 * Any stored value as a list of host names: storage.sync brings what another browser, another version or a damaged
 * copy wrote (a string would match hosts by substring, an object would throw on every page).
 */
export function normalisePausedSites(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  const hosts = raw.filter((s): s is string => typeof s === 'string').map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0 && s.length <= 253);
  return [...new Set(hosts)];
}

/** Whether pages on `hostname` are highlighted, as the reader's settings say (a tab's own toggle aside). */
export function highlightsWanted(prefs: Preferences, pausedSites: readonly string[], hostname: string): boolean {
  return prefs.highlight.enabled && !isPausedHost(pausedSites, hostname);
}

export interface PreferencesPatch {
  audience?: Audience;
  highlight?: Partial<Preferences['highlight']>;
  keyboard?: Partial<Preferences['keyboard']>;
  recentTerms?: boolean;
}

/** `current` with a patch applied, as stored (each section merged, the whole normalised). */
export function applyPatch(current: Preferences, patch: PreferencesPatch): Preferences {
  return normalisePreferences({
    ...current,
    ...patch,
    highlight: { ...current.highlight, ...patch.highlight },
    keyboard: { ...current.keyboard, ...patch.keyboard },
  });
}
