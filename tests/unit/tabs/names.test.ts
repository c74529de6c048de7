import { expect, test } from 'vitest';
import { TabFindings } from '../../../lib/tabs/findings';
import type { ConceptCard } from '../../../lib/search/keys';

test("the popup lists a term by its concept's names, not by the words as they stood on the page, with its summary count", async () => {
  const cards: Record<string, Pick<ConceptCard, 'name' | 'clinicalName' | 'summaryCount'>> = {
    'MESH:D014057': { name: 'X-ray computed tomography', summaryCount: 12 },
    'MESH:D009203': { name: 'Heart attack', clinicalName: 'Myocardial infarction', summaryCount: 0 },
  };
  const findings = new TabFindings(undefined, () => 1, { conceptCard: async (id) => cards[id] });
  const stored = await findings.report(7, 'https://example.org/a', [
    { conceptId: 'MESH:D014057', name: 'CT', category: 'procedure', count: 3 },
    { conceptId: 'MESH:D009203', name: 'MI', category: 'disease', count: 2 },
    { conceptId: 'MEDQUAD:unknown', name: 'mammography', category: 'procedure', count: 1 },
  ]);
  expect(stored!.terms.map((t) => [t.name, t.clinicalName, t.summaries])).toEqual([
    ['X-ray computed tomography', undefined, 12],
    ['Heart attack', 'Myocardial infarction', 0],
    // A concept the dataset does not know: the words as they stood, and no count.
    ['mammography', undefined, undefined],
  ]);
  expect((await findings.get(7))?.terms[0].name).toBe('X-ray computed tomography');
});

test('a page cannot set the clinical name a term is listed by, nor its summary count', async () => {
  const findings = new TabFindings(undefined, () => 1, { conceptCard: async () => undefined });
  const stored = await findings.report(7, 'https://example.org/a', [
    { conceptId: 'MESH:D009203', name: 'MI', clinicalName: 'Click here', summaries: 999, category: 'disease', count: 2 },
  ]);
  expect(stored!.terms[0]).not.toHaveProperty('clinicalName');
  expect(stored!.terms[0]).not.toHaveProperty('summaries');
});
