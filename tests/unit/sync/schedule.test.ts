import { expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySchedule, registerSchedule, SYNC_ALARM } from '../../../lib/sync/schedule';
import { syncSettingsItem } from '../../../lib/settings/sync-settings';

test('an alarm only while a URL and a schedule are set; its period follows the schedule', async () => {
  await applySchedule({ url: '', schedule: 'daily' });
  expect(await fakeBrowser.alarms.getAll()).toEqual([]);
  await applySchedule({ url: 'https://x.org/m.json', schedule: 'daily' });
  expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(1440);
  await applySchedule({ url: 'https://x.org/m.json', schedule: 'weekly' });
  expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(10080);
  await applySchedule({ url: 'https://x.org/m.json', schedule: 'off' });
  expect(await fakeBrowser.alarms.getAll()).toEqual([]);
});

test('the alarm syncs from the saved URL', async () => {
  const syncUrl = vi.fn(async () => undefined);
  registerSchedule({ syncUrl });
  await syncSettingsItem.setValue({ url: 'https://x.org/m.json', schedule: 'daily' });
  await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARM, scheduledTime: Date.now(), periodInMinutes: 1440 });
  await vi.waitFor(() => expect(syncUrl).toHaveBeenCalledWith('https://x.org/m.json', 'schedule'));
});
