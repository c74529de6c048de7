// Long reading sessions (issue #9): a page whose content is replaced again and again (a single-page app)
// must not leave terms, marks or the current term's highlight behind on the text that left.
import { afterEach, expect, test, vi } from 'vitest';
import { Highlighter } from '../../../lib/highlight/highlighter';
import { createPainter, CURRENT_HIGHLIGHT, MARK_TAG, type PaintedTerm } from '../../../lib/highlight/painter';
import type { BlockMatches } from '../../../lib/terms/service';

afterEach(() => {
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

/** Every occurrence of each word, as its own concept. */
const words =
  (...list: string[]) =>
  async (texts: string[]): Promise<BlockMatches> => ({
    concepts: list.map((w) => [w.toUpperCase(), 'disease'] as [string, 'disease']),
    matches: texts.flatMap((text, block) =>
      list.flatMap((w, i) => [...text.matchAll(new RegExp(w, 'g'))].flatMap((m) => [block, m.index!, m.index! + w.length, i])),
    ),
  });

/** The page replaces its article, as a single-page app's navigation does; resolves once it is highlighted again. */
async function navigate(h: Highlighter, html: string, reports: unknown[]) {
  const before = reports.length;
  document.querySelector('main')!.innerHTML = html;
  await vi.waitFor(() => expect(reports.length).toBeGreaterThan(before));
}

test('what the page holds is counted from the article now shown, not every article since the page loaded', async () => {
  document.body.innerHTML = '<main><p>asthma and asthma</p></main>';
  const reports: unknown[] = [];
  const h = new Highlighter(document, createPainter(document), { match: words('asthma', 'eczema'), report: (t) => reports.push(t) });
  await h.scan();
  h.observe(5);
  expect(h.found()).toEqual([{ conceptId: 'ASTHMA', category: 'disease', count: 2, text: 'asthma', headline: false }]);
  for (let i = 0; i < 5; i++) {
    await navigate(h, '<p>eczema</p>', reports);
    await navigate(h, '<p>asthma, eczema</p>', reports);
  }
  await navigate(h, '<p>eczema here</p>', reports);
  expect(h.found()).toEqual([{ conceptId: 'ECZEMA', category: 'disease', count: 1, text: 'eczema', headline: false }]);
  expect(reports.at(-1)).toEqual(h.found());
  h.stop();
});

test('the fallback painter lets go of the marks that left the page', async () => {
  document.body.innerHTML = '<main><p>asthma</p></main>';
  const painter = createPainter(document);
  expect(painter.mode).toBe('wrap');
  const reports: unknown[] = [];
  const h = new Highlighter(document, painter, { match: words('asthma'), report: (t) => reports.push(t) });
  await h.scan();
  h.observe(5);
  for (let i = 0; i < 10; i++) await navigate(h, '<p>asthma, asthma</p>', reports);
  expect(document.querySelectorAll(MARK_TAG).length).toBe(2);
  // Its own record of marks: only those on the page (it held all 21 before).
  expect((painter as unknown as { marks: Set<Element> }).marks.size).toBe(2);
  h.stop();
});

test('the current term highlight goes with its text, so it holds no removed node', () => {
  const registry = new Map<string, Set<unknown>>();
  vi.stubGlobal('CSS', { highlights: registry });
  vi.stubGlobal('Highlight', class extends Set<unknown> {});
  vi.stubGlobal('StaticRange', class {});
  document.body.innerHTML = '<p>asthma</p><p>eczema</p>';
  const painter = createPainter(document);
  expect(painter.mode).toBe('highlight-api');
  const [first, second] = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
  const term = (node: Text): PaintedTerm => ({ conceptId: node.data, category: 'disease', pieces: [{ node, start: 0, end: 6 }] });
  const asthma = term(first);
  painter.add([asthma, term(second)]);
  painter.setCurrent(asthma);
  expect(registry.has(CURRENT_HIGHLIGHT)).toBe(true);
  // Another term's text leaving changes nothing for the current one.
  expect(painter.removeNodes([second]).map((t) => t.conceptId)).toEqual(['eczema']);
  expect(registry.has(CURRENT_HIGHLIGHT)).toBe(true);
  first.parentElement!.remove();
  expect(painter.removeNodes([first])).toEqual([asthma]);
  expect(registry.has(CURRENT_HIGHLIGHT)).toBe(false);
});
