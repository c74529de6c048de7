// A page's matching session lasts as long as its address: a single-page app that moves to another article
// (history.pushState, same content script) starts a fresh one, so sessions do not gather every article's
// abbreviations, and one page holds one session whatever the number of its navigations.
import { expect, test } from 'vitest';
import { compileMatcher, vocabularyFromConcepts } from '../../../lib/match';
import { Router } from '../../../lib/messaging/router';
import { pageKey, parsePageKey } from '../../../lib/terms/page-key';
import { joinBlocks, MAX_REQUEST_BLOCKS, splitBlocks } from '../../../lib/terms/page-text';
import { TermService } from '../../../lib/terms/service';
import { concept } from '../../helpers/memory-dataset';

const bytes = compileMatcher(vocabularyFromConcepts([concept('MESH:D006527', 'Wilson disease')]));

/** `page/match` as a content script in tab 7 sends it, from the page at `href`; the matched words. */
async function matched(router: Router, pageId: string, href: string, text: string): Promise<string[]> {
  const request = { page: pageKey(pageId, href), ...joinBlocks([text]) };
  const reply = (await router.listener({ type: 'page/match', request }, { tab: { id: 7 }, frameId: 0 })) as {
    ok: boolean;
    value: { matches: number[] };
  };
  expect(reply.ok).toBe(true);
  const flat = reply.value.matches;
  const out: string[] = [];
  for (let k = 0; k < flat.length; k += 4) out.push(text.slice(flat[k + 1], flat[k + 2]));
  return out;
}

test('an abbreviation holds at the address that defined it (and its sections), not after a navigation', async () => {
  const router = new Router();
  new TermService({ loadBytes: async () => bytes }).register(router);
  expect(await matched(router, 'p1', 'https://spa.example/a', 'Wilson disease (WD) is rare.')).toEqual(['Wilson disease', 'WD']);
  expect(await matched(router, 'p1', 'https://spa.example/a#copper', 'In WD, copper builds up.')).toEqual(['WD']);
  expect(await matched(router, 'p1', 'https://spa.example/b', 'In WD, copper builds up.')).toEqual([]);
  // Back at the first address is a new visit too: its article is read again from the start.
  expect(await matched(router, 'p1', 'https://spa.example/a', 'In WD, copper builds up.')).toEqual([]);
  // Another page's session is its own.
  expect(await matched(router, 'p2', 'https://spa.example/b', 'Wilson disease (WD) is rare.')).toEqual(['Wilson disease', 'WD']);
  expect(await matched(router, 'p1', 'https://spa.example/b', 'WD')).toEqual([]);
});

test('one session per page, however many addresses it moves through', async () => {
  const service = new TermService({ loadBytes: async () => bytes, maxSessions: 3 });
  await service.match('7:0:other', ['Wilson disease (WD).'], 'https://other.example/');
  for (let n = 0; n < 50; n++) await service.match('7:0:spa', ['Wilson disease (WD).'], `https://spa.example/${n}`);
  // The other page's session was not pushed out by the navigations of this one.
  expect(await service.match('7:0:other', ['WD'], 'https://other.example/')).toMatchObject({ matches: [0, 0, 2, 0] });
  expect((service as unknown as { sessions: Map<string, unknown> }).sessions.size).toBe(2);
});

test('a page key without an address (an older content script) is one session, as before', () => {
  expect(parsePageKey('abc')).toEqual({ id: 'abc', address: '' });
  expect(parsePageKey(pageKey('abc', 'https://x.example/p?q=1#s'))).toEqual({ id: 'abc', address: 'https://x.example/p?q=1' });
});

test('the blocks of a request arrive as sent, each matched on its own; a malformed request is refused', async () => {
  const blocks = ['Wilson', ' disease', '', 'Wilson disease'];
  expect(splitBlocks(joinBlocks(blocks))).toEqual(blocks);
  // Split where the page's blocks end, "Wilson" + " disease" are two blocks: no term crosses them.
  const router = new Router();
  new TermService({ loadBytes: async () => bytes }).register(router);
  const reply = (await router.listener({ type: 'page/match', request: { page: 'p', ...joinBlocks(blocks) } }, { tab: { id: 7 } })) as {
    value: { matches: number[] };
  };
  expect(reply.value.matches).toEqual([3, 0, 14, 0]);
  for (const ends of [[5, 3], [99], [1.5], 'x']) {
    const bad = (await router.listener({ type: 'page/match', request: { page: 'p', text: 'abcdef', ends } }, { tab: { id: 7 } })) as { ok: boolean; error: string };
    expect(bad.ok, JSON.stringify(ends)).toBe(false);
    expect(bad.error).toMatch(/Bad page text/);
  }
});

test('a request of more blocks than a page sends is refused, empty ones too: they cost no text but a block each', async () => {
  const router = new Router();
  new TermService({ loadBytes: async () => bytes }).register(router);
  const ask = (text: string, ends: number[]) =>
    router.listener({ type: 'page/match', request: { page: 'p', text, ends } }, { tab: { id: 7 } }) as Promise<{ ok: boolean; error?: string }>;
  const flood = await ask('', new Array<number>(3_000_000).fill(0));
  expect(flood).toEqual({ ok: false, error: 'Too many text blocks in one request.' });
  // As many one-character blocks as the limit allows, a page of table cells, are matched.
  const cells = joinBlocks(new Array<string>(MAX_REQUEST_BLOCKS).fill('x'));
  expect(await ask(cells.text, cells.ends)).toMatchObject({ ok: true });
});
