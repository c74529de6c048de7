// Where each bucket of records starts, so that a page of records is read bucket by bucket with exact keys.
//
// Without it, finding the bucket that holds an id takes a reverse cursor per id (buckets.ts bucketFor). A
// concept's page of summaries names ids scattered over the whole dataset: on 100,000 summaries, ten cursors
// cost 6 ms at the median and 20 ms at p95, where reading the same buckets by key, each once, costs about
// half. The first record id of every bucket is kept in its file's record (reuse.ts), so the directory of a
// generation is one read of its few file records, made once per worker.
import { lowerBound } from '../search/lower-bound.ts';
import { getEntry } from './buckets.ts';
import type { FileRange } from './reuse.ts';
import { bucketPrefix, genPrefix, type BucketTypes, type Database } from './schema.ts';

type RecordKind = 'concepts' | 'summaries';
type Directory = Partial<Record<RecordKind, string[]>>;

let cached: { db: Database; gen: number; directory: Promise<Directory> } | undefined;

/** The sorted first ids of a generation's buckets of each kind; a kind is missing when a file predates them. */
export function bucketDirectory(db: Database, gen: number): Promise<Directory> {
  if (cached?.db !== db || cached.gen !== gen) {
    const directory = readDirectory(db, gen);
    cached = { db, gen, directory };
    directory.catch(() => (cached = undefined)); // a failed read is tried again next time
  }
  return cached.directory;
}

async function readDirectory(db: Database, gen: number): Promise<Directory> {
  const prefix = `${genPrefix(gen)}f|`;
  const files = (await db.getAll('buckets', IDBKeyRange.bound(prefix, prefix + '\uffff'))).map((b) => JSON.parse(b.items[0]) as FileRange);
  const directory: Directory = {};
  for (const kind of ['concepts', 'summaries'] as const) {
    const ofKind = files.filter((f) => f.kind === kind);
    if (ofKind.some((f) => !f.buckets)) continue;
    // Files of a kind never overlap in ids, so their starts sorted are the kind's buckets in order.
    directory[kind] = ofKind.flatMap((f) => f.buckets!).sort();
  }
  return directory;
}

/**
 * The records stored under `ids`, in the same order (undefined where none is): each bucket read once, in a
 * transaction of its own (one opened before the directory was read would have closed meanwhile).
 */
export async function getEntries<K extends RecordKind>(db: Database, gen: number, kind: K, ids: string[]): Promise<(BucketTypes[K] | undefined)[]> {
  const starts = (await bucketDirectory(db, gen))[kind];
  const tx = db.transaction('buckets');
  if (!starts) return Promise.all(ids.map((id) => getEntry(tx, gen, kind, id)));
  const prefix = bucketPrefix(gen, kind);
  const reads = new Map<string, Promise<{ keys: string[]; items: string[] } | undefined>>();
  const wanted = ids.map((id) => {
    // The bucket whose first id is the greatest one not above `id`.
    const i = lowerBound(starts, id);
    const at = starts[i] === id ? id : starts[i - 1];
    if (at === undefined) return undefined;
    if (!reads.has(at)) reads.set(at, tx.objectStore('buckets').get(prefix + at));
    return reads.get(at)!;
  });
  return Promise.all(
    wanted.map(async (read, i) => {
      const bucket = await read;
      if (!bucket) return undefined;
      const j = lowerBound(bucket.keys, ids[i]);
      return bucket.keys[j] === ids[i] ? (JSON.parse(bucket.items[j]) as BucketTypes[K]) : undefined;
    }),
  );
}
