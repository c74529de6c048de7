// "n = 120 patients", where the abstract states how many took part.
import type { SampleSize } from '../lib/dataset/types';

export function SampleSizeText({ sampleSize }: { sampleSize: SampleSize | undefined }) {
  if (!sampleSize) return null;
  return (
    <span class="sample-size" title={sampleSize.sentence} data-testid="sample-size">
      n = {sampleSize.n.toLocaleString('en-US')} {sampleSize.unit}
    </span>
  );
}
