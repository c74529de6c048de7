// What a reader is told when an update fails: one sentence that says what went wrong. Errors the sync and
// import code throw on purpose already are such sentences; browser errors are translated here.

export const CANCELLED = 'The update was cancelled, so nothing was changed.';
export const STORAGE_FULL = 'There is not enough free storage space for the new dataset: free some disk space and try again.';
export const DATABASE_CLOSED = 'The browser closed the evidence database during the update: please try again.';

export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/** Whether `error`, or an error it wraps (its `cause`, and so on), passes `test`. */
function causedBy(error: unknown, test: (error: Error) => boolean): boolean {
  if (!(error instanceof Error)) return false;
  if (test(error)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && causedBy(cause, test);
}

/** IndexedDB reports a full disk as QuotaExceededError, sometimes wrapped in the transaction's AbortError. */
export const isQuotaError = (error: unknown): boolean => causedBy(error, (e) => e.name === 'QuotaExceededError');

export function readerMessage(error: unknown): string {
  if (isQuotaError(error)) return STORAGE_FULL;
  if (isAbortError(error)) return CANCELLED;
  if (error instanceof Error && (error.name === 'InvalidStateError' || error.name === 'UnknownError')) return DATABASE_CLOSED;
  const text = error instanceof Error ? error.message : String(error);
  return text.trim() || 'The update failed for an unknown reason.';
}

/**
 * A download that stopped for a reason outside the dataset (the connection, a busy server, a file its publisher has
 * not put up yet): trying again can go on after the last file written, so that is kept for the next try.
 */
export class InterruptedDownload extends Error {
  override name = 'InterruptedDownload';
}

/** Whether `error`, or the error it wraps (the store's import rethrows with a cause), is an InterruptedDownload. */
export const isInterruptedDownload = (error: unknown): boolean => causedBy(error, (e) => e instanceof InterruptedDownload);
