import { expect, test, vi } from 'vitest';
import * as evidence from '../../../lib/evidence/index';
import type { ResearchSummary } from '../../../lib/dataset/types';
import { importDataset } from '../../../lib/db/import';
import { getSummariesForConcept, getSummary } from '../../../lib/db/queries';
import { openDatabase } from '../../../lib/db/schema';
import { concept, memoryDataset, research } from '../../helpers/memory-dataset';

test('a dataset published without study designs gets them from the abstract on import', async () => {
  const db = await openDatabase();
  const trial = research('1', ['C:1'], 2012, {
    context: ['In this double-blind, randomized controlled trial, 240 adults with asthma were assigned to budesonide or placebo.'],
  } as Partial<ResearchSummary>);
  const unknown = research('2', ['C:1'], 2019, { context: ['We describe the history of asthma care.'] } as Partial<ResearchSummary>);
  for (const s of [trial, unknown]) expect((s as ResearchSummary).design).toBeUndefined();
  await importDataset(db, memoryDataset('old-format', [concept('C:1', 'Asthma')], [trial, unknown]));

  const stored = (await getSummary(db, 'pmid:1')) as ResearchSummary;
  expect(stored.design).toMatchObject({ design: 'rct', level: 2, source: 'text' });
  expect(stored.sampleSize).toMatchObject({ n: 240 });
  expect(((await getSummary(db, 'pmid:2')) as ResearchSummary).design).toMatchObject({ design: 'unknown', source: 'none' });
  // And the reading order uses it: the trial first, though older.
  const { items } = await getSummariesForConcept(db, 'C:1');
  expect(items.map((s) => s.id)).toEqual(['pmid:1', 'pmid:2']);
});

test("working out a large file's study designs, the import stops now and then, and a Cancel then stops it within the file", async () => {
  const db = await openDatabase();
  // One file of 100 summaries without designs (target: one file for all of them).
  const summaries = Array.from({ length: 100 }, (_, i) =>
    research(String(1000 + i), ['C:1'], 2012, { context: [`In this trial, ${i + 20} adults with asthma were randomized.`] } as Partial<ResearchSummary>),
  );
  const controller = new AbortController();
  let assessed = 0;
  const real = evidence.assessStudy;
  vi.spyOn(evidence, 'assessStudy').mockImplementation((input) => {
    // Each as slow as a long abstract: the worker must stop between them.
    const until = performance.now() + 15;
    while (performance.now() < until);
    if (++assessed === 10) controller.abort();
    return real(input);
  });
  const dataset = memoryDataset('old-format', [concept('C:1', 'Asthma')], summaries, { target: 10_000_000 });
  expect(dataset.manifest.files.filter((f) => f.kind === 'summaries')).toHaveLength(1);
  await expect(importDataset(db, dataset, { signal: controller.signal })).rejects.toThrow();
  // Stopped at the next pause (about every 50 ms), not after the file's hundred.
  expect(assessed).toBeLessThan(20);
});
