// The bundled sources' licence texts ship in the package, where the settings' credits link to them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import bundled from '../../../data/dataset.json';
import { licenceHref, type BundledCredit } from '../../../lib/dataset/licences';
import { licenceTexts } from '../../../scripts/dataset/licences';
import { DATA_DIR } from '../../../scripts/dataset/sources';

const sources: BundledCredit[] = bundled.sources;

test("every licence file a credit names is in data/, and the build puts it where the credit's link leads", () => {
  const named = sources.filter((s) => s.licenceFile);
  // Every source: the settings link each credit to the licence it names.
  expect(named.map((s) => s.name)).toEqual(sources.map((s) => s.name));
  for (const s of named) expect(existsSync(join(DATA_DIR, s.licenceFile!)), s.licenceFile).toBe(true);
  const texts = licenceTexts(sources);
  expect(texts.map((l) => `/${l.path}`)).toEqual(named.map((s) => licenceHref(s.licenceFile!)));
  expect(texts.map((l) => l.path)).toEqual([
    'dataset/licences/pubmedqa.txt',
    'dataset/licences/medquad.txt',
    'dataset/licences/mesh.txt',
    'dataset/licences/disease-ontology.txt',
    'dataset/licences/subtlex-us.txt',
    'dataset/licences/ncbi-disease.txt',
  ]);
  expect(texts[1].text).toBe(readFileSync(join(DATA_DIR, 'medquad/LICENSE'), 'utf8'));
  expect(texts[1].text).toContain('Attribution 4.0 International');
});
