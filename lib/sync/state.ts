// The state of dataset updates in this browser (storage.local: per browser, unlike the settings):
// - the job running now, written before it starts and removed when it ends, so that a worker stopped
//   midway finds it on its next start and resumes it (the import itself resumes after its last file);
// - the last update's outcome, for the settings page (it survives the worker, unlike the store's memory).
import { storage } from '@wxt-dev/storage';

export type SyncKind = 'url' | 'file';

export interface SyncJob {
  kind: SyncKind;
  /** The manifest URL, or the picked file's name. */
  source: string;
  /** A picked file's import: the id its files are staged under (lib/sync/staged.ts); none from older versions. */
  staging?: string;
  /**
   * Names a URL sync for a Cancel (lib/messaging/protocol.ts CancelTarget); none from older versions. Read it with
   * syncJobId: a file import is named by its staging id, stored once (jobs stored before kept it here too).
   */
  id?: string;
  trigger: 'reader' | 'schedule' | 'resume';
  startedAt: string;
  /** How many times a stopped worker resumed it: a job that keeps stopping the worker is given up. */
  resumes: number;
}

export type SyncResult = 'imported' | 'unchanged' | 'failed' | 'cancelled';

export interface SyncRecord {
  /** `bundled`: the reader restored the dataset built into the extension. */
  kind: SyncKind | 'bundled';
  source: string;
  trigger: SyncJob['trigger'];
  at: string;
  result: SyncResult;
  /** One sentence for the reader. */
  message: string;
  version?: string;
  ms?: number;
  filesRead?: number;
  filesReused?: number;
}

export const syncJobItem = storage.defineItem<SyncJob | null>('local:syncJob', { fallback: null });

/**
 * The name a Cancel gives the job, which the settings page and the background read alike from the stored job. One
 * stored by an older version has no id: it is named by when it started (one job runs at a time), else it could not
 * be cancelled at all.
 */
export function syncJobId(job: SyncJob): string {
  return job.id ?? job.staging ?? `started ${job.startedAt}`;
}
/**
 * The file imports the background accepted and has not finished (queued, running, or left by a stopped worker), by
 * staging id and the worker that took them: the settings pages' recovery leaves their files, whose page may be closed.
 */
export interface AcceptedImport {
  staging: string;
  worker: string;
}
export const acceptedImportsItem = storage.defineItem<AcceptedImport[]>('local:acceptedImports', { fallback: [] });
export const lastSyncItem = storage.defineItem<SyncRecord | null>('local:lastSync', { fallback: null });

