// The content script's half of a page's matching session: the background's worker may stop between two requests
// (Chrome stops an idle one after about 30 s) and lose the session, so the page keeps the state each answer
// carries and sends the latest back with its next request. Type imports only: the content script bundles this file.
import type { SessionState } from '../match/session-state.ts';
import type { PageText } from './page-text.ts';
import type { BlockMatches } from './service.ts';

export type MatchRequest = { page: string; session?: SessionState } & PageText;

/**
 * Wraps the page's `page/match` request so that each one carries the state of the last answer for the same page
 * key; a new key (the page moved to another address) starts without one, as the background starts afresh.
 */
export function carrySession(ask: (request: MatchRequest) => Promise<BlockMatches>): (page: string, text: PageText) => Promise<BlockMatches> {
  let last: { page: string; state: SessionState } | undefined;
  return async (page, text) => {
    const answer = await ask({ page, ...text, ...(last?.page === page ? { session: last.state } : {}) });
    // Requests overlap (the walk goes on while one is matched): the answer that came last is the latest state.
    if (answer.session) last = { page, state: answer.session };
    return answer;
  };
}
