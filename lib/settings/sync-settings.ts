// Where the dataset is synced from and how often: settings the reader chose, so storage.sync (they follow
// the reader); the state of syncs themselves is per browser (lib/sync/state.ts).
import { storage } from '@wxt-dev/storage';

export type SyncSchedule = 'off' | 'daily' | 'weekly';

export interface SyncSettings {
  /** The URL of a published dataset's manifest.json; empty when none was given. */
  url: string;
  schedule: SyncSchedule;
}

export const DEFAULT_SYNC_SETTINGS: SyncSettings = { url: '', schedule: 'off' };

export const syncSettingsItem = storage.defineItem<SyncSettings>('sync:datasetSync', {
  fallback: DEFAULT_SYNC_SETTINGS,
  version: 1,
});

export const SCHEDULE_MINUTES: Record<Exclude<SyncSchedule, 'off'>, number> = { daily: 24 * 60, weekly: 7 * 24 * 60 };

/** An address with a user name or password: browsers refuse to fetch one, and a password has no place in synced settings. */
export function holdsCredentials(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.username !== '' || parsed.password !== '';
  } catch {
    return false;
  }
}

export function normaliseSyncSettings(raw: unknown): SyncSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    // One kept by an older version is dropped (it never worked: the browser refuses such an address).
    url: typeof r.url === 'string' && !holdsCredentials(r.url) ? r.url.slice(0, 2000) : '',
    schedule: r.schedule === 'daily' || r.schedule === 'weekly' ? r.schedule : 'off',
  };
}
