// The background's evidence store: owns the database connection, runs one import at a time, keeps
// progress for the UI, and answers the query messages.
//
// When IndexedDB cannot be used (it fails or never answers on open: private browsing, a blocked or corrupted
// database; or the bundled dataset's import runs out of space), the store holds the bundled dataset in
// memory (memory.ts) for the rest of this worker's life and says so in its status. The next worker start
// tries IndexedDB again, and installs the bundled dataset there if it is missing.
import type { DatasetMeta, Summary } from '../dataset/types.ts';
import { BUNDLED_ORIGIN } from './bundled-source.ts';
import type { Router } from '../messaging/router.ts';
import type { DatasetStatusReport } from '../messaging/protocol.ts';
import { importDataset, type DatasetSource, type ImportOptions, type ImportProgress, type ImportResult } from './import.ts';
import { getActive } from './active.ts';
import { collectGarbage, discardPending } from './cleanup.ts';
import { getPending } from './pending.ts';
import { conceptCards } from './cards.ts';
import type { ConceptCard } from '../search/keys.ts';
import { getConcept, getStatus, getStudyPmids, getSummariesForConcept, getSummary } from './queries.ts';
import { loadNameIndex, rewarmCaches, searchConcepts, searchNext, searchOpeners, searchWithNarrowSet } from './search.ts';
import { openDatabase, type Database } from './schema.ts';
import { getConceptOverview } from './overview.ts';
import { memoryDatabase } from './memory.ts';
import { isQuotaError, readerMessage } from '../sync/errors.ts';

/** What the reader is told while the evidence is held in memory, one sentence for each cause. */
export const IN_MEMORY = {
  unavailable:
    "Your browser's storage is unavailable here (private browsing, or the browser blocked it), so the evidence is held in memory for this session and stored again when storage works.",
  full: 'Your disk is too full to store the evidence, so it is held in memory for this session: free some disk space and it is stored again the next time the extension starts.',
} as const;
/** A synced dataset is not held in memory: it would be lost when the worker stops. */
export const NO_UPDATE_IN_MEMORY =
  "Your browser's storage is unavailable here, so the dataset cannot be updated in this session; the bundled evidence is shown meanwhile.";
export const READ_FAILED = 'The evidence could not be read just now: close this window and open it again.';

/** How long opening IndexedDB may take before the store stops waiting (a blocked open never answers). */
export const OPEN_TIMEOUT_MS = 5000;

/**
 * The cleanup after an import (deleting the older dataset) goes on only once no lookup has come in for this
 * long: a reader who opens the popup right after a sync is answered at once, not after the cleanup's writes.
 */
export const CLEANUP_QUIET_MS = 300;

export interface StoreOptions {
  /** Open IndexedDB; `onClosed` is to be called when the connection goes away under the store. */
  open?: (onClosed: () => void) => Promise<Database>;
  openTimeoutMs?: number;
  /** The cleanup after an import: buckets per transaction, and how long it waits after the last lookup. */
  cleanup?: { chunk?: number; quietMs?: number };
  /** The database used when IndexedDB is unavailable (tests may watch it). */
  memory?: () => Database;
  /** Called every ~20 s while an import runs: an extension API call keeps an MV3 worker alive. */
  keepAlive?: () => unknown;
  /** The dataset shipped with the extension: installed on start, for "Restore bundled dataset". */
  bundled?: () => Promise<DatasetSource>;
}

export class EvidenceStore {
  private dbPromise?: Promise<Database>;
  /** How many IndexedDB connections were opened: a second one means the first went away. */
  private connections = 0;
  /** Set once IndexedDB failed: the memory database and why, for the rest of this worker's life. */
  private inMemory?: { db: Database; reason: string };
  private ensuring?: Promise<void>;
  private running: Promise<unknown> = Promise.resolve();
  private importing?: DatasetStatusReport['importing'];
  private lastError?: string;
  private lastImport?: DatasetStatusReport['lastImport'];
  /** When the last lookup came in (see CLEANUP_QUIET_MS). */
  private lastRead = -Infinity;
  /** Imports and discards queued behind the running job (see enqueue). */
  private waiting = 0;

  private importedListeners: ((meta: DatasetMeta) => void)[] = [];
  /** Aborts the import running now ("Cancel"). */
  private controller?: AbortController;
  /** The origin of the import `controller` stops. */
  private controllerOrigin?: string;

  constructor(private options: StoreOptions = {}) {}

  /** Called after each import that switched the dataset (e.g. to rebuild the term matcher). */
  onImported(listener: (meta: DatasetMeta) => void): void {
    this.importedListeners.push(listener);
  }

  /** The database: IndexedDB, opened on first use and again after it went away; or the memory stand-in. */
  db(): Promise<Database> {
    if (!this.dbPromise) {
      const connection: Promise<Database> = this.openIndexedDB(() => {
        // The connection went away: the next call opens the database again (unless the store is in memory).
        if (this.dbPromise === connection) this.dbPromise = undefined;
      }).catch((error: unknown) => {
        console.warn('Evidence Lens: IndexedDB cannot be opened, so the evidence is held in memory:', error);
        return this.useMemory(isQuotaError(error) ? IN_MEMORY.full : IN_MEMORY.unavailable);
      });
      this.dbPromise = connection;
    }
    return this.dbPromise;
  }

  /** Open IndexedDB, or fail: on an error, a throw, or no answer within the timeout (a blocked open). */
  private async openIndexedDB(onClosed: () => void): Promise<Database> {
    const open = this.options.open ?? ((onClosed) => openDatabase(undefined, { onClosed }));
    const opening = (async () => open(onClosed))();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let late = false;
    // A connection that arrives after the store stopped waiting is closed, so as not to block anyone.
    opening.then((db) => late && db.close(), () => undefined);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        late = true;
        reject(new Error(`Opening IndexedDB did not answer within ${this.options.openTimeoutMs ?? OPEN_TIMEOUT_MS} ms.`));
      }, this.options.openTimeoutMs ?? OPEN_TIMEOUT_MS);
    });
    try {
      const db = await Promise.race([opening, timeout]);
      // A second connection means the first went away (storage cleared, database deleted): make sure the
      // bundled dataset is still there.
      if (++this.connections > 1) void this.ensureBundled().catch(() => undefined);
      return db;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Move to the memory database for the rest of this worker's life, and install the bundled dataset in it. */
  private useMemory(reason: string): Database {
    if (!this.inMemory) {
      this.inMemory = { db: (this.options.memory ?? memoryDatabase)(), reason };
      void this.ensureBundled().catch(() => undefined);
    }
    this.dbPromise = Promise.resolve(this.inMemory.db);
    return this.inMemory.db;
  }

  /**
   * Called on every worker start (and after the database came back empty): a first install imports the
   * bundled dataset, an update with a new bundled version replaces it, and an import cut short by a stopped
   * worker resumes. A dataset the reader synced from elsewhere is left alone. If IndexedDB runs out of space
   * for it, the bundled dataset is held in memory instead. Then it finishes any cleanup a stopped worker left.
   */
  ensureBundled(): Promise<void> {
    this.ensuring ??= (async () => {
      try {
        await this.ensureBundledNow();
      } finally {
        this.queueCleanup();
      }
    })().finally(() => (this.ensuring = undefined));
    return this.ensuring;
  }

  private async ensureBundledNow(): Promise<void> {
    const bundled = this.options.bundled;
    if (!bundled) return;
    const { installed, pending } = await getStatus(await this.db());
    if (installed && installed.origin !== BUNDLED_ORIGIN && pending?.origin !== BUNDLED_ORIGIN) return;
    // An unfinished sync from elsewhere does not hold back a newer bundled dataset (one abandoned would hold
    // it back for ever): the same bundled version leaves it to be resumed, a newer one replaces it (a sync
    // resumed after that starts afresh).
    const source = await bundled();
    try {
      await this.import(source);
    } catch (error) {
      if (this.inMemory || !isQuotaError(error)) throw error;
      const idb = await this.db();
      this.useMemory(IN_MEMORY.full);
      idb.close();
      await this.import(source);
    }
  }

  /** Imports run one after another; each reports progress through status(). */
  import(source: DatasetSource, options: ImportOptions = {}): Promise<ImportResult> {
    return this.enqueue(async () => {
      const timer = this.options.keepAlive ? setInterval(this.options.keepAlive, 20_000) : undefined;
      const base = { version: source.manifest.version, origin: source.origin };
      const started = performance.now();
      const controller = new AbortController();
      this.controller = controller;
      this.controllerOrigin = source.origin;
      const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
      try {
        if (this.inMemory && source.origin !== BUNDLED_ORIGIN) throw new Error(NO_UPDATE_IN_MEMORY);
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
          const db = await this.db();
          const active = await getActive(db);
          if (active) void rewarmCaches(db, active.gen).catch(() => undefined);
          // Cleanup runs next in the queue, before any later import, without holding up this one's result.
          this.queueCleanup();
        }
        return result;
      } catch (error) {
        // A cancelled import is not resumed later, and a full disk needs the space back: drop what was written.
        if (signal.aborted || isQuotaError(error)) await discardPending(await this.db()).catch(() => undefined);
        this.lastError = readerMessage(error);
        throw new Error(this.lastError, { cause: error });
      } finally {
        this.importing = undefined;
        if (this.controller === controller) this.controller = undefined;
        clearInterval(timer);
      }
    });
  }

  /** Run a job after those queued before it (imports and discards, one at a time); a cleanup gives way to it. */
  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    this.waiting++;
    const run = this.running.then(() => {
      this.waiting--;
      return job();
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  /** Resolves once no import or cleanup is queued (the bench times lookups in that steady state). */
  async idle(): Promise<void> {
    for (let last; last !== this.running; ) await (last = this.running);
  }

  /** Delete older datasets (see cleanUp) next in the queue, before any later import. */
  private queueCleanup(): void {
    this.running = this.running.then(async () => this.cleanUp()).catch(() => undefined);
  }

  /**
   * Delete older datasets a chunk at a time, each chunk once lookups have paused. An import or a discard queued
   * meanwhile stops it (it must not wait for a quiet moment that a reader's lookups never leave): the cleanup
   * queued after that import deletes the rest.
   */
  private async cleanUp(): Promise<void> {
    const quietMs = this.options.cleanup?.quietMs ?? CLEANUP_QUIET_MS;
    const beforeChunk = async () => {
      for (;;) {
        if (this.waiting > 0) return false;
        const wait = this.lastRead + quietMs - performance.now();
        if (wait <= 0) return true;
        await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 100)));
      }
    };
    await collectGarbage(await this.db(), { chunk: this.options.cleanup?.chunk, beforeChunk });
  }

  /**
   * Throw away the unfinished import, unless it is from `keepOrigin`: for a sync that failed for good, whose
   * import nobody will resume. It waits for the imports queued before it, so as never to delete under one.
   */
  discardUnfinished(keepOrigin: string): Promise<void> {
    return this.enqueue(async () => {
      const db = await this.db();
      if ((await getPending(db))?.origin !== keepOrigin) await discardPending(db);
    });
  }

  /** Stop the running import, if any (and from `origin`, when given); the installed dataset stays as it was. */
  cancel(origin?: string): boolean {
    if (!this.controller || (origin !== undefined && this.controllerOrigin !== origin)) return false;
    this.controller.abort();
    return true;
  }

  /**
   * Answer a question from the database. A connection that went away meanwhile is opened again and asked
   * once more; any other failure reaches the reader as one sentence (the cause goes to the console).
   */
  private async read<T>(question: (db: Database) => Promise<T>, { waitForFirst = true, lookup = true } = {}): Promise<T> {
    if (lookup) this.lastRead = performance.now();
    if (waitForFirst) await this.firstDataset();
    const db = await this.db();
    try {
      return await question(db);
    } catch (first) {
      try {
        const again = await this.db();
        if (again === db) throw first;
        return await question(again);
      } catch (error) {
        console.error('Evidence Lens: a query failed:', error);
        throw new Error(READ_FAILED, { cause: error });
      }
    }
  }

  /**
   * While the very first dataset is being imported (just after install), a lookup waits for it instead of
   * answering "not in the dataset": a reader who clicks a term at once sees "Loading" for a second or two,
   * then the evidence. Once any dataset is installed, lookups answer from it while an update imports.
   */
  private async firstDataset(): Promise<void> {
    const importing = this.ensuring ?? (this.importing ? this.running : undefined);
    if (!importing) return;
    if (await getActive(await this.db()).catch(() => undefined)) return;
    await importing.catch(() => undefined);
  }

  /** What a search result shows of a concept (names, category), from the cards kept in memory (no record read). */
  conceptCard(id: string): Promise<ConceptCard | undefined> {
    return this.read(async (db) => {
      const active = await getActive(db);
      return active ? (await conceptCards(db, active.gen)).get(id) : undefined;
    });
  }

  /** A summary of the installed dataset, or undefined when it has none. */
  summary(id: string): Promise<Summary | undefined> {
    return this.read((db) => getSummary(db, id));
  }

  /** The dataset's status; `poll`: asked on a timer, so no reader's lookup for the cleanup to wait for. */
  async status({ poll = false } = {}): Promise<DatasetStatusReport> {
    // Never waits for an import: the status is how the reader sees its progress.
    const status = await this.read(async (db) => {
      // Whoever asks for the status (the popup on opening) is about to search: have the concept cards and
      // the name index ready in memory.
      const active = await getActive(db);
      if (active) {
        void conceptCards(db, active.gen).catch(() => undefined);
        void loadNameIndex(db, active.gen).then(() => searchOpeners(db).catch(() => undefined));
      }
      return getStatus(db);
    }, { waitForFirst: false, lookup: !poll });
    return {
      ...status,
      ...(this.importing ? { importing: this.importing } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
      ...(this.lastImport ? { lastImport: this.lastImport } : {}),
      ...(this.inMemory ? { storage: { kind: 'memory' as const, reason: this.inMemory.reason } } : {}),
    };
  }

  register(router: Router): void {
    router
      .on('dataset/status', (request) => this.status({ poll: typeof request === 'object' && request !== null && request.poll === true }))
      .on('dataset/restore-bundled', async () => {
        if (!this.options.bundled) throw new Error('This build has no bundled dataset.');
        const started = performance.now();
        const result = await this.import(await this.options.bundled(), { force: true });
        return { meta: result.meta, ms: Math.round(performance.now() - started) };
      })
      .on('concept/get', ({ id }) => this.read(async (db) => (await getConcept(db, id)) ?? null))
      .on('concept/cards', async ({ ids }) => {
        const asked = (Array.isArray(ids) ? ids : []).filter((id): id is string => typeof id === 'string' && id.length <= MAX_QUERY).slice(0, MAX_LIMIT);
        const cards = await Promise.all(asked.map((id) => this.conceptCard(id)));
        return asked.flatMap((id, i) => (cards[i] ? [{ id, ...cards[i] }] : []));
      })
      // Questions come from pages too (a card's look-up): their sizes are bounded before any work.
      .on('concept/search', ({ query, limit }) => this.read((db) => searchConcepts(db, boundedQuery(query), count(limit))))
      .on('concept/search-narrowable', ({ query, limit }) => this.read((db) => searchWithNarrowSet(db, boundedQuery(query), count(limit))))
      .on('concept/search-openers', ({ limit }) => this.read((db) => searchOpeners(db, count(limit))))
      .on('concept/search-next', ({ prefix, limit }) => this.read((db) => searchNext(db, boundedQuery(prefix), count(limit))))
      .on('summaries/for-concept', ({ conceptId, offset, limit, ...page }) =>
        this.read((db) => getSummariesForConcept(db, conceptId, { ...page, offset: count(offset, 0, MAX_OFFSET), limit: count(limit) })),
      )
      .on('summary/get', async ({ id }) => (await this.summary(id)) ?? null)
      .on('summaries/study-pmids', ({ conceptId, filter }) => this.read((db) => getStudyPmids(db, conceptId, filter)))
      .on('summaries/overview', ({ conceptId }) => this.read((db) => getConceptOverview(db, conceptId)));
  }
}

/** Longer than any name: a search of 200 characters finds what a longer one would. */
const MAX_QUERY = 200;
const MAX_LIMIT = 100;
const MAX_OFFSET = 1_000_000;
const boundedQuery = (query: unknown): string => String(query ?? '').slice(0, MAX_QUERY);
/** A whole number within [0, max], or the query's own default (undefined) for anything else. */
function count(n: unknown, min = 1, max = MAX_LIMIT): number | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? Math.min(max, Math.max(min, Math.floor(n))) : undefined;
}
