// Text inside web components (shadow roots): read, painted, followed and forgotten like the page's own.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { insideSkipped, TextWalker } from '../../../lib/highlight/collect';
import { Highlighter } from '../../../lib/highlight/highlighter';
import { createPainter, highlightName } from '../../../lib/highlight/painter';
import { composedParent, openShadowRoots, shadowRootStyler } from '../../../lib/highlight/shadow';
import { fakeMatch, withHighlightApi } from './fakes';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A custom element with an open shadow root holding `html`, appended to `parent`. */
function component(parent: Element | ShadowRoot, html: string, tag = 'x-card'): ShadowRoot {
  const host = document.createElement(tag);
  parent.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = html;
  return root;
}

const texts = (walker: TextWalker) => walker.next(Infinity).map((b) => b.text);

describe('reading text in shadow roots', () => {
  test('a shadow root is read after the tree it is in, as blocks of its own, nested roots too', () => {
    document.body.innerHTML = '<p>asthma before</p><div id="slot"></div><p>asthma after</p>';
    const outer = component(document.getElementById('slot')!, '<p>eczema in a card</p><div id="inner"></div>');
    const inner = component(outer.getElementById('inner')!, '<p>nested <b>psoriasis</b></p>', 'x-inner');
    const entered: ShadowRoot[] = [];
    const walker = new TextWalker(document.body, { shadowRootOf: openShadowRoots, onShadowRoot: (r) => entered.push(r) });
    expect(texts(walker)).toEqual(['asthma before', 'asthma after', 'eczema in a card', 'nested psoriasis']);
    expect(entered.length).toBe(2);
    expect(entered[0]).toBe(outer);
    expect(entered[1]).toBe(inner);
    // Without a way to reach shadow roots (the fallback painter), only the page's own tree is read.
    expect(texts(new TextWalker(document.body))).toEqual(['asthma before', 'asthma after']);
  });

  test('a component in a skipped region is not read; hidden and editable parts inside one are left out', () => {
    document.body.innerHTML = '<div hidden id="h"></div><pre id="code"></pre><p id="ok"></p>';
    component(document.getElementById('h')!, '<p>asthma hidden</p>');
    component(document.getElementById('code')!, '<p>asthma in code</p>');
    const root = component(document.getElementById('ok')!, '<p>asthma shown</p><p hidden>asthma hidden</p><div contenteditable="true">asthma typed</div>');
    expect(texts(new TextWalker(document.body, { shadowRootOf: openShadowRoots }))).toEqual(['asthma shown']);
    // A node inside a shadow root is inside what its host is inside.
    const hidden = document.getElementById('h')!.firstElementChild!.shadowRoot!.querySelector('p')!;
    expect(composedParent(hidden.parentNode!)).toBe(document.getElementById('h')!.firstElementChild);
    expect(insideSkipped(hidden.firstChild!)).toBe(true);
    expect(insideSkipped(root.querySelector('p')!.firstChild!)).toBe(false);
  });

  test('a walk in slices goes on into the shadow roots it found', () => {
    document.body.innerHTML = '<div id="a"></div>' + '<p>filler text</p>'.repeat(300);
    component(document.getElementById('a')!, '<p>asthma in a card</p>');
    const walker = new TextWalker(document.body, { shadowRootOf: openShadowRoots });
    const read: string[] = [];
    let clock = 0;
    // Each clock reading moves time on by a slice: the walk stops every 64 nodes.
    while (!walker.done) read.push(...walker.next(1, () => (clock++ % 2 === 0 ? 2 : 0)).map((b) => b.text));
    expect(read.length).toBe(301);
    expect(read.at(-1)).toBe('asthma in a card');
  });

  test('a component added as the root of a later scan has its shadow root read', () => {
    const root = component(document.body, '<p>asthma inside</p>');
    expect(texts(new TextWalker(root.host, { shadowRootOf: openShadowRoots }))).toEqual(['asthma inside']);
  });
});

describe('highlighting web components', () => {
  test('terms in a shadow root are painted, followed as it changes, and forgotten when it leaves', () =>
    withHighlightApi(async (registry) => {
      document.body.innerHTML = '<p>asthma</p><main id="m"></main>';
      const root = component(document.getElementById('m')!, '<p id="p">eczema and asthma</p>');
      const reports: number[] = [];
      const match = vi.fn(fakeMatch({ asthma: 'A', eczema: 'E' }));
      const painter = createPainter(document);
      const h = new Highlighter(document, painter, {
        match,
        shadowRootOf: openShadowRoots,
        report: (terms) => reports.push(terms.reduce((n, t) => n + t.count, 0)),
      });
      h.observe(10);
      await h.scan();
      expect(registry.get(highlightName('underline', 'disease'))!.size).toBe(3);
      const inShadow = root.getElementById('p')!.firstChild as Text;
      expect(painter.termAt(inShadow, 1)?.conceptId).toBe('E');
      expect(reports.at(-1)).toBe(3);

      // Text the component adds later is read (the observer of <body> does not see it).
      const added = document.createElement('p');
      added.textContent = 'more eczema';
      root.append(added);
      await vi.waitFor(() => expect(reports.at(-1)).toBe(4));
      expect(match.mock.calls.at(-1)![0]).toEqual(['more eczema']);

      // The component leaves the page: its terms leave the count, and a click there finds nothing.
      document.getElementById('m')!.remove();
      await vi.waitFor(() => expect(painter.terms().length).toBe(1));
      expect(painter.termAt(inShadow, 1)).toBeUndefined();
      expect(h.found().map((t) => [t.conceptId, t.count])).toEqual([['A', 1]]);
      h.stop();
    }));

  test('the fallback painter leaves shadow roots alone (its marks would be unstyled there)', async () => {
    document.body.innerHTML = '<p>asthma</p><div id="c"></div>';
    const root = component(document.getElementById('c')!, '<p>asthma inside</p>');
    const h = new Highlighter(document, createPainter(document), { match: fakeMatch({ asthma: 'A' }), shadowRootOf: openShadowRoots });
    await h.scan();
    expect(document.querySelectorAll('evidence-lens-mark').length).toBe(1);
    expect(root.querySelectorAll('evidence-lens-mark').length).toBe(0);
    h.stop();
  });
});

describe('styling the highlights in shadow roots', () => {
  test("each root read gets the highlight rules once, as an adopted sheet beside the page's own", () => {
    const host = document.createElement('x-styled');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const own = new CSSStyleSheet();
    own.replaceSync('p { color: green; }');
    root.adoptedStyleSheets = [own];
    // (happy-dom's parser drops ::highlight() rules: any rule shows the sheet is the one given.)
    const style = shadowRootStyler('mark.evidence-lens { background-color: red; }');
    style(root);
    style(root);
    expect(root.adoptedStyleSheets.length).toBe(2);
    expect(root.adoptedStyleSheets[0]).toBe(own);
    expect([...root.adoptedStyleSheets[1].cssRules].map((r) => r.cssText).join()).toContain('mark.evidence-lens');
    // A second root shares the one sheet.
    const other = component(document.body, '<p>x</p>', 'x-other');
    style(other);
    expect(other.adoptedStyleSheets[0]).toBe(root.adoptedStyleSheets[1]);
  });

  test('the highlighter styles each shadow root it reads', () =>
    withHighlightApi(async () => {
      const root = component(document.body, '<p>asthma</p>');
      const styled: ShadowRoot[] = [];
      const h = new Highlighter(document, createPainter(document), { match: fakeMatch({ asthma: 'A' }), shadowRootOf: openShadowRoots, styleShadowRoot: (r) => styled.push(r) });
      h.observe(10);
      await h.scan();
      expect(styled).toEqual([root]);
      h.stop();
    }));
});
