// Hover mode: open a term's card once the pointer rests on it, and keep the card while the pointer is on
// the term, on the card, or on its way between them. The card closes a moment after the pointer has left
// both, unless the reader pinned it. Timers only: no DOM of its own, so that it can be tested alone.

export interface HoverHooks<T> {
  /** The highlighted term under the point, if any (hit-testing is done only when a rest is detected). */
  termAt(x: number, y: number): T | undefined;
  /** The term's box now, in viewport coordinates. */
  rectOf(term: T): { left: number; top: number; right: number; bottom: number };
  open(term: T): void;
  close(): void;
  /** Whether a card opened another way (click, keyboard) or a pinned card is showing: hover leaves those alone. */
  holdsCard(): boolean;
}

/** How long the pointer may be off both the term and the card (crossing the gap between them) before it closes. */
export const LEAVE_GRACE_MS = 300;
/** Slack around the term's box, in px: the pointer rarely stays inside a line's exact height. */
const SLACK = 4;

export class HoverIntent<T> {
  private openTimer?: ReturnType<typeof setTimeout>;
  private leaveTimer?: ReturnType<typeof setTimeout>;
  /** The term whose card hover opened, while that card is open. */
  private shown?: T;

  constructor(
    private hooks: HoverHooks<T>,
    private delay: () => number,
  ) {}

  /** The pointer moved to (x, y); `overCard` when it is on the card itself. */
  move(x: number, y: number, overCard: boolean): void {
    clearTimeout(this.openTimer);
    if (overCard) return this.stayOpen();
    if (this.shown !== undefined && !this.hooks.holdsCard()) {
      const r = this.hooks.rectOf(this.shown);
      const onTerm = x >= r.left - SLACK && x <= r.right + SLACK && y >= r.top - SLACK && y <= r.bottom + SLACK;
      if (onTerm) return this.stayOpen();
      this.leaveTimer ??= setTimeout(() => {
        this.leaveTimer = undefined;
        this.shown = undefined;
        this.hooks.close();
      }, LEAVE_GRACE_MS);
    }
    this.openTimer = setTimeout(() => {
      if (this.hooks.holdsCard()) return;
      const term = this.hooks.termAt(x, y);
      if (term === undefined || term === this.shown) return;
      this.stayOpen();
      this.shown = term;
      this.hooks.open(term);
    }, this.delay());
  }

  /** The card closed (its button, Escape, a click elsewhere) or was replaced by one opened another way. */
  forget(): void {
    clearTimeout(this.openTimer);
    this.stayOpen();
    this.shown = undefined;
  }

  private stayOpen(): void {
    clearTimeout(this.leaveTimer);
    this.leaveTimer = undefined;
  }
}
