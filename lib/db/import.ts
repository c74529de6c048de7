// Import a dataset (bundled, synced or from a file) into IndexedDB as a new generation, then switch to it.
//
// 1. Records, file by file: each file (about 1 MB) is read, checked against its SHA-256, parsed, validated
//    and written as sorted buckets; a mark that it is done is written in the same transaction.
//    Memory stays bounded by one file, and an import cut short (a stopped worker, a lost connection)
//    resumes after the last finished file.
// 2. Indexes, in one pass over what was written: summaries by concept, and concept names for search.
// 3. The switch: one small transaction makes the new generation the one readers see; older ones are deleted.
import { byCodeUnit, splitJsonLines } from '../dataset/format.ts';
import { sha256Hex } from '../dataset/hash.ts';
import type { Concept, DatasetManifest, DatasetMeta, Summary } from '../dataset/types.ts';
import { validateRecord } from '../dataset/validate.ts';
import { allBuckets, BUCKET_BYTES, BUCKET_CARDS, BUCKET_NAMES, BUCKET_RECORDS, pack, summaryBucketBytes } from './buckets.ts';
import {
  ABOUT,
  bucketPrefix,
  genPrefix,
  queued,
  type ActiveDataset,
  type Bucket,
  type BucketKind,
  type Database,
  type LinkEntry,
  type PendingImport,
  type SummaryRef,
} from './schema.ts';
import { cardFor, nameLinesFor } from '../search/keys.ts';
import { forgetActive, getActive } from './active.ts';
import { deleteGeneration } from './cleanup.ts';
import { clearPending, doneRange, getPending, markFileDone, resumes } from './pending.ts';
import { evidenceLevel } from '../evidence/levels.ts';
import { assessStudy } from '../evidence/index.ts';
import { copyFile, fileRanges, fileRecord, planReuse, StaleReuse, type FileRange } from './reuse.ts';

export interface FileBody {
  text: string;
  sha256: string;
}

export interface DatasetSource {
  /** `bundled`, a URL, or a file name: shown to the reader as where the dataset came from. */
  origin: string;
  manifest: DatasetManifest;
  /** The text of one file listed in the manifest. */
  /**
   * A file's text; a source that holds the file's bytes may give their SHA-256 along with it, which
   * spares the import re-encoding the text to check it.
   */
  readFile(path: string, signal?: AbortSignal): Promise<string | FileBody>;
  /** Files packaged with the extension itself need no checksum: the browser guards the package. */
  trusted?: boolean;
  /** What the reader can do when a file does not match its manifest (said after the fault). */
  mismatchAdvice?: string;
}

export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  records: number;
  recordsTotal: number;
  /** Bytes read so far, of the files that had to be read (files reused from the installed dataset are not). */
  bytes?: number;
  bytesTotal?: number;
  /** Files copied from the installed dataset because their SHA-256 did not change. */
  filesReused?: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  signal?: AbortSignal;
  /** Import even when this version is already installed (e.g. "Restore bundled dataset"). */
  force?: boolean;
  now?: () => Date;
}

export type ImportResult = { status: 'imported' | 'unchanged'; meta: DatasetMeta };

/**
 * File and index writes do not wait for the disk to flush (Chromium flushes each 'strict' commit: tens of ms
 * each, hundreds of files). A lost relaxed write only loses progress: a file's buckets and its "done" mark
 * commit together, and the switch to the new generation is a default (flushed) commit after them.
 */
const WRITE = { durability: 'relaxed' } as const;

export async function importDataset(db: Database, source: DatasetSource, options: ImportOptions = {}): Promise<ImportResult> {
  const { manifest, origin } = source;
  const { signal, onProgress, now = () => new Date() } = options;
  // Cancelled while it waited for its turn: another source's unfinished import stays untouched.
  signal?.throwIfAborted();
  const active = await getActive(db);
  if (!options.force && active && isInstalled(active.meta, source)) {
    return { status: 'unchanged', meta: active.meta };
  }

  // Resume an unfinished import of the same files; otherwise start a fresh generation (a file the new manifest
  // no longer lists, or lists with other bytes, must not stay in it).
  let pending = await getPending(db);
  if (!pending || !resumes(pending, manifest, origin) || options.force) {
    if (pending) {
      await deleteGeneration(db, pending.gen);
      await clearPending(db);
    }
    pending = {
      gen: Math.max(active?.gen ?? 0, pending?.gen ?? 0) + 1,
      origin,
      manifest,
      filesDone: [],
      startedAt: now().toISOString(),
    };
    await db.put('meta', pending, 'pending');
  }
  const { gen } = pending;

  const recordsTotal = manifest.files.reduce((n, f) => n + f.records, 0);
  const summaryBytes = summaryBucketBytes(manifest.files.filter((f) => f.kind === 'summaries').reduce((n, f) => n + f.bytes, 0));
  let records = manifest.files.filter((f) => pending!.filesDone.includes(f.path)).reduce((n, f) => n + f.records, 0);
  const todo = manifest.files.filter((f) => !pending!.filesDone.includes(f.path));
  // Files whose bytes the installed generation already holds are copied from it, not read again (reuse.ts).
  const reusable = await planReuse(db, active && active.gen !== gen ? active.gen : undefined, todo);
  const toRead = todo.filter((f) => !reusable.has(f.path));
  const bytesTotal = toRead.reduce((n, f) => n + f.bytes, 0);
  let bytes = 0;
  let filesReused = 0;
  const report = () =>
    onProgress?.({ filesDone: pending!.filesDone.length, filesTotal: manifest.files.length, records, recordsTotal, bytes, bytesTotal, filesReused });
  report();

  // 1. Records. Lookups find a record by the first id of its bucket, so ids must ascend across the
  // files of a kind: `lastId` carries the previous file's last id forward.
  const lastId: Partial<Record<BucketKind, string>> = {};
  const resumed = pending.filesDone.length > 0;
  const indexes = new IndexBuilder();
  // Read the next files while this one is checked and written (downloads wait on the network, not the CPU).
  const READ_AHEAD = 2;
  let readAt = 0;
  // A download that fails while unchanged files are being copied stops the import at once when it is the
  // next file to read; one further ahead is thrown when its turn comes (the files before it still land).
  let readFailure: { error: unknown; at: number } | undefined;
  let readsTaken = 0;
  const readNext = () => {
    const at = readAt++;
    const file = toRead[at];
    const promise = file ? source.readFile(file.path, signal) : undefined;
    promise?.catch((error: unknown) => (readFailure ??= { error, at }));
    return promise;
  };
  const ahead = Array.from({ length: READ_AHEAD }, readNext);
  // A file's transaction commits while the next file is parsed: the worker does not sit idle while the
  // browser writes. At most IN_FLIGHT commits wait at a time; each file's "done" mark is in its own
  // transaction, so files may finish in any order and a resume still redoes exactly the unfinished ones.
  const inFlight: Promise<void>[] = [];
  let commitFailure: { error: unknown } | undefined;
  let packed: Bucket[] | undefined;
  try {
    for (const file of todo) {
      signal?.throwIfAborted();
      if (readFailure && readFailure.at === readsTaken) throw readFailure.error;
      if (commitFailure) throw commitFailure.error;
      const range = reusable.get(file.path);
      let body: string | FileBody;
      if (range) {
        try {
          const items = await copyFile(db, active!.gen, pending, file, range, !resumed);
          const previous = lastId[file.kind];
          if (previous !== undefined && range.first !== undefined && !(previous < range.first)) {
            throw new Error(`${file.path}, record 1: records must be sorted by id, without repeats (see the dataset format).`);
          }
          lastId[file.kind] = range.last ?? previous;
          if (!resumed) indexes.add(file.kind, items.map((i) => JSON.parse(i)));
          records += file.records;
          filesReused++;
          report();
          continue;
        } catch (error) {
          if (!(error instanceof StaleReuse)) throw error;
          body = await source.readFile(file.path, signal);
        }
      } else {
        readsTaken++;
        body = await ahead.shift()!;
        ahead.push(readNext());
      }
      const { ids, items, valid } = await checkedRecords(source, file, body, lastId[file.kind], signal);
      lastId[file.kind] = ids.at(-1) ?? lastId[file.kind];
      if (!resumed) indexes.add(file.kind, valid);
      signal?.throwIfAborted();
      const tx = db.transaction(['buckets', 'meta'], 'readwrite', WRITE);
      const buckets = pack(bucketPrefix(gen, file.kind), ids, items, BUCKET_RECORDS, { maxBytes: file.kind === 'summaries' ? summaryBytes : BUCKET_BYTES });
      for (const bucket of buckets) queued(tx.objectStore('buckets').put(bucket, bucket.at));
      const fileRange = fileRecord(gen, file, ids, buckets.map((b) => b.keys[0]));
      queued(tx.objectStore('buckets').put(fileRange, fileRange.at));
      // The file's buckets and its "done" mark commit together.
      markFileDone(tx, pending, file);
      const committed = tx.done.then(() => {
        records += valid.length;
        bytes += file.bytes;
        report();
      });
      committed.catch((error: unknown) => (commitFailure ??= { error })); // stops the loop at its next file
      inFlight.push(committed);
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
    }
    // The indexes are sorted and packed while the last files commit (CPU here, disk in the browser).
    if (!resumed) packed = indexes.pack(gen);
    while (inFlight.length > 0) await inFlight.shift();
  } catch (error) {
    // Whatever stopped the loop (a failed commit, a cancel, a bad file), no write of this import may land
    // after it returns: the caller may be about to discard the generation. An earlier file's failed commit
    // (a full disk) is the cause to report, rather than what it led to later.
    await Promise.allSettled(inFlight);
    throw commitFailure ? commitFailure.error : error;
  }

  // 2. Indexes, rebuilt from the stored records (so a resumed import builds them from every file).
  signal?.throwIfAborted();
  // The loop above checked id order only across the files it read: an earlier run wrote the others.
  if (resumed) checkIdOrder(manifest, await fileRanges(db, gen));
  if (resumed) {
    // Files written by an earlier run are not in memory: read every record back to index it.
    for (const kind of ['concepts', 'summaries'] as const) {
      for await (const bucket of allBuckets(db, gen, kind)) indexes.add(kind, bucket.items.map((i) => JSON.parse(i)));
    }
  }
  await writeIndexes(db, gen, packed ?? indexes.pack(gen));

  // 3. The switch.
  const meta: DatasetMeta = {
    version: manifest.version,
    created: manifest.created,
    counts: manifest.counts,
    sources: manifest.sources,
    origin,
    installedAt: now().toISOString(),
    filesKey: filesKey(manifest),
    bytes: manifest.files.reduce((sum, file) => sum + file.bytes, 0),
  };
  const tx = db.transaction('meta', 'readwrite');
  queued(tx.store.put({ gen, meta } satisfies ActiveDataset, 'active'));
  queued(tx.store.delete('pending'));
  queued(tx.store.delete(doneRange()));
  forgetActive(db);
  try {
    await tx.done;
  } finally {
    // Read again next time, whether the switch landed or not.
    forgetActive(db);
  }
  // Older generations are deleted afterwards (collectGarbage): readers already see only the new one.
  return { status: 'imported', meta };
}

/**
 * A consumer page on one aspect of its concept, as Cancer.gov's are titled ("Liver (Hepatocellular) Cancer:
 * prevention"): read after the pages on the concept as a whole.
 */
function isAspectPage(topic: string): boolean {
  return /: (?:screening|prevention|treatment(?: during pregnancy)?)$/.test(topic);
}

/**
 * Whether `installed` is this source's dataset already: the same version from the same place, with the same files
 * (a corrected file picked again under the same version is new). One installed before files were keyed is judged
 * by its version alone.
 */
export function isInstalled(installed: DatasetMeta, { manifest, origin }: Pick<DatasetSource, 'manifest' | 'origin'>): boolean {
  const files = filesKey(manifest);
  return installed.version === manifest.version && installed.origin === origin && (installed.filesKey ?? files) === files;
}

/** The manifest's files and checksums, hashed (FNV-1a, 32 bits): a short key for "the same files". */
export function filesKey(manifest: DatasetManifest): string {
  let h = 0x811c9dc5;
  for (const f of manifest.files) {
    const s = `${f.path}:${f.sha256};`;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * One file's records, checked: its checksum (unless the source is trusted), its count against the manifest, each
 * record validated (unless trusted), study designs worked out where a summary lacks one, and ids ascending from
 * `previousId` (the last id of the kind's earlier files). `items` are the lines to store, `valid` the records.
 */
async function checkedRecords(
  source: DatasetSource,
  file: DatasetManifest['files'][number],
  body: string | FileBody,
  previousId: string | undefined,
  signal: AbortSignal | undefined,
): Promise<{ ids: string[]; items: string[]; valid: (Concept | Summary)[] }> {
  const text = typeof body === 'string' ? body : body.text;
  const mismatch = (fault: string) => new Error(source.mismatchAdvice ? `${fault} ${source.mismatchAdvice}` : fault);
  if (!source.trusted && (typeof body === 'string' ? await sha256Hex(body) : body.sha256) !== file.sha256) {
    throw mismatch(`${file.path} is damaged or was changed: its checksum does not match the manifest.`);
  }
  let split: ReturnType<typeof splitJsonLines>;
  try {
    split = splitJsonLines(file.path, text);
  } catch (error) {
    throw mismatch((error as Error).message);
  }
  const { lines, records: parsed } = split;
  if (parsed.length !== file.records) {
    throw mismatch(`${file.path} holds ${parsed.length} records, but the manifest lists ${file.records}.`);
  }
  // The bundled dataset was validated when it was built (tests/unit/dataset); anything else is checked
  // here, record by record. The line itself is stored: fields the schema does not know are never read.
  const valid = source.trusted
    ? (parsed as (Concept | Summary)[])
    : parsed.map((r, i) => validateRecord(file.kind, r, `${file.path}, record ${i + 1}`));
  const items = lines;
  // Datasets published before study designs existed still load: the design, level and sample size are
  // worked out here from the abstract's text (no MeSH headings travel with a summary).
  // Seconds of it for a large file: the worker stops now and then to answer the popup and pages, and a Cancel.
  let slice = performance.now();
  for (let i = 0; i < valid.length; i++) {
    const r = valid[i];
    if (!('kind' in r) || r.kind !== 'research' || r.design) continue;
    Object.assign(r, assessStudy({ sections: [...(r.context ?? []), ...r.findings].map((text) => ({ text })), conclusion: r.bottomLine }));
    items[i] = JSON.stringify(r);
    if (performance.now() - slice > ASSESS_SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal?.throwIfAborted();
      slice = performance.now();
    }
  }
  const ids = valid.map((r) => r.id);
  let previous = previousId;
  ids.forEach((id, i) => {
    if (previous !== undefined && !(previous < id)) {
      throw new Error(`${file.path}, record ${i + 1}: records must be sorted by id, without repeats (see the dataset format).`);
    }
    previous = id;
  });
  return { ids, items, valid };
}

/** How many files' transactions may be committing while the next file is prepared. */
const IN_FLIGHT = 3;
/** The longest the worker works out study designs before it answers what waits (see checkedRecords). */
const ASSESS_SLICE_MS = 50;

/** Summaries by concept, and concept names for search, collected as records go by. */
class IndexBuilder {
  private links = new Map<string, SummaryRef[]>();
  private names: string[] = [];
  private cards: [id: string, card: string][] = [];

  add(kind: BucketKind, records: (Concept | Summary)[]): void {
    if (kind === 'concepts') {
      for (const c of records as Concept[]) {
        for (const line of nameLinesFor(c)) this.names.push(line);
        this.cards.push([c.id, cardFor(c)]);
      }
      return;
    }
    for (const s of records as Summary[]) {
      const ref: SummaryRef =
        s.kind === 'research'
          ? s.design?.subjects === 'animals'
            ? [s.id, 'research', s.year ?? 0, 0, s.design.design, ABOUT.other, 1]
            : [s.id, 'research', s.year ?? 0, evidenceLevel(s.design) ?? 0, s.design?.design ?? 'unknown']
          : // no design for a consumer page; its sixth field says whether it is on the whole concept
            [s.id, 'consumer', 0, 0, 'unknown', isAspectPage(s.topic) ? ABOUT.other : ABOUT.it];
      // The concepts its question names get the same reference marked "about" (one array each, shared). A
      // dataset made before questions were read for it says nothing: each of its studies counts as about its
      // concepts, as it did then. A question that names none of its concepts leaves open which it is about.
      const unread = s.kind === 'research' && s.about === undefined;
      const about = s.kind === 'research' && s.about?.length ? new Set(s.about) : undefined;
      // A copy with its sixth field set (a study in animals keeps its seventh).
      const marked = (flag: number): SummaryRef => {
        const copy: SummaryRef = [...ref];
        copy[4] ??= 'unknown';
        copy[5] = flag as SummaryRef[5];
        return copy;
      };
      const aboutRef = about || unread ? marked(ABOUT.it) : s.kind === 'research' ? marked(ABOUT.unsaid) : undefined;
      for (const conceptId of s.conceptIds) this.link(conceptId, aboutRef && (!about || about.has(conceptId)) ? aboutRef : ref);
      if (s.mentions?.length) {
        // Concepts with no summary of their own that the text names: listed after everything else, marked.
        const mentionRef = marked(ABOUT.mentions);
        for (const conceptId of s.mentions) if (!s.conceptIds.includes(conceptId)) this.link(conceptId, mentionRef);
      }
    }
  }

  private link(conceptId: string, ref: SummaryRef): void {
    const list = this.links.get(conceptId);
    if (list) list.push(ref);
    else this.links.set(conceptId, [ref]);
  }

  /** The index buckets of generation `gen`: sorting and packing, no database work. */
  pack(gen: number): Bucket[] {
    const names = this.names.sort(); // native string order is code-unit order
    const nameKeys = names.map((line) => line.slice(0, line.indexOf('\0')));
    const nameItems = names.map((line) => line.slice(line.indexOf('\0') + 1));
    const links: LinkEntry[] = [...this.links.entries()].sort((a, b) => byCodeUnit(a[0], b[0]));
    const cards = this.cards.sort((a, b) => byCodeUnit(a[0], b[0]));
    return [
      // Capped in bytes too: a concept's list grows with the dataset, and a lookup reads the whole bucket
      // (100,000 summaries had made these buckets 250–450 KB).
      ...pack(bucketPrefix(gen, 'links'), links.map((e) => e[0]), links.map((e) => JSON.stringify(e)), BUCKET_RECORDS * 4, { maxBytes: BUCKET_BYTES }),
      ...pack(bucketPrefix(gen, 'names'), nameKeys, nameItems, BUCKET_NAMES, { keysRepeat: true }),
      ...pack(bucketPrefix(gen, 'cards'), cards.map((c) => c[0]), cards.map((c) => c[1]), BUCKET_CARDS),
    ];
  }
}

/** Write a generation's index buckets in one transaction, replacing any an interrupted attempt left. */
async function writeIndexes(db: Database, gen: number, buckets: Bucket[]): Promise<void> {
  const tx = db.transaction('buckets', 'readwrite', WRITE);
  for (const kind of ['links', 'names', 'cards'] as const) {
    queued(tx.store.delete(IDBKeyRange.bound(bucketPrefix(gen, kind), bucketPrefix(gen, kind) + '\uffff')));
  }
  for (const b of buckets) queued(tx.store.put(b, b.at));
  await tx.done;
}

/** Ids ascend across the files of a kind, in the manifest's order (lookups find a record by its bucket's first id). */
function checkIdOrder(manifest: DatasetManifest, ranges: Map<string, FileRange>): void {
  const last: Partial<Record<BucketKind, string>> = {};
  for (const file of manifest.files) {
    const range = ranges.get(file.path);
    if (!range || range.first === undefined) continue;
    const previous = last[file.kind];
    if (previous !== undefined && !(previous < range.first)) {
      throw new Error(`${file.path}, record 1: records must be sorted by id, without repeats (see the dataset format).`);
    }
    last[file.kind] = range.last ?? previous;
  }
}
