// How a page's text blocks travel to the background for matching: joined into one string, with where each
// block ends. Extension messages are serialised value by value, so 1,600 short strings cost more than one
// long one: measured round trip for wikipedia-2's 152,000 characters, matches included, 18.6 ms as 1,600
// strings against 11.9 ms as one.

export interface PageText {
  text: string;
  /** Where each block ends in `text`, ascending. */
  ends: number[];
}

export function joinBlocks(texts: string[]): PageText {
  const ends: number[] = [];
  let at = 0;
  for (const t of texts) ends.push((at += t.length));
  return { text: texts.join(''), ends };
}

/**
 * Blocks a single request may carry. Empty blocks cost no text, so the text limit alone let a page ask for
 * millions of them. Ours are never empty and a request holds about 60,000 characters (BATCH_CHARS in
 * lib/highlight/highlighter.ts), so even a page of one-character blocks stays under this.
 */
export const MAX_REQUEST_BLOCKS = 100_000;

/** The blocks again; the request comes from a page's content script, so its shape is checked first. */
export function splitBlocks({ text, ends }: PageText): string[] {
  if (typeof text !== 'string' || !Array.isArray(ends)) throw new Error('Bad page text.');
  if (ends.length > MAX_REQUEST_BLOCKS) throw new Error('Too many text blocks in one request.');
  const texts: string[] = [];
  let from = 0;
  for (const end of ends) {
    if (!Number.isInteger(end) || end < from || end > text.length) throw new Error('Bad page text.');
    texts.push(text.slice(from, end));
    from = end;
  }
  return texts;
}
