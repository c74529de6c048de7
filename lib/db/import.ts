// Import a dataset (bundled, synced or from a file) into IndexedDB as a new generation, then switch to it.
// Bounded memory: one file (about 1 MB) is parsed at a time. Resumable: finished files are recorded, so an
// import cut short by a stopped service worker continues where it was; until the switch, the previous
// dataset keeps answering.
import { parseJsonLines } from '../dataset/format.ts';
import { sha256Hex } from '../dataset/hash.ts';
import type { Concept, DatasetManifest, DatasetMeta, Summary } from '../dataset/types.ts';
import { validateRecord } from '../dataset/validate.ts';
import { genPrefix, type ActiveDataset, type Database, type PendingImport } from './schema.ts';
import { nameKeysFor } from './search-keys.ts';

export interface DatasetSource {
  /** `bundled`, a URL, or a file name: shown to the reader as where the dataset came from. */
  origin: string;
  manifest: DatasetManifest;
  /** The text of one file listed in the manifest. */
  readFile(path: string, signal?: AbortSignal): Promise<string>;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  records: number;
  recordsTotal: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Import even when this version is already installed (e.g. "Restore bundled dataset"). */
  force?: boolean;
  /** Records per write transaction: small enough to keep each short, large enough to be fast. */
  batchSize?: number;
  now?: () => Date;
}

export type ImportResult = { status: 'imported'; meta: DatasetMeta } | { status: 'unchanged'; meta: DatasetMeta };

export async function getActive(db: Database): Promise<ActiveDataset | undefined> {
  return (await db.get('meta', 'active')) as ActiveDataset | undefined;
}

export async function getPending(db: Database): Promise<PendingImport | undefined> {
  return (await db.get('meta', 'pending')) as PendingImport | undefined;
}

export async function importDataset(db: Database, source: DatasetSource, options: ImportOptions = {}): Promise<ImportResult> {
  const { manifest, origin } = source;
  const { signal, onProgress, batchSize = 2000, now = () => new Date() } = options;
  const active = await getActive(db);
  if (!options.force && active && active.meta.version === manifest.version && active.meta.origin === origin) {
    return { status: 'unchanged', meta: active.meta };
  }

  // Resume an unfinished import of the same dataset; otherwise start a fresh generation.
  let pending = await getPending(db);
  if (!pending || pending.manifest.version !== manifest.version || pending.origin !== origin) {
    if (pending) await deleteGeneration(db, pending.gen);
    pending = {
      gen: Math.max(active?.gen ?? 0, pending?.gen ?? 0) + 1,
      origin,
      manifest,
      filesDone: [],
      startedAt: now().toISOString(),
    };
    await db.put('meta', pending, 'pending');
  }

  const prefix = genPrefix(pending.gen);
  const recordsTotal = manifest.files.reduce((n, f) => n + f.records, 0);
  let records = manifest.files.filter((f) => pending!.filesDone.includes(f.path)).reduce((n, f) => n + f.records, 0);
  const report = () =>
    onProgress?.({ filesDone: pending!.filesDone.length, filesTotal: manifest.files.length, records, recordsTotal });
  report();

  for (const file of manifest.files) {
    if (pending.filesDone.includes(file.path)) continue;
    signal?.throwIfAborted();
    const text = await source.readFile(file.path, signal);
    if ((await sha256Hex(text)) !== file.sha256) {
      throw new Error(`${file.path} is damaged or was changed: its checksum does not match the manifest.`);
    }
    const parsed = parseJsonLines(file.path, text);
    if (parsed.length !== file.records) {
      throw new Error(`${file.path} holds ${parsed.length} records, but the manifest lists ${file.records}.`);
    }
    for (let i = 0; i < parsed.length; i += batchSize) {
      signal?.throwIfAborted();
      const batch = parsed.slice(i, i + batchSize).map((r, j) => validateRecord(file.kind, r, `${file.path}, record ${i + j + 1}`));
      const last = i + batchSize >= parsed.length;
      const tx = db.transaction([file.kind, 'meta'], 'readwrite');
      if (file.kind === 'concepts') {
        const store = tx.objectStore('concepts');
        for (const c of batch as Concept[]) {
          store.put({ ...c, key: prefix + c.id, nameKeys: nameKeysFor([c.name, ...c.synonyms, ...c.abbreviations.map((a) => a.form)]).map((k) => prefix + k) });
        }
      } else {
        const store = tx.objectStore('summaries');
        for (const s of batch as Summary[]) {
          store.put({ ...s, key: prefix + s.id, conceptKeys: s.conceptIds.map((id) => prefix + id) });
        }
      }
      if (last) {
        // The file's last batch and its "done" mark commit together.
        pending.filesDone = [...pending.filesDone, file.path];
        tx.objectStore('meta').put(pending, 'pending');
      }
      await tx.done;
      records += batch.length;
      report();
    }
  }

  // The switch: one small transaction makes the new generation the one every reader sees.
  const meta: DatasetMeta = {
    version: manifest.version,
    created: manifest.created,
    counts: manifest.counts,
    sources: manifest.sources,
    origin,
    installedAt: now().toISOString(),
  };
  const tx = db.transaction('meta', 'readwrite');
  tx.store.put({ gen: pending.gen, meta } satisfies ActiveDataset, 'active');
  tx.store.delete('pending');
  await tx.done;
  await deleteOtherGenerations(db, pending.gen);
  return { status: 'imported', meta };
}

/** Throw away an unfinished import. */
export async function discardPending(db: Database): Promise<void> {
  const pending = await getPending(db);
  if (!pending) return;
  await deleteGeneration(db, pending.gen);
  await db.delete('meta', 'pending');
}

async function deleteGeneration(db: Database, gen: number): Promise<void> {
  const range = IDBKeyRange.bound(genPrefix(gen), genPrefix(gen) + '\uffff');
  const tx = db.transaction(['concepts', 'summaries'], 'readwrite');
  tx.objectStore('concepts').delete(range);
  tx.objectStore('summaries').delete(range);
  await tx.done;
}

/** Everything outside the active generation is garbage from earlier datasets or abandoned imports. */
async function deleteOtherGenerations(db: Database, keep: number): Promise<void> {
  const below = IDBKeyRange.upperBound(genPrefix(keep), true);
  const above = IDBKeyRange.lowerBound(genPrefix(keep) + '\uffff', true);
  const tx = db.transaction(['concepts', 'summaries'], 'readwrite');
  for (const name of ['concepts', 'summaries'] as const) {
    tx.objectStore(name).delete(below);
    tx.objectStore(name).delete(above);
  }
  await tx.done;
}
