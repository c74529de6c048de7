import '../cleanup';
import { fireEvent, render, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { KeyboardSection } from '../../../../components/settings/KeyboardSection';
import { DEFAULT_PREFERENCES } from '../../../../lib/settings/preferences';

const setup = (toggleShortcut?: string) => {
  const props = { onChange: vi.fn(), onReset: vi.fn(), onOpenBrowserShortcuts: vi.fn() };
  render(<KeyboardSection keyboard={DEFAULT_PREFERENCES.keyboard} toggleShortcut={toggleShortcut} {...props} />);
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
