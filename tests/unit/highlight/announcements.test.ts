import { describe, expect, test } from 'vitest';
import { cardOpenedSentence, highlightedSentence, movedSentence, offReason } from '../../../lib/highlight/announcements';
import { moveStep, parseMoveShortcuts } from '../../../lib/settings/shortcuts';

describe('what a screen-reader user hears', () => {
  test('the first pass counts terms and the places they occur, and names the shortcut when the keyboard is on', () => {
    expect(highlightedSentence([{ count: 3 }, { count: 1 }], 'Alt+Shift+N')).toBe('2 medical terms highlighted, in 4 places. Alt+Shift+N moves to the next one.');
    expect(highlightedSentence([{ count: 1 }])).toBe('1 medical term highlighted.');
  });

  test('a move names the words, their kind and their place', () => {
    expect(movedSentence('Asthma', 'disease', 3, 14)).toBe('Asthma, disease, 3 of 14. Enter opens its card.');
    expect(movedSentence('CT', 'procedure', 1, 2)).toBe('CT, procedure or test, 1 of 2. Enter opens its card.');
  });

  test('a shortcut that moves nothing says why, the tab toggle first', () => {
    const on = { toggledOff: false, enabledInSettings: true, wantedHere: true };
    expect(offReason(on)).toBe('No medical terms highlighted on this page yet.');
    expect(offReason({ ...on, wantedHere: false })).toBe('Highlighting is paused on this site.');
    expect(offReason({ ...on, enabledInSettings: false, wantedHere: false })).toBe('Highlighting is off in the settings.');
    expect(offReason({ toggledOff: true, enabledInSettings: false, wantedHere: false })).toMatch(/^Highlighting is off in this tab/);
  });

  test('a card says what it opened on, and when the words name nothing', () => {
    expect(cardOpenedSentence('Asthma', true)).toBe('Card opened: Asthma.');
    expect(cardOpenedSentence('the heart of it', false)).toBe('Card opened: the heart of it. No term in the dataset by this name.');
  });
});

test('the two move shortcuts: +1, -1, or 0 for any other key', () => {
  const keys = parseMoveShortcuts({ next: 'Alt+Shift+KeyN', previous: 'Alt+Shift+KeyP' });
  const press = (code: string, mods: Partial<KeyboardEvent> = { altKey: true, shiftKey: true }) => ({ altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods, code });
  expect(moveStep(press('KeyN'), keys)).toBe(1);
  expect(moveStep(press('KeyP'), keys)).toBe(-1);
  expect(moveStep(press('KeyN', { altKey: true }), keys)).toBe(0);
  expect(moveStep(press('KeyN'), parseMoveShortcuts({ next: 'not a shortcut', previous: 'Alt+Shift+KeyP' }))).toBe(0);
});
