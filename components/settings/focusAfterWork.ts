// Where focus goes when a dataset action ends. While it runs, the control that started it is disabled, and Cancel,
// if the reader used it, goes away when it ends: the browser drops focus to <body>, and a keyboard reader would
// start again from the top of the page. Focus goes back to that control once it is enabled again, else to the
// action's outcome (focusable, tabIndex -1).
import type { RefObject } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

const usable = (el: Element | null): el is HTMLElement =>
  el instanceof HTMLElement && el.isConnected && !(el as HTMLButtonElement).disabled && el !== document.body;

/**
 * `busy`: an action runs; `ended`: changes when one ends (its outcome), so that one too quick to disable anything
 * is let go. Returns the call that names the control starting an action.
 */
export function useFocusAfterWork(busy: boolean, ended: unknown, outcome: RefObject<HTMLElement>): (control: HTMLElement | null) => void {
  const started = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (busy || !started.current) return;
    const control = started.current;
    started.current = null;
    // Focus kept somewhere (the URL field, another section) stays where the reader left it.
    if (usable(document.activeElement)) return;
    (usable(control) ? control : outcome.current)?.focus();
  }, [busy, ended]);
  return (control) => {
    started.current = control;
  };
}
