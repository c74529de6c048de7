// What the settings page says when a dataset action ends: done, cancelled by the reader, or failed. A cancel is the
// reader's own choice, so it is a calm status, not an alert in the error style.
import { CANCELLED } from '../../lib/sync/errors';

export type Outcome = { kind: 'ok' | 'cancelled' | 'error'; text: string };

/** What Chrome and Firefox say when the background stops before it answers. */
export const WORKER_GONE = /message (port|channel) closed|Receiving end does not exist|did not answer|context invalidated/i;
export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The outcome of an action that threw (the background's reply carries its one sentence as the message). */
export function failureOutcome(error: unknown): Outcome {
  const text = errorText(error);
  // The worker stopped while this page waited for it: the update resumes there on its own (lib/sync).
  if (WORKER_GONE.test(text)) return { kind: 'ok', text: 'The extension restarted during the update; it continues in the background.' };
  if (text === CANCELLED) return { kind: 'cancelled', text };
  return { kind: 'error', text };
}
