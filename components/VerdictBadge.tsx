// The answer a study gives to its question: Yes, No or Maybe.
import type { Verdict } from '../lib/dataset/types';
import { VisuallyHidden } from './VisuallyHidden';

export const VERDICT_LABELS: Record<Verdict, string> = { yes: 'Yes', no: 'No', maybe: 'Maybe' };

export function VerdictBadge({ verdict }: { verdict: Verdict | undefined }) {
  if (!verdict) return null;
  return (
    <span class={`badge verdict verdict-${verdict}`} data-testid="verdict">
      <VisuallyHidden>Verdict: </VisuallyHidden>
      {VERDICT_LABELS[verdict]}
    </span>
  );
}
