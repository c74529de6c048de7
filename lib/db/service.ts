// The background's evidence store: owns the database connection, runs one import at a time, keeps
// progress for the UI, and answers the query messages.
import type { DatasetMeta } from '../dataset/types.ts';
import type { Router } from '../messaging/router.ts';
import type { DatasetStatusReport } from '../messaging/protocol.ts';
import { collectGarbage, discardPending, getActive, importDataset, type DatasetSource, type ImportOptions, type ImportProgress, type ImportResult } from './import.ts';
import { conceptCards, getConcept, getStatus, getSummariesForConcept, getSummary, searchConcepts } from './queries.ts';
import { openDatabase, type Database } from './schema.ts';
import { getConceptOverview } from './overview.ts';
import { isQuotaError, readerMessage } from '../sync/errors.ts';

export interface StoreOptions {
  open?: () => Promise<Database>;
  /** Called every ~20 s while an import runs: an extension API call keeps an MV3 worker alive. */
  keepAlive?: () => unknown;
  /** The dataset shipped with the extension, for "Restore bundled dataset". */
  bundled?: () => Promise<DatasetSource>;
}

export class EvidenceStore {
  private dbPromise?: Promise<Database>;
  private running: Promise<unknown> = Promise.resolve();
  private importing?: DatasetStatusReport['importing'];
  private lastError?: string;
  private lastImport?: DatasetStatusReport['lastImport'];

  private importedListeners: ((meta: DatasetMeta) => void)[] = [];
  /** Aborts the import running now ("Cancel"). */
  private controller?: AbortController;

  constructor(private options: StoreOptions = {}) {}

  /** Called after each import that switched the dataset (e.g. to rebuild the term matcher). */
  onImported(listener: (meta: DatasetMeta) => void): void {
    this.importedListeners.push(listener);
  }

  db(): Promise<Database> {
    this.dbPromise ??= (this.options.open ?? (() => openDatabase()))().catch((error: unknown) => {
      this.dbPromise = undefined; // a later call tries again
      throw new Error(`The evidence database cannot be opened (${error instanceof Error ? error.message : error}).`);
    });
    return this.dbPromise;
  }

  /** Imports run one after another; each reports progress through status(). */
  import(source: DatasetSource, options: ImportOptions = {}): Promise<ImportResult> {
    const run = this.running.then(async () => {
      const timer = this.options.keepAlive ? setInterval(this.options.keepAlive, 20_000) : undefined;
      const base = { version: source.manifest.version, origin: source.origin };
      const started = performance.now();
      const controller = new AbortController();
      this.controller = controller;
      const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
      try {
        const result = await importDataset(await this.db(), source, {
          ...options,
          signal,
          onProgress: (p: ImportProgress) => {
            this.importing = { ...base, ...p };
            options.onProgress?.(p);
          },
        });
        this.lastError = undefined;
        if (result.status === 'imported') {
          const records = source.manifest.files.reduce((n, f) => n + f.records, 0);
          this.lastImport = { ...base, records, ms: Math.round(performance.now() - started) };
        }
        if (result.status === 'imported') {
          for (const listener of this.importedListeners) listener(result.meta);
          // Cleanup runs next in the queue, before any later import, without holding up this one's result.
          this.running = this.running.then(async () => collectGarbage(await this.db())).catch(() => undefined);
        }
        return result;
      } catch (error) {
        // A cancelled import is not resumed later, and a full disk needs the space back: drop what was written.
        if (signal.aborted || isQuotaError(error)) await discardPending(await this.db()).catch(() => undefined);
        this.lastError = readerMessage(error);
        throw new Error(this.lastError);
      } finally {
        this.importing = undefined;
        if (this.controller === controller) this.controller = undefined;
        clearInterval(timer);
      }
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Stop the running import, if any; the installed dataset stays as it was. */
  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort();
    return true;
  }

  /** A concept's display name, from the search cards kept in memory (no record read). */
  async conceptName(id: string): Promise<string | undefined> {
    const db = await this.db();
    const active = await getActive(db);
    return active ? (await conceptCards(db, active.gen)).get(id)?.name : undefined;
  }

  async status(): Promise<DatasetStatusReport> {
    const db = await this.db();
    const status = await getStatus(db);
    // Whoever asks for the status (the popup on opening) is about to search: have the concept cards ready.
    const active = await getActive(db);
    if (active) void conceptCards(db, active.gen).catch(() => undefined);
    return {
      ...status,
      ...(this.importing ? { importing: this.importing } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.lastImport ? { lastImport: this.lastImport } : {}),
    };
  }

  register(router: Router): void {
    router
      .on('dataset/status', () => this.status())
      .on('dataset/restore-bundled', async () => {
        if (!this.options.bundled) throw new Error('This build has no bundled dataset.');
        const started = performance.now();
        const result = await this.import(await this.options.bundled(), { force: true });
        return { meta: result.meta, ms: Math.round(performance.now() - started) };
      })
      .on('concept/get', async ({ id }) => (await getConcept(await this.db(), id)) ?? null)
      .on('concept/search', async ({ query, limit }) => searchConcepts(await this.db(), query, limit))
      .on('summaries/for-concept', async ({ conceptId, ...page }) => getSummariesForConcept(await this.db(), conceptId, page))
      .on('summary/get', async ({ id }) => (await getSummary(await this.db(), id)) ?? null)
      .on('summaries/overview', async ({ conceptId }) => getConceptOverview(await this.db(), conceptId));
  }
}
