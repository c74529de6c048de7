// Shortcuts the browser or every page already answers, with what they do: a reader who gave one to Evidence Lens
// would lose copying, finding in the page or closing a tab (or never see the shortcut act, when the browser keeps
// the key). Stored in our form ("Ctrl+KeyC", see shortcuts.ts); Command on a Mac does what Ctrl does elsewhere.

/** With Ctrl (or Command): editing, the page, tabs and windows. */
const WITH_CTRL: Record<string, string> = {
  KeyA: 'selects everything',
  KeyC: 'copies',
  KeyV: 'pastes',
  KeyX: 'cuts',
  KeyZ: 'undoes',
  KeyY: 'redoes',
  KeyF: 'finds in the page',
  KeyG: 'finds the next match',
  KeyP: 'prints',
  KeyS: 'saves the page',
  KeyO: 'opens a file',
  KeyU: 'shows the page source',
  KeyT: 'opens a new tab',
  KeyW: 'closes the tab',
  KeyN: 'opens a new window',
  KeyQ: 'quits the browser',
  KeyR: 'reloads the page',
  KeyL: 'goes to the address bar',
  KeyK: 'searches the web',
  KeyE: 'searches the web',
  KeyD: 'bookmarks the page',
  KeyB: 'shows the bookmarks',
  KeyH: 'shows the history',
  KeyJ: 'shows the downloads',
  KeyI: 'shows the page info',
  KeyM: 'mutes the tab',
  Digit0: 'resets the zoom',
  Minus: 'zooms out',
  Equal: 'zooms in',
  F4: 'closes the tab',
  F5: 'reloads the page',
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`Digit${n}`, 'goes to another tab'])),
};

/** With Ctrl+Shift (or Command+Shift). */
const WITH_CTRL_SHIFT: Record<string, string> = {
  KeyT: 'reopens the closed tab',
  KeyN: 'opens a private window',
  KeyP: 'opens a private window',
  KeyW: 'closes the window',
  KeyQ: 'quits the browser',
  KeyR: 'reloads the page',
  KeyV: 'pastes as plain text',
  KeyZ: 'redoes',
  KeyA: 'lists the tabs or add-ons',
  KeyB: 'shows the bookmarks bar',
  KeyO: 'opens the bookmarks',
  KeyH: 'shows the history',
  KeyY: 'shows the downloads',
  KeyI: 'opens the developer tools',
  KeyJ: 'opens the developer tools',
  KeyC: 'opens the developer tools',
  KeyK: 'opens the developer tools',
  KeyE: 'opens the developer tools',
  KeyM: 'switches the browser profile',
  KeyG: 'finds the previous match',
  Equal: 'zooms in',
};

/** Without Ctrl or Command. */
const OTHERS: Record<string, string> = {
  F1: 'opens the browser help',
  F3: 'finds the next match',
  F5: 'reloads the page',
  F6: 'goes to the address bar',
  F7: 'turns caret browsing on',
  F10: 'opens the browser menu',
  F11: 'turns full screen on or off',
  F12: 'opens the developer tools',
  'Shift+F3': 'finds the previous match',
  'Shift+F5': 'reloads the page',
  'Shift+F10': 'opens the context menu',
  'Alt+F4': 'closes the window',
  'Alt+ArrowLeft': 'goes back',
  'Alt+ArrowRight': 'goes forward',
  'Alt+KeyD': 'goes to the address bar',
  'Alt+KeyE': 'opens the browser menu',
  'Alt+KeyF': 'opens the browser menu',
  'Alt+Meta+KeyI': 'opens the developer tools',
  'Alt+Meta+KeyJ': 'opens the developer tools',
  'Alt+Meta+KeyC': 'opens the developer tools',
  F9: 'opens the reader view (Firefox)',
  'Alt+Shift+KeyT': "moves focus to the browser's toolbar (Chrome)",
  'Alt+Shift+KeyI': 'opens the feedback form (Chrome)',
  // Command on a Mac: back and forward, tabs, the browser's settings.
  'Meta+BracketLeft': 'goes back',
  'Meta+BracketRight': 'goes forward',
  'Meta+ArrowLeft': 'goes back',
  'Meta+ArrowRight': 'goes forward',
  'Meta+Comma': "opens the browser's settings",
  'Alt+Meta+ArrowLeft': 'goes to another tab',
  'Alt+Meta+ArrowRight': 'goes to another tab',
  'Shift+Meta+BracketLeft': 'goes to another tab',
  'Shift+Meta+BracketRight': 'goes to another tab',
  ...Object.fromEntries([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`Alt+Digit${n}`, 'goes to another tab'])),
};

const RESERVED = new Map<string, string>([
  ...Object.entries(OTHERS),
  ...Object.entries(WITH_CTRL).flatMap(([code, does]) => [[`Ctrl+${code}`, does] as const, [`Meta+${code}`, does] as const]),
  ...Object.entries(WITH_CTRL_SHIFT).flatMap(([code, does]) => [[`Ctrl+Shift+${code}`, does] as const, [`Shift+Meta+${code}`, does] as const]),
]);

/** What the browser or the page does with this shortcut (our form), or undefined when it is free. */
export function reservedUse(shortcut: string): string | undefined {
  return RESERVED.get(shortcut);
}
