// The order the reader last chose for a concept's summaries (strongest evidence or newest first), in the extension's
// localStorage on this device: read synchronously, so that the early script asks for the next concept's first page
// in that order too, and a reader who reads newest first keeps doing so from one term to the next.
import type { SummaryOrder } from '../../lib/summaries/filter';

const LAST_ORDER = 'evidence-lens:last-order';

export function rememberOrder(order: SummaryOrder): void {
  try {
    localStorage.setItem(LAST_ORDER, order);
  } catch {
    // No localStorage (a private window's restrictions): each view starts strongest first.
  }
}

/** The order last chosen; strongest first (the default) when none was. */
export function likelyOrder(): SummaryOrder {
  try {
    return localStorage.getItem(LAST_ORDER) === 'newest' ? 'newest' : 'strongest';
  } catch {
    return 'strongest';
  }
}
