// Stand-ins the highlighting tests share: the background's matcher, and the CSS Custom Highlight API (happy-dom has none).
import type { BlockMatches } from '../../../lib/terms/service';
import type { Category } from '../../../lib/dataset/types';

/** A stand-in for the background's matcher: every occurrence of the given words. */
export function fakeMatch(words: Record<string, string>) {
  return async (texts: string[]): Promise<BlockMatches> => {
    const ids = Object.keys(words);
    const matches: number[] = [];
    texts.forEach((text, block) => {
      ids.forEach((w, i) => {
        for (let at = text.indexOf(w); at !== -1; at = text.indexOf(w, at + 1)) matches.push(block, at, at + w.length, i);
      });
    });
    return { concepts: ids.map((w) => [words[w], 'disease'] as [string, 'disease']), matches };
  };
}

/** The same, with each word's concept and category. */
export function typedMatch(words: Record<string, [string, Category]>) {
  return async (texts: string[]): Promise<BlockMatches> => {
    const found = await fakeMatch(Object.fromEntries(Object.entries(words).map(([w, [id]]) => [w, id])))(texts);
    return { ...found, concepts: Object.values(words) };
  };
}


export class FakeHighlight extends Set<unknown> {}
class FakeStaticRange {
  constructor(readonly init: { startContainer: Node; startOffset: number; endContainer: Node; endOffset: number }) {}
}

/** Run `body` with a stand-in Highlight API, removed afterwards whatever happens. */
export async function withHighlightApi(body: (registry: Map<string, FakeHighlight>) => Promise<void>) {
  const registry = new Map<string, FakeHighlight>();
  const win = document.defaultView!;
  const css = Object.getOwnPropertyDescriptor(win, 'CSS');
  for (const [name, value] of Object.entries({ Highlight: FakeHighlight, StaticRange: FakeStaticRange, CSS: { highlights: registry } })) {
    Object.defineProperty(win, name, { value, configurable: true, writable: true });
  }
  try {
    await body(registry);
  } finally {
    for (const name of ['Highlight', 'StaticRange']) delete (win as unknown as Record<string, unknown>)[name];
    if (css) Object.defineProperty(win, 'CSS', css);
    else delete (win as unknown as Record<string, unknown>).CSS;
  }
}
