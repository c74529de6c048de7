// The highlighting pass over a document: collect text in time slices, ask for matches in batches,
// paint them, and follow the page as it changes. No browser extension API here: matching and reporting
// are passed in, so this runs the same in tests, the content script and the bench.
import type { Category } from '../dataset/types.ts';
import type { BlockMatches } from '../terms/service.ts';
import { insideSkipped, locate, splitBlock, TextWalker, type TextBlock } from './collect.ts';
import type { PaintedTerm, Painter } from './painter.ts';
import type { ShadowRootOf } from './shadow.ts';

export interface FoundTerm {
  conceptId: string;
  category: Category;
  /** The words as they stand on the page (the most frequent spelling). */
  text: string;
  count: number;
  /** The page's title or main heading names it: what the page is about. */
  headline: boolean;
}

export interface HighlighterDeps {
  /**
   * Match a batch of text blocks. `scan` numbers the scans: every batch of one scan carries the same number,
   * so the caller can name them all with the page address the scan started on.
   */
  match(texts: string[], scan: number): Promise<BlockMatches>;
  /** Told after each pass what the page holds, for the popup and the toolbar badge. */
  report?(terms: FoundTerm[]): void;
  /** Categories to show (all when absent); terms of every category are found, the others kept unseen. */
  categories?: ReadonlySet<Category>;
  /**
   * Where web components' text is: their shadow roots are read, and followed, when given. Only with the Highlight
   * API: the fallback's marks would be unstyled there (the page stylesheet does not reach into shadow roots).
   */
  shadowRootOf?: ShadowRootOf;
  /** Told of each shadow root read, to give it what its highlights need to paint (shadow.ts `shadowRootStyler`). */
  styleShadowRoot?: (root: ShadowRoot) => void;
  /** Whether the extension is still there (asked now and then: an orphaned content script stops itself). */
  alive?: () => boolean;
}

/** Work slices stay well under the 50 ms a long task starts at. */
const SLICE_MS = 20;
/**
 * Text per match request: the first request goes out early so that matching overlaps the rest of the walk;
 * few enough requests that message round trips stay a small part of the pass.
 */
const BATCH_CHARS = 60_000;
/** After this long, a pass paints each batch's terms as they come rather than all at the end. */
const PAINT_EARLY_MS = 250;

/**
 * Let the page run (input, rendering) before the next slice. Not setTimeout: nested timeouts are clamped
 * to 4 ms each. scheduler.yield where the browser has it, else a message to ourselves.
 */
function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

export class Highlighter {
  private counts = new Map<string, { category: Category; count: number; texts: Map<string, number> }>();
  /** Each painted term's words as matched, to take it out of `counts` when its text leaves the page. */
  private termTexts = new WeakMap<PaintedTerm, string>();
  private observer?: MutationObserver;
  /** Watches the document and its root element for a new <body> (document.body = …, document.open()). */
  private rootObserver?: MutationObserver;
  private observedBody?: HTMLElement;
  private restoreTimer?: ReturnType<typeof setInterval>;
  /** The page was seen in design mode (all of it editable), and its terms let go. */
  private designMode = false;
  private scans = 0;
  /** Counts the page's changes; each text node that changed or left remembers the count then. */
  private changes = 0;
  private changedAt = new WeakMap<Text, number>();
  private pendingRoots = new Set<Node>();
  private flushTimer?: ReturnType<typeof setTimeout>;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;
  private retries = 0;
  private retryTimer?: ReturnType<typeof setTimeout>;

  constructor(
    private doc: Document,
    readonly painter: Painter,
    private deps: HighlighterDeps,
  ) {
    painter.setShown(deps.categories);
  }

  /**
   * Show other categories: at once, from the terms already found (the page is not read again, so the terms
   * that stay shown never go dark in between), then tell what the page now shows.
   */
  setCategories(categories: ReadonlySet<Category> | undefined): void {
    this.deps.categories = categories;
    this.painter.setShown(categories);
    if (!this.stopped) this.deps.report?.(this.found());
  }

  /** Highlight everything under `root` (the whole body by default); resolves when painted. */
  scan(...roots: Node[]): Promise<void> {
    const todo = roots.length > 0 ? roots : [this.doc.body];
    this.running = this.running.then(() => this.scanNow(todo));
    return this.running;
  }

  private async scanNow(roots: Node[]): Promise<void> {
    let batch: TextBlock[] = [];
    let chars = 0;
    // Each batch's request goes out as soon as it is full, and the walk goes on while the background
    // matches it. Terms are painted once, when the pass is over: each paint makes the browser repaint the
    // page, which on a long page costs more than our own work, and delays the next slice. A pass that runs
    // long paints as results come, so the reader sees the first terms.
    const scan = ++this.scans;
    const started = performance.now();
    // Text the page changes after this point is read again by a later scan: its terms from this pass are stale.
    const since = this.changes;
    const ready: PaintedTerm[] = [];
    let painted: Promise<void> = Promise.resolve();
    const send = (blocks: TextBlock[]) => {
      const result = this.deps.match(blocks.map((b) => b.text), scan);
      painted = painted
        .then(async () => {
          this.collect(blocks, await result, ready);
          // Matching works again: a later failure (a long single-page session) gets its retries too.
          this.retries = 0;
          if (performance.now() - started > PAINT_EARLY_MS) await this.paint(ready.splice(0), since);
        })
        .catch((error: unknown) => {
          // The background could not match (its worker was starting, or the dataset was being replaced):
          // read the page again in a moment (what is painted stays), a few times at most.
          if (this.retries++ < 3 && !this.stopped) {
            clearTimeout(this.retryTimer);
            this.retryTimer = setTimeout(() => void this.scan(), 1000 * this.retries);
          } else console.warn('Evidence Lens: matching failed', error);
        });
    };
    for (const root of roots) {
      if (this.stopped || !root.isConnected) continue;
      // Text already painted is left alone, so that nothing is highlighted twice; text read before without
      // a term is read again, which costs little and lets abbreviations defined since then match.
      const walker = new TextWalker(root, {
        accept: this.counts.size > 0 ? (node) => !this.painter.has(node) : undefined,
        shadowRootOf: this.shadowRootOf,
        onShadowRoot: this.followShadowRoot,
      });
      while (!walker.done && !this.stopped) {
        const blocks = walker.next(performance.now() + SLICE_MS);
        for (const block of blocks) {
          for (const piece of splitBlock(block, BATCH_CHARS)) {
            batch.push(piece);
            chars += piece.text.length;
            if (chars >= BATCH_CHARS) {
              send(batch);
              batch = [];
              chars = 0;
            }
          }
        }
        if (!walker.done) await yieldToPage();
      }
      // The page removed the node the walk had stopped at: the rest of that root is read again after this pass.
      if (walker.lost.length > 0 && !this.stopped) {
        for (const lost of walker.lost) this.pendingRoots.add(lost);
        this.schedule();
      }
    }
    if (batch.length > 0 && !this.stopped) send(batch);
    await painted;
    await this.paint(ready.splice(0), since);
    this.deps.report?.(this.found());
  }

  /** A batch's matches as terms to paint (counted now: the pass reports once all are painted). */
  private collect(blocks: TextBlock[], result: BlockMatches, into: PaintedTerm[]): void {
    if (this.stopped) return;
    const flat = result.matches;
    for (let k = 0; k + 3 < flat.length; k += 4) {
      const block = blocks[flat[k]];
      const start = flat[k + 1];
      const end = flat[k + 2];
      const concept = result.concepts[flat[k + 3]];
      if (!block || !concept) continue;
      const [conceptId, category] = concept;
      const term = toTerm(block, start, end, conceptId, category);
      if (!term) continue;
      into.push(term);
      this.count(term, block.text.slice(start, end));
    }
  }

  private async paint(found: PaintedTerm[], since: number): Promise<void> {
    if (this.stopped || found.length === 0) return;
    // The fallback painter changes the DOM: what the page changed before that goes to the handler first (and
    // counts as changed below).
    if (this.painter.mode === 'wrap' && this.observer) this.onMutations(this.observer.takeRecords());
    // Leave out terms on text the page changed or removed while this pass ran (a later scan reads it again).
    const terms = found.filter((term) => {
      const fresh = term.pieces.every((p) => (this.changedAt.get(p.node) ?? 0) <= since && p.node.isConnected);
      if (!fresh) this.uncount(term);
      return fresh;
    });
    // Paint in slices too: a batch may hold thousands of terms.
    let deadline = performance.now() + SLICE_MS;
    for (let i = 0; i < terms.length; i += 500) {
      this.painter.add(terms.slice(i, i + 500));
      if (performance.now() > deadline && i + 500 < terms.length) {
        await yieldToPage();
        // Turned off (or paused on this site) while the page ran: what is left would stay painted, owned by no one.
        if (this.stopped) return;
        deadline = performance.now() + SLICE_MS;
      }
    }
    // The fallback painter splits text nodes: those mutations are ours, not the page's.
    if (this.painter.mode === 'wrap') this.observer?.takeRecords();
  }

  private count(term: PaintedTerm, text: string) {
    let c = this.counts.get(term.conceptId);
    if (!c) this.counts.set(term.conceptId, (c = { category: term.category, count: 0, texts: new Map() }));
    c.count++;
    c.texts.set(text, (c.texts.get(text) ?? 0) + 1);
    this.termTexts.set(term, text);
  }

  /** A term's text changed or left the page: what the page holds no longer counts it. */
  private uncount(term: PaintedTerm) {
    const c = this.counts.get(term.conceptId);
    const text = this.termTexts.get(term);
    if (!c || text === undefined) return;
    this.termTexts.delete(term);
    const n = (c.texts.get(text) ?? 1) - 1;
    if (n > 0) c.texts.set(text, n);
    else c.texts.delete(text);
    if (--c.count <= 0) this.counts.delete(term.conceptId);
  }

  /**
   * Distinct terms on the page, those its title or main heading names first (a melanoma paper's "Melanoma"
   * before the "Cancer" it says more often), then the most frequent.
   */
  found(): FoundTerm[] {
    const headline = wordsOf(`${this.doc.title} ${this.doc.querySelector('h1')?.textContent ?? ''}`);
    const shown = this.deps.categories;
    return [...this.counts]
      .filter(([, c]) => !shown || shown.has(c.category))
      .map(([conceptId, c]) => ({
        conceptId,
        category: c.category,
        count: c.count,
        text: [...c.texts].sort((a, b) => b[1] - a[1])[0][0],
        headline: [...c.texts.keys()].some((t) => headline.includes(wordsOf(t))),
      }))
      // Not localeCompare: its first call builds a collator, about 15 ms on a page's first report.
      .sort((a, b) => Number(b.headline) - Number(a.headline) || b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  }

  private get shadowRootOf(): ShadowRootOf | undefined {
    return this.painter.mode === 'highlight-api' ? this.deps.shadowRootOf : undefined;
  }

  /** A shadow root's changes are not seen by the observer of <body>: it is observed too, once read, and styled. */
  private followShadowRoot = (root: ShadowRoot): void => {
    this.observer?.observe(root, OBSERVED);
    this.deps.styleShadowRoot?.(root);
  };

  /** Follow the page: text added or changed later is highlighted, a little after it settles. */
  observe(debounceMs = 200): void {
    this.debounceMs = debounceMs;
    this.observer = new MutationObserver(this.onMutations);
    this.followBody();
    // A page that swaps its <body> (document.body = …) or writes itself anew (document.open) has new text to read.
    this.rootObserver = new MutationObserver(() => this.followBody());
    this.rootObserver.observe(this.doc, { childList: true });
    if (this.doc.documentElement) this.rootObserver.observe(this.doc.documentElement, { childList: true });
    // A page may clear every highlight on it (its own search highlighter calling CSS.highlights.clear()): ours
    // are put back. Nothing tells a script when that happens, so it is checked now and then (a few map lookups).
    // Design mode (the whole page made editable) fires no event either: it is checked at the same time.
    this.restoreTimer = setInterval(() => {
      if (this.deps.alive?.() === false || this.stopped) return;
      if (!this.letGoInDesignMode()) this.painter.restore();
    }, RESTORE_MS);
  }

  private followBody(): void {
    const body = this.doc.body;
    if (!body || body === this.observedBody || !this.observer) return;
    const old = this.observedBody;
    this.observedBody = body;
    this.onMutations(this.observer.takeRecords());
    this.observer.disconnect();
    // Hidden and editable regions are skipped: one shown later (a tab panel, the article behind a closed consent
    // dialog, which had hidden it from assistive technology) is read then, and one made editable is let go.
    this.observer.observe(body, OBSERVED);
    if (this.doc.documentElement && this.rootObserver) this.rootObserver.observe(this.doc.documentElement, { childList: true });
    if (old) {
      this.forget(this.textNodesIn(old));
      this.pendingRoots.add(body);
      this.schedule();
    }
  }

  /** A page in design mode is all editable: what the reader types there is theirs, not a page to mark. */
  private letGoInDesignMode(): boolean {
    if (this.doc.designMode !== 'on') return (this.designMode = false);
    if (!this.designMode && this.doc.body) this.forget(this.textNodesIn(this.doc.body));
    return (this.designMode = true);
  }

  private schedule(): void {
    if (this.pendingRoots.size > 0 && this.flushTimer === undefined) {
      this.flushTimer = setTimeout(() => this.flushPending(), this.debounceMs);
    }
  }

  private debounceMs = 200;

  private onMutations = (records: MutationRecord[]): void => {
    if (records.length === 0) return;
    const tick = ++this.changes;
    if (this.letGoInDesignMode()) return;
    for (const r of records) {
      if (r.type === 'attributes') {
        if (r.attributeName === 'contenteditable' && (r.target as HTMLElement).isContentEditable) {
          this.forget(this.textNodesIn(r.target));
          continue;
        }
        if (!insideSkipped(r.target)) this.pendingRoots.add(r.target);
        continue;
      }
      if (r.type === 'characterData') {
        const node = r.target as Text;
        this.changedAt.set(node, tick);
        this.forget([node]);
        if (node.parentNode) this.pendingRoots.add(node.parentNode);
        continue;
      }
      for (const removed of r.removedNodes) {
        const nodes = this.textNodesIn(removed);
        for (const n of nodes) this.changedAt.set(n, tick);
        this.forget(nodes);
      }
      for (const added of r.addedNodes) {
        if (added.nodeType === Node.ELEMENT_NODE && (added as Element).tagName.toLowerCase().startsWith('evidence-lens-')) continue;
        this.pendingRoots.add(added);
      }
    }
    this.schedule();
  };

  private flushPending(): void {
    this.flushTimer = undefined;
    const pending = this.pendingRoots;
    this.pendingRoots = new Set();
    // A root inside another pending root is scanned with it: look up each root's ancestors in the set.
    const roots: Node[] = [];
    for (const root of pending) {
      if (!root.isConnected) continue;
      let inside = false;
      for (let a = root.parentNode; a && !inside; a = a.parentNode) inside = pending.has(a);
      if (!inside) roots.push(root);
    }
    if (roots.length > 0) void this.scan(...roots);
  }

  /** The text nodes under `node`, those in the shadow roots it holds too (a component's terms leave with it). */
  private textNodesIn(node: Node): Text[] {
    if (node.nodeType === Node.TEXT_NODE) return [node as Text];
    const shadowRootOf = this.shadowRootOf;
    const out: Text[] = [];
    const roots = [node];
    for (let root = roots.pop(); root; root = roots.pop()) {
      if (shadowRootOf && root.nodeType === Node.ELEMENT_NODE) {
        const shadow = shadowRootOf(root as Element);
        if (shadow) roots.push(shadow);
      }
      const walker = this.doc.createTreeWalker(root, shadowRootOf ? NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT : NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.nodeType === Node.TEXT_NODE) out.push(n as Text);
        else {
          const shadow = shadowRootOf!(n as Element);
          if (shadow) roots.push(shadow);
        }
      }
    }
    return out;
  }

  private forget(nodes: Iterable<Text>): void {
    for (const term of this.painter.removeNodes(nodes)) this.uncount(term);
  }

  /** Remove every highlight and stop following the page. */
  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.rootObserver?.disconnect();
    clearInterval(this.restoreTimer);
    clearTimeout(this.flushTimer);
    clearTimeout(this.retryTimer);
    this.painter.clear();
    this.counts.clear();
  }
}

/**
 * The attributes whose removal shows a region the walk skipped (collect.ts SKIP_ATTRIBUTES), and `contenteditable`,
 * whose setting makes a region the reader's to type in.
 */
const WATCHED_ATTRIBUTES = ['hidden', 'aria-hidden', 'contenteditable'];
/** What the observer of the page (and of each shadow root read) is told of. */
const OBSERVED: MutationObserverInit = { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES };
/** How often a page is checked for having cleared our highlights. */
const RESTORE_MS = 2_000;

/** A match's block offsets as pieces of the text nodes it covers. */
export function toTerm(block: TextBlock, start: number, end: number, conceptId: string, category: Category): PaintedTerm | undefined {
  if (end <= start || end > block.text.length) return undefined;
  const from = locate(block, start, false);
  const to = locate(block, end, true);
  const a = from.index;
  const b = to.index;
  const pieces: PaintedTerm['pieces'] = [];
  for (let i = a; i <= b; i++) {
    const node = block.nodes[i];
    // A run of a node read in runs (collect.ts `bases`) ends where the next one starts in the block text.
    const base = block.bases?.[i] ?? -1;
    const runEnd = base < 0 ? node.data.length : base + (block.starts[i + 1] ?? block.text.length) - block.starts[i];
    pieces.push({ node, start: i === a ? from.offset : Math.max(0, base), end: i === b ? to.offset : runEnd });
  }
  return { conceptId, category, pieces };
}

/** Text as lower-case words between spaces (" breast cancer "), so that "ear" is not found in "year". */
function wordsOf(text: string): string {
  return ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}
