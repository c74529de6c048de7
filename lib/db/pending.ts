// The record of an import in progress: the pending generation with its manifest, and one tiny mark per
// finished file.
import type { DatasetFile, DatasetManifest } from '../dataset/types.ts';
import { queued, type Database, type PendingImport } from './schema.ts';

/**
 * Which files of a pending import are done: one tiny mark each, beside the pending record, so that a file's
 * commit does not rewrite the whole manifest (hundreds of files would rewrite it hundreds of times). A mark
 * holds the SHA-256 of the file it marks: a file counts as done only with the bytes the manifest lists.
 */
const DONE = 'pending-done|';
export const doneRange = () => IDBKeyRange.bound(DONE, DONE + '\uffff');

/** Mark a file done, in the transaction that writes its buckets. */
export function markFileDone(tx: { objectStore(name: 'meta'): { put(value: unknown, key: string): Promise<unknown> } }, pending: PendingImport, file: DatasetFile): void {
  pending.filesDone = [...pending.filesDone, file.path];
  queued(tx.objectStore('meta').put({ done: true, sha256: file.sha256 }, DONE + file.path));
}

export async function getPending(db: Database): Promise<PendingImport | undefined> {
  const tx = db.transaction('meta');
  const [pending, keys, marks] = await Promise.all([tx.store.get('pending'), tx.store.getAllKeys(doneRange()), tx.store.getAll(doneRange())]);
  if (!pending) return undefined;
  const { manifest } = pending as PendingImport;
  const listed = new Map(manifest.files.map((f) => [f.path, f.sha256]));
  // A mark left before marks held checksums, or for other bytes, is no proof: that file is read again.
  const filesDone = keys.map((k) => String(k).slice(DONE.length)).filter((path, i) => listed.get(path) === (marks[i] as { sha256?: string }).sha256);
  return { ...(pending as PendingImport), filesDone };
}

/**
 * Whether an unfinished import is the one `manifest` describes, to be resumed: the same version from the same
 * place, listing the very same files. A corrected dataset re-published under the same version differs in a
 * checksum, a count or a file: it starts afresh, so that no file of the earlier attempt is installed with it.
 */
export function resumes(pending: PendingImport, manifest: DatasetManifest, origin: string): boolean {
  const same = (a: DatasetFile, b: DatasetFile) => a.path === b.path && a.kind === b.kind && a.sha256 === b.sha256 && a.records === b.records && a.bytes === b.bytes;
  const before = pending.manifest;
  return (
    pending.origin === origin &&
    before.version === manifest.version &&
    before.files.length === manifest.files.length &&
    before.files.every((f, i) => same(f, manifest.files[i]))
  );
}

export async function clearPending(db: Database): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  queued(tx.store.delete('pending'));
  queued(tx.store.delete(doneRange()));
  await tx.done;
}
