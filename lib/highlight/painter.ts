// Paint matches without touching the page's DOM: StaticRanges in one CSS Custom Highlight per category
// (a handful of Highlight objects, not one per term: Chromium invalidates highlights document-wide).
// Where the API is missing, wrap matches in <evidence-lens-mark> elements instead (text stays the same).
import { CATEGORIES, type Category } from '../dataset/types.ts';

export const HIGHLIGHT_PREFIX = 'evidence-lens-';
export const MARK_TAG = 'evidence-lens-mark';

export interface PaintedTerm {
  conceptId: string;
  category: Category;
  /** Pieces of the term, one per text node it covers. */
  pieces: { node: Text; start: number; end: number }[];
}

/** The words a painted term covers, as they stand on the page (across the inline elements it spans). */
export function termText(term: PaintedTerm): string {
  return term.pieces.map((p) => p.node.data.slice(p.start, p.end)).join('');
}

export type HighlightStyle = 'underline' | 'background';

export interface Painter {
  readonly mode: 'highlight-api' | 'wrap';
  /** Switch every highlight to another look, at once. */
  setStyle(style: HighlightStyle): void;
  add(terms: PaintedTerm[]): void;
  /**
   * Show only these categories (all when undefined). Terms of the others stay indexed but unseen: a reader who
   * turns a category back on gets its terms at once, without reading the page again.
   */
  setShown(categories: ReadonlySet<Category> | undefined): void;
  /** Forget every term painted on these nodes (they changed or left the page); returns those terms. */
  removeNodes(nodes: Iterable<Text>): PaintedTerm[];
  clear(): void;
  /** Whether a term is painted on this text node (a later scan leaves such nodes alone). */
  has(node: Text): boolean;
  /** The shown term at a text position, for clicks and keyboard navigation. */
  termAt(node: Text, offset: number): PaintedTerm | undefined;
  /** Every shown term, in the order painted. */
  terms(): PaintedTerm[];
  /** Mark the term the reader moved to from the keyboard (one at most). */
  setCurrent(term: PaintedTerm | undefined): void;
  /** Put back what the page took away (a page's `CSS.highlights.clear()`); whether anything was missing. */
  restore(): boolean;
}

export const CURRENT_HIGHLIGHT = `${HIGHLIGHT_PREFIX}current`;

/** Index of terms by the text nodes they cover, shared by both painters. */
class TermIndex {
  private byNode = new WeakMap<Text, PaintedTerm[]>();
  private all = new Set<PaintedTerm>();

  add(term: PaintedTerm) {
    this.all.add(term);
    for (const p of term.pieces) {
      const list = this.byNode.get(p.node);
      if (list) list.push(term);
      else this.byNode.set(p.node, [term]);
    }
  }

  /** Remove and return the terms touching these nodes. */
  removeNodes(nodes: Iterable<Text>): PaintedTerm[] {
    const removed = new Set<PaintedTerm>();
    for (const node of nodes) {
      for (const t of this.byNode.get(node) ?? []) removed.add(t);
      this.byNode.delete(node);
    }
    for (const t of removed) {
      this.all.delete(t);
      for (const p of t.pieces) {
        const list = this.byNode.get(p.node);
        if (list) this.byNode.set(p.node, list.filter((x) => x !== t));
      }
    }
    return [...removed];
  }

  has(node: Text): boolean {
    return (this.byNode.get(node)?.length ?? 0) > 0;
  }

  termAt(node: Text, offset: number, shown: (c: Category) => boolean): PaintedTerm | undefined {
    return this.byNode.get(node)?.find((t) => shown(t.category) && t.pieces.some((p) => p.node === node && p.start <= offset && offset <= p.end));
  }

  terms(shown: (c: Category) => boolean): PaintedTerm[] {
    return [...this.all].filter((t) => shown(t.category));
  }

  clear() {
    this.byNode = new WeakMap();
    this.all.clear();
  }
}

export function createPainter(doc: Document = document, style: HighlightStyle = 'underline'): Painter {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const css = win?.CSS as (typeof CSS & { highlights?: HighlightRegistry }) | undefined;
  if (css?.highlights && typeof win?.Highlight === 'function' && typeof win?.StaticRange === 'function') {
    return new HighlightApiPainter(css.highlights, win, style);
  }
  return new WrapPainter(doc);
}

/** The registry name of a category's highlight in a style (the page stylesheet styles each name). */
export const highlightName = (style: HighlightStyle, category: Category) => `${HIGHLIGHT_PREFIX}${style}-${category}`;

class HighlightApiPainter implements Painter {
  readonly mode = 'highlight-api' as const;
  private index = new TermIndex();
  private ranges = new WeakMap<PaintedTerm, StaticRange[]>();
  private highlights = new Map<Category, Highlight>();
  private current?: PaintedTerm;
  private hidden = new Set<Category>();
  private readonly shown = (c: Category) => !this.hidden.has(c);

  constructor(
    private registry: HighlightRegistry,
    private win: Window & typeof globalThis,
    private style: HighlightStyle,
  ) {}

  /** A category's highlight, registered (painted) only while its category is shown. */
  private highlight(category: Category): Highlight {
    let h = this.highlights.get(category);
    if (!h) {
      h = new this.win.Highlight();
      this.highlights.set(category, h);
      if (this.shown(category)) this.registry.set(highlightName(this.style, category), h);
    }
    return h;
  }

  setShown(categories: ReadonlySet<Category> | undefined): void {
    this.hidden = new Set(CATEGORIES.filter((c) => categories && !categories.has(c)));
    for (const [category, h] of this.highlights) {
      if (this.shown(category)) this.registry.set(highlightName(this.style, category), h);
      else this.registry.delete(highlightName(this.style, category));
    }
    if (this.current && !this.shown(this.current.category)) this.setCurrent(undefined);
  }

  setCurrent(term: PaintedTerm | undefined): void {
    this.current = term;
    const current = new this.win.Highlight();
    // Drawn over the category highlights.
    current.priority = 1;
    for (const r of term ? (this.ranges.get(term) ?? []) : []) current.add(r);
    if (term) this.registry.set(CURRENT_HIGHLIGHT, current);
    else this.registry.delete(CURRENT_HIGHLIGHT);
  }

  restore(): boolean {
    let missing = false;
    for (const [category, h] of this.highlights) {
      const name = highlightName(this.style, category);
      if (this.shown(category) && this.registry.get(name) !== h) {
        this.registry.set(name, h);
        missing = true;
      }
    }
    if (this.current && !this.registry.has(CURRENT_HIGHLIGHT)) {
      this.setCurrent(this.current);
      missing = true;
    }
    return missing;
  }

  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    for (const [category, h] of this.highlights) {
      this.registry.delete(highlightName(this.style, category));
      if (this.shown(category)) this.registry.set(highlightName(style, category), h);
    }
    this.style = style;
  }

  add(terms: PaintedTerm[]): void {
    for (const term of terms) {
      const first = term.pieces[0];
      const last = term.pieces[term.pieces.length - 1];
      // One range per term, across the inline elements it spans.
      const range = new this.win.StaticRange({
        startContainer: first.node,
        startOffset: first.start,
        endContainer: last.node,
        endOffset: last.end,
      });
      this.ranges.set(term, [range]);
      this.highlight(term.category).add(range);
      this.index.add(term);
    }
  }

  removeNodes(nodes: Iterable<Text>): PaintedTerm[] {
    const removed = this.index.removeNodes(nodes);
    for (const term of removed) {
      for (const r of this.ranges.get(term) ?? []) this.highlights.get(term.category)?.delete(r);
      // The current term's own highlight would hold its removed nodes (and the subtree they left with).
      if (term === this.current) this.setCurrent(undefined);
    }
    return removed;
  }

  clear(): void {
    for (const category of this.highlights.keys()) this.registry.delete(highlightName(this.style, category));
    this.current = undefined;
    this.registry.delete(CURRENT_HIGHLIGHT);
    this.highlights.clear();
    this.index.clear();
  }

  has(node: Text): boolean {
    return this.index.has(node);
  }

  termAt(node: Text, offset: number) {
    return this.index.termAt(node, offset, this.shown);
  }

  terms() {
    return this.index.terms(this.shown);
  }
}

/** The fallback: split text nodes and wrap each piece. Changes the DOM, never the text. */
class WrapPainter implements Painter {
  readonly mode = 'wrap' as const;
  private index = new TermIndex();
  private marks = new Set<HTMLElement>();
  private hidden = new Set<Category>();
  private readonly shown = (c: Category) => !this.hidden.has(c);
  /**
   * What is left of a node after its last term so far, by the node as the walk read it, with where it starts in
   * that node: a later paint (the next slice of a long paragraph) has its terms' offsets in the node as read, and
   * they lie after every term painted before (terms come in reading order), so in that rest.
   */
  private rests = new WeakMap<Text, { node: Text; at: number }>();

  constructor(private doc: Document) {}

  /**
   * The node now holding [start, end) of `node` as it was read, and the offsets there: the node itself, or the rest
   * left by an earlier paint (as it was before this one: splitting at later terms first leaves its start in place).
   */
  private holder(node: Text, rest: { node: Text; at: number } | undefined, start: number, end: number) {
    if (end <= node.data.length) return { node, start, end };
    if (!rest || rest.at > start || end - rest.at > rest.node.data.length) return undefined;
    return { node: rest.node, start: start - rest.at, end: end - rest.at };
  }

  setShown(categories: ReadonlySet<Category> | undefined): void {
    this.hidden = new Set(CATEGORIES.filter((c) => categories && !categories.has(c)));
    // A hidden mark keeps wrapping its text (unwrapping would change the page twice) but has no look.
    for (const mark of this.marks) mark.toggleAttribute('data-hidden', !this.shown(mark.dataset.category as Category));
  }

  setStyle(): void {
    // The fallback has one look.
  }

  restore(): boolean {
    return false; // marks taken out of the page are text that changed: the observer reads it again
  }

  setCurrent(term: PaintedTerm | undefined): void {
    for (const mark of this.marks) mark.toggleAttribute('data-current', false);
    for (const p of term?.pieces ?? []) p.node.parentElement?.closest(MARK_TAG)?.toggleAttribute('data-current', true);
  }

  add(terms: PaintedTerm[]): void {
    // Later pieces first within each node, so that earlier offsets stay valid while splitting (grouped first: a
    // comparator that only orders pieces of one node is no order, and sort may leave them as they came).
    const byNode = new Map<Text, { term: PaintedTerm; index: number; start: number; end: number }[]>();
    for (const term of terms) {
      term.pieces.forEach(({ node, start, end }, index) => {
        const list = byNode.get(node);
        if (list) list.push({ term, index, start, end });
        else byNode.set(node, [{ term, index, start, end }]);
      });
    }
    for (const [read, pieces] of byNode) {
      pieces.sort((a, b) => b.start - a.start);
      const rest = this.rests.get(read);
      for (const piece of pieces) {
        const { term, index } = piece;
        const at = this.holder(read, rest, piece.start, piece.end);
        if (!at || !at.node.parentNode) continue;
        const { node, start, end } = at;
        const base = piece.start - start; // where `node` starts in the node as read
        const tail = node.splitText(end);
        if (base + end > (this.rests.get(read)?.at ?? -1)) this.rests.set(read, { node: tail, at: base + end });
        const middle = node.splitText(start);
        const mark = this.doc.createElement(MARK_TAG);
        mark.dataset.category = term.category;
        mark.dataset.concept = term.conceptId;
        if (!this.shown(term.category)) mark.toggleAttribute('data-hidden', true);
        middle.replaceWith(mark);
        mark.append(middle);
        this.marks.add(mark);
        // The term now lies in the node split off for it: its old offsets point past the end of what is left.
        term.pieces[index] = { node: middle, start: 0, end: middle.data.length };
      }
    }
    for (const t of terms) this.index.add(t);
  }

  removeNodes(nodes: Iterable<Text>): PaintedTerm[] {
    const list = [...nodes];
    // Marks that left the page with these nodes: holding them would keep every replaced article alive.
    for (const node of list) {
      const mark = node.parentElement;
      if (mark?.localName === MARK_TAG && !mark.isConnected) this.marks.delete(mark);
    }
    return this.index.removeNodes(list);
  }

  clear(): void {
    for (const mark of this.marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      mark.replaceWith(...mark.childNodes);
      parent.normalize();
    }
    this.marks.clear();
    this.index.clear();
  }

  has(node: Text): boolean {
    return this.index.has(node);
  }

  termAt(node: Text, offset: number) {
    const mark = node.parentElement?.closest(MARK_TAG) as HTMLElement | null;
    if (!mark) return this.index.termAt(node, offset, this.shown);
    const category = mark.dataset.category as Category;
    if (!this.shown(category)) return undefined;
    return { conceptId: mark.dataset.concept!, category, pieces: [{ node, start: 0, end: node.data.length }] };
  }

  terms() {
    return this.index.terms(this.shown);
  }
}
