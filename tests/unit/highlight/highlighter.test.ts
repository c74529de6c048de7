import { afterEach, describe, expect, test, vi } from 'vitest';
import fc from 'fast-check';
import { isBlank, locate, splitBlock, TextWalker } from '../../../lib/highlight/collect';
import { Highlighter, toTerm } from '../../../lib/highlight/highlighter';
import { createPainter, highlightName } from '../../../lib/highlight/painter';
import { rangeOf, termInRange } from '../../../lib/highlight/hit';
import { fakeMatch, typedMatch, withHighlightApi } from './fakes';

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const blocksOf = (html: string) => {
  document.body.innerHTML = html;
  const walker = new TextWalker(document.body);
  return walker.next(Infinity);
};

describe('collecting text', () => {
  test('one block per block element, inline markup joined, offsets mapped back to nodes', () => {
    const blocks = blocksOf('<p id="a">Screening for <i>breast</i> cancer</p><p>Second <b>para</b></p>');
    expect(blocks.map((b) => b.text)).toEqual(['Screening for breast cancer', 'Second para']);
    const b = blocks[0];
    expect(locate(b, 14, false)).toMatchObject({ offset: 0 }); // "breast" starts its own node
    expect(locate(b, 14, false).node.data).toBe('breast');
    expect(locate(b, 20, true).node.data).toBe('breast'); // an end at a node boundary stays in the node
    const term = toTerm(b, 14, 27, 'X', 'disease')!;
    expect(term.pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['breast', ' cancer']);
  });

  test('white space between inline elements separates words; a block of white space alone is none', () => {
    // Found on real pages: "<b>Wilson</b> <i>disease</i>" read as "Wilsondisease" lost the term.
    const blocks = blocksOf('<p><span>breast</span> <span>cancer</span> and <b>Wilson</b>\n<i>disease</i></p>\n  <div> <p>  </p> </div><p>next</p>');
    expect(blocks.map((b) => b.text)).toEqual(['breast cancer and Wilson disease', 'next']);
    const term = toTerm(blocks[0], 18, 32, 'X', 'disease')!;
    expect(term.pieces.map((p) => p.node.data.slice(p.start, p.end))).toEqual(['Wilson', '\n', 'disease']);
  });

  test('soft hyphens and zero-width characters inside words are left out of the text, offsets still mapped to the page', () => {
    const blocks = blocksOf('<p>Dia\u00ADbetes and tu\u200Bber\u200Dculosis, <b>hepato\u00AD</b>lenticular degeneration</p>');
    expect(blocks.map((b) => b.text)).toEqual(['Diabetes and tuberculosis, hepatolenticular degeneration']);
    const [b] = blocks;
    const term = toTerm(b, 0, 8, 'X', 'disease')!;
    // Two runs of one node: the soft hyphen between them stays on the page, inside the painted range.
    expect(term.pieces.map((p) => [p.node.data.slice(p.start, p.end), p.start, p.end])).toEqual([['Dia', 0, 3], ['betes', 4, 9]]);
    const tb = toTerm(b, 13, 25, 'X', 'disease')!;
    expect(tb.pieces.map((p) => p.node.data.slice(p.start, p.end)).join('')).toBe('tuberculosis');
    const across = toTerm(b, 27, 56, 'X', 'disease')!;
    expect(across.pieces.map((p) => p.node.data.slice(p.start, p.end)).join('|')).toBe('hepato|lenticular degeneration');
    // A ruby annotation is a reading aid, not part of the word under it.
    expect(blocksOf('<p><ruby>diabetes<rp>(</rp><rt>tounyou</rt><rp>)</rp></ruby> in adults</p>').map((b) => b.text)).toEqual(['diabetes in adults']);
  });

  test('a term read across a soft hyphen is painted, and the page keeps its text', async () => {
    document.body.innerHTML = '<p>Type 2 dia\u00ADbetes is common.</p>';
    const text = document.body.textContent;
    const found: string[] = [];
    const h = new Highlighter(document, createPainter(document), { match: fakeMatch({ diabetes: 'MESH:D003920' }), report: (terms) => found.push(...terms.map((t) => t.conceptId)) });
    await h.scan();
    expect(found).toEqual(['MESH:D003920']);
    expect(document.body.textContent).toBe(text);
  });

  test('scripts, styles, form fields, editable and hidden regions are skipped', () => {
    const blocks = blocksOf(
      '<p>kept</p><script>var asthma</script><style>.a{}</style><textarea>asthma</textarea>' +
        '<div contenteditable="true">asthma <b>too</b></div><div hidden>asthma</div><div aria-hidden="true">asthma</div>' +
        '<evidence-lens-card>asthma</evidence-lens-card><p>also kept</p>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['kept', 'also kept']);
  });

  test('reference lists and affiliations are not prose: marked so, or under a "References" heading', () => {
    const blocks = blocksOf(
      '<div class="affs">Department of Medicine</div><p>Asthma in adults.</p>' +
        '<div class="ref-list"><p>Smith J. Asthma. British Journal of Cancer.</p></div>' +
        '<ol class="references"><li>Chin WW. Stroke. 2000.</li></ol>' +
        '<section><h2>References</h2><ol><li>Koibuchi N. Thyroid.</li></ol></section>' +
        '<h2>Bibliography</h2><ul><li>Doe A. Lancet.</li></ul><p>Cited twice.</p><h2>Discussion</h2><p>Asthma again.</p>' +
        '<p>A paragraph on references to asthma.</p>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['Asthma in adults.', 'Cited twice.', 'Discussion', 'Asthma again.', 'A paragraph on references to asthma.']);
    // Under a bare "References" heading only the lists right after it: prose after them is the page's.
    expect(blocksOf('<h2>References</h2><ol><li>Doe A. Asthma.</li></ol><div><h2>Living with asthma</h2></div><p>Asthma needs care.</p>').map((b) => b.text)).toEqual([
      'Living with asthma', 'Asthma needs care.',
    ]);
    expect(blocksOf('<h4>References</h4><p>Epilepsy is a brain disorder.</p>').map((b) => b.text)).toEqual(['Epilepsy is a brain disorder.']);
    blocksOf('<div class="ref-list"><ol class="references"><li>Smith J.</li></ol></div>');
    // Text added later inside a reference list is left out too.
    const added = document.createElement('li');
    added.textContent = 'Roe B. Asthma.';
    document.querySelector('ol.references')!.append(added);
    expect(new TextWalker(added).done).toBe(true);
  });

  test('a block that closes ends the text block, even with inline text after it in the outer block', () => {
    const blocks = blocksOf('<div>Before <p>inner <i>text</i></p> after <b>it</b><ul><li>one</li><li>two</li></ul>tail</div>line<br>break');
    expect(blocks.map((b) => b.text)).toEqual(['Before ', 'inner text', ' after it', 'one', 'two', 'tail', 'line', 'break']);
  });

  test('skipped regions are jumped over whole, and the walk goes on after them at the right depth', () => {
    const blocks = blocksOf(
      '<p>one <span contenteditable="">two <b>three</b></span> four</p><p aria-hidden="TRUE">five</p>' +
        '<p contenteditable="false">six</p><p>seven <code>x<b>y</b></code><!-- c --> eight</p>',
    );
    expect(blocks.map((b) => b.text)).toEqual(['one  four', 'six', 'seven  eight']);
  });

  test('a text node can be the whole walk; a root inside a skipped region gives nothing', () => {
    document.body.innerHTML = '<p>kept</p><div contenteditable="true"><p id="inner">typed asthma</p></div>';
    const added = document.createTextNode('added asthma');
    document.body.querySelector('p')!.append(added);
    expect(new TextWalker(added).next(Infinity).map((b) => b.text)).toEqual(['added asthma']);
    const inner = new TextWalker(document.getElementById('inner')!);
    expect(inner.done).toBe(true);
    expect(inner.next(Infinity)).toEqual([]);
  });

  test('the walk stops at its deadline and resumes where it was', () => {
    document.body.innerHTML = Array.from({ length: 300 }, (_, i) => `<p>para ${i}</p>`).join('');
    let clock = 0;
    const walker = new TextWalker(document.body);
    const first = walker.next(100, () => (clock += 60)); // the deadline passes at the second clock check
    expect(walker.done).toBe(false);
    const rest = walker.next(Infinity);
    expect(walker.done).toBe(true);
    expect([...first, ...rest].map((b) => b.text)).toEqual(Array.from({ length: 300 }, (_, i) => `para ${i}`));
  });
});

/**
 * The reading a walk must give, written the plain way: a TreeWalker over every element and text node, each
 * node's blocks found by climbing to the root, and whether it is left out (with everything it holds) too.
 */
const SKIPPED = new Set(['script', 'style', 'code', 'pre', 'button', 'textarea', 'svg']);
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'td', 'tr', 'table', 'tbody', 'h2', 'section', 'body']);
/** Whether an element (under the body) is left out of the walk, or lies in a region that is. */
const leftOut = (el: Element | null): boolean =>
  !!el && el !== document.documentElement &&
  (SKIPPED.has(el.localName) || el.hasAttribute('hidden') || el.getAttribute('aria-hidden')?.toLowerCase() === 'true' ||
    (el.getAttribute('contenteditable') ?? 'false').toLowerCase() !== 'false' || leftOut(el.parentElement));

function referenceBlocks(root: HTMLElement): string[] {
  const block = BLOCKS;
  const left = leftOut;
  const out: string[] = [];
  let current = '';
  const end = () => {
    if (current) out.push(current);
    current = '';
  };
  // A block boundary lies between two texts when a block element or a <br> opens or closes between them.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let depthBlocks: Element[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // A region left out is left out whole: what it holds ends no block.
    if (left(node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement)) continue;
    const ancestors: Element[] = [];
    for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (block.has(el.localName)) ancestors.unshift(el);
    if (ancestors.length < depthBlocks.length || ancestors.some((a, i) => depthBlocks[i] !== a)) end(); // a block closed
    depthBlocks = ancestors;
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (block.has(el.localName) || el.localName === 'br') end();
      continue;
    }
    // White space between inline elements separates words: it reads as one space once the block has text.
    const text = (node as Text).data;
    if (!/^\s*$/.test(text)) current += text;
    else if (current) current += ' ';
  }
  end();
  return out;
}

test('the walk reads what a plain TreeWalker reads, block for block, in one go or in slices', () => {
  const leaf = fc.constantFrom('Wilson ', 'disease', ' ', '\n  ', 'CT', 'x');
  const tags = ['p', 'div', 'span', 'b', 'i', 'a', 'li', 'ul', 'td', 'h2', 'section', 'script', 'style', 'code', 'button'];
  const attrs = ['', '', '', ' hidden', ' aria-hidden="true"', ' aria-hidden="false"', ' contenteditable', ' contenteditable="false"'];
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc.constant('<br>'),
      fc.constant('<!-- note -->'),
      fc.tuple(fc.constantFrom(...tags), fc.constantFrom(...attrs), fc.array(tie('tree'), { maxLength: 4 })).map(
        ([tag, attr, kids]) => `<${tag}${attr}>${kids.join('')}</${tag}>`,
      ),
    ),
  }));
  fc.assert(
    // Repeated, so that a walk spans many slices (the clock is read every 64 nodes).
    fc.property(fc.array(tree, { maxLength: 6 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 3 }), (parts, times, every) => {
      document.body.innerHTML = parts.join('').repeat(times);
      const expected = referenceBlocks(document.body);
      expect(new TextWalker(document.body).next(Infinity).map((b) => b.text)).toEqual(expected);
      // In slices: a clock that has passed the deadline at every `every`-th check.
      let checks = 0;
      const sliced = new TextWalker(document.body);
      const got: string[] = [];
      let slices = 0;
      for (; slices < 10_000 && !sliced.done; slices++) got.push(...sliced.next(0, () => (++checks % every === 0 ? 1 : -1)).map((b) => b.text));
      expect(got).toEqual(expected);
      const walked = [...document.body.getElementsByTagName('*')].filter((el) => !leftOut(el)).length;
      if (walked > 64 * every * 2) expect(slices).toBeGreaterThan(1);
    }),
    { numRuns: 300 },
  );
});

describe('a paragraph too long for one request', () => {
  test('is split after sentences or at spaces, every offset still mapped to the same node', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z .]{0,40}$/), { minLength: 1, maxLength: 30 }), fc.integer({ min: 8, max: 60 }), (parts, max) => {
        document.body.innerHTML = `<p>${parts.map((t, i) => (i % 2 ? `<b>${t}</b>` : t)).join('')}x</p>`;
        const [block] = new TextWalker(document.body).next(Infinity);
        const pieces = splitBlock(block, max);
        expect(pieces.map((p) => p.text).join('')).toBe(block.text);
        let from = 0;
        for (const piece of pieces) {
          expect(piece.text.length).toBeLessThanOrEqual(max);
          for (let o = 0; o < piece.text.length; o++) {
            const a = locate(piece, o, false);
            const b = locate(block, from + o, false);
            expect([a.node, a.offset]).toEqual([b.node, b.offset]);
          }
          from += piece.text.length;
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a 2 MB paragraph is matched in requests the background takes, and all its terms are lit', () =>
    // With the Highlight API, as browsers paint: wrapping 50,000 terms in happy-dom's DOM takes longer than a test may.
    withHighlightApi(async (registry) => {
      const sentence = 'Asthma in adults was common in the cohort. ';
      document.body.innerHTML = `<p>${sentence.repeat(50_000)}</p>`; // about 2.1 million characters
      const sizes: number[] = [];
      const match = fakeMatch({ Asthma: 'MESH:D001249' });
      let reported = 0;
      const h = new Highlighter(document, createPainter(document), {
        match: (texts) => {
          sizes.push(texts.reduce((n, t) => n + t.length, 0));
          return match(texts);
        },
        report: (terms) => (reported = terms[0]?.count ?? 0),
      });
      await h.scan();
      expect(Math.max(...sizes)).toBeLessThanOrEqual(120_000);
      expect(reported).toBe(50_000);
      expect(registry.get(highlightName('underline', 'disease'))!.size).toBe(50_000);
      h.stop();
    }));
});

describe('painting without the Highlight API (the fallback)', () => {
  test("terms the page's title or main heading names come first, whole words only", async () => {
    document.title = 'Survival in melanoma - PubMed';
    document.body.innerHTML = '<h1>Years of life</h1><p>cancer cancer cancer melanoma ear year</p>';
    const h = new Highlighter(document, createPainter(document), { match: fakeMatch({ cancer: 'C', melanoma: 'M', ear: 'E', life: 'L' }) });
    await h.scan();
    expect(h.found().map((t) => [t.conceptId, t.headline])).toEqual([['L', true], ['M', true], ['C', false], ['E', false]]);
    h.stop();
    document.title = '';
  });

  test('terms are wrapped, the text stays the same, and clearing restores the DOM', async () => {
    document.body.innerHTML = '<p>Wilson disease and <i>Wilson</i> disease.</p><textarea>Wilson disease</textarea>';
    const before = document.body.innerHTML;
    const text = document.body.textContent;
    const painter = createPainter(document);
    expect(painter.mode).toBe('wrap');
    const h = new Highlighter(document, painter, { match: fakeMatch({ 'Wilson disease': 'MESH:D006527' }) });
    await h.scan();
    expect(document.querySelectorAll('evidence-lens-mark').length).toBe(3); // one, then two pieces
    expect(document.body.textContent).toBe(text);
    expect(h.found()).toEqual([{ conceptId: 'MESH:D006527', category: 'disease', count: 2, text: 'Wilson disease', headline: false }]);
    h.stop();
    expect(document.body.innerHTML).toBe(before);
  });

  test('every term of a node is wrapped whatever order it comes in, and each can be reached and placed afterwards', async () => {
    document.body.innerHTML = '<p>A diabetes B asthma C</p><p>asthma, eczema and asthma</p>';
    const painter = createPainter(document);
    // Terms of two nodes interleaved, as a batch of several blocks can give them.
    const first = document.querySelectorAll('p')[0].firstChild as Text;
    const second = document.querySelectorAll('p')[1].firstChild as Text;
    const term = (node: Text, start: number, end: number, conceptId: string) => ({ conceptId, category: 'disease' as const, pieces: [{ node, start, end }] });
    painter.add([term(second, 0, 6, 'A'), term(first, 2, 10, 'D'), term(second, 8, 14, 'E'), term(first, 13, 19, 'A'), term(second, 19, 25, 'A')]);
    expect([...document.querySelectorAll('evidence-lens-mark')].map((m) => m.textContent)).toEqual(['diabetes', 'asthma', 'asthma', 'eczema', 'asthma']);
    // Moving from the keyboard places each term by its range: the marked text, not offsets into the split node.
    expect(painter.terms().map((t) => rangeOf(t).toString())).toEqual(['asthma', 'diabetes', 'eczema', 'asthma', 'asthma']);
    painter.clear();
  });

  test('terms of one node painted in two slices (a long paragraph) are all wrapped', () => {
    document.body.innerHTML = '<p>asthma then eczema then asthma then eczema</p>';
    const painter = createPainter(document);
    const node = document.querySelector('p')!.firstChild as Text;
    const term = (start: number, end: number, conceptId: string) => ({ conceptId, category: 'disease' as const, pieces: [{ node, start, end }] });
    // Offsets as the walk read the node, before any split.
    painter.add([term(0, 6, 'A'), term(12, 18, 'E')]);
    painter.add([term(24, 30, 'A'), term(36, 42, 'E')]);
    expect([...document.querySelectorAll('evidence-lens-mark')].map((m) => m.textContent)).toEqual(['asthma', 'eczema', 'asthma', 'eczema']);
    expect(document.querySelector('p')!.textContent).toBe('asthma then eczema then asthma then eczema');
    painter.clear();
  });
});

describe('painting with the CSS Custom Highlight API', () => {
  test('one Highlight per category and style; the DOM is untouched; style switches at once', () =>
    withHighlightApi(async (registry) => {
      document.body.innerHTML = '<p>asthma, asthma and <b>asthma</b></p>';
      const before = document.body.innerHTML;
      const painter = createPainter(document, 'underline');
      expect(painter.mode).toBe('highlight-api');
      const reports: number[] = [];
      const h = new Highlighter(document, painter, {
        match: fakeMatch({ asthma: 'MESH:D001249' }),
        report: (terms) => reports.push(terms[0]?.count ?? 0),
      });
      await h.scan();
      expect(document.body.innerHTML).toBe(before);
      expect([...registry.keys()]).toEqual([highlightName('underline', 'disease')]);
      expect(registry.get(highlightName('underline', 'disease'))!.size).toBe(3);
      expect(reports).toEqual([3]);
      // A click lands on a text node: the painter finds the term there.
      const bold = document.querySelector('b')!.firstChild as Text;
      expect(painter.termAt(bold, 2)?.conceptId).toBe('MESH:D001249');
      painter.setStyle('background');
      expect([...registry.keys()]).toEqual([highlightName('background', 'disease')]);
      h.stop();
      expect(registry.size).toBe(0);
    }));

  test('a change of categories shows and hides at once, without reading the page again', () =>
    withHighlightApi(async (registry) => {
      document.body.innerHTML = '<p>asthma treated with <b>salbutamol</b>; asthma again</p>';
      const painter = createPainter(document, 'underline');
      let requests = 0;
      const reports: string[][] = [];
      const h = new Highlighter(document, painter, {
        match: (texts) => (requests++, typedMatch({ asthma: ['A', 'disease'], salbutamol: ['S', 'drug'] })(texts)),
        categories: new Set(['disease']),
        report: (terms) => reports.push(terms.map((t) => t.conceptId)),
      });
      await h.scan();
      expect([...registry.keys()]).toEqual([highlightName('underline', 'disease')]);
      const drug = document.querySelector('b')!.firstChild as Text;
      expect(painter.termAt(drug, 2)).toBeUndefined(); // a click on a hidden term opens nothing
      expect(painter.terms().map((t) => t.conceptId)).toEqual(['A', 'A']);
      expect(reports).toEqual([['A']]);

      h.setCategories(new Set(['drug']));
      expect([...registry.keys()]).toEqual([highlightName('underline', 'drug')]);
      expect(registry.get(highlightName('underline', 'drug'))!.size).toBe(1);
      expect(painter.termAt(drug, 2)?.conceptId).toBe('S');
      expect(painter.terms().map((t) => t.conceptId)).toEqual(['S']);
      expect(reports).toEqual([['A'], ['S']]);
      // A style change keeps hidden categories unpainted.
      painter.setStyle('background');
      expect([...registry.keys()]).toEqual([highlightName('background', 'drug')]);
      h.setCategories(undefined);
      expect([...registry.keys()].sort()).toEqual([highlightName('background', 'disease'), highlightName('background', 'drug')]);
      expect(requests).toBe(1);
      h.stop();
    }));
});

test('the fallback hides a category turned off without unwrapping it, and shows it again', async () => {
  document.body.innerHTML = '<p>asthma treated with salbutamol</p>';
  const text = document.body.textContent;
  const painter = createPainter(document);
  const h = new Highlighter(document, painter, { match: typedMatch({ asthma: ['A', 'disease'], salbutamol: ['S', 'drug'] }), categories: new Set(['drug']) });
  await h.scan();
  const marks = () => [...document.querySelectorAll('evidence-lens-mark')].map((m) => [m.textContent, m.hasAttribute('data-hidden')]);
  expect(marks()).toEqual([['asthma', true], ['salbutamol', false]]);
  const asthma = document.querySelector('evidence-lens-mark')!.firstChild as Text;
  expect(painter.termAt(asthma, 1)).toBeUndefined();
  expect(h.found().map((t) => t.conceptId)).toEqual(['S']);
  h.setCategories(new Set(['disease', 'drug']));
  expect(marks()).toEqual([['asthma', false], ['salbutamol', false]]);
  expect(painter.termAt(asthma, 1)?.conceptId).toBe('A');
  expect(document.body.textContent).toBe(text);
  h.stop();
});

test('a selection looks up the first highlighted term it starts in or holds, and no other', async () => {
  document.body.innerHTML = '<p id="p">Patients with <b>asthma</b> and eczema were seen.</p><p id="q">No terms here.</p>';
  const painter = createPainter(document);
  await new Highlighter(document, painter, { match: fakeMatch({ asthma: 'A', eczema: 'E' }) }).scan();
  // The characters `from`..`to` of an element's text, wherever painting split its text nodes.
  const select = (id: string, from: string, to: string) => {
    const el = document.getElementById(id)!;
    const [a, b] = [el.textContent!.indexOf(from), el.textContent!.indexOf(to) + to.length];
    const range = document.createRange();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null, at = 0; n; at += n.data.length, n = walker.nextNode() as Text | null) {
      if (a >= at && a <= at + n.data.length) range.setStart(n, a - at);
      if (b >= at && b <= at + n.data.length) range.setEnd(n, b - at);
    }
    return termInRange(painter, range)?.conceptId;
  };
  expect(select('p', 'Patients', 'seen.')).toBe('A'); // the whole sentence: its first term
  expect(select('p', 'thm', 'thm')).toBe('A'); // inside the term
  expect(select('p', ' and', 'seen.')).toBe('E');
  expect(select('q', 'No', 'here.')).toBeUndefined();
  expect(select('p', 'Patients', 'with ')).toBeUndefined(); // "Patients with " holds none
});

describe('following the page', () => {
  test('added text is highlighted once, changed text is re-read, removed text is forgotten', async () => {
    document.body.innerHTML = '<p id="p">asthma</p>';
    const painter = createPainter(document);
    const match = vi.fn(fakeMatch({ asthma: 'A', eczema: 'E' }));
    const h = new Highlighter(document, painter, { match });
    await h.scan();
    h.observe(10);
    const p = document.createElement('p');
    p.textContent = 'eczema and asthma';
    document.body.append(p);
    await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(3));
    expect(match).toHaveBeenCalledTimes(2); // the new paragraph only, not the page again
    expect(match.mock.calls[1][0]).toEqual(['eczema and asthma']);
    h.stop();
  });

  test('a hidden region shown later is read then, and only it', async () => {
    // A consent dialog hides the article from assistive technology until it closes; a tab panel is `hidden`.
    document.body.innerHTML =
      '<p>asthma</p><div id="behind" aria-hidden="true"><p>eczema here</p></div><section id="tab" hidden><p>more eczema</p></section>';
    const match = vi.fn(fakeMatch({ asthma: 'A', eczema: 'E' }));
    const h = new Highlighter(document, createPainter(document), { match });
    await h.scan();
    h.observe(10);
    expect(document.querySelectorAll('evidence-lens-mark').length).toBe(1);
    document.getElementById('behind')!.removeAttribute('aria-hidden');
    await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(2));
    expect(match.mock.calls.at(-1)![0]).toEqual(['eczema here']);
    document.getElementById('tab')!.hidden = false;
    await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(3));
    expect(match.mock.calls.at(-1)![0]).toEqual(['more eczema']);
    // Hiding a region again reads nothing.
    const calls = match.mock.calls.length;
    document.getElementById('tab')!.hidden = true;
    await new Promise((r) => setTimeout(r, 50));
    expect(match.mock.calls.length).toBe(calls);
    h.stop();
  });

  test('a change beside a painted term re-reads its block without painting the term twice', async () => {
    document.body.innerHTML = '<p id="p">asthma, then more</p>';
    const h = new Highlighter(document, createPainter(document), { match: fakeMatch({ asthma: 'A', eczema: 'E' }) });
    await h.scan();
    h.observe(10);
    const tail = document.getElementById('p')!.lastChild as Text;
    expect(tail.data).toBe(', then more');
    tail.data = ', then eczema';
    await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(2));
    expect([...document.querySelectorAll('evidence-lens-mark')].map((m) => m.textContent)).toEqual(['asthma', 'eczema']);
    expect(document.getElementById('p')!.textContent).toBe('asthma, then eczema');
    expect(h.found().map((t) => [t.conceptId, t.count])).toEqual([['A', 1], ['E', 1]]);
    h.stop();
  });
});

test("every batch of one scan carries that scan's number; a later scan has its own", () =>
  withHighlightApi(async () => {
    const long = 'asthma '.repeat(6_000); // 42,000 characters: three of these make two batches
    document.body.innerHTML = `<p>${long}</p><p>${long}</p><p>${long}</p>`;
    const scans: number[] = [];
    const inner = fakeMatch({ asthma: 'A' });
    const h = new Highlighter(document, createPainter(document), {
      match: (texts, scan) => (scans.push(scan), inner(texts)),
    });
    await h.scan();
    expect(scans.length).toBeGreaterThan(1);
    expect(new Set(scans).size).toBe(1);
    const p = document.createElement('p');
    p.textContent = 'asthma';
    document.body.append(p);
    await h.scan(p);
    expect(scans.at(-1)).not.toBe(scans[0]);
    h.stop();
  }));

describe('while the first pass is still matching', () => {
  /** A matcher whose first answer waits until `release()`; later answers come at once. */
  function heldMatch(words: Record<string, string>) {
    const inner = fakeMatch(words);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    const match = async (texts: string[]) => {
      if (first) {
        first = false;
        await held;
      }
      return inner(texts);
    };
    return { match, release: () => release() };
  }

  test('text the page adds is highlighted too, once', async () => {
    document.body.innerHTML = '<p>asthma</p>';
    const { match, release } = heldMatch({ asthma: 'A', eczema: 'E' });
    const h = new Highlighter(document, createPainter(document), { match });
    h.observe(10);
    const pass = h.scan();
    const p = document.createElement('p');
    p.textContent = 'eczema';
    document.body.append(p);
    release();
    await pass;
    await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(2));
    expect([...document.querySelectorAll('evidence-lens-mark')].map((m) => m.textContent)).toEqual(['asthma', 'eczema']);
    h.stop();
  });

  test('text the page changes meanwhile is not painted from its old reading, and is read again', async () => {
    document.body.innerHTML = '<p id="p">an asthma attack</p>';
    const { match, release } = heldMatch({ asthma: 'A', eczema: 'E' });
    const h = new Highlighter(document, createPainter(document), { match });
    h.observe(10);
    const pass = h.scan();
    (document.getElementById('p')!.firstChild as Text).data = 'an eczema flare';
    release();
    await pass;
    await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(1));
    expect(document.querySelector('evidence-lens-mark')!.textContent).toBe('eczema');
    expect(h.found().map((t) => t.conceptId)).toEqual(['E']);
    h.stop();
  });
});

describe('when the background cannot match', () => {
  test('the nodes are read again a moment later', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      document.body.innerHTML = '<p>asthma</p>';
      const ok = fakeMatch({ asthma: 'A' });
      let calls = 0;
      const h = new Highlighter(document, createPainter(document), {
        match: (texts) => (++calls === 1 ? Promise.reject(new Error('worker starting')) : ok(texts)),
      });
      await h.scan();
      expect(document.querySelectorAll('evidence-lens-mark').length).toBe(0);
      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(1));
      expect(calls).toBe(2);
      h.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  test('a page that fails again after matching worked is retried again (the count starts over)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      document.body.innerHTML = '<p>asthma</p>';
      const ok = fakeMatch({ asthma: 'A', eczema: 'E' });
      let failing = 3;
      let calls = 0;
      const h = new Highlighter(document, createPainter(document), {
        match: (texts) => (calls++, failing-- > 0 ? Promise.reject(new Error('worker starting')) : ok(texts)),
      });
      await h.scan();
      await vi.advanceTimersByTimeAsync(1000 + 2000 + 3000);
      await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(1));
      // Much later, the worker restarts again while new text is read: it is retried, not dropped.
      failing = 1;
      const p = document.createElement('p');
      p.textContent = 'eczema';
      document.body.append(p);
      await h.scan(p);
      await vi.advanceTimersByTimeAsync(1000);
      await vi.waitFor(() => expect(document.querySelectorAll('evidence-lens-mark').length).toBe(2));
      h.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('a page that changes under a pass', () => {
  test('text read again around a painted term is not joined across it', async () => {
    // "Chronic <i>Helicobacter</i> gastritis": after a region is shown again, its painted term is left out of the
    // re-read; "Chronic gastritis" must not be found across it.
    document.body.innerHTML = '<main><p>Chronic <i>Helicobacter</i> gastritis</p></main>';
    const painted = document.querySelector('i')!.firstChild as Text;
    expect(new TextWalker(document.body, (n) => n !== painted).next(Infinity).map((b) => b.text)).toEqual(['Chronic ', ' gastritis']);
    const painter = createPainter(document);
    const h = new Highlighter(document, painter, { match: fakeMatch({ Helicobacter: 'H', 'Chronic gastritis': 'CG', 'Chronic  gastritis': 'CG' }) });
    h.observe(10);
    await h.scan();
    const main = document.querySelector('main')!;
    main.setAttribute('aria-hidden', 'true');
    await new Promise((r) => setTimeout(r, 30));
    main.removeAttribute('aria-hidden');
    await new Promise((r) => setTimeout(r, 60));
    await h.scan(document.createTextNode('')); // waits for the re-read queued before it
    expect(painter.terms().map((t) => t.conceptId)).toEqual(['H']);
    h.stop();
  });

  test('a walk whose place the page removed between slices reads the rest of the page all the same', async () => {
    // A rotating headline: the item the walk had stopped at is replaced while the page runs between two slices.
    const ticker = '<div id="ticker">' + '<p>headline</p>'.repeat(100) + '</div>';
    document.body.innerHTML = ticker + '<p>filler</p>'.repeat(200) + '<p>asthma at the end</p>';
    const walker = new TextWalker(document.body);
    let t = 0;
    const first = walker.next(1, () => (t += 2));
    expect(first.length).toBeLessThan(100);
    document.getElementById('ticker')!.remove();
    const rest = walker.next(Infinity);
    expect(walker.done).toBe(true);
    expect(walker.lost).toEqual([document.body]);
    expect(rest.map((b) => b.text)).not.toContain('asthma at the end'); // the walk could not go on from a removed node

    // So the highlighter reads that root again after its pass.
    document.body.innerHTML = ticker + '<p>filler</p>'.repeat(200) + '<p>asthma at the end</p>';
    let removed = false;
    vi.stubGlobal('scheduler', {
      yield: () => {
        if (!removed) document.getElementById('ticker')!.remove();
        removed = true;
        return Promise.resolve();
      },
    });
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 25)); // each slice ends at its first look at the clock
    const painter = createPainter(document);
    const h = new Highlighter(document, painter, { match: fakeMatch({ asthma: 'A' }) });
    try {
      await h.scan();
      await vi.waitFor(() => expect(painter.terms().map((t) => t.conceptId)).toEqual(['A']));
      expect(removed).toBe(true);
    } finally {
      clock.mockRestore();
      h.stop();
    }
  });

  test('turned off while it paints: nothing painted after stop() stays', async () => {
    document.body.innerHTML = '<p>asthma</p>'.repeat(1500);
    const painter = createPainter(document);
    let h!: Highlighter;
    const add = painter.add.bind(painter);
    let adds = 0;
    painter.add = (terms) => {
      add(terms);
      if (++adds === 1) h.stop(); // the reader pauses the site while the paint yields to the page
    };
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 30)); // every chunk runs past its slice
    h = new Highlighter(document, painter, { match: fakeMatch({ asthma: 'A' }) });
    try {
      await h.scan();
    } finally {
      clock.mockRestore();
    }
    expect(document.querySelectorAll('evidence-lens-mark').length).toBe(0);
  });

  test('a term whose text the page shortened still has a place (no error on every scroll)', () => {
    document.body.innerHTML = '<p>severe asthma</p>';
    const node = document.querySelector('p')!.firstChild as Text;
    const term = { conceptId: 'A', category: 'disease' as const, pieces: [{ node, start: 7, end: 13 }] };
    node.data = 'mild';
    expect(() => rangeOf(term)).not.toThrow();
    expect(rangeOf(term).toString()).toBe('');
  });
});

test('a text is blank exactly when /^\\s*$/ says so', () => {
  fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => isBlank(s) === /^\s*$/.test(s)));
  const spaces = ' \t\n\v\f\r\u00a0\u1680\u2000\u2005\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
  expect(isBlank(spaces)).toBe(true);
  const mostlySpace = fc.string({ unit: fc.constantFrom(...spaces, 'a', '\u200b', '\u0085', '\u180e') });
  fc.assert(fc.property(mostlySpace, (s) => isBlank(s) === /^\s*$/.test(s)));
  for (const c of spaces) expect(isBlank(`${c}x${c}`)).toBe(false);
  expect(isBlank('\u200b')).toBe(/^\s*$/.test('\u200b'));
});
