// Which highlighted term is under the pointer. Highlights are not elements, so there is no event target:
// ask the browser for the caret position at the point and look the text node up in the painter's index.
import type { PaintedTerm, Painter } from './painter.ts';
import { shadowRootsAt, type ShadowRootOf } from './shadow.ts';

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/** The text position at a point: the document's, or (given `shadowRootOf`) inside the web component there. */
function caretAt(doc: Document, x: number, y: number, shadowRootOf?: ShadowRootOf): { node: Node; offset: number } | undefined {
  const d = doc as CaretDoc;
  const pos = d.caretPositionFromPoint?.(x, y);
  if (pos) {
    if (pos.offsetNode.nodeType === Node.TEXT_NODE || !shadowRootOf) return { node: pos.offsetNode, offset: pos.offset };
    // The document's answer stops at a web component's host: ask again, naming the shadow roots at the point.
    const shadowRoots = shadowRootsAt(doc, x, y, shadowRootOf);
    const inner = shadowRoots.length > 0 ? d.caretPositionFromPoint?.(x, y, { shadowRoots }) : null;
    return inner ? { node: inner.offsetNode, offset: inner.offset } : { node: pos.offsetNode, offset: pos.offset };
  }
  const range = d.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

export function termAtPoint(painter: Painter, x: number, y: number, doc: Document = document, shadowRootOf?: ShadowRootOf): PaintedTerm | undefined {
  const caret = caretAt(doc, x, y, shadowRootOf);
  const node = caret?.node;
  const offset = caret?.offset ?? 0;
  if (!node || node.nodeType !== Node.TEXT_NODE) return undefined;
  const term = painter.termAt(node as Text, offset);
  // The caret snaps to the nearest character boundary: make sure the point is on the term's box.
  if (!term) return undefined;
  const rects = rangeOf(term, doc).getClientRects();
  for (const r of rects) if (x >= r.left - 1 && x <= r.right + 1 && y >= r.top - 1 && y <= r.bottom + 1) return term;
  return undefined;
}

export function rangeOf(term: PaintedTerm, doc: Document = document): Range {
  const range = doc.createRange();
  const first = term.pieces[0];
  const last = term.pieces[term.pieces.length - 1];
  // The page may have shortened the text since (a live page): offsets past its end would throw on every scroll.
  range.setStart(first.node, Math.min(first.start, first.node.length));
  range.setEnd(last.node, Math.min(last.end, last.node.length));
  return range;
}

export function termRect(term: PaintedTerm): DOMRect {
  return rangeOf(term).getBoundingClientRect();
}

/** Clicks on links, buttons and form fields are the page's, never ours. */
export function isInteractive(target: EventTarget | null): boolean {
  const el = target instanceof Element ? target : (target as Node | null)?.parentElement;
  return !!el?.closest('a[href], button, input, textarea, select, label, summary, [role="button"], [role="link"], [contenteditable=""], [contenteditable="true"]');
}

/**
 * The first highlighted term that a range (the reader's selection) starts in or covers, reading at most `limit`
 * characters of it: a selection of "Wilson disease" or of a sentence holding it looks up that term.
 */
export function termInRange(painter: Painter, range: Range, limit = 500): PaintedTerm | undefined {
  const doc = range.startContainer.ownerDocument ?? document;
  const root = range.commonAncestorContainer;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let node: Node | null = root.nodeType === Node.TEXT_NODE ? root : walker.nextNode();
  for (let read = 0; node && read < limit; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const from = node === range.startContainer ? range.startOffset : 0;
    const to = node === range.endContainer ? range.endOffset : text.data.length;
    for (let i = from; i < to && read < limit; i++, read++) {
      const term = painter.termAt(text, i);
      if (term) return term;
    }
  }
  return undefined;
}
