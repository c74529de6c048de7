import '../cleanup';
import { fireEvent, render, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { KeyboardSection } from '../../../../components/settings/KeyboardSection';
import { DEFAULT_PREFERENCES } from '../../../../lib/settings/preferences';

const setup = (toggleShortcut?: string, popupShortcut?: string) => {
  const props = { onChange: vi.fn(), onReset: vi.fn(), onOpenBrowserShortcuts: vi.fn() };
  render(<KeyboardSection keyboard={DEFAULT_PREFERENCES.keyboard} toggleShortcut={toggleShortcut} popupShortcut={popupShortcut} {...props} />);
  return props;
};

test('the shortcuts read as keys; a new one is recorded from a key press', () => {
  const { onChange } = setup('Alt+Shift+KeyH');
  const next = screen.getByTestId('shortcut-next');
  expect(next.textContent).toBe('Alt+Shift+N');
  expect(screen.getByTestId('toggle-shortcut').textContent).toBe('Alt+Shift+H');
  fireEvent.click(next);
  expect(next.getAttribute('aria-pressed')).toBe('true');
  fireEvent.keyDown(next, { key: 'Alt', code: 'AltLeft', altKey: true }); // modifiers alone: still choosing
  expect(onChange).not.toHaveBeenCalled();
  fireEvent.keyDown(next, { key: 'j', code: 'KeyJ', altKey: true });
  expect(onChange).toHaveBeenCalledWith({ next: 'Alt+KeyJ' });
  // Said, since a screen reader does not read the button's new label again.
  expect(screen.getByRole('status').textContent).toBe('Next term is now Alt+J.');
  fireEvent.click(screen.getByRole('button', { name: 'Restore the default shortcuts' }));
  expect(screen.getByRole('status').textContent).toBe('Default shortcuts restored.');
});

test('a shortcut already taken, by the other action or the browser command, is refused with the reason', () => {
  const { onChange } = setup('Alt+Shift+KeyH');
  const next = screen.getByTestId('shortcut-next');
  fireEvent.click(next);
  fireEvent.keyDown(next, { key: 'P', code: 'KeyP', altKey: true, shiftKey: true });
  expect(screen.getByRole('alert').textContent).toBe('Alt+Shift+P already moves to the previous term.');
  fireEvent.keyDown(next, { key: 'H', code: 'KeyH', altKey: true, shiftKey: true });
  expect(screen.getByRole('alert').textContent).toBe('Alt+Shift+H already turns highlighting on or off.');
  fireEvent.keyDown(next, { key: 'Escape', code: 'Escape' });
  expect(next.getAttribute('aria-pressed')).toBe('false');
  expect(onChange).not.toHaveBeenCalled();
});

test("the popup's command, the browser's keys and the page's editing keys are refused, and the previous shortcut stays", () => {
  const { onChange } = setup('Alt+Shift+KeyH', 'Alt+Shift+KeyE');
  const next = screen.getByTestId('shortcut-next');
  fireEvent.click(next);
  fireEvent.keyDown(next, { key: 'E', code: 'KeyE', altKey: true, shiftKey: true });
  expect(screen.getByRole('alert').textContent).toBe('Alt+Shift+E already opens the Evidence Lens popup.');
  fireEvent.keyDown(next, { key: 'c', code: 'KeyC', ctrlKey: true });
  expect(screen.getByRole('alert').textContent).toBe('Ctrl+C already copies; choose another.');
  fireEvent.keyDown(next, { key: 'F11', code: 'F11' });
  expect(screen.getByRole('alert').textContent).toBe('F11 already turns full screen on or off; choose another.');
  fireEvent.keyDown(next, { key: 'n', code: 'KeyN' });
  expect(screen.getByRole('alert').textContent).toBe('Add Alt, Ctrl or Meta, so that the shortcut never types a character.');
  // Still recording, and nothing changed: leaving shows the shortcut as it was.
  expect(next.getAttribute('aria-pressed')).toBe('true');
  fireEvent.keyDown(next, { key: 'Escape', code: 'Escape' });
  expect(onChange).not.toHaveBeenCalled();
  expect(next.textContent).toBe('Alt+Shift+N');
});

test('turning the shortcuts off, restoring them, and the browser shortcuts page', () => {
  const { onChange, onReset, onOpenBrowserShortcuts } = setup();
  fireEvent.click(screen.getByLabelText(/Move between highlighted terms/));
  expect(onChange).toHaveBeenCalledWith({ enabled: false });
  fireEvent.click(screen.getByText('Restore the default shortcuts'));
  expect(onReset).toHaveBeenCalled();
  expect(screen.getByText('no shortcut set')).toBeTruthy();
  fireEvent.click(screen.getByText("Open the browser's shortcuts"));
  expect(onOpenBrowserShortcuts).toHaveBeenCalled();
});
