// The IndexedDB schema.
//
// Why buckets: Chromium's IndexedDB costs about 0.1 ms per record written, whatever its size, so 36,000
// records take seconds while the same bytes in a few hundred records take a fraction of one. Records are
// therefore stored in sorted buckets of up to BUCKET_RECORDS, keyed by the first id they hold; a lookup
// reads the bucket whose first id is the greatest one not above the wanted id (one cursor step).
//
// Why generations: every key starts `g<gen>|`. An import writes a new generation (resumable file by file
// if the MV3 worker stops), then one tiny transaction flips `meta.active` to it. Readers only look inside
// the active generation, so they see the old dataset or the new one, never half of either.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Category, Concept, DatasetManifest, DatasetMeta, StudyDesign, Summary } from '../dataset/types.ts';

export const DB_NAME = 'evidence-lens';
export const DB_VERSION = 1;

/** Kinds of bucket, the letter after the generation in the key. */
const BUCKET = {
  concepts: 'c',
  summaries: 's',
  /** concept id → ids of its summaries */
  links: 'l',
  /** search key → concept id, sorted, for prefix search */
  names: 'n',
  /** concept id → what a search result shows (name, category, evidence count), once per concept */
  cards: 'k',
} as const;
export type BucketKind = keyof typeof BUCKET;

export { ABOUT, type SummaryRef } from '../summaries/ref.ts';
import type { SummaryRef } from '../summaries/ref.ts';
export type { ConceptCard, NameEntry } from '../search/keys.ts';
export type LinkEntry = [conceptId: string, refs: SummaryRef[]];
/**
 * Entries are stored as strings (JSON for records and links, a tab-separated line for names): the
 * browser copies a string in and out of IndexedDB far faster than an object graph, and a lookup parses
 * only the one entry it wants.
 */
export interface Bucket {
  /** The bucket's own key in the store. */
  at: string;
  /** The sort keys of the entries, ascending (record ids, or search keys). */
  keys: string[];
  items: string[];
}

export interface BucketTypes {
  concepts: Concept;
  summaries: Summary;
  links: LinkEntry;
}

export interface ActiveDataset {
  gen: number;
  meta: DatasetMeta;
}

/** An import in progress: enough to resume it or to throw it away. */
export interface PendingImport {
  gen: number;
  origin: string;
  manifest: DatasetManifest;
  filesDone: string[];
  startedAt: string;
}

/** The term matcher compiled for a synced dataset (the bundled one ships its own). */
export interface MatcherCache {
  version: string;
  bytes: Uint8Array;
}

export interface EvidenceDB extends DBSchema {
  buckets: { key: string; value: Bucket };
  meta: { key: string; value: ActiveDataset | PendingImport | MatcherCache | { done: true; sha256?: string } };
}

/**
 * The part of idb's database API the evidence code uses. IndexedDB (openDatabase) provides it, and so does
 * the in-memory stand-in (memory.ts) the store falls back to when IndexedDB is unavailable: a method used
 * here that is not in this list does not compile, a reminder to add it to memory.ts too.
 */
export type Database = Pick<IDBPDatabase<EvidenceDB>, 'get' | 'put' | 'delete' | 'getAll' | 'getAllKeys' | 'transaction' | 'close'>;

/**
 * Let go of a write request's own promise: the transaction's `done`, which the caller awaits, carries its failure.
 * An aborted transaction (a full disk, a stale copy) rejects every request it held, each one unhandled otherwise.
 */
export function queued(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

/** The key prefix of a generation's buckets, or of one kind of bucket in it. */
export const genPrefix = (gen: number) => `g${gen}|`;
export const bucketPrefix = (gen: number, kind: BucketKind) => `g${gen}|${BUCKET[kind]}|`;

/**
 * `onClosed` is told when the connection goes away under its user: the browser closed it (storage cleared,
 * disk error), or another context deletes or upgrades the database (the connection then closes itself so
 * as not to block that). The next use should open the database again.
 */
export function openDatabase(name = DB_NAME, { onClosed }: { onClosed?: () => void } = {}): Promise<IDBPDatabase<EvidenceDB>> {
  return openDB<EvidenceDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // One step per schema version, so that any older database reaches the current shape.
      if (oldVersion < 1) {
        db.createObjectStore('buckets');
        db.createObjectStore('meta');
      }
    },
    ...(onClosed && {
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        onClosed();
      },
      terminated: onClosed,
    }),
  });
}
