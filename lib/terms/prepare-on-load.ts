// A page starting to load will send its text soon after: have the matcher loaded and warmed up by then (a cold
// worker takes seconds), unless the reader's settings leave that page alone.
import { browser } from 'wxt/browser';
import { getPreferences, highlightsWanted, pausedSitesItem } from '../settings/preferences.ts';
import type { TermService } from './service.ts';

export function prepareMatcherOnPageLoad(terms: Pick<TermService, 'prepared' | 'prepare'>): void {
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    const url = tab.url ?? change.url ?? '';
    // The settings are read only while the matcher is not loaded yet, not on every navigation.
    if (change.status !== 'loading' || !/^https?:/.test(url) || terms.prepared) return;
    Promise.all([getPreferences(), pausedSitesItem.getValue()])
      .then(([prefs, paused]) => highlightsWanted(prefs, paused, new URL(url).hostname) && terms.prepare())
      .catch(() => undefined);
  });
}
