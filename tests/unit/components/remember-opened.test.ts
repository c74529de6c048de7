// The popup tells the background which concept the reader opened, unless the popup is in a private window.
import { expect, test } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { rememberOpened } from '../../../entrypoints/popup/data';
import { Router } from '../../../lib/messaging/router';

function listen(): string[] {
  const told: string[] = [];
  const router = new Router().on('recent/remember', ({ conceptId }) => void told.push(conceptId));
  fakeBrowser.runtime.onMessage.addListener(router.listener as never);
  return told;
}

test('from a popup in an ordinary window the concept is sent; from a private window it is not', async () => {
  const told = listen();
  await fakeBrowser.windows.create({ focused: true });
  await rememberOpened('MESH:D008687');
  expect(told).toEqual(['MESH:D008687']);
  await fakeBrowser.windows.create({ focused: true, incognito: true });
  await rememberOpened('MESH:D001943');
  expect(told).toEqual(['MESH:D008687']);
});
