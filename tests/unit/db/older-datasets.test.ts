import { expect, test } from 'vitest';
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
