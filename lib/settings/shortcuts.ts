// Keyboard shortcuts as the reader sets them: modifiers and a physical key, stored as text such as
// "Alt+Shift+KeyN". The physical key (KeyboardEvent.code), not the character, because Alt and Option
// change the character a key types (Option+N is "˜" on a Mac) but not the key.
import { reservedUse } from './reserved-shortcuts.ts';

export interface Shortcut {
  alt: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  /** KeyboardEvent.code: "KeyN", "Digit3", "F7", "ArrowDown", ... */
  code: string;
}

const MODIFIERS = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;
/** Keys a shortcut may end with: letters, digits, function keys, arrows and a few punctuation keys. */
const KEY_CODE = /^(Key[A-Z]|Digit[0-9]|F([1-9]|1[0-9])|Arrow(Up|Down|Left|Right)|Comma|Period|Slash|Semicolon|Quote|BracketLeft|BracketRight|Minus|Equal|Backquote|Backslash)$/;

export function parseShortcut(text: string): Shortcut | undefined {
  const parts = text.split('+');
  const code = parts.pop() ?? '';
  const mods = new Set(parts);
  if (!KEY_CODE.test(code) || [...mods].some((m) => !MODIFIERS.includes(m as (typeof MODIFIERS)[number]))) return undefined;
  return { alt: mods.has('Alt'), ctrl: mods.has('Ctrl'), meta: mods.has('Meta'), shift: mods.has('Shift'), code };
}

function shortcutText(s: Shortcut): string {
  return [s.ctrl && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', s.meta && 'Meta', s.code].filter(Boolean).join('+');
}

/** Punctuation keys by the character they type on a US layout, as browsers' own shortcut lists name them. */
const PUNCTUATION: Record<string, string> = {
  Comma: ',', Period: '.', Slash: '/', Semicolon: ';', Quote: "'", BracketLeft: '[', BracketRight: ']',
  Minus: '-', Equal: '=', Backquote: '`', Backslash: '\\',
};

/** What the reader reads: "Alt+Shift+N", "Ctrl+Alt+3", "Ctrl+=". */
export function shortcutLabel(text: string): string {
  const s = parseShortcut(text);
  if (!s) return text;
  const key = PUNCTUATION[s.code] ?? s.code.replace(/^Key|^Digit/, '').replace(/^Arrow(.*)$/, '$1 arrow');
  return [s.ctrl && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', s.meta && 'Meta', key].filter(Boolean).join('+');
}

export function matchesShortcut(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>, s: Shortcut): boolean {
  return e.code === s.code && e.altKey === s.alt && e.ctrlKey === s.ctrl && e.metaKey === s.meta && e.shiftKey === s.shift;
}

/** The reader's two shortcuts for moving between terms, parsed once per change of the preferences. */
export interface MoveShortcuts {
  next?: Shortcut;
  previous?: Shortcut;
}

export function parseMoveShortcuts(keys: { next: string; previous: string }): MoveShortcuts {
  return { next: parseShortcut(keys.next), previous: parseShortcut(keys.previous) };
}

/** +1 for the next term's shortcut, -1 for the previous one's, 0 for any other key. */
export function moveStep(e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'>, keys: MoveShortcuts): 1 | -1 | 0 {
  return keys.next && matchesShortcut(e, keys.next) ? 1 : keys.previous && matchesShortcut(e, keys.previous) ? -1 : 0;
}

/** The shortcut a key press makes, or why it cannot be one (one sentence, for the settings page). */
export function shortcutFromEvent(
  e: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'code'> & { key?: string },
): { shortcut: string } | { problem: string } {
  if (!KEY_CODE.test(e.code)) return { problem: 'Press a letter, digit, function or arrow key together with Alt, Ctrl or Meta.' };
  const isFunctionKey = /^F\d/.test(e.code);
  // Without Alt, Ctrl or Meta the key types a character: it would fire while the reader writes.
  if (!e.altKey && !e.ctrlKey && !e.metaKey && !isFunctionKey) return { problem: 'Add Alt, Ctrl or Meta, so that the shortcut never types a character.' };
  const s: Shortcut = { alt: e.altKey, ctrl: e.ctrlKey, meta: e.metaKey, shift: e.shiftKey, code: e.code };
  const text = shortcutText(s);
  // Browsers read a Ctrl shortcut's letter by the layout (on Dvorak, Ctrl+Shift+KeyL types N: a private window).
  const typed = (e.ctrlKey || e.metaKey) && e.key && /^[a-z]$/i.test(e.key) ? shortcutText({ ...s, code: `Key${e.key.toUpperCase()}` }) : text;
  const taken = [text, typed].find((t) => reservedUse(t));
  if (taken) return { problem: `${shortcutLabel(taken)} already ${reservedUse(taken)}; choose another.` };
  return { shortcut: text };
}

/** A browser command's shortcut as `commands.getAll()` spells it ("Alt+Shift+H", "Command+Shift+H") in our form. */
export function fromCommandShortcut(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const parts = text.split('+');
  const key = parts.pop() ?? '';
  const mods = parts.map((m) => (m === 'Command' ? 'Meta' : m === 'MacCtrl' ? 'Ctrl' : m));
  const code = /^[A-Z]$/.test(key) ? `Key${key}` : /^[0-9]$/.test(key) ? `Digit${key}` : /^(Up|Down|Left|Right)$/.test(key) ? `Arrow${key}` : key;
  const s = parseShortcut([...mods, code].join('+'));
  return s && shortcutText(s);
}
