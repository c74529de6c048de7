// The IndexedDB schema. Records of every dataset generation live side by side, keyed `g<gen>|<id>`:
// an import writes a new generation in small transactions (resumable if the MV3 worker stops), then one
// tiny transaction flips `meta.active` to it. Readers only ever look inside the active generation, so they
// see the old dataset or the new one, never half of either.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Concept, DatasetManifest, DatasetMeta, Summary } from '../dataset/types.ts';

export const DB_NAME = 'evidence-lens';
export const DB_VERSION = 1;

export type StoredConcept = Concept & {
  key: string;
  /** `g<gen>|<search key>` for every name and every word-start of it (multiEntry index). */
  nameKeys: string[];
};

export type StoredSummary = Summary & {
  key: string;
  /** `g<gen>|<concept id>` for each concept the summary is about (multiEntry index). */
  conceptKeys: string[];
};

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

export interface EvidenceDB extends DBSchema {
  concepts: { key: string; value: StoredConcept; indexes: { byName: string } };
  summaries: { key: string; value: StoredSummary; indexes: { byConcept: string } };
  meta: {
    key: string;
    value: ActiveDataset | PendingImport;
  };
}

export type Database = IDBPDatabase<EvidenceDB>;

/** The key prefix of a generation's records. */
export const genPrefix = (gen: number) => `g${gen}|`;

export function openDatabase(name = DB_NAME): Promise<Database> {
  return openDB<EvidenceDB>(name, DB_VERSION, {
    upgrade(db, oldVersion) {
      // One step per schema version, so any older database reaches the current shape.
      if (oldVersion < 1) {
        db.createObjectStore('concepts', { keyPath: 'key' }).createIndex('byName', 'nameKeys', { multiEntry: true });
        db.createObjectStore('summaries', { keyPath: 'key' }).createIndex('byConcept', 'conceptKeys', {
          multiEntry: true,
        });
        db.createObjectStore('meta');
      }
    },
  });
}
