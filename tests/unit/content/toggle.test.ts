// The content script's answer to the toggle command (Alt+Shift+H), which the background sends to every frame of
// the tab: each frame turns its highlighting off, and only the top one says so.
import { afterEach, expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import contentScript from '../../../entrypoints/content/index';

const said = () => document.querySelector('evidence-lens-status')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '';
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let ctx: ContentScriptContext | undefined;
afterEach(() => {
  ctx?.abort();
  delete (window as { top?: unknown }).top;
  document.querySelector('evidence-lens-status')?.remove();
});

/** Runs the content script in this document, as the top frame or as a frame inside another page. */
async function toggleIn(frame: 'top' | 'inner'): Promise<string> {
  if (frame === 'inner') Object.defineProperty(window, 'top', { value: {}, configurable: true });
  ctx = new ContentScriptContext('content');
  await contentScript.main(ctx);
  await fakeBrowser.runtime.onMessage.trigger({ type: 'highlights/toggle' }, {});
  await settle(100);
  return said();
}

test('the top frame says highlighting is off', async () => {
  expect(await toggleIn('top')).toMatch(/^Highlighting is off in this tab/);
});

test('a frame inside the page says nothing: the top frame speaks for the tab', async () => {
  expect(await toggleIn('inner')).toBe('');
});
