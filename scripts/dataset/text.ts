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

/**
 * MedQuAD's questions as a reader would write them: its template "What is (are) Malaria ?" reads "What is
 * malaria?"-like, spaces before "?" go, a doubled "? ?" is one, and "Do you have information about A1C"
 * (MedlinePlus's "what is it" pages) asks "What is A1C?".
 */
export function tidyQuestion(question: string, type: string): string {
  let q = question.replace(/\s+/g, ' ').trim();
  const about = /^Do you have information about (.+?)\s*\??$/i.exec(q);
  if (about && type === 'information') q = `What is (are) ${about[1]} ?`;
  q = q.replace(/^What is \(are\) (.+?)\s*\?$/, (_, x: string) => `What ${looksPlural(x) ? 'are' : 'is'} ${x}?`);
  q = q.replace(/\s*\?(\s*\?)*$/, '?');
  return q.charAt(0).toUpperCase() + q.slice(1);
}

/** "Varicose Veins", "Cataracts": a last word in -s that is not -ss, -is, -us or -es (diabetes, herpes). */
function looksPlural(name: string): boolean {
  const last = name.trim().split(/\s+/).pop()!.toLowerCase();
  return /[^sieu]s$/.test(last);
}

/**
 * MedQuAD's answers keep their web pages' layout as spaces: list items run on after "    - ", a "Summary :"
 * label leads some. Each item goes on its own line ("• item"), runs of spaces become one.
 */
export function tidyAnswer(answer: string): string {
  return answer
    .replace(/^\s*Summary\s*:\s*/, '')
    .replace(/(^|\s{2,}|\n\s*)-\s+/g, (_, before: string) => (before === '' ? '• ' : '\n• '))
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/ *\n\s*/g, '\n')
    .trim();
}
