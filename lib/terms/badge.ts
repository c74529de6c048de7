// The toolbar badge: how many distinct medical terms the tab's page holds (a preference turns it off).
import { browser } from 'wxt/browser';
import { getPreferences } from '../settings/preferences.ts';

export async function showTermCount(tabId: number, distinctTerms: number): Promise<void> {
  const { highlight } = await getPreferences();
  const text = highlight.badge && highlight.enabled && distinctTerms > 0 ? String(Math.min(distinctTerms, 999)) : '';
  await browser.action.setBadgeText({ tabId, text });
  if (text) await browser.action.setBadgeBackgroundColor({ tabId, color: '#0b63ce' });
}
