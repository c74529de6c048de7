import { expect, test } from 'vitest';
import { TabFindings } from '../../../lib/tabs/findings';

test("the popup lists a term by its concept's name, not by the words as they stood on the page", async () => {
  const names: Record<string, string> = { 'MESH:D014057': 'X-ray computed tomography' };
  const findings = new TabFindings(undefined, () => 1, { conceptName: async (id) => names[id] });
  const stored = await findings.report(7, 'https://example.org/a', [
    { conceptId: 'MESH:D014057', name: 'CT', category: 'procedure', count: 3 },
    { conceptId: 'MEDQUAD:unknown', name: 'mammography', category: 'procedure', count: 1 },
  ]);
  expect(stored.terms.map((t) => t.name)).toEqual(['X-ray computed tomography', 'mammography']);
  expect((await findings.get(7))?.terms[0].name).toBe('X-ray computed tomography');
});
