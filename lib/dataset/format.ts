// The published dataset layout (docs/dataset-format.md): newline-delimited JSON files of bounded size,
// listed in a manifest with their byte sizes, record counts and SHA-256. Runs in Node and in the browser.
import type { DatasetFileKind } from './types.ts';

export const FORMAT_VERSION = 1;
/**
 * How the last line of a plain-language answer starts when it credits the agency that wrote the text ("Written by NIH:
 * National Cancer Institute", as MedlinePlus credits it): the views draw it as a credit, not as the answer's prose.
 */
export const CREDIT_LINE = 'Written by ';
/** Files are split so that one changed record re-downloads about this much, not the whole dataset. */
export const TARGET_FILE_BYTES = 1_000_000;

export interface ChunkedFile {
  path: string;
  kind: DatasetFileKind;
  text: string;
  records: number;
}

/**
 * The order records are published in: by id, in UTF-16 code-unit order — the order IndexedDB sorts string
 * keys in (not localeCompare, which depends on the locale).
 */
export const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A record's line with every character above U+00FF written as `\uXXXX` (still the same JSON). Browsers hold text made
 * only of narrower characters at one byte a character, and every line cut from a file's text at the width of its
 * widest character: one en dash made a whole file's lines two bytes a character in IndexedDB.
 */
export function recordLine(record: unknown): string {
  return JSON.stringify(record).replace(/[\u0100-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Split records into `kind-000.jsonl`, `kind-001.jsonl`, ... of about TARGET_FILE_BYTES each. */
export function chunkRecords(kind: DatasetFileKind, records: unknown[], target = TARGET_FILE_BYTES): ChunkedFile[] {
  const files: ChunkedFile[] = [];
  let lines: string[] = [];
  let bytes = 0;
  const flush = () => {
    if (lines.length === 0) return;
    const path = `${kind}-${String(files.length).padStart(3, '0')}.jsonl`;
    files.push({ path, kind, text: lines.join('\n') + '\n', records: lines.length });
    lines = [];
    bytes = 0;
  };
  for (const record of records) {
    const line = recordLine(record);
    lines.push(line);
    bytes += line.length + 1;
    if (bytes >= target) flush();
  }
  flush();
  return files;
}

/**
 * The longest line a record may take, in characters: the largest published record is about 11,000. The line is
 * stored as it is, so this bounds what a record can carry beside its fields (which the views never read).
 */
export const MAX_RECORD_CHARS = 1_000_000;

/** Parse one NDJSON file, keeping each record's line; a bad line is reported with its file and line number. */
export function splitJsonLines(path: string, text: string): { lines: string[]; records: unknown[] } {
  const lines: string[] = [];
  const records: unknown[] = [];
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    if (line.trim() === '') continue;
    if (line.length > MAX_RECORD_CHARS) {
      throw new Error(`${path}, line ${i + 1}: the record is longer than the ${MAX_RECORD_CHARS.toLocaleString('en')} characters a record may take.`);
    }
    try {
      records.push(JSON.parse(line));
    } catch {
      throw new Error(`${path}, line ${i + 1}: not valid JSON.`);
    }
    lines.push(line);
  }
  return { lines, records };
}
