import { expect, test } from 'vitest';
import { TabFindings } from '../../../lib/tabs/findings';

test("the popup lists a term by its concept's names, not by the words as they stood on the page", async () => {
  const names: Record<string, { name: string; clinicalName?: string }> = {
    'MESH:D014057': { name: 'X-ray computed tomography' },
    'MESH:D009203': { name: 'Heart attack', clinicalName: 'Myocardial infarction' },
  };
  const findings = new TabFindings(undefined, () => 1, { conceptNames: async (id) => names[id] });
  const stored = await findings.report(7, 'https://example.org/a', [
    { conceptId: 'MESH:D014057', name: 'CT', category: 'procedure', count: 3 },
    { conceptId: 'MESH:D009203', name: 'MI', category: 'disease', count: 2 },
    { conceptId: 'MEDQUAD:unknown', name: 'mammography', category: 'procedure', count: 1 },
  ]);
  expect(stored!.terms.map((t) => [t.name, t.clinicalName])).toEqual([
    ['X-ray computed tomography', undefined],
    ['Heart attack', 'Myocardial infarction'],
    ['mammography', undefined],
  ]);
  expect((await findings.get(7))?.terms[0].name).toBe('X-ray computed tomography');
});

test('a page cannot set the clinical name a term is listed by', async () => {
  const findings = new TabFindings(undefined, () => 1, { conceptNames: async () => undefined });
  const stored = await findings.report(7, 'https://example.org/a', [
    { conceptId: 'MESH:D009203', name: 'MI', clinicalName: 'Click here', category: 'disease', count: 2 },
  ]);
  expect(stored!.terms[0]).not.toHaveProperty('clinicalName');
});
