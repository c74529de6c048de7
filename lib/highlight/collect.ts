// Collect a page's readable text as blocks: the text nodes under one block-level element, concatenated, so
// that a term split by inline markup ("<i>Wilson</i> disease") is one string for the matcher, and every
// offset in it maps back to a (text node, offset) pair.

/** Elements (by localName) whose text is not prose a reader reads, or is not ours to mark. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'textarea', 'input', 'select', 'option', 'button', 'template', 'svg', 'math',
  'code', 'pre', 'kbd', 'samp', 'iframe', 'object', 'canvas', 'video', 'audio', 'head', 'title',
  'evidence-lens-card',
]);

/** Elements that start a new block of text (no CSS lookups: computed style is too slow to ask per node). */
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
}

/** Decides, once per element, whether its text is ours to read. */
export class Readability {
  private verdicts = new WeakMap<Element, boolean>();

  readable(el: Element | null): boolean {
    if (!el) return true;
    const known = this.verdicts.get(el);
    if (known !== undefined) return known;
    const verdict = this.own(el) && this.readable(el.parentElement);
    this.verdicts.set(el, verdict);
    return verdict;
  }

  private own(el: Element): boolean {
    if (SKIP.has(el.localName)) return false;
    if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return false;
    // Children of an editable element are rejected through it (readable() asks every ancestor); not
    // isContentEditable, which makes the browser compute styles.
    const editable = el.getAttribute('contenteditable');
    if (editable !== null && editable !== 'false') return false;
    return true;
  }

  forget(): void {
    this.verdicts = new WeakMap();
  }
}

const NOT_BLANK = /\S/;

/**
 * A resumable walk over the text under `root`: `next(deadline)` returns the blocks completed before the
 * deadline (performance.now() milliseconds), so the caller can yield to the page between slices.
 */
export class TextWalker {
  private walker: TreeWalker;
  private current?: { block: Element | null; nodes: Text[]; starts: number[]; parts: string[]; length: number };
  /** Nearest block ancestor of each inline parent: text nodes share parents, so ask once. */
  private blocks = new Map<Element, Element | null>();
  done = false;

  constructor(
    root: Node,
    private readability: Readability,
    private accept: (node: Text) => boolean = () => true,
  ) {
    this.walker = (root.ownerDocument ?? (root as Document)).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  }

  next(deadline: number, now: () => number = () => performance.now()): TextBlock[] {
    const out: TextBlock[] = [];
    let n = 0;
    while (!this.done) {
      // Check the clock every 64 nodes: reading it costs more than a node.
      if ((++n & 63) === 0 && now() > deadline) return out;
      const node = this.walker.nextNode() as Text | null;
      if (!node) {
        this.done = true;
        break;
      }
      const value = node.data;
      if (!NOT_BLANK.test(value) || !this.readability.readable(node.parentElement) || !this.accept(node)) continue;
      const block = this.blockOf(node.parentElement);
      if (this.current && this.current.block !== block) out.push(this.flush());
      this.current ??= { block, nodes: [], starts: [], parts: [], length: 0 };
      this.current.nodes.push(node);
      this.current.starts.push(this.current.length);
      this.current.parts.push(value);
      this.current.length += value.length;
    }
    if (this.current) out.push(this.flush());
    return out;
  }

  private blockOf(parent: Element | null): Element | null {
    if (!parent) return null;
    let block = this.blocks.get(parent);
    if (block === undefined) {
      let el: Element | null = parent;
      while (el && !BLOCK.has(el.localName)) el = el.parentElement;
      block = el;
      this.blocks.set(parent, block);
    }
    return block;
  }

  private flush(): TextBlock {
    const { nodes, starts, parts } = this.current!;
    this.current = undefined;
    return { nodes, starts, text: parts.join('') };
  }
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
  return { node: block.nodes[lo], offset: offset - block.starts[lo], index: lo };
}
