import { expect, test } from 'vitest';
import { matchesShortcut, parseShortcut, shortcutFromEvent, shortcutLabel } from '../../../lib/settings/shortcuts';

const key = (code: string, mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>> = {}) => ({
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  code,
  ...mods,
});

test('a shortcut is modifiers and a physical key, read back as the reader would say it', () => {
  expect(parseShortcut('Alt+Shift+KeyN')).toEqual({ alt: true, ctrl: false, meta: false, shift: true, code: 'KeyN' });
  expect(shortcutLabel('Alt+Shift+KeyN')).toBe('Alt+Shift+N');
  expect(shortcutLabel('Ctrl+Alt+Digit3')).toBe('Ctrl+Alt+3');
  expect(shortcutLabel('Alt+ArrowDown')).toBe('Alt+Down arrow');
  expect(parseShortcut('Alt+Shift')).toBeUndefined();
  expect(parseShortcut('Super+KeyN')).toBeUndefined();
  expect(parseShortcut('')).toBeUndefined();
});

test('a key press matches only with exactly its modifiers', () => {
  const s = parseShortcut('Alt+Shift+KeyN')!;
  expect(matchesShortcut(key('KeyN', { altKey: true, shiftKey: true }), s)).toBe(true);
  expect(matchesShortcut(key('KeyN', { altKey: true }), s)).toBe(false);
  expect(matchesShortcut(key('KeyN', { altKey: true, shiftKey: true, ctrlKey: true }), s)).toBe(false);
  expect(matchesShortcut(key('KeyM', { altKey: true, shiftKey: true }), s)).toBe(false);
});

test('recording: a press that would type, a lone modifier, or a browser shortcut is refused with a reason', () => {
  expect(shortcutFromEvent(key('KeyJ', { altKey: true }))).toEqual({ shortcut: 'Alt+KeyJ' });
  expect(shortcutFromEvent(key('F7'))).toEqual({ shortcut: 'F7' });
  expect(shortcutFromEvent(key('KeyJ', { shiftKey: true }))).toEqual({ problem: expect.stringContaining('never types a character') });
  expect(shortcutFromEvent(key('AltLeft', { altKey: true }))).toEqual({ problem: expect.stringContaining('Press a letter') });
  expect(shortcutFromEvent(key('KeyT', { ctrlKey: true }))).toEqual({ problem: 'Ctrl+T belongs to the browser; choose another.' });
});
