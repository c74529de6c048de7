// Reuse of unchanged files between dataset generations, so that an update downloads only what changed.
//
// Each imported file leaves a small record in its generation, `g<gen>|f|<path>`: its kind, SHA-256, and
// the first and last record ids it held. A file's buckets are keyed `g<gen>|<kind>|<first id of bucket>`
// and files of a kind never overlap in ids, so the key range [first, last] holds exactly that file's
// buckets. A file of the new manifest whose kind, SHA-256 and count equal those of a file of the installed
// generation (the same bytes, so the same valid records) is copied IDB-to-IDB into the new generation
// instead of being downloaded again, whatever its name: a publisher whose files were numbered anew (one file
// fewer before it) has not changed its records. The record lives in the buckets store under its generation's
// prefix, so deleting a generation deletes it too.
import type { DatasetFile, DatasetFileKind } from '../dataset/types.ts';
import { markFileDone } from './pending.ts';
import { bucketPrefix, genPrefix, queued, type Bucket, type Database, type PendingImport } from './schema.ts';

/** What the installed generation knows about one of its files. */
export interface FileRange {
  kind: DatasetFileKind;
  sha256: string;
  records: number;
  first?: string;
  last?: string;
  /**
   * The first record id of each of the file's buckets, in order (see directory.ts). Files imported before
   * it was kept have none.
   */
  buckets?: string[];
}

const fileKey = (gen: number, path: string) => `${genPrefix(gen)}f|${path}`;

/** The record of an imported file, to be put in the same transaction as its buckets. */
export function fileRecord(gen: number, file: DatasetFile, ids: string[], bucketStarts: string[]): Bucket {
  const at = fileKey(gen, file.path);
  const range: FileRange = { kind: file.kind, sha256: file.sha256, records: ids.length, first: ids[0], last: ids.at(-1), buckets: bucketStarts };
  return { at, keys: [], items: [JSON.stringify(range)] };
}

/** Every file record of a generation, by path: what each written file holds (kind, checksum, first and last id). */
export async function fileRanges(db: Database, gen: number): Promise<Map<string, FileRange>> {
  const prefix = `${genPrefix(gen)}f|`;
  const stored = await db.getAll('buckets', IDBKeyRange.bound(prefix, prefix + '\uffff'));
  return new Map(stored.map((b) => [b.at.slice(prefix.length), JSON.parse(b.items[0]) as FileRange]));
}

/**
 * The installed generation's files that the new manifest lists unchanged (the same kind, SHA-256 and count, under
 * any name), by the new manifest's paths.
 */
export async function planReuse(db: Database, fromGen: number | undefined, files: DatasetFile[]): Promise<Map<string, FileRange>> {
  const reusable = new Map<string, FileRange>();
  if (fromGen === undefined) return reusable;
  const content = (f: { kind: string; sha256: string; records: number }) => `${f.kind}|${f.sha256}|${f.records}`;
  const byContent = new Map([...(await fileRanges(db, fromGen)).values()].map((old) => [content(old), old]));
  for (const file of files) {
    const old = byContent.get(content(file));
    if (old) reusable.set(file.path, old);
  }
  return reusable;
}

/**
 * Copy one unchanged file's buckets from `fromGen` into `pending.gen`, with its file record and its "done"
 * mark in one transaction (like a downloaded file, so a stopped worker resumes after it). Returns the
 * copied entries' JSON lines when `withItems`, for the index build.
 */
export async function copyFile(
  db: Database,
  fromGen: number,
  pending: PendingImport,
  file: DatasetFile,
  range: FileRange,
  withItems: boolean,
): Promise<string[]> {
  const from = bucketPrefix(fromGen, file.kind);
  const to = bucketPrefix(pending.gen, file.kind);
  const tx = db.transaction(['buckets', 'meta'], 'readwrite', { durability: 'relaxed' });
  const buckets = tx.objectStore('buckets');
  const items: string[] = [];
  const ids: string[] = [];
  const starts: string[] = [];
  if (range.first !== undefined && range.last !== undefined) {
    const old = await buckets.getAll(IDBKeyRange.bound(from + range.first, from + range.last));
    for (const bucket of old) {
      const at = to + bucket.at.slice(from.length);
      queued(buckets.put({ ...bucket, at }, at));
      if (withItems) items.push(...bucket.items);
      ids.push(...bucket.keys);
      starts.push(bucket.keys[0]);
    }
  }
  if (ids.length !== range.records) {
    // The old generation is not what its record says: download the file instead.
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new StaleReuse(file.path);
  }
  const record = fileRecord(pending.gen, file, ids, starts);
  queued(buckets.put(record, record.at));
  markFileDone(tx, pending, file);
  await tx.done;
  return items;
}

/** Thrown when a file could not be copied from the old generation (it is then downloaded). */
export class StaleReuse extends Error {
  constructor(path: string) {
    super(`${path} could not be reused from the installed dataset.`);
  }
}
