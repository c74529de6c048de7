// Collect a page's readable text as blocks: the text nodes under one block-level element, concatenated, so
// that a term split by inline markup ("<i>Wilson</i> disease") is one string for the matcher, and every
// offset in it maps back to a (text node, offset) pair.
import { composedParent, type ShadowRootOf } from './shadow.ts';

/** Elements (by localName) whose text is not prose a reader reads, or is not ours to mark. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'button', 'template', 'svg', 'math',
  'code', 'pre', 'kbd', 'samp', 'iframe', 'object', 'canvas', 'video', 'audio', 'head', 'title',
  // A ruby annotation (a reading aid over its base text) would run into the word it annotates.
  'rt', 'rp',
  'evidence-lens-card', 'evidence-lens-mark',
]);

/** Elements that start a new block of text (no CSS lookups: computed style is too slow to ask per node). `br` ends one too. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup',
  'html', 'li', 'main', 'nav', 'ol', 'p', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr',
  'ul', 'legend', 'center',
]);

export interface TextBlock {
  /** The block's text nodes in document order. */
  nodes: Text[];
  /** Where each node's text starts in `text`. */
  starts: number[];
  text: string;
  /**
   * Where a node is read in runs (the invisible characters inside a word left out, "dia\u00ADbetes"): for each
   * entry, the run's offset in its node, or -1 for a node read whole. Absent when every node is read whole.
   */
  bases?: number[];
}

/**
 * Characters that show nothing and join a word's parts (soft hyphen, zero-width space and joiners, word joiner,
 * BOM): a page that hyphenates "dia&shy;betes" means diabetes, so they are left out of the text matched.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const INVISIBLE_RUNS = new RegExp(`${INVISIBLE.source}+`, 'g');

/** Attributes that take an element's whole subtree out of the walk (their values are checked in `ruledOut`). */
const SKIP_ATTRIBUTES = '[hidden],[aria-hidden],[contenteditable]';

/** Whether an element carrying SKIP_ATTRIBUTES is hidden or editable (children of an editable go with it). */
function ruledOut(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden')?.toLowerCase() === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Parts of an article that are not its prose: reference lists (PMC, Wikipedia, journals, ARIA's
 * doc-bibliography) and author affiliations. Highlighted, their journal titles, author names and departments
 * ("British Journal of Cancer", "Chin WW", "Department of Medicine") were a quarter of an article's terms.
 */
const NOT_PROSE =
  '[role="doc-bibliography"],#references,#reference-list,.references,.reflist,.ref-list,.bibliography,.affiliations,.affiliation,.affs,.aff';

/** Headings of a reference list where the page marks it no other way. */
const REFERENCES_HEADING = /^\s*(references?|bibliography|literature cited|works cited|reference list)\s*$/i;

/**
 * The reference lists and affiliations under `root` (see NOT_PROSE): elements so marked, and under a heading
 * named "References", its section, or the lists that follow it up to the next heading.
 */
function notProse(root: ParentNode): Element[] {
  const out = [...root.querySelectorAll(NOT_PROSE)];
  for (const h of root.querySelectorAll('h1,h2,h3,h4')) {
    if (!REFERENCES_HEADING.test(h.textContent ?? '')) continue;
    const parent = h.parentElement;
    if (parent && parent.localName === 'section' && parent.firstElementChild === h) {
      out.push(parent);
      continue;
    }
    // A flat page: the heading and the lists right after it ("<h2>References</h2><ol>…</ol>"), no further: prose
    // after a references heading stays the page's.
    out.push(h);
    for (let el = h.nextElementSibling; el && isList(el); el = el.nextElementSibling) out.push(el);
  }
  return out;
}

/** A list, or a block that opens with one (a reference list in its wrapper). */
function isList(el: Element): boolean {
  const first = el.localName === 'div' || el.localName === 'section' ? el.firstElementChild : el;
  return first !== null && (first.localName === 'ol' || first.localName === 'ul' || first.localName === 'dl');
}

/** Whether `node` lies in a region the walk leaves out (itself included), a web component's host's region too. */
export function insideSkipped(node: Node): boolean {
  for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : composedParent(node); el; el = composedParent(el)) {
    if (SKIP.has(el.localName) || ruledOut(el) || el.matches(NOT_PROSE)) return true;
  }
  return false;
}

/** Whether a text is only white space (the characters `\s` matches); a loop, as it is asked of every text node. */
export function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13) || c === 160) continue;
    if (c < 0x1680) return false;
    if (c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff) continue;
    return false;
  }
  return true;
}

/** The last node in document order inside `node` (itself when it has no children). */
function lastInside(node: Node): Node {
  for (let child = node.lastChild; child; child = child.lastChild) node = child;
  return node;
}

export interface WalkOptions {
  /** Read text node by node: false leaves a node out (already painted). */
  accept?: (node: Text) => boolean;
  /** Where web components' text is read: each element's shadow root, if any (none read when absent). */
  shadowRootOf?: ShadowRootOf;
  /** Told of each shadow root the walk enters (to follow its changes: an observer of the page does not see them). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/**
 * A resumable walk over the text under `root`: `next(deadline)` returns the blocks completed before the
 * deadline (performance.now() milliseconds), so the caller can yield to the page between slices.
 *
 * The walk is most of a highlight pass, and the bare TreeWalker over text nodes is the floor it is measured
 * against, so it costs one TreeWalker step and one `parentNode` per node and nothing else per node: elements
 * and text come in one walk; a stack of open elements tells when a block ends; skipped subtrees are jumped
 * over whole (script and style text is never read); and the rare hidden or editable regions are found up
 * front with one selector query, because reading three attributes of every element costs more than the walk.
 * A web component's shadow root is walked after the tree it is found in, as blocks of its own.
 */
export class TextWalker {
  private walker?: TreeWalker;
  /** The open elements from the root down to the last node's parent, and which of them are blocks. */
  private open: Node[] = [];
  private openBlock: boolean[] = [];
  private ruled = new Set<Element>();
  /** Shadow roots found and not yet walked. */
  private shadows: ShadowRoot[] = [];
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private bases?: number[];
  private length = 0;
  /** Whether the block being read has a text node that is not only white space (each such node reads as ' '). */
  private hasText = false;
  /**
   * A node was left out (`accept`) since the block's last text: the text after it is another block, or the words
   * on either side of a painted term would read as one ("Chronic <i>Helicobacter</i> gastritis" as "Chronic gastritis").
   */
  private gap = false;
  /** Where the blocks completed in the current `next` go. */
  private out: TextBlock[] = [];
  /** Set when the walk is over one text node (a TreeWalker never returns its own root). */
  private only?: Text;
  private accept?: (node: Text) => boolean;
  private shadowRootOf?: ShadowRootOf;
  private onShadowRoot?: (root: ShadowRoot) => void;
  done = false;
  /**
   * Roots whose walk lost its place: the page removed the node it had stopped at between two slices, so where it
   * was is unknown. The rest of such a root is not read by this walk; the caller reads the root again.
   */
  lost: Node[] = [];

  constructor(root: Node, options: WalkOptions | ((node: Text) => boolean) = {}) {
    const { accept, shadowRootOf, onShadowRoot } = typeof options === 'function' ? { accept: options } : options;
    this.accept = accept;
    this.shadowRootOf = shadowRootOf;
    this.onShadowRoot = onShadowRoot;
    if (root.nodeType === Node.DOCUMENT_NODE) root = (root as Document).body ?? (root as Document).documentElement;
    if (!root || insideSkipped(root)) {
      this.done = true;
      return;
    }
    if (root.nodeType === Node.TEXT_NODE) {
      this.only = root as Text;
      return;
    }
    this.start(root);
    // A root that is a host itself (a component added to the page) has its shadow root read too.
    if (shadowRootOf && root.nodeType === Node.ELEMENT_NODE) this.found(root as Element);
  }

  /** Walk the tree under `root` next (the page's, or a shadow root's). */
  private start(root: Node): void {
    const doc = root.ownerDocument!;
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    this.open = [root];
    this.openBlock = [true];
    this.ruled.clear();
    if ('querySelectorAll' in root) {
      for (const el of (root as ParentNode).querySelectorAll(SKIP_ATTRIBUTES)) if (ruledOut(el)) this.ruled.add(el);
      for (const el of notProse(root as ParentNode)) this.ruled.add(el);
    }
    if (root.nodeType === Node.DOCUMENT_FRAGMENT_NODE) this.onShadowRoot?.(root as ShadowRoot);
  }

  /** Note the shadow root of an element the walk reads, if it has one. */
  private found(el: Element): void {
    const shadow = this.shadowRootOf!(el);
    if (shadow) this.shadows.push(shadow);
  }

  next(deadline: number, now: () => number = () => performance.now()): TextBlock[] {
    const out: TextBlock[] = (this.out = []);
    if (this.walker && this.walker.currentNode !== this.walker.root && !this.walker.currentNode.isConnected) {
      // A TreeWalker on a removed node finds nothing more: without this the rest of the page would be left unread.
      if (this.walker.root.isConnected) this.lost.push(this.walker.root);
      this.walker.currentNode = lastInside(this.walker.root);
    }
    if (this.only) {
      this.text(this.only);
      this.only = undefined;
      this.done = true;
    }
    let { walker, open, openBlock, ruled } = this;
    const withShadows = this.shadowRootOf !== undefined;
    let top = open[open.length - 1];
    let n = 0;
    while (!this.done && walker) {
      // Check the clock every 64 nodes: reading it costs more than a node.
      if ((++n & 63) === 0 && now() > deadline) return out;
      const node = walker.nextNode();
      if (!node) {
        this.flush(out);
        const shadow = this.shadows.shift();
        if (!shadow) {
          this.done = true;
          break;
        }
        this.start(shadow);
        ({ walker, open, openBlock, ruled } = this);
        top = shadow;
        continue;
      }
      // Close the elements this node is not inside; a block that closes ends the current text block.
      const parent = node.parentNode;
      while (top !== parent && open.length > 1) {
        open.pop();
        if (openBlock.pop()) this.flush(out);
        top = open[open.length - 1];
      }
      if (node.nodeType === Node.TEXT_NODE) {
        this.text(node as Text);
        continue;
      }
      const el = node as Element;
      const name = el.localName;
      if (SKIP.has(name) || (ruled.size > 0 && ruled.has(el))) {
        walker.currentNode = lastInside(el);
        continue;
      }
      if (withShadows) this.found(el);
      const block = BLOCK.has(name);
      if (block || name === 'br') this.flush(out);
      open.push(el);
      openBlock.push(block);
      top = el;
    }
    this.flush(out);
    return out;
  }

  private text(node: Text): void {
    const value = node.data;
    if (this.accept && !this.accept(node)) {
      this.gap = true;
      return;
    }
    if (this.gap) {
      this.flush(this.out);
      this.gap = false;
    }
    // White space between inline elements separates words ("<b>Wilson</b> <i>disease</i>"), so it counts, as
    // one space: that is all the matcher needs, and a page's indentation (wikipedia-2's doubled the text read)
    // is not sent and matched. Before a block's first text it separates nothing; a block of it is no block.
    const blank = isBlank(value);
    if (blank && !this.hasText) return;
    if (!blank) this.hasText = true;
    if (!blank && INVISIBLE.test(value)) return this.runs(node, value);
    const text = blank ? ' ' : value;
    this.nodes.push(node);
    this.starts.push(this.length);
    this.bases?.push(-1);
    this.parts.push(text);
    this.length += text.length;
  }

  /** A node with invisible characters inside its words, read as the runs between them. */
  private runs(node: Text, value: string): void {
    const bases = (this.bases ??= this.nodes.map(() => -1));
    let from = 0;
    for (const m of value.matchAll(INVISIBLE_RUNS)) {
      this.run(node, value, from, m.index, bases);
      from = m.index + m[0].length;
    }
    this.run(node, value, from, value.length, bases);
  }

  private run(node: Text, value: string, from: number, to: number, bases: number[]): void {
    if (to <= from) return;
    this.nodes.push(node);
    this.starts.push(this.length);
    bases.push(from);
    this.parts.push(value.slice(from, to));
    this.length += to - from;
  }

  private flush(out: TextBlock[]): void {
    if (this.nodes.length === 0) return;
    if (this.hasText) out.push({ nodes: this.nodes, starts: this.starts, text: this.parts.join(''), ...(this.bases ? { bases: this.bases } : {}) });
    this.nodes = [];
    this.starts = [];
    this.bases = undefined;
    this.parts = [];
    this.length = 0;
    this.hasText = false;
    this.gap = false;
  }
}

/**
 * A block longer than `max` characters (a transcript or a log pasted into one paragraph) as pieces of at most
 * `max`, each cut after a sentence or at a space in its second half, so that a request stays within what the
 * background takes and a term is seldom cut. A piece keeps the nodes it overlaps; the first may start before it
 * (a negative start), which `locate` maps all the same.
 */
export function splitBlock(block: TextBlock, max: number): TextBlock[] {
  const { text, nodes, starts } = block;
  if (text.length <= max) return [block];
  const pieces: TextBlock[] = [];
  let first = 0; // the first node that overlaps the piece
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + max);
    if (to < text.length) {
      const half = from + (max >> 1);
      const sentence = text.lastIndexOf('. ', to - 2);
      const space = text.lastIndexOf(' ', to - 1);
      if (sentence >= half) to = sentence + 2;
      else if (space >= half) to = space + 1;
    }
    while (first + 1 < starts.length && starts[first + 1] <= from) first++;
    let last = first;
    while (last + 1 < starts.length && starts[last + 1] < to) last++;
    pieces.push({
      nodes: nodes.slice(first, last + 1),
      starts: starts.slice(first, last + 1).map((s) => s - from),
      text: text.slice(from, to),
      ...(block.bases ? { bases: block.bases.slice(first, last + 1) } : {}),
    });
    from = to;
  }
  return pieces;
}

/** The (node, offset) of a block offset; an offset at a node boundary belongs to the later node for starts. */
export function locate(block: TextBlock, offset: number, isEnd: boolean): { node: Text; offset: number; index: number } {
  let lo = 0;
  let hi = block.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = block.starts[mid];
    if (start < offset || (!isEnd && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: block.nodes[lo], offset: offset - block.starts[lo] + Math.max(0, block.bases?.[lo] ?? 0), index: lo };
}
