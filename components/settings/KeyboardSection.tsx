// Keyboard preferences: moving between a page's highlighted terms, and the browser's own shortcut for
// turning highlighting on or off (an extension command, set on the browser's shortcuts page).
import { useState } from 'preact/hooks';
import type { Preferences } from '../../lib/settings/preferences-model';
import { shortcutFromEvent, shortcutLabel } from '../../lib/settings/shortcuts';

type Action = 'next' | 'previous';
const ACTION_NAMES: Record<Action, string> = { next: 'Next term', previous: 'Previous term' };

export interface KeyboardSectionProps {
  keyboard: Preferences['keyboard'];
  /** The browser command's shortcut (our form, e.g. "Alt+Shift+KeyH"), when the reader has one set. */
  toggleShortcut?: string;
  /** The browser command's shortcut that opens the popup (the toolbar button), when set. */
  popupShortcut?: string;
  onChange(patch: Partial<Preferences['keyboard']>): void;
  onReset(): void;
  onOpenBrowserShortcuts(): void;
}

export function KeyboardSection({ keyboard, toggleShortcut, popupShortcut, onChange, onReset, onOpenBrowserShortcuts }: KeyboardSectionProps) {
  const [recording, setRecording] = useState<Action>();
  const [problem, setProblem] = useState<string>();
  /** A change made, said to screen readers (the button's new label is not re-read). */
  const [said, setSaid] = useState('');

  const record = (action: Action, e: KeyboardEvent) => {
    if (e.key === 'Tab') return setRecording(undefined); // leave the field as usual
    e.preventDefault();
    if (e.key === 'Escape') return setRecording(undefined);
    if (['Alt', 'Control', 'Shift', 'Meta', 'AltGraph'].includes(e.key)) return; // still choosing modifiers
    const result = shortcutFromEvent(e);
    if ('problem' in result) return setProblem(result.problem);
    // The extension's other shortcuts: the browser's commands act first, so ours would never fire.
    const taken: [string | undefined, string][] = [
      [action === 'next' ? keyboard.previous : keyboard.next, `moves to the ${action === 'next' ? 'previous' : 'next'} term`],
      [toggleShortcut, 'turns highlighting on or off'],
      [popupShortcut, 'opens the Evidence Lens popup'],
    ];
    const clash = taken.find(([shortcut]) => shortcut === result.shortcut);
    if (clash) return setProblem(`${shortcutLabel(result.shortcut)} already ${clash[1]}.`);
    setProblem(undefined);
    setRecording(undefined);
    setSaid(`${ACTION_NAMES[action]} is now ${shortcutLabel(result.shortcut)}.`);
    onChange({ [action]: result.shortcut });
  };

  return (
    <section aria-labelledby="keyboard-heading">
      <h2 id="keyboard-heading">Keyboard</h2>
      <label class="row">
        <input type="checkbox" checked={keyboard.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
        Move between highlighted terms from the keyboard (Enter opens the card, Escape closes it)
      </label>
      <fieldset disabled={!keyboard.enabled}>
        <legend>Shortcuts on the page</legend>
        {(['next', 'previous'] as const).map((action) => (
          <div class="row" key={action}>
            <span id={`shortcut-${action}-label`} class="shortcut-name">
              {ACTION_NAMES[action]}
            </span>
            <button
              type="button"
              class="shortcut"
              aria-labelledby={`shortcut-${action}-label shortcut-${action}`}
              id={`shortcut-${action}`}
              data-testid={`shortcut-${action}`}
              aria-pressed={recording === action}
              onClick={() => {
                setProblem(undefined);
                setRecording(recording === action ? undefined : action);
              }}
              onKeyDown={(e) => recording === action && record(action, e)}
              onBlur={() => recording === action && setRecording(undefined)}
            >
              {recording === action ? 'Press the new shortcut… (Escape cancels)' : <kbd>{shortcutLabel(keyboard[action])}</kbd>}
            </button>
          </div>
        ))}
        {problem && (
          <p role="alert" class="error">
            {problem}
          </p>
        )}
        <p class="muted">Shortcuts never act while you type in a field. Use Alt, Ctrl or Meta with a letter, digit or arrow key.</p>
        <button
          type="button"
          onClick={() => {
            setSaid('Default shortcuts restored.');
            onReset();
          }}
        >
          Restore the default shortcuts
        </button>
        <p class="visually-hidden" role="status">
          {said}
        </p>
      </fieldset>
      <p class="row">
        <span>
          Turn highlighting on or off in a tab:{' '}
          {toggleShortcut ? <kbd data-testid="toggle-shortcut">{shortcutLabel(toggleShortcut)}</kbd> : <span class="muted">no shortcut set</span>}. This one is the
          browser's: change it on its shortcuts page.
        </span>
        <button type="button" onClick={onOpenBrowserShortcuts}>
          Open the browser's shortcuts
        </button>
      </p>
    </section>
  );
}
