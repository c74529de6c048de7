// The context menu's "Look up": asked of the tab's content script, which the menu's click may have to start first.
// (End to end, with the content script there: tests/e2e/lookup.test.ts.)
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerLookupMenu } from '../../../lib/tabs/lookup-menu';

const MANIFEST = { content_scripts: [{ matches: ['http://*/*'], js: ['content-scripts/content.js'] }] };
let sendMessage: ReturnType<typeof vi.fn>;
let executeScript: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(MANIFEST as never);
  sendMessage = vi.fn();
  executeScript = vi.fn();
  fakeBrowser.tabs.sendMessage = sendMessage as never;
  fakeBrowser.scripting.executeScript = executeScript as never;
  fakeBrowser.scripting.insertCSS = vi.fn(async () => undefined) as never;
  // The fake has no menus: the look-up itself is what is tested here.
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const noReceiver = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

test('a tab whose content script listens is asked once, in the frame the menu was opened in', async () => {
  sendMessage.mockResolvedValue(undefined);
  await registerLookupMenu().lookUp(3, 2, 'asthma');
  expect(sendMessage).toHaveBeenCalledExactlyOnceWith(3, { type: 'card/lookup', text: 'asthma' }, { frameId: 2 });
  expect(executeScript).not.toHaveBeenCalled();
});

test('a tab with none: one is started (the click lets the extension in) and asked once it listens', async () => {
  // No script until it is started; then it takes a few tries before its listener is up.
  let listening = 0;
  sendMessage.mockImplementation(() => (listening > 0 && --listening === 0 ? Promise.resolve(undefined) : noReceiver()));
  executeScript.mockImplementation(async (details: { func?: unknown }) => {
    if (!details.func) listening = 4;
    return [{ frameId: 0, result: false }];
  });
  const done = registerLookupMenu().lookUp(3, undefined, 'asthma');
  await vi.advanceTimersByTimeAsync(1000);
  await done;
  expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 3, frameIds: [0] }, files: ['content-scripts/content.js'] });
  expect(sendMessage).toHaveBeenCalledTimes(5);
  expect(sendMessage).toHaveBeenLastCalledWith(3, { type: 'card/lookup', text: 'asthma' }, undefined);
});

test('a tab the browser keeps the extension out of: nothing more is tried, and nothing waits long', async () => {
  sendMessage.mockImplementation(noReceiver);
  executeScript.mockRejectedValue(new Error('Cannot access contents of the page'));
  await registerLookupMenu().lookUp(3, undefined, 'asthma');
  expect(sendMessage).toHaveBeenCalledTimes(1);
  // Started but never listening (a page that breaks it): the asking stops after a few seconds.
  executeScript.mockResolvedValue([{ frameId: 0, result: false }]);
  const done = registerLookupMenu().lookUp(3, undefined, 'asthma');
  await vi.advanceTimersByTimeAsync(5000);
  await done;
  expect(sendMessage.mock.calls.length).toBeLessThan(40);
});
