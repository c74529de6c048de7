// `npm run dataset:publish -- --out DIR [--version V] [--target-bytes N]`: build the dataset from data/ and
// write it as a static folder any web server or CDN can host (docs/dataset-format.md): manifest.json and
// the data files. Readers point Evidence Lens at DIR/manifest.json.
//
// Files are cut where a record's id says so (content-defined), not every N bytes: an edited or inserted
// record then changes only the file that holds it, and an update re-downloads that file alone. With cuts
// every N bytes, one longer summary would shift every later file and all of them would change.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { FORMAT_VERSION, TARGET_FILE_BYTES, type ChunkedFile } from '../lib/dataset/format.ts';
import type { Concept, DatasetManifest, Summary } from '../lib/dataset/types.ts';
import { validateManifest } from '../lib/dataset/validate.ts';
import { chunkStable } from './dataset/chunks.ts';
import { describeFiles } from './dataset/files.ts';

export { chunkStable };

export interface Published {
  manifest: DatasetManifest;
  files: ChunkedFile[];
}

/** The manifest and files of a dataset, from its records (each kind sorted by id). */
export function publish(
  base: Omit<DatasetManifest, 'files' | 'format'>,
  concepts: Concept[],
  summaries: Summary[],
  target = TARGET_FILE_BYTES,
): Published {
  const files = [...chunkStable('concepts', concepts, target), ...chunkStable('summaries', summaries, target)];
  const research = summaries.filter((x) => x.kind === 'research').length;
  const manifest: DatasetManifest = {
    format: FORMAT_VERSION,
    ...base,
    // The counts are the records published (readers refuse a manifest whose counts its files do not hold).
    counts: { ...base.counts, concepts: concepts.length, researchSummaries: research, consumerSummaries: summaries.length - research },
    files: describeFiles(files),
  };
  validateManifest(manifest); // what readers will check, checked before anything is written
  return { manifest, files };
}

/**
 * Write a published dataset to `dir`. Old data files there are removed first, and the manifest is written
 * last: a server that serves the folder while it is written shows the old manifest until the new one's
 * files are all in place (for a live server, write to a new folder and switch).
 */
export function writePublished(dir: string, { manifest, files }: Published): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (/\.jsonl$/.test(name)) rmSync(join(dir, name));
  for (const f of files) writeFileSync(join(dir, f.path), f.text);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, version: { type: 'string' }, 'target-bytes': { type: 'string' } },
  });
  if (!values.out) {
    console.error('usage: npm run dataset:publish -- --out DIR [--version V] [--target-bytes N]');
    process.exit(2);
  }
  const started = performance.now();
  const { buildDataset } = await import('./build-dataset.ts');
  const built = await buildDataset();
  const { files: _files, ...base } = built.manifest;
  const target = values['target-bytes'] ? Number(values['target-bytes']) : TARGET_FILE_BYTES;
  const published = publish({ ...base, version: values.version ?? base.version }, built.concepts, built.summaries, target);
  const dir = resolve(values.out);
  writePublished(dir, published);
  const bytes = published.manifest.files.reduce((n, f) => n + f.bytes, 0);
  console.log(
    `published dataset ${published.manifest.version} to ${dir}: ${published.manifest.files.length} files, ` +
      `${(bytes / 1e6).toFixed(1)} MB (${Math.round(performance.now() - started)} ms). ` +
      `Host the folder over https and give readers the URL of its manifest.json.`,
  );
}

if (process.argv[1] && import.meta.filename === resolve(process.argv[1])) await main();
