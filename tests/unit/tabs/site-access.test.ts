// Sites the reader keeps the extension off: what the popup asks, and how a tab is read once it may be.
// (End to end, with Chrome's own site access menu: tests/e2e/site-access.test.ts.)
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { askToAllowSite, readTabNow, siteAllowed, sitePattern } from '../../../lib/tabs/site-access';

const MANIFEST = { content_scripts: [{ matches: ['http://*/*'], js: ['content-scripts/content.js'], css: ['content-scripts/content.css'] }] };

let executeScript: ReturnType<typeof vi.fn>;
let insertCSS: ReturnType<typeof vi.fn>;

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue(MANIFEST as never);
  executeScript = vi.fn();
  insertCSS = vi.fn(async () => undefined);
  fakeBrowser.scripting.executeScript = executeScript as never;
  fakeBrowser.scripting.insertCSS = insertCSS as never;
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the site a page is on, as a permission', () => {
  test('scheme and host, every path; nothing for pages no permission covers', () => {
    expect(sitePattern('https://www.nhs.uk/conditions/asthma/?x=1#y')).toBe('https://www.nhs.uk/*');
    expect(sitePattern('http://127.0.0.1:8080/a.html')).toBe('http://127.0.0.1/*');
    expect(sitePattern('chrome://extensions/')).toBeUndefined();
    expect(sitePattern('file:///tmp/a.html')).toBeUndefined();
    expect(sitePattern('not a url')).toBeUndefined();
    expect(sitePattern(undefined)).toBeUndefined();
  });

  test("allowed is the browser's answer for the site; a browser that cannot answer is taken as allowing, as before", async () => {
    const contains = vi.fn(async () => false);
    fakeBrowser.permissions.contains = contains as never;
    expect(await siteAllowed('https://www.nhs.uk/a')).toBe(false);
    expect(contains).toHaveBeenCalledWith({ origins: ['https://www.nhs.uk/*'] });
    contains.mockResolvedValue(true);
    expect(await siteAllowed('https://www.nhs.uk/a')).toBe(true);
    fakeBrowser.permissions.contains = (() => {
      throw new Error('not here');
    }) as never;
    expect(await siteAllowed('https://www.nhs.uk/a')).toBe(true);
    expect(await siteAllowed('about:blank')).toBe(false);
  });

  test("asking the reader asks the browser at once (inside the click) and takes a refusal or an error as no", async () => {
    const request = vi.fn(async () => true);
    fakeBrowser.permissions.request = request as never;
    const asked = askToAllowSite('https://www.nhs.uk/*');
    // Called before the function gave way to anything: the click's user gesture is still on.
    expect(request).toHaveBeenCalledWith({ origins: ['https://www.nhs.uk/*'] });
    expect(await asked).toBe(true);
    request.mockRejectedValue(new Error('dismissed'));
    expect(await askToAllowSite('https://www.nhs.uk/*')).toBe(false);
  });
});

describe('reading a tab now', () => {
  test('a tab its content script already runs in is left as it is, in every frame', async () => {
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: true }, { frameId: 4, result: true }]);
    expect(await readTabNow(7)).toBe(true);
    expect(executeScript).toHaveBeenCalledTimes(1);
    // Asked at once, not when the page has loaded: a slow page is no refusal.
    expect(executeScript.mock.calls[0][0]).toMatchObject({ target: { tabId: 7, allFrames: true }, args: ['evidenceLensContentScript'], injectImmediately: true });
    expect(insertCSS).not.toHaveBeenCalled();
  });

  test('only the frames without one get one (a frame of an allowed site in a page of a kept one)', async () => {
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: false }, { frameId: 4, result: true }, { frameId: 6, result: false }]).mockResolvedValueOnce([]);
    expect(await readTabNow(7)).toBe(true);
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0, 6] }, files: ['content-scripts/content.css'] });
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 7, frameIds: [0, 6] }, files: ['content-scripts/content.js'] });
  });

  test('two reads of a tab at once start one script (the popup and the background, just after an Allow)', async () => {
    let answer!: (v: unknown) => void;
    executeScript.mockReturnValueOnce(new Promise((resolve) => (answer = resolve))).mockResolvedValue([]);
    const a = readTabNow(7);
    const b = readTabNow(7);
    answer([{ frameId: 0, result: false }]);
    expect(await Promise.all([a, b])).toEqual([true, true]);
    expect(executeScript).toHaveBeenCalledTimes(2); // one probe, one start
    // Once settled, a later read asks again.
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: true }]);
    expect(await readTabNow(7)).toBe(true);
    expect(executeScript).toHaveBeenCalledTimes(3);
  });

  test("the probe asks the script's own mark in its world, and an orphaned script (an update) does not count", () => {
    executeScript.mockResolvedValue([{ result: false }]);
    void readTabNow(7);
    const probe = executeScript.mock.calls[0][0].func as (mark: string) => boolean;
    const g = globalThis as Record<string, unknown>;
    try {
      expect(probe('evidenceLensContentScript')).toBe(false);
      g.evidenceLensContentScript = () => false;
      expect(probe('evidenceLensContentScript')).toBe(false);
      g.evidenceLensContentScript = () => true;
      expect(probe('evidenceLensContentScript')).toBe(true);
    } finally {
      delete g.evidenceLensContentScript;
    }
  });

  test("elsewhere the manifest's content script and its style go into the tab's frames", async () => {
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: false }, { frameId: 3, result: false }]).mockResolvedValueOnce([{ frameId: 0, result: null }]);
    expect(await readTabNow(7)).toBe(true);
    expect(insertCSS).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0, 3] }, files: ['content-scripts/content.css'] });
    expect(executeScript).toHaveBeenLastCalledWith({ target: { tabId: 7, frameIds: [0, 3] }, files: ['content-scripts/content.js'] });
  });

  test('a browser that refuses, or holds the script unanswered (Chrome, for a site kept until a click), is a no', async () => {
    executeScript.mockRejectedValueOnce(new Error('Cannot access contents of the page'));
    expect(await readTabNow(7)).toBe(false);
    vi.useFakeTimers();
    executeScript.mockReturnValueOnce(new Promise(() => {}));
    const held = readTabNow(7);
    await vi.advanceTimersByTimeAsync(2500);
    expect(await held).toBe(false);
    expect(insertCSS).not.toHaveBeenCalled();
    // An answer in time leaves no timer behind.
    executeScript.mockResolvedValueOnce([{ frameId: 0, result: true }]);
    expect(await readTabNow(7)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });
});
