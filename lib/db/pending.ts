// The record of an import in progress: the pending generation with its manifest, and one tiny mark per
// finished file.
import type { Database, PendingImport } from './schema.ts';

/**
 * Which files of a pending import are done: one tiny mark each, beside the pending record, so that a file's
 * commit does not rewrite the whole manifest (hundreds of files would rewrite it hundreds of times).
 */
const DONE = 'pending-done|';
export const doneRange = () => IDBKeyRange.bound(DONE, DONE + '\uffff');

/** Mark a file done, in the transaction that writes its buckets. */
export function markFileDone(tx: { objectStore(name: 'meta'): { put(value: unknown, key: string): unknown } }, pending: PendingImport, path: string): void {
  pending.filesDone = [...pending.filesDone, path];
  tx.objectStore('meta').put({ done: true }, DONE + path);
}

export async function getPending(db: Database): Promise<PendingImport | undefined> {
  const pending = (await db.get('meta', 'pending')) as PendingImport | undefined;
  if (!pending) return undefined;
  const done = await db.getAllKeys('meta', doneRange());
  return { ...pending, filesDone: done.map((k) => String(k).slice(DONE.length)) };
}

export async function clearPending(db: Database): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  tx.store.delete('pending');
  tx.store.delete(doneRange());
  await tx.done;
}
