// Pages open before an install or update: Chrome starts declared content scripts only in pages loaded after it.
// (End to end this needs the extension installed or reloaded while tabs are open, which Chromium under Playwright
// does not do: a reload of a command-line extension unloads it for good.)
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readOpenTabs } from '../../../lib/tabs/open-tabs';

let read: ReturnType<typeof vi.fn<(tabId: number) => Promise<boolean>>>;
let contains: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  fakeBrowser.reset();
  read = vi.fn(async () => true);
  contains = vi.fn(async () => true);
  fakeBrowser.permissions.contains = contains as never;
  onAdded = undefined;
  // The fake has no permission events.
  fakeBrowser.permissions.onAdded.addListener = ((listener: typeof onAdded) => (onAdded = listener)) as never;
  readOpenTabs({ read });
});

let onAdded: ((p: { origins?: string[] }) => Promise<void>) | undefined;

afterEach(() => {
  vi.restoreAllMocks();
});

const settle = () => new Promise((r) => setTimeout(r, 0));

/** The open tabs, as tabs.query answers for http(s) pages (the fake's own query knows no match patterns). */
function openTabs() {
  const tabs = { front: 1, behind: 2, kept: 3, discarded: 4 };
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: tabs.front, url: 'https://www.nhs.uk/conditions/asthma/', active: true },
    { id: tabs.behind, url: 'https://en.wikipedia.org/wiki/Asthma', active: false },
    { id: tabs.kept, url: 'https://kept.example/a', active: false },
    { id: tabs.discarded, url: 'https://www.nhs.uk/b', active: false, discarded: true },
  ] as never);
  return tabs;
}

test('after an install, the active tab is read at once and one behind it when the reader turns to it, once', async () => {
  const tabs = openTabs();
  contains.mockImplementation(async ({ origins }: { origins: string[] }) => origins[0] !== 'https://kept.example/*');
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
  await settle();
  expect(read.mock.calls.map((c) => c[0])).toEqual([tabs.front]);
  await fakeBrowser.tabs.onActivated.trigger({ tabId: tabs.behind, windowId: 1 });
  await settle();
  expect(read.mock.calls.map((c) => c[0])).toEqual([tabs.front, tabs.behind]);
  // Turned to again, a site the reader keeps the extension off, a discarded tab (it loads its page when shown): not read.
  await fakeBrowser.tabs.onActivated.trigger({ tabId: tabs.behind, windowId: 1 });
  await fakeBrowser.tabs.onActivated.trigger({ tabId: tabs.kept, windowId: 1 });
  await fakeBrowser.tabs.onActivated.trigger({ tabId: tabs.discarded, windowId: 1 });
  await settle();
  expect(read).toHaveBeenCalledTimes(2);
});

test('after an update too; a tab that loads another page meanwhile gets the declared script and is not read', async () => {
  const tabs = openTabs();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.0.9', temporary: false });
  await settle();
  expect(read.mock.calls.map((c) => c[0])).toEqual([tabs.front]);
  await fakeBrowser.tabs.onUpdated.trigger(tabs.behind, { status: 'loading' }, { id: tabs.behind } as never);
  await settle();
  await fakeBrowser.tabs.onActivated.trigger({ tabId: tabs.behind, windowId: 1 });
  await settle();
  expect(read).toHaveBeenCalledTimes(1);
});

test('a browser update or a start is no install: nothing is read', async () => {
  openTabs();
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'browser_update', temporary: false } as never);
  await settle();
  expect(read).not.toHaveBeenCalled();
});

test('a site the reader allows: its tab in front is read at once, the others when shown', async () => {
  const tabs = openTabs();
  await onAdded!({ origins: [] });
  expect(fakeBrowser.tabs.query).not.toHaveBeenCalled();
  await onAdded!({ origins: ['https://www.nhs.uk/*'] });
  expect(fakeBrowser.tabs.query).toHaveBeenCalledWith({ url: ['https://www.nhs.uk/*'] });
  expect(read.mock.calls.map((c) => c[0])).toEqual([tabs.front]);
  await fakeBrowser.tabs.onActivated.trigger({ tabId: tabs.discarded, windowId: 1 });
  await fakeBrowser.tabs.onActivated.trigger({ tabId: tabs.behind, windowId: 1 });
  await settle();
  expect(read.mock.calls.map((c) => c[0])).toEqual([tabs.front, tabs.behind]);
});

test("in Firefox, which starts scripts in open pages itself after an install, only the reader's allowing reads them", async () => {
  fakeBrowser.reset();
  fakeBrowser.permissions.onAdded.addListener = (() => undefined) as never;
  openTabs();
  readOpenTabs({ afterInstall: false, read });
  await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
  await settle();
  expect(read).not.toHaveBeenCalled();
});

test('sites allowed at once and tabs shown meanwhile: no tab still to read is lost, none read twice', async () => {
  // Each site's tabs, none in front: all of them are to be read when shown.
  const bySite: Record<string, { id: number; url: string; active: boolean }[]> = {
    'https://a.example/*': [10, 11].map((id) => ({ id, url: `https://a.example/${id}`, active: false })),
    'https://b.example/*': [20, 21].map((id) => ({ id, url: `https://b.example/${id}`, active: false })),
    'https://c.example/*': [30].map((id) => ({ id, url: `https://c.example/${id}`, active: false })),
  };
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async ({ url }: { url: string[] }) => bySite[url[0]]) as never);
  await onAdded!({ origins: ['https://a.example/*'] });
  // Three sites allowed, and tabs turned to, all before any of it is stored.
  await Promise.all([
    onAdded!({ origins: ['https://b.example/*'] }),
    fakeBrowser.tabs.onActivated.trigger({ tabId: 10, windowId: 1 }),
    onAdded!({ origins: ['https://c.example/*'] }),
    fakeBrowser.tabs.onActivated.trigger({ tabId: 10, windowId: 1 }),
  ]);
  await settle();
  for (const tabId of [11, 20, 21, 30, 10]) await fakeBrowser.tabs.onActivated.trigger({ tabId, windowId: 1 });
  await settle();
  expect(read.mock.calls.map((c) => c[0]).sort()).toEqual([10, 11, 20, 21, 30]);
});
