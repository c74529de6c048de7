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
      this.index = this.current ? this.order.indexOf(this.current) : -1;
    }
    return this.order;
  }

  /** Move by +1 or -1; from no current term, start at the first term in view (or the last, going back). */
  move(step: 1 | -1): { term: PaintedTerm; position: number; total: number } | undefined {
    const order = this.sorted();
    if (order.length === 0) return undefined;
    let i: number;
    if (this.index < 0) {
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

/** Keys that belong to the reader's typing, never to us. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !(el instanceof Element)) return false;
  return (
    el.isContentEditable ||
    el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"]') !== null
  );
}
