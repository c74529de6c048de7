// Text inside web components: a shadow root's text is not in the document's tree walk, nor seen by an observer
// of <body>, nor found by the document's hit-testing, so each of those steps asks for the roots itself.
// Highlights registered in the document paint inside shadow roots; their ::highlight() styles come from the host in
// Chromium, but only from the shadow tree's own stylesheets in Firefox, so each root read is given ours (adopted, not
// an element: the component's tree is left as it was).

/** An element's shadow root: an open one, or a closed one where the content script may read it (Chrome, Firefox). */
export type ShadowRootOf = (el: Element) => ShadowRoot | null;

type ClosedRootReaders = {
  chrome?: { dom?: { openOrClosedShadowRoot?: (el: Element) => ShadowRoot | null } };
};

/**
 * Open roots everywhere; closed ones only on custom elements (a name with a hyphen, where nearly all closed roots
 * are), because the extension call that reads them costs far more than the `shadowRoot` property asked of every element.
 */
export function contentScriptShadowRoots(): ShadowRootOf {
  const chromeDom = (globalThis as ClosedRootReaders).chrome?.dom?.openOrClosedShadowRoot;
  return (el) => {
    const open = el.shadowRoot;
    if (open || !el.localName.includes('-')) return open;
    try {
      // Firefox gives content scripts `openOrClosedShadowRoot` on elements; Chrome gives `chrome.dom`.
      const firefox = (el as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot;
      if (firefox !== undefined) return firefox ?? null;
      return chromeDom?.(el) ?? null;
    } catch {
      return null;
    }
  };
}

/** Only open roots: what a page's own script could read (tests, the bench). */
export const openShadowRoots: ShadowRootOf = (el) => el.shadowRoot;

/**
 * The element that holds `node` in the composed tree: its parent element, or the host of the shadow root it sits
 * in (of a shadow root: its host).
 */
export function composedParent(node: Node): Element | null {
  const host = (node as Partial<ShadowRoot>).host;
  if (node.nodeType === Node.DOCUMENT_FRAGMENT_NODE && host) return host;
  const parent = node.parentNode;
  if (!parent) return null;
  if (parent.nodeType === Node.ELEMENT_NODE) return parent as Element;
  return (parent as Partial<ShadowRoot>).host ?? null;
}

/**
 * The shadow roots a point lies in, outermost first: the document's hit-testing stops at a host, so each root
 * is asked in turn. Empty when the point is on the document's own content.
 */
export function shadowRootsAt(doc: Document, x: number, y: number, shadowRootOf: ShadowRootOf = openShadowRoots): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  for (let depth = 0; el && depth < 32; depth++) {
    const root = shadowRootOf(el);
    if (!root) break;
    roots.push(root);
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return roots;
}

/**
 * Gives each shadow root it is called with the highlight styles (once a root): one constructed stylesheet, adopted.
 * Where a sheet cannot be adopted (an old browser, a page that froze the property), the root goes without: its
 * terms are found and clickable, only not drawn.
 */
export function shadowRootStyler(css: string): (root: ShadowRoot) => void {
  const styled = new WeakSet<ShadowRoot>();
  const sheets = new WeakMap<Document, CSSStyleSheet>();
  return (root) => {
    if (styled.has(root)) return;
    styled.add(root);
    const doc = root.ownerDocument;
    const win = doc.defaultView as (Window & typeof globalThis) | null;
    try {
      let sheet = sheets.get(doc);
      if (!sheet && win) {
        sheet = new win.CSSStyleSheet();
        sheet.replaceSync(css);
        sheets.set(doc, sheet);
      }
      if (!sheet) return;
      const adopted = root.adoptedStyleSheets;
      // An observable array where the browser has one (a push keeps the page's sheets as they are), else a new list.
      if (typeof adopted.push === 'function' && !Object.isFrozen(adopted)) adopted.push(sheet);
      else root.adoptedStyleSheets = [...adopted, sheet];
    } catch {
      // Left unstyled (see above).
    }
  };
}
