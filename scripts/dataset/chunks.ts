// Content-defined file cuts for published datasets (and the bundled one, so that a dataset published later
// from the same records shares its unchanged files with the bundled one and a first sync reuses them).
import { recordLine, TARGET_FILE_BYTES, type ChunkedFile } from '../../lib/dataset/format.ts';
import type { DatasetFileKind } from '../../lib/dataset/types.ts';
import { MAX_FILE_BYTES } from '../../lib/dataset/validate.ts';

/** FNV-1a of the id: stable across runs and machines. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * Split records (already sorted by id) into files: a file ends after a record whose id hash is 0 modulo
 * 32 once it holds half of `target`, and at `target` at the latest (few files: each costs a transaction and
 * a progress mark on import). Each file stays under `target`
 * (so under the format's 20 MB limit), and cuts depend on ids alone, except after a forced cut, from
 * which they fall back in step at the next id cut.
 */
export function chunkStable(kind: DatasetFileKind, records: { id: string }[], target = TARGET_FILE_BYTES): ChunkedFile[] {
  if (target > MAX_FILE_BYTES) throw new Error(`target must be at most ${MAX_FILE_BYTES} bytes`);
  const files: ChunkedFile[] = [];
  let lines: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (lines.length === 0) return;
    const path = `${kind}-${String(files.length).padStart(4, '0')}.jsonl`;
    files.push({ path, kind, text: lines.join('\n') + '\n', records: lines.length });
    lines = [];
    bytes = 0;
  };
  for (const record of records) {
    const line = recordLine(record);
    const size = Buffer.byteLength(line) + 1;
    if (size > target) throw new Error(`record ${record.id} alone is larger than ${target} bytes`);
    if (bytes + size > target) flush();
    lines.push(line);
    bytes += size;
    if (bytes >= target / 2 && idHash(record.id) % 32 === 0) flush();
  }
  flush();
  return files;
}
