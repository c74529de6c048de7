// Sorted buckets: packing entries into them, and finding the entry for a key.
import { lowerBound } from '../search/lower-bound.ts';
import type { IDBPTransaction } from 'idb';
import { bucketPrefix, type Bucket, type BucketKind, type BucketTypes, type Database, type EvidenceDB } from './schema.ts';

export const BUCKET_RECORDS = 64;
/**
 * A lookup reads a whole bucket, an import pays per bucket written: 32 KB balances the two (measured
 * against 16 KB: the 100k sync 25–30% faster, summaries-by-concept about the same; 48 KB made that lookup
 * half as slow again).
 */
export const BUCKET_BYTES = 32_000;
/**
 * Summaries are read a page at a time, each from a different bucket (a concept's studies are scattered over the
 * dataset), so smaller buckets make a concept's page cheaper and an import dearer (more puts). At 8 KB instead of 32 a
 * page of 20 took 2.8–4.8 ms p95 instead of 3.8–6.8 on the bundled dataset, whose import took about as long; but a
 * 100,000-summary import ran about a third slower, its sync 30 s instead of 19 and an update of one file 46 s instead
 * of 28 (the copied files' buckets too), for lookups of 8.6–13.5 ms instead of 15–25. So a dataset of a few
 * thousand summaries gets the small buckets and a large one keeps 32 KB.
 */
export function summaryBucketBytes(summaryFileBytes: number): number {
  return summaryFileBytes <= SMALL_DATASET_BYTES ? 8_000 : BUCKET_BYTES;
}
/** The bundled dataset's summaries are about 18 MB of JSON. */
const SMALL_DATASET_BYTES = 64 * 1024 * 1024;
export const BUCKET_NAMES = 256;
/** Concept cards are read all at once into memory (see cards.ts), so few large buckets. */
export const BUCKET_CARDS = 4096;

/**
 * Split entries already sorted by key into buckets of at most `size`, each stored under `prefix` + its
 * first key. Where keys repeat (the name index), a bucket number keeps store keys unique; lookups of
 * such a kind scan forward from the bucket before, so the suffix does no harm.
 */
export function pack(
  prefix: string,
  keys: string[],
  items: string[],
  size: number,
  { keysRepeat = false, maxBytes = Infinity }: { keysRepeat?: boolean; maxBytes?: number } = {},
): Bucket[] {
  const out: Bucket[] = [];
  let i = 0;
  while (i < items.length) {
    let end = i + 1;
    let bytes = items[i].length;
    while (end < items.length && end - i < size && bytes + items[end].length <= maxBytes) bytes += items[end++].length;
    const at = prefix + keys[i] + (keysRepeat ? '\0' + String(out.length).padStart(6, '0') : '');
    out.push({ at, keys: keys.slice(i, end), items: items.slice(i, end) });
    i = end;
  }
  return out;
}

type ReadTx = IDBPTransaction<EvidenceDB, ['buckets'], 'readonly' | 'readwrite'>;

/** The bucket that would hold `key`: the last one whose first key is not above it. */
export async function bucketFor(tx: ReadTx, gen: number, kind: BucketKind, key: string): Promise<Bucket | undefined> {
  const prefix = bucketPrefix(gen, kind);
  const cursor = await tx.objectStore('buckets').openCursor(IDBKeyRange.bound(prefix, prefix + key), 'prev');
  return cursor?.value;
}

/** The bucket after `bucket` of the same kind, if any. */
export async function bucketAfter(tx: ReadTx, gen: number, kind: BucketKind, bucket: Bucket): Promise<Bucket | undefined> {
  const cursor = await tx.objectStore('buckets').openCursor(IDBKeyRange.bound(bucket.at, bucketPrefix(gen, kind) + '\uffff', true));
  return cursor?.value;
}

/** The record (or link list) stored under `key`. */
export async function getEntry<K extends keyof BucketTypes>(
  tx: ReadTx,
  gen: number,
  kind: K,
  key: string,
): Promise<BucketTypes[K] | undefined> {
  const bucket = await bucketFor(tx, gen, kind, key);
  if (!bucket) return undefined;
  const i = lowerBound(bucket.keys, key);
  return bucket.keys[i] === key ? (JSON.parse(bucket.items[i]) as BucketTypes[K]) : undefined;
}

/** Every bucket of one kind, in key order, read in slices so memory stays bounded. */
export async function* allBuckets(db: Database, gen: number, kind: BucketKind): AsyncGenerator<Bucket> {
  const prefix = bucketPrefix(gen, kind);
  let range = IDBKeyRange.bound(prefix, prefix + '\uffff');
  for (;;) {
    const slice = await db.getAll('buckets', range, 256);
    yield* slice;
    if (slice.length < 256) return;
    range = IDBKeyRange.bound(slice.at(-1)!.at, prefix + '\uffff', true);
  }
}
