// The bundled sources' licence texts, as the dataset build writes them into the package (lib/dataset/licences.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { licenceHref, type BundledCredit } from '../../lib/dataset/licences.ts';
import { DATA_DIR } from './sources.ts';

export interface LicenceText {
  /** Under public/, the package's root: "dataset/licences/medquad.txt". */
  path: string;
  text: string;
}

export function licenceTexts(sources: BundledCredit[]): LicenceText[] {
  return sources
    .filter((s) => s.licenceFile)
    .map((s) => ({ path: licenceHref(s.licenceFile!).slice(1), text: readFileSync(join(DATA_DIR, s.licenceFile!), 'utf8') }));
}
