// Deleting what readers no longer see: an unfinished import thrown away, and the generations an import left
// behind, a few buckets per transaction so that lookups are never held for long.
import { getActive } from './active.ts';
import { clearPending, getPending } from './pending.ts';
import { genPrefix, queued, type Database } from './schema.ts';

/** Throw away an unfinished import. */
export async function discardPending(db: Database): Promise<void> {
  const pending = await getPending(db);
  if (!pending) return;
  await deleteGeneration(db, pending.gen);
  await clearPending(db);
}

export async function deleteGeneration(db: Database, gen: number): Promise<void> {
  await deleteInChunks(db, IDBKeyRange.bound(genPrefix(gen), genPrefix(gen) + '\uffff'));
}

export interface CleanupOptions {
  /** Buckets deleted per transaction. */
  chunk?: number;
  /** Awaited before each chunk (the store waits there while lookups come in); false stops the cleanup there. */
  beforeChunk?: () => Promise<boolean>;
}

/** Buckets deleted per transaction: one chunk took about 10 ms here. */
export const DELETE_CHUNK = 64;

/**
 * Delete the buckets of every generation but the active one and a pending import's: what is left from
 * earlier datasets. Run after an import, and safe to run at any time no import is writing.
 */
export async function collectGarbage(db: Database, options: CleanupOptions = {}): Promise<void> {
  const [active, pending] = await Promise.all([getActive(db), getPending(db)]);
  const keep = [active?.gen, pending?.gen].filter((g): g is number => g !== undefined).map(genPrefix).sort();
  let from: string | undefined;
  for (const prefix of keep) {
    // Between the previous kept generation (or the start) and this one.
    if (!(await deleteInChunks(db, from === undefined ? IDBKeyRange.upperBound(prefix, true) : IDBKeyRange.bound(from, prefix, true, true), options))) return;
    from = prefix + '\uffff';
  }
  await deleteInChunks(db, from === undefined ? IDBKeyRange.lowerBound('') : IDBKeyRange.lowerBound(from, true), options);
}

/**
 * Delete a range of buckets a few at a time, each few in a transaction of its own. Chromium runs a database's
 * requests one after another: deleting the bundled dataset's 24 MB in one request held every lookup (the popup
 * opening just after a sync) for about 350 ms; now a lookup waits for one chunk at most.
 */
async function deleteInChunks(db: Database, range: IDBKeyRange, { chunk = DELETE_CHUNK, beforeChunk }: CleanupOptions = {}): Promise<boolean> {
  for (;;) {
    if (beforeChunk && !(await beforeChunk())) return false;
    const tx = db.transaction('buckets', 'readwrite');
    const keys = await tx.store.getAllKeys(range, chunk);
    if (keys.length > 0) queued(tx.store.delete(IDBKeyRange.bound(keys[0], keys[keys.length - 1])));
    await tx.done;
    if (keys.length < chunk) return true;
  }
}
