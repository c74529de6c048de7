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
  expect(shortcutFromEvent(key('F8'))).toEqual({ shortcut: 'F8' });
  expect(shortcutFromEvent(key('KeyJ', { shiftKey: true }))).toEqual({ problem: expect.stringContaining('never types a character') });
  expect(shortcutFromEvent(key('AltLeft', { altKey: true }))).toEqual({ problem: expect.stringContaining('Press a letter') });
  expect(shortcutFromEvent(key('KeyT', { ctrlKey: true }))).toEqual({ problem: 'Ctrl+T already opens a new tab; choose another.' });
});

test("the page's editing keys and the browser's own are refused, each saying what it already does", () => {
  const refused = (code: string, mods: Parameters<typeof key>[1] = {}, typed?: string) => {
    const result = shortcutFromEvent({ ...key(code, mods), key: typed });
    return 'problem' in result ? result.problem : `accepted ${result.shortcut}`;
  };
  expect(refused('KeyC', { ctrlKey: true })).toBe('Ctrl+C already copies; choose another.');
  expect(refused('KeyV', { metaKey: true })).toBe('Meta+V already pastes; choose another.');
  expect(refused('KeyX', { ctrlKey: true })).toBe('Ctrl+X already cuts; choose another.');
  expect(refused('KeyA', { ctrlKey: true })).toBe('Ctrl+A already selects everything; choose another.');
  expect(refused('KeyZ', { ctrlKey: true })).toBe('Ctrl+Z already undoes; choose another.');
  expect(refused('KeyF', { ctrlKey: true })).toBe('Ctrl+F already finds in the page; choose another.');
  for (const code of ['KeyT', 'KeyW', 'KeyN', 'KeyR', 'KeyL']) expect(refused(code, { ctrlKey: true })).toMatch(/^Ctrl\+[TWNRL] already .+; choose another\.$/);
  expect(refused('F5')).toBe('F5 already reloads the page; choose another.');
  expect(refused('F11')).toBe('F11 already turns full screen on or off; choose another.');
  expect(refused('F12')).toBe('F12 already opens the developer tools; choose another.');
  expect(refused('KeyI', { ctrlKey: true, shiftKey: true })).toBe('Ctrl+Shift+I already opens the developer tools; choose another.');
  expect(refused('Digit1', { ctrlKey: true })).toBe('Ctrl+1 already goes to another tab; choose another.');
  // Escape and Tab are no keys a shortcut may end with; a bare letter would type.
  expect(refused('Escape')).toMatch(/^Press a letter/);
  expect(refused('Tab', { ctrlKey: true })).toMatch(/^Press a letter/);
  expect(refused('KeyJ')).toMatch(/never types a character/);
  // On a Dvorak keyboard the key that types "n" is KeyL: the browser reads its letter, so it opens a private window.
  expect(refused('KeyL', { ctrlKey: true, shiftKey: true }, 'N')).toBe('Ctrl+Shift+N already opens a private window; choose another.');
  expect(refused('KeyL', { ctrlKey: true, shiftKey: true }, 'L')).toBe('accepted Ctrl+Shift+KeyL');
  // Less known: find previous, zoom in with Shift, Chrome's toolbar and feedback keys, Firefox's reader view, a Mac's
  // Command keys for back, forward, tabs and settings.
  expect(refused('KeyG', { ctrlKey: true, shiftKey: true }, 'G')).toBe('Ctrl+Shift+G already finds the previous match; choose another.');
  expect(refused('Equal', { ctrlKey: true, shiftKey: true }, '+')).toBe('Ctrl+Shift+= already zooms in; choose another.');
  expect(refused('KeyT', { altKey: true, shiftKey: true }, 'T')).toMatch(/already moves focus to the browser's toolbar/);
  expect(refused('KeyI', { altKey: true, shiftKey: true }, 'I')).toMatch(/already opens the feedback form/);
  expect(refused('F9')).toMatch(/already opens the reader view/);
  for (const [code, mods] of [['BracketLeft', { metaKey: true }], ['ArrowLeft', { metaKey: true }], ['Comma', { metaKey: true }], ['ArrowRight', { metaKey: true, altKey: true }], ['BracketRight', { metaKey: true, shiftKey: true }]] as const) {
    expect(refused(code, mods)).toMatch(/ already .+; choose another\.$/);
  }
  // Free combinations stay free.
  expect(refused('KeyJ', { ctrlKey: true, altKey: true }, 'j')).toBe('accepted Ctrl+Alt+KeyJ');
  expect(refused('KeyJ', { altKey: true, shiftKey: true })).toBe('accepted Alt+Shift+KeyJ');
});
