// Automatic sync: one browser alarm, repeating daily or weekly, while a dataset URL is set. The alarm is
// created again only when its period changes, so a worker restart does not push the next sync back.
import { browser } from 'wxt/browser';
import { normaliseSyncSettings, SCHEDULE_MINUTES, syncSettingsItem, type SyncSettings } from '../settings/sync-settings.ts';

export const SYNC_ALARM = 'evidence-lens-dataset-sync';

interface Syncer {
  syncUrl(url: string, trigger: 'schedule'): Promise<unknown>;
}

export async function applySchedule(settings: SyncSettings): Promise<void> {
  const { url, schedule } = normaliseSyncSettings(settings);
  const existing = await browser.alarms.get(SYNC_ALARM);
  if (schedule === 'off' || !url) {
    if (existing) await browser.alarms.clear(SYNC_ALARM);
    return;
  }
  const period = SCHEDULE_MINUTES[schedule];
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(SYNC_ALARM, { periodInMinutes: period, delayInMinutes: period });
}

export function registerSchedule(sync: Syncer): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== SYNC_ALARM) return;
    void (async () => {
      const { url } = normaliseSyncSettings(await syncSettingsItem.getValue());
      // The outcome is recorded by the sync itself (lastSyncItem) for the settings page.
      if (url) await sync.syncUrl(url, 'schedule').catch(() => undefined);
    })();
  });
  syncSettingsItem.watch((settings) => void applySchedule(settings).catch(() => undefined));
  void syncSettingsItem.getValue().then(applySchedule).catch(() => undefined);
}
