// A labelled progress bar (role="progressbar"), with its figures in words for screen readers.
import { useId } from 'preact/hooks';

export interface ProgressBarProps {
  label: string;
  value: number;
  max: number;
  /** The figures, e.g. "3.2 of 24.0 MB, 1,200 of 36,000 records". */
  detail: string;
}

export function ProgressBar({ label, value, max, detail }: ProgressBarProps) {
  const id = useId();
  const share = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  return (
    <div class="progress">
      <div id={id} class="progress-label">
        {label}
      </div>
      <div
        role="progressbar"
        aria-labelledby={id}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={Math.min(value, max)}
        aria-valuetext={detail}
        class="progress-track"
      >
        <div class="progress-fill" style={{ width: `${(share * 100).toFixed(1)}%` }} />
      </div>
      <div class="progress-detail" data-testid="progress-detail">
        {detail}
      </div>
    </div>
  );
}
