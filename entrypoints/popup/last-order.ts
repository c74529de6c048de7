// The order the reader last chose for a concept's summaries (strongest evidence or newest first), on this device: the
// early script asks for the next concept's first page in that order too, and a reader who reads newest first keeps
// doing so from one term to the next.
import type { SummaryOrder } from '../../lib/summaries/filter';
import { lastChoice } from './last-choice';

const last = lastChoice<SummaryOrder>('evidence-lens:last-order', ['strongest', 'newest'], 'strongest');

export const rememberOrder = (order: SummaryOrder): void => last.remember(order);

/** The order last chosen; strongest first (the default) when none was. */
export const likelyOrder = (): SummaryOrder => last.likely();
