// Moving between highlighted terms from the keyboard: next / previous in reading order, the current term
// marked with its own highlight (or attribute, in the fallback) and brought into view.
import { rangeOf } from './hit.ts';
import type { PaintedTerm, Painter } from './painter.ts';

export class TermNavigator {
  private order: PaintedTerm[] = [];
  private index = -1;
  private current?: PaintedTerm;

  constructor(
    private painter: Painter,
    private doc: Document = document,
  ) {}

  /** Terms in document order; re-sorted only when the set of terms changed. */
  private sorted(): PaintedTerm[] {
    const terms = this.painter.terms().filter((t) => t.pieces[0].node.isConnected);
    if (terms.length !== this.order.length || terms.some((t, i) => t !== this.order[i])) {
      this.order = terms.sort((a, b) => {
        const pa = a.pieces[0];
        const pb = b.pieces[0];
        if (pa.node === pb.node) return pa.start - pb.start;
        return pa.node.compareDocumentPosition(pb.node) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
      });
    }
    return this.order;
  }

  /**
   * The terms a reader can see now. Text the page hides from sight but not from the DOM (an image-replacement
   * logo at `font-size: 0`, a closed `<details>`, text moved off the page) has no box to mark: a stop there would
   * announce a term and open a card pointing at nothing. Asked at each move, since pages show and hide text
   * (tabs, accordions); one rectangle per term after one layout, a few ms on a page of thousands.
   */
  private shown(): PaintedTerm[] {
    const view = this.doc.defaultView!;
    const { scrollX, scrollY } = view;
    return this.sorted().filter((t) => {
      const rect = rangeOf(t, this.doc).getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || rect.right + scrollX <= 0 || rect.bottom + scrollY <= 0) return false;
      const parent = t.pieces[0].node.parentElement;
      return !parent?.checkVisibility || parent.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    });
  }

  /**
   * Move by +1 or -1; from no current term, start at the first term in view (or the last, going back). `from`,
   * an element the reader moved focus to since, is where they are now: the move goes on from there.
   */
  move(step: 1 | -1, from?: Element): { term: PaintedTerm; position: number; total: number } | undefined {
    const order = this.shown();
    if (order.length === 0) return undefined;
    this.index = this.current ? order.indexOf(this.current) : -1;
    let i: number;
    if (from) {
      // The first term after the focused element (or inside it), going on; the last one before it, going back.
      const after = order.findIndex((t) => from.compareDocumentPosition(t.pieces[0].node) & (Node.DOCUMENT_POSITION_FOLLOWING | Node.DOCUMENT_POSITION_CONTAINED_BY));
      if (step === 1) i = after >= 0 ? after : 0;
      else {
        const firstAfter = after >= 0 ? after : order.length;
        i = firstAfter > 0 ? firstAfter - 1 : order.length - 1;
        // A term inside the focused element is where the reader is, not before it.
        if (from.contains(order[i].pieces[0].node) && i > 0) i -= 1;
      }
    } else if (this.index < 0) {
      const firstInView = order.findIndex((t) => rangeOf(t, this.doc).getBoundingClientRect().bottom >= 0);
      i = step === 1 ? Math.max(0, firstInView) : firstInView > 0 ? firstInView - 1 : order.length - 1;
    } else {
      i = (this.index + step + order.length) % order.length;
    }
    this.index = i;
    this.current = order[i];
    this.painter.setCurrent(this.current);
    const rect = rangeOf(this.current, this.doc).getBoundingClientRect();
    const view = this.doc.defaultView!;
    if (rect.top < 0 || rect.bottom > view.innerHeight) {
      view.scrollBy({ top: rect.top - view.innerHeight / 2, behavior: 'instant' as ScrollBehavior });
    }
    return { term: this.current, position: i + 1, total: order.length };
  }

  currentTerm(): PaintedTerm | undefined {
    return this.current?.pieces[0].node.isConnected ? this.current : undefined;
  }

  clear(): void {
    this.current = undefined;
    this.index = -1;
    this.painter.setCurrent(undefined);
  }
}

/** Input types that take no typing (any other type, or an unknown one, reads as a text field). */
const NOT_TYPED = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'image', 'file', 'range', 'color', 'hidden']);

/**
 * Keys that belong to the reader's typing, never to us. Pass the event: a field inside a web component's shadow
 * root is seen as its host from the document, so the key's real target is the first of its composed path.
 */
export function isTyping(event: Event | EventTarget | null): boolean {
  const target = event instanceof Event ? (event.composedPath()[0] ?? event.target) : event;
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof Element)) return false;
  if (el.isContentEditable) return true;
  const field = el.closest('input, textarea, [contenteditable=""], [contenteditable="true"], [contenteditable="plaintext-only"], [role="textbox"], [role="combobox"]');
  if (!field) return false;
  // A checkbox, a select or a button takes the shortcuts' keys (Alt+Shift+N) as no typing of its own.
  return !(field instanceof HTMLInputElement) || !NOT_TYPED.has(field.type);
}
