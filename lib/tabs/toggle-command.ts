// The keyboard command that turns highlighting off and on (wxt.config.ts `toggle-highlights`): the browser tells
// the background, which passes it to every frame of the active tab's content script.
import { browser } from 'wxt/browser';

export function forwardToggleCommand(): void {
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-highlights') return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await browser.tabs.sendMessage(tab.id, { type: 'highlights/toggle' }).catch(() => undefined);
  });
}
