// A page's matching session lasts as long as its address: a single-page app that moves to another article
// (history.pushState, same content script) starts a fresh one, so sessions do not gather every article's
// abbreviations, and one page holds one session whatever the number of its navigations.
import { expect, test } from 'vitest';
import { compileMatcher, vocabularyFromConcepts, type SessionState } from '../../../lib/match';
import { Router } from '../../../lib/messaging/router';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { TabFindings } from '../../../lib/tabs/findings';
import { pageKey } from '../../../lib/terms/page-key';
import { joinBlocks, MAX_REQUEST_BLOCKS, splitBlocks } from '../../../lib/terms/page-text';
import { TermService, type BlockMatches } from '../../../lib/terms/service';
import { concept } from '../../helpers/memory-dataset';

const bytes = compileMatcher(vocabularyFromConcepts([concept('MESH:D006527', 'Wilson disease')]));

/** `page/match` as a content script in tab 7 (or another) sends it, from the page at `href`; the matched words. */
async function matched(router: Router, pageId: string, href: string, text: string, from = { tab: { id: 7 }, frameId: 0 }): Promise<string[]> {
  const request = { page: pageKey(pageId, href), ...joinBlocks([text]) };
  const reply = (await router.listener({ type: 'page/match', request }, from)) as {
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

/** `page/match` as sent by tab 7's content script, with the session state its last answer carried; the answer. */
async function ask(router: Router, text: string, session?: unknown) {
  const request = { page: pageKey('p1', 'https://news.example/a'), ...joinBlocks([text]), session };
  const reply = (await router.listener({ type: 'page/match', request }, { tab: { id: 7 }, frameId: 0 })) as { ok: boolean; value: BlockMatches };
  expect(reply.ok).toBe(true);
  const words: string[] = [];
  for (let k = 0; k < reply.value.matches.length; k += 4) words.push(text.slice(reply.value.matches[k + 1], reply.value.matches[k + 2]));
  return { words, session: JSON.parse(JSON.stringify(reply.value.session)) as unknown };
}
/** A new worker: the service and its router start empty, the matcher's bytes are the same. */
function startWorker(): Router {
  const router = new Router();
  new TermService({ loadBytes: async () => bytes.slice() }).register(router);
  return router;
}

test('a page read across a worker restart: the state its last answer carried brings its abbreviations back', async () => {
  const before = await ask(startWorker(), 'Wilson disease (WD) is rare.');
  expect(before.words).toEqual(['Wilson disease', 'WD']);
  // Chrome stopped the idle worker; the page's next text arrives at a new one.
  expect((await ask(startWorker(), 'In WD, copper builds up.', before.session)).words).toEqual(['WD']);
  // Without the state, as before this fix, the new worker knew nothing of WD.
  expect((await ask(startWorker(), 'In WD, copper builds up.')).words).toEqual([]);
});

test('the worker\'s own session wins over the state a page sends; a state from another dataset or tampered with is ignored', async () => {
  const router = startWorker();
  const empty = (await ask(router, 'Nothing defined yet.')).session;
  await ask(router, 'Wilson disease (WD) is rare.');
  // An older state (or a page's made-up one) does not replace what this worker knows of the page.
  expect((await ask(router, 'In WD, copper builds up.', empty)).words).toEqual(['WD']);

  const defined = (await ask(startWorker(), 'Wilson disease (WD) is rare.')).session as SessionState;
  const otherDataset = compileMatcher(vocabularyFromConcepts([concept('MESH:D006527', 'Wilson disease'), concept('MESH:D001249', 'Asthma')]));
  const other = new Router();
  new TermService({ loadBytes: async () => otherDataset }).register(other);
  expect((await ask(other, 'In WD, copper builds up.', defined)).words).toEqual([]);
  for (const tampered of [{ ...defined, abbreviations: [['WD', 99]] }, { ...defined, seen: Array(100_000).fill(0) }, 'WD', 42]) {
    expect((await ask(startWorker(), 'In WD, copper builds up.', tampered)).words).toEqual([]);
  }
});

const sessionCount = (service: TermService) => (service as unknown as { sessions: Map<string, unknown> }).sessions.size;

test("a frame that shows another document (an ad frame's next ad) replaces its session; the other frames keep theirs", async () => {
  const router = new Router();
  const service = new TermService({ loadBytes: async () => bytes });
  service.register(router);
  const top = { tab: { id: 7 }, frameId: 0 };
  const frame = { tab: { id: 7 }, frameId: 3 };
  await matched(router, 'article', 'https://news.example/a', 'Wilson disease (WD) is rare.', top);
  for (let ad = 0; ad < 20; ad++) await matched(router, `ad${ad}`, `https://ads.example/${ad}`, 'Wilson disease (WD) sponsored.', frame);
  // Before, each ad's session stayed until 200 had gathered.
  expect(sessionCount(service)).toBe(2);
  expect(await matched(router, 'ad20', 'https://ads.example/20', 'WD', frame)).toEqual([]);
  expect(await matched(router, 'article', 'https://news.example/a', 'In WD, copper builds up.', top)).toEqual(['WD']);
});

test('a tab that closes or loads another page leaves no matching sessions behind', async () => {
  const router = new Router();
  const service = new TermService({ loadBytes: async () => bytes });
  service.register(router);
  // As the background wires them: the findings learn of a tab's navigations and closing, and tell the matcher.
  new TabFindings(undefined, Date.now, { onForget: (tabId) => service.forgetTab(tabId) }).register(new Router());
  for (const tab of [7, 8, 9]) {
    for (const frameId of [0, 2]) await matched(router, `p${tab}`, 'https://a.example/', 'Wilson disease (WD).', { tab: { id: tab }, frameId });
  }
  await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'loading' }, { id: 7 } as never);
  await fakeBrowser.tabs.onRemoved.trigger(8, { windowId: 1, isWindowClosing: false });
  expect(sessionCount(service)).toBe(2);
  // Tab 9 kept its page, and its session.
  expect(await matched(router, 'p9', 'https://a.example/', 'WD', { tab: { id: 9 }, frameId: 0 })).toEqual(['WD']);
  expect(await matched(router, 'p7', 'https://a.example/', 'WD', { tab: { id: 7 }, frameId: 0 })).toEqual([]);
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
