// Dataset updates as messages: sync from a URL, import staged files, cancel. Each update is recorded as
// a job before it starts (so a stopped worker resumes it on its next start) and its outcome is kept for
// the settings page, in one sentence. The import itself (lib/db/import.ts) is atomic: whatever fails,
// the installed dataset stays as it was.
import { BUNDLED_ORIGIN } from '../db/bundled-source.ts';
import { isInstalled, type ImportProgress } from '../db/import.ts';
import type { EvidenceStore } from '../db/service.ts';
import type { CancelTarget } from '../messaging/protocol.ts';
import type { Router } from '../messaging/router.ts';
import { EarlyCancels } from './early-cancels.ts';
import { CANCELLED, isAbortError, isInterruptedDownload, readerMessage } from './errors.ts';
import { registerSchedule } from './schedule.ts';
import { clearStaged, openStaging, stagedSource, type CacheOpener } from './staged.ts';
import { acceptedImportsItem, lastSyncItem, syncJobId, syncJobItem, type SyncJob, type SyncRecord } from './state.ts';
import { urlSource } from './url-source.ts';

export interface SyncReply {
  status: 'imported' | 'unchanged';
  meta: import('../dataset/types.ts').DatasetMeta;
  ms: number;
  filesRead: number;
  filesReused: number;
}

/** A worker that stops three times on the same job is not given a fourth try. */
const MAX_RESUMES = 3;

export interface SyncDeps {
  fetchFn?: typeof fetch;
  staging?: CacheOpener;
  now?: () => Date;
}

export class SyncService {
  /**
   * Each update's abort, by its id, from when it is asked for (a queued one checks it before it starts) to its
   * end: a Cancel stops the update its page names, never another's.
   */
  private controllers = new Map<string, AbortController>();
  /** Cancels of updates not asked for yet: their requests are refused when they come. */
  private earlyCancels: EarlyCancels;
  private fetchFn: typeof fetch;
  private staging: CacheOpener;
  private now: () => Date;

  constructor(
    private store: EvidenceStore,
    deps: SyncDeps = {},
  ) {
    this.fetchFn = deps.fetchFn ?? ((...a) => fetch(...a));
    this.staging = deps.staging ?? openStaging;
    this.now = deps.now ?? (() => new Date());
    this.earlyCancels = new EarlyCancels(() => this.now().getTime());
  }

  /** `id` names the sync for a Cancel (the page that asked for it makes one up). */
  syncUrl(url: string, trigger: SyncJob['trigger'] = 'reader', id: string = crypto.randomUUID()): Promise<SyncReply> {
    return this.run({ kind: 'url', source: url, id, trigger, startedAt: this.now().toISOString(), resumes: 0 });
  }

  importStaged(name: string, staging: string): Promise<SyncReply> {
    // Recorded before it waits in the queue: its page may close meanwhile, and the next one must leave its files.
    const accepted = this.accept(staging, true);
    return this.run({ kind: 'file', source: name, staging, trigger: 'reader', startedAt: this.now().toISOString(), resumes: 0 }, accepted);
  }

  /** This worker's name in acceptedImportsItem: what another worker accepted and never ran is gone with its queue. */
  private worker = crypto.randomUUID();
  private acceptedWrites: Promise<unknown> = Promise.resolve();

  /** Add or remove a file import in acceptedImportsItem (the writes one after another: each reads the last's list). */
  private accept(staging: string, add: boolean): Promise<void> {
    const write = this.acceptedWrites.then(async () => {
      const others = (await acceptedImportsItem.getValue()).filter((a) => a.staging !== staging);
      await acceptedImportsItem.setValue(add ? [...others, { staging, worker: this.worker }] : others);
    });
    this.acceptedWrites = write.catch(() => undefined);
    return write;
  }

  /**
   * On worker start: the file imports a stopped worker had queued went with its queue (their pages were told the
   * worker stopped); their files go too. The one its job names is resumed.
   */
  private async dropQueuedOfStoppedWorkers(job: SyncJob | null): Promise<void> {
    const write = this.acceptedWrites.then(async () => {
      const all = await acceptedImportsItem.getValue();
      const kept = all.filter((a) => a.worker === this.worker || (job?.kind === 'file' && job.staging === a.staging));
      for (const a of all) if (!kept.includes(a)) await clearStaged(this.staging, a.staging).catch(() => undefined);
      if (kept.length !== all.length) await acceptedImportsItem.setValue(kept);
    });
    this.acceptedWrites = write.catch(() => undefined);
    return write;
  }

  /**
   * The reader's Cancel: the update it names, running or queued, and that alone (an import it waits behind, or
   * one queued behind it, is another's); or the store's import of the bundled dataset, if that is what it runs.
   * An update not asked for yet is remembered, and refused when it is. True if it stopped something now.
   */
  cancel(target: CancelTarget): boolean {
    if ('restore' in target) return this.store.cancel(BUNDLED_ORIGIN);
    const controller = this.controllers.get(target.update);
    if (!controller) void this.earlyCancels.remember(target.update);
    if (!controller || controller.signal.aborted) return false;
    controller.abort();
    return true;
  }

  /** On worker start: resume the update a stopped worker left unfinished. True if there was one. */
  async resumeInterrupted(): Promise<boolean> {
    const job = await syncJobItem.getValue();
    await this.dropQueuedOfStoppedWorkers(job).catch(() => undefined);
    if (!job) return false;
    if (job.resumes >= MAX_RESUMES) {
      await this.abandon();
      // Nobody will import its picked files: they go, or the next settings page would free them and say "closed".
      if (job.kind === 'file') {
        await clearStaged(this.staging, job.staging ?? '').catch(() => undefined);
        if (job.staging) await this.accept(job.staging, false).catch(() => undefined);
      }
      await syncJobItem.removeValue();
      await this.record(job, { result: 'failed', message: 'The update stopped the extension several times, so it was given up; the current dataset is unchanged.' });
      return true;
    }
    await this.run({ ...job, trigger: 'resume', resumes: job.resumes + 1 }).catch(() => undefined);
    return true;
  }

  /** Updates run one at a time (a reader's "Sync now" during an automatic sync waits for it). */
  private queue: Promise<unknown> = Promise.resolve();

  /** The id of the update running now, if any. */
  private running?: string;

  /** `before`: what must be written before the update starts (a file import's acceptance). */
  private run(job: SyncJob, before: Promise<unknown> = Promise.resolve()): Promise<SyncReply> {
    const id = syncJobId(job);
    const controller = new AbortController();
    this.controllers.set(id, controller);
    // Asked at once, while the controller already catches a Cancel that comes meanwhile.
    const cancelledEarly = this.earlyCancels.take(id).catch(() => false);
    const next = this.queue
      .then(() => before.catch(() => undefined))
      .then(async () => ((await cancelledEarly) || controller.signal.aborted ? this.dropQueued(job) : this.runNow(job, id, controller)))
      .finally(async () => {
        if (this.controllers.get(id) === controller) this.controllers.delete(id);
        // Its files are cleared: the recovery of the settings pages may look at its id again.
        if (job.kind === 'file' && job.staging) await this.accept(job.staging, false).catch(() => undefined);
      });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * An update cancelled while it waited: it never started, so there is nothing of its own to discard but its files;
   * unless a stopped worker had started it (a resumed job, dropped at its turn, so nothing else runs): then what it
   * wrote, and its job, or the next start would resume it again.
   */
  private async dropQueued(job: SyncJob): Promise<never> {
    if (job.trigger === 'resume') {
      await this.abandon();
      await syncJobItem.removeValue();
    }
    await this.record(job, { result: 'cancelled', message: CANCELLED });
    if (job.kind === 'file') await clearStaged(this.staging, job.staging ?? '').catch(() => undefined);
    throw new Error(CANCELLED);
  }

  private async runNow(job: SyncJob, id: string, controller: AbortController): Promise<SyncReply> {
    const started = performance.now();
    await syncJobItem.setValue(job);
    let last: ImportProgress | undefined;
    this.running = id;
    try {
      const source = job.kind === 'url' ? await urlSource(job.source, this.fetchFn, controller.signal) : await stagedSource(this.staging, job.staging ?? '', job.source);
      controller.signal.throwIfAborted();
      // Already installed: answer now, without queueing behind an import or the cleanup after one.
      const { installed } = await this.store.status();
      const result =
        installed && isInstalled(installed, source)
          ? { status: 'unchanged' as const, meta: installed }
          : await this.store.import(source, { signal: controller.signal, onProgress: (p) => (last = p) });
      const ms = Math.round(performance.now() - started);
      const filesReused = last?.filesReused ?? 0;
      const filesRead = result.status === 'imported' ? source.manifest.files.length - filesReused : 0;
      await this.record(job, {
        result: result.status,
        version: result.meta.version,
        ms,
        filesRead,
        filesReused,
        message:
          result.status === 'unchanged'
            ? `Already up to date: version ${result.meta.version} is installed.`
            : `Updated to version ${result.meta.version}` +
              (job.kind === 'url' ? ` (${filesRead} of ${source.manifest.files.length} files downloaded, the rest unchanged).` : '.'),
      });
      if (job.kind === 'file') await clearStaged(this.staging, job.staging ?? '').catch(() => undefined);
      return { status: result.status, meta: result.meta, ms, filesRead, filesReused };
    } catch (error) {
      const message = isAbortError(error) ? CANCELLED : readerMessage(error);
      await this.record(job, { result: message === CANCELLED ? 'cancelled' : 'failed', message });
      if (job.kind === 'file') await clearStaged(this.staging, job.staging ?? '').catch(() => undefined);
      // A download cut off (the connection, a busy server) keeps what was written: trying again goes on after the
      // last finished file. Anything else (a bad file, a full disk, Cancel) would fail the same way again.
      if (!isInterruptedDownload(error)) await this.abandon();
      throw new Error(message);
    } finally {
      if (this.running === id) this.running = undefined;
      await syncJobItem.removeValue();
    }
  }

  /**
   * A sync that failed for good (its job is about to go) leaves no unfinished import: nobody would resume it, and
   * it would hold its storage. Every import but the bundled dataset's is a sync's, and syncs run one at a time.
   * A worker stopped midway leaves its job, so that the next start resumes the import after its last file; an
   * interrupted download leaves its import for the reader's next try (any other import replaces it).
   */
  private abandon(): Promise<void> {
    return this.store.discardUnfinished(BUNDLED_ORIGIN).catch((error) => console.warn('Evidence Lens: an unfinished update could not be discarded:', error));
  }

  private async record(job: SyncJob, outcome: Omit<SyncRecord, 'kind' | 'source' | 'trigger' | 'at'>): Promise<void> {
    await lastSyncItem.setValue({ kind: job.kind, source: job.source, trigger: job.trigger, at: this.now().toISOString(), ...outcome });
  }

  register(router: Router): void {
    router
      .on('dataset/sync', ({ url, id }) => this.syncUrl(url, 'reader', id))
      .on('dataset/import-staged', ({ name, staging }) => this.importStaged(name, staging))
      .on('dataset/cancel', async (target) => {
        const cancelled = this.cancel(target);
        // Answered once a Cancel that came first is stored: the worker may stop as soon as it has answered.
        await this.earlyCancels.written();
        return { cancelled };
      });
  }
}

/**
 * The background's sync wiring: messages, the automatic-sync alarm, and the resumption of an update a
 * stopped worker left unfinished. Call synchronously at worker start (alarm listeners must be).
 */
export function registerSync(router: Router, store: EvidenceStore, deps: SyncDeps = {}): SyncService {
  const sync = new SyncService(store, deps);
  sync.register(router);
  registerSchedule(sync);
  void sync.resumeInterrupted().catch((error) => console.error('Evidence Lens: resuming the dataset update failed:', error));
  return sync;
}
