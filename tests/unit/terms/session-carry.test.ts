// The content script keeps the session state each answer carries and sends the latest back with the page's next
// request, so that a background worker started meanwhile goes on from it; a page at another address starts afresh.
import { expect, test } from 'vitest';
import type { SessionState } from '../../../lib/match';
import { joinBlocks } from '../../../lib/terms/page-text';
import { carrySession, type MatchRequest } from '../../../lib/terms/session-carry';

const stateOf = (n: number): SessionState => ({ matcher: 'm', abbreviations: [[`W${n}D`, n]], seen: [n] });

test('each request carries the state of the last answer for the same page, none for another page', async () => {
  const sent: MatchRequest[] = [];
  const match = carrySession(async (request) => {
    sent.push(request);
    return { concepts: [], matches: [], ...(sent.length === 3 ? {} : { session: stateOf(sent.length) }) };
  });
  await match('p1 https://a.example/', joinBlocks(['Wilson disease (WD).']));
  await match('p1 https://a.example/', joinBlocks(['In WD, copper builds up.']));
  // An answer without a state (an older background) leaves the last one to send.
  await match('p1 https://a.example/', joinBlocks(['WD again.']));
  await match('p1 https://a.example/', joinBlocks(['WD again.']));
  // The page moved to another address: the background starts its session afresh, so nothing is carried over.
  await match('p1 https://a.example/next', joinBlocks(['WD again.']));
  expect(sent.map((r) => r.session)).toEqual([undefined, stateOf(1), stateOf(2), stateOf(2), undefined]);
  expect(sent[1]).toMatchObject({ page: 'p1 https://a.example/', text: 'In WD, copper builds up.', ends: [24] });
});
