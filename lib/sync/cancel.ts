// What the settings page's Cancel stops: its own work, else the update it shows running. Never "whatever runs":
// a Cancel in one tab stopped another tab's import (and the scheduled sync), and let its own go on.
import type { CancelTarget } from '../messaging/protocol.ts';
import { syncJobId, type SyncJob } from './state.ts';

export interface PageUpdate {
  /** The page is staging picked files: it stops that itself, and asks the background nothing. */
  staging: boolean;
  /** What the page asked the background for and waits on (a sync by the id it gave it, a file import by its staging id, a restore). */
  own?: CancelTarget;
  /** The update another page or the schedule started, as the page shows it (syncJobItem). */
  job?: SyncJob | null;
  /** The store reports an import under way (with no job, the restore of the bundled dataset). */
  importing: boolean;
}

/** The message a Cancel sends, or none. */
export function cancelTarget(page: PageUpdate): CancelTarget | undefined {
  if (page.staging) return undefined;
  if (page.own) return page.own;
  if (page.job) return { update: syncJobId(page.job) };
  return page.importing ? { restore: true } : undefined;
}
