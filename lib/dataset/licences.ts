// The licence texts of the bundled data's sources ship in the package beside the dataset, so that the settings'
// credits can link each source to its own licence (the build copies them from data/; scripts/dataset/licences.ts).
import type { SourceCredit } from './types.ts';

/** A bundled source's credit (data/dataset.json), with its licence text's file under data/ where it has one. */
export interface BundledCredit extends SourceCredit {
  /** e.g. "medquad/LICENSE" */
  licenceFile?: string;
}

/** Where the package holds a licence text from data/: "medquad/LICENSE" is at /dataset/licences/medquad.txt. */
export function licenceHref(licenceFile: string): string {
  return `/dataset/licences/${licenceFile.split('/')[0]}.txt`;
}
