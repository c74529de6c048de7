import { expect, test } from 'vitest';
import { chunkStable, publish } from '../../../scripts/publish-dataset';
import { validateManifest } from '../../../lib/dataset/validate';
import type { Summary } from '../../../lib/dataset/types';
import { concept, research } from '../../helpers/memory-dataset';

const summaries = Array.from({ length: 3000 }, (_, i) => research(String(100000 + i), ['C:1'], 2000 + (i % 25)));
const hashes = (records: Summary[]) => publish(base, [concept('C:1', 'Asthma')], records, 40_000).manifest.files.map((f) => f.sha256);
const base = {
  version: 't',
  created: '2026-01-01',
  counts: { concepts: 1, surfaceForms: 1, researchSummaries: 3000, consumerSummaries: 0 },
  sources: [],
};

test('files stay under the target and hold every record once, in order', () => {
  const files = chunkStable('summaries', summaries, 40_000);
  expect(files.length).toBeGreaterThan(5);
  for (const f of files) expect(Buffer.byteLength(f.text)).toBeLessThanOrEqual(40_000);
  const ids = files.flatMap((f) => f.text.trim().split('\n').map((l) => JSON.parse(l).id));
  expect(ids).toEqual(summaries.map((s) => s.id));
});

test('an edited, an inserted and a removed record change only the files that hold them', () => {
  const before = hashes(summaries);
  const edited = summaries.map((s, i) => (i === 1500 ? ({ ...s, question: s.kind === 'research' ? s.question + ' And a much longer question?' : '' } as Summary) : s));
  const changedByEdit = hashes(edited).filter((h) => !before.includes(h));
  expect(changedByEdit.length).toBe(1);
  const inserted = [...summaries.slice(0, 700), research('100700a', ['C:1'], 2020), ...summaries.slice(700)];
  expect(hashes(inserted).filter((h) => !before.includes(h)).length).toBeLessThanOrEqual(2);
  const removed = summaries.filter((_, i) => i !== 2500);
  expect(hashes(removed).filter((h) => !before.includes(h)).length).toBeLessThanOrEqual(2);
});

test('the manifest it writes is one readers accept', () => {
  const { manifest } = publish(base, [concept('C:1', 'Asthma')], summaries.slice(0, 10));
  expect(validateManifest(manifest)).toEqual(manifest);
  expect(manifest.files.map((f) => f.path)).toEqual(['concepts-0000.jsonl', 'summaries-0000.jsonl']);
});
