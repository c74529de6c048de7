// "Import from file" on the settings page: the picked manifest and data files, or one .zip of them, are
// checked for size and put in the staging cache (staged.ts) for the background to import. A zip is
// inflated as a stream, entry by entry, so memory stays bounded by one file and the page stays
// responsive; an entry over the limit is stopped at the limit (a small zip cannot fill the disk).
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { MAX_FILE_BYTES } from '../dataset/validate.ts';

/** How far staging has got: bytes of the picked files (a zip's own, compressed) read of all to read, files staged. */
export interface PickProgress {
  read: number;
  total: number;
  files: number;
}

/** The manifest may list up to 10,000 files; a few MB is plenty. */
const MAX_MANIFEST_BYTES = 5_000_000;
/** Everything a pick may stage: the format allows 10,000 files of 20 MB, but no real dataset is near that. */
const MAX_TOTAL_BYTES = 2_000_000_000;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

const limitOf = (name: string) => (name === 'manifest.json' ? MAX_MANIFEST_BYTES : MAX_FILE_BYTES);
const tooLarge = (name: string) =>
  new Error(`${name} is larger than the ${limitOf(name) / 1e6} MB a dataset ${name === 'manifest.json' ? 'manifest' : 'file'} may be.`);

export type Put = (path: string, body: Blob) => Promise<void>;

/**
 * Stage what the reader picked; returns the name to show as the dataset's origin. Files of other names
 * (folders in a zip, read-me files) are skipped; the import then checks the manifest's files are all there.
 */
export async function stagePicked(picked: File[], put: Put, onProgress?: (p: PickProgress) => void, signal?: AbortSignal): Promise<string> {
  if (picked.length === 0) throw new Error('No file was picked.');
  const zip = picked.find((f) => /\.zip$/i.test(f.name));
  if (zip && picked.length > 1) throw new Error('Pick one .zip, or the manifest with its data files, not both.');
  if (zip) {
    await stageZip(zip, put, onProgress, signal);
    return zip.name;
  }
  if (!picked.some((f) => f.name === 'manifest.json')) {
    throw new Error('The picked files have no manifest.json: pick the manifest with its files, or one .zip of them.');
  }
  const manifest = picked.find((f) => f.name === 'manifest.json')!;
  if (manifest.size > limitOf(manifest.name)) throw tooLarge(manifest.name);
  const listed = listedIn(await manifest.text());
  // Files the manifest does not list (a read-me, a supplement) are no part of the dataset: not staged.
  const staged = picked.filter((file) => NAME.test(file.name) && (!listed || file.name === 'manifest.json' || listed.has(file.name)));
  const total = staged.reduce((sum, file) => sum + file.size, 0);
  let read = 0;
  let files = 0;
  onProgress?.({ read, total, files });
  for (const file of staged) {
    signal?.throwIfAborted();
    if (file.size > limitOf(file.name)) throw tooLarge(file.name);
    await put(file.name, file);
    read += file.size;
    onProgress?.({ read, total, files: ++files });
  }
  return picked.find((f) => f.name === 'manifest.json') && picked.length === 1 ? 'manifest.json' : `${picked.length} files`;
}

async function stageZip(zip: File, put: Put, onProgress?: (p: PickProgress) => void, signal?: AbortSignal): Promise<void> {
  // A zip starts with "PK" and a record mark: an empty file or other bytes read as no entries, which would
  // otherwise say only "no manifest.json".
  const head = new Uint8Array(await zip.slice(0, 4).arrayBuffer());
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] > 8 || head[3] > 8) {
    throw new Error(zip.size === 0 ? `${zip.name} is empty.` : `${zip.name} is not a zip file.`);
  }
  const writes: Promise<void>[] = [];
  const seen = new Set<string>();
  /** Files over the size limit: an error only if the manifest lists them (a large supplement is skipped). */
  const oversize = new Set<string>();
  let manifestText: Blob | undefined;
  let failure: Error | undefined;
  let total = 0;
  let files = 0;
  /** Of the zip itself: its inflated size is known only once it is read. */
  let read = 0;
  const progress = () => onProgress?.({ read, total: zip.size, files });
  const unzip = new Unzip((entry: UnzipFile) => {
    // Entries may sit in a folder ("dataset/manifest.json"): only the file name counts.
    const name = entry.name.split('/').pop() ?? '';
    if (!NAME.test(name) || entry.name.startsWith('__MACOSX/')) return;
    if (seen.has(name)) {
      failure ??= new Error(`The zip holds two files named ${name}.`);
      return;
    }
    seen.add(name);
    const limit = limitOf(name);
    const parts: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        // The unzipper's own words ("invalid block type") tell a reader nothing.
        failure = new Error(`${name} in the zip is damaged: download the dataset again, or ask its publisher for a good copy.`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (total > MAX_TOTAL_BYTES || (size > limit && name === 'manifest.json')) {
        failure = tooLarge(name);
        entry.terminate();
        return;
      }
      if (size > limit) {
        oversize.add(name);
        parts.length = 0;
        entry.terminate();
        return;
      }
      parts.push(chunk);
      if (final) {
        const body = new Blob(parts as BlobPart[]);
        if (name === 'manifest.json') manifestText = body;
        writes.push(put(name, body));
        files++;
        progress();
      }
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  const reader = zip.stream().getReader();
  try {
    try {
      for (;;) {
        signal?.throwIfAborted();
        const { done, value } = await reader.read();
        if (done) break;
        // fflate inflates synchronously: push in slices so no task runs long on the page.
        for (let i = 0; i < value.length && !failure; i += 65_536) unzip.push(value.subarray(i, i + 65_536));
        if (failure) break;
        read += value.length;
        progress();
        await new Promise((r) => setTimeout(r, 0));
      }
      if (!failure) unzip.push(new Uint8Array(0), true);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new Error(`${zip.name} is not a readable zip file.`);
    } finally {
      await reader.cancel().catch(() => undefined);
    }
    if (failure) throw failure;
    await Promise.all(writes);
  } finally {
    // Failed or cancelled too: the page clears the staged files once this throws, and a write landing after that stays.
    await Promise.allSettled(writes);
  }
  if (!seen.has('manifest.json') || !manifestText) throw new Error(`${zip.name} has no manifest.json in it.`);
  const listed = listedIn(await manifestText.text());
  for (const name of oversize) if (!listed || listed.has(name)) throw tooLarge(name);
}

/** The file names a manifest lists, or null when it cannot be read (the import then says what is wrong with it). */
function listedIn(manifest: string): Set<string> | null {
  try {
    const files = (JSON.parse(manifest) as { files?: unknown }).files;
    if (!Array.isArray(files)) return null;
    return new Set(files.map((f) => (f as { path?: unknown })?.path).filter((p): p is string => typeof p === 'string'));
  } catch {
    return null;
  }
}
