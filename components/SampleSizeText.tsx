// "n = 120 patients", where the abstract states how many took part.
import type { SampleSize } from '../lib/dataset/types';
import { groupDigits } from './format';

export function SampleSizeText({ sampleSize }: { sampleSize: SampleSize | undefined }) {
  if (!sampleSize) return null;
  return (
    <span class="sample-size" title={sampleSize.sentence} data-testid="sample-size">
      n = {groupDigits(sampleSize.n)} {sampleSize.unit}
    </span>
  );
}

/** "2014 · n = 120 patients": a research summary's year, and its sample size where known. */
export function YearAndSampleSize({ summary }: { summary: { year?: number; sampleSize?: SampleSize } }) {
  return (
    <>
      {summary.year ?? 'Year not stated'}
      {summary.sampleSize && (
        <>
          {' · '}
          <SampleSizeText sampleSize={summary.sampleSize} />
        </>
      )}
    </>
  );
}
