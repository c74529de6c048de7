import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardToggleCommand } from '../../../lib/tabs/toggle-command';

beforeEach(() => fakeBrowser.reset());

test('the toggle command reaches the active tab as a message; other commands do not', async () => {
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as never]);
  const sent = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ on: false });
  // The fake browser has no commands: the listener is caught as it is added.
  const listeners: ((command: string) => Promise<void>)[] = [];
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => void listeners.push(listener as never));
  forwardToggleCommand();
  expect(listeners).toHaveLength(1);
  await listeners[0]('_execute_action');
  expect(sent).not.toHaveBeenCalled();
  await listeners[0]('toggle-highlights');
  expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
  expect(sent).toHaveBeenCalledWith(7, { type: 'highlights/toggle' });
});
