// Where the evidence comes from when the browser's storage cannot hold it: a calm note while it is held in
// memory, or, when there is no evidence to show, one sentence saying why and what to do.
import type { DatasetStatusReport } from '../lib/messaging/protocol';

/** The background did not answer at all. */
export const NO_ANSWER = 'Evidence Lens cannot reach its evidence right now: close this window and open it again (restart the browser if this goes on).';

export function StorageNotice({ status, unanswered }: { status?: DatasetStatusReport; unanswered?: boolean }) {
  if (unanswered) {
    return (
      <p class="storage-notice problem" role="alert" data-testid="storage-unavailable">
        {NO_ANSWER}
      </p>
    );
  }
  if (!status) return null;
  // Nothing installed, nothing on its way, and a failure to say: that failure is why there is no evidence.
  if (!status.installed && !status.importing && status.lastError) {
    return (
      <p class="storage-notice problem" role="alert" data-testid="storage-unavailable">
        {status.lastError}
      </p>
    );
  }
  if (status.storage?.kind === 'memory') {
    return (
      <p class="storage-notice" role="status" data-testid="storage-notice">
        {status.storage.reason}
      </p>
    );
  }
  return null;
}
