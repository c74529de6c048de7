// A data file as the manifest lists it: path, kind, byte size, record count and SHA-256.
import { createHash } from 'node:crypto';
import type { ChunkedFile } from '../../lib/dataset/format.ts';
import type { DatasetFile } from '../../lib/dataset/types.ts';

export function describeFiles(files: ChunkedFile[]): DatasetFile[] {
  return files.map((f) => ({
    path: f.path,
    kind: f.kind,
    bytes: Buffer.byteLength(f.text),
    records: f.records,
    sha256: createHash('sha256').update(f.text).digest('hex'),
  }));
}
