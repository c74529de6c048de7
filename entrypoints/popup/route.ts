// Where the reader is in the popup: each view's history entry remembers their place, so Back (the
// button, Escape, or the browser's own in a full tab) returns to it. The addresses: lib/views/address.ts.

/** What a view keeps in its history entry: where the reader was, and what they had chosen. */
export interface Place {
  /** How many views deep the entry is (0: the view the popup opened on). */
  depth: number;
  scrollY?: number;
  query?: string;
  /** The search result the reader opened from this view. */
  opened?: string;
  filter?: unknown;
  shown?: number;
  /** The `data-focus-key` of what had focus when the reader left (the summary or term they opened). */
  focusKey?: string;
}

export const currentPlace = (): Place => (history.state as Place | null) ?? { depth: 0 };

/** Remember something about the current view in its own history entry. */
export function rememberPlace(patch: Partial<Place>): void {
  history.replaceState({ ...currentPlace(), ...patch }, '');
}

/** Back to a view whose content is now there: where the reader had scrolled to, once (then forgotten). */
export function restoreScroll(): void {
  const y = currentPlace().scrollY;
  if (!y) return;
  window.scrollTo(0, y);
  rememberPlace({ scrollY: 0 });
}
