/** Node-only helper: the dataset's concepts (public/dataset/concepts-NNN.jsonl), for the annotator, eval and bench. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Concept } from '../../lib/dataset/types';

export const DATASET_DIR = join(import.meta.dirname, '..', '..', 'public', 'dataset');

export function readConcepts(dir = DATASET_DIR): Concept[] {
  const files = readdirSync(dir)
    .filter((f) => /^concepts-\d+\.jsonl$/.test(f))
    .sort();
  if (files.length === 0) throw new Error(`no concepts-NNN.jsonl in ${dir}: run \`npm run dataset\` first`);
  const out: Concept[] = [];
  for (const f of files) {
    for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
      if (line.trim()) out.push(JSON.parse(line) as Concept);
    }
  }
  return out;
}
