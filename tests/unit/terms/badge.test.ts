// The toolbar badge follows the reader's settings at once: turning it (or highlighting) off takes the count off every
// open tab's badge, turning it back on shows the known counts again, without waiting for each page to report.
import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sessionArea, TabFindings } from '../../../lib/tabs/findings';
import { followBadgePreference, showTermCount } from '../../../lib/terms/badge';
import { updatePreferences } from '../../../lib/settings/preferences';

const TERMS = [
  { conceptId: 'MESH:D001249', name: 'asthma', category: 'disease', count: 3 },
  { conceptId: 'MESH:D003920', name: 'diabetes', category: 'disease', count: 1 },
];
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });
const badges = () => Promise.all([1, 2].map(badge));

let unwatch: (() => void) | undefined;
afterEach(() => unwatch?.());

/** Two tabs reported (tab 2 from a frame), as the background keeps them, with the badge set by each report. */
async function twoReportedTabs(): Promise<TabFindings> {
  const findings = new TabFindings(sessionArea(), Date.now, { onReport: (tabId, f) => void showTermCount(tabId, f.terms.length) });
  await findings.report(1, 'https://a.example/', TERMS);
  await findings.report(2, 'https://b.example/', TERMS.slice(0, 1), 4);
  await expect.poll(badges).toEqual(['2', '1']);
  return findings;
}

test('turning the badge off and on applies to the open tabs at once', async () => {
  const findings = await twoReportedTabs();
  unwatch = followBadgePreference(() => findings.termCounts());
  await updatePreferences({ highlight: { badge: false } });
  await expect.poll(badges).toEqual(['', '']);
  await updatePreferences({ highlight: { badge: true } });
  await expect.poll(badges).toEqual(['2', '1']);
  // Highlighting turned off takes the counts away too.
  await updatePreferences({ highlight: { enabled: false } });
  await expect.poll(badges).toEqual(['', '']);
});

test('a worker started by the change finds the counts in storage.session', async () => {
  await twoReportedTabs();
  const restarted = new TabFindings(sessionArea());
  unwatch = followBadgePreference(() => restarted.termCounts());
  await updatePreferences({ highlight: { badge: false } });
  await expect.poll(badges).toEqual(['', '']);
});

test('highlighting turned back on leaves the badges to the pages, which report afresh', async () => {
  const findings = await twoReportedTabs();
  await updatePreferences({ highlight: { enabled: false } });
  let asked = 0;
  unwatch = followBadgePreference(() => (asked++, findings.termCounts()));
  await updatePreferences({ highlight: { enabled: true } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(asked).toBe(0);
});

test('another setting leaves the badges alone', async () => {
  const findings = await twoReportedTabs();
  let asked = 0;
  unwatch = followBadgePreference(() => (asked++, findings.termCounts()));
  await updatePreferences({ highlight: { style: 'background' } });
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(asked).toBe(0);
  expect(await badges()).toEqual(['2', '1']);
});
