// Small text helpers shared by the dataset build steps.

/** A key for joining names across sources: case, Unicode form, quotes, hyphens and spacing folded. */
export function joinKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/[-\u2010-\u2015_/,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "breast cancer" → "Breast cancer": capitalise the first letter only. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * Cut text to at most `max` characters at a sentence or paragraph end, so that a bundled answer stays
 * readable and small; the full text stays one click away at the source.
 */
export function trimToSentence(text: string, max: number): { text: string; truncated: boolean } {
  const clean = text.replace(/[ \t]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
  if (clean.length <= max) return { text: clean, truncated: false };
  const head = clean.slice(0, max);
  const cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'), head.lastIndexOf('\n'));
  const end = cut > max * 0.4 ? cut + 1 : head.lastIndexOf(' ');
  return { text: clean.slice(0, end).trim(), truncated: true };
}

/** NIH sites all serve https; links we show must too. */
export function httpsUrl(url: string): string {
  return url.replace(/^http:\/\//, 'https://');
}
