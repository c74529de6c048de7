// The toolbar badge: how many distinct medical terms the tab's page holds (a preference turns it off).
import { browser } from 'wxt/browser';
import { getPreferences, normalisePreferences, preferencesItem } from '../settings/preferences.ts';

export async function showTermCount(tabId: number, distinctTerms: number): Promise<void> {
  const { highlight } = await getPreferences();
  const text = highlight.badge && highlight.enabled && distinctTerms > 0 ? String(Math.min(distinctTerms, 999)) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b63ce' });
}

/**
 * Applies a change of the badge preference, and highlighting turned off, at once to every tab whose count is known;
 * otherwise an open tab kept its badge as it was until its page reported again. Highlighting turned back on is left
 * to the pages: each reports afresh, and counts read before those reports would overwrite theirs. Returns the
 * watch's remover.
 */
export function followBadgePreference(knownCounts: () => Promise<Map<number, number>>): () => void {
  return preferencesItem.watch((next, previous) => {
    const now = normalisePreferences(next).highlight;
    const before = normalisePreferences(previous).highlight;
    if (now.badge === before.badge && !(before.enabled && !now.enabled)) return;
    void knownCounts()
      .then((counts) => Promise.all([...counts].map(([tabId, count]) => showTermCount(tabId, count).catch(() => undefined))))
      .catch(() => undefined);
  });
}
