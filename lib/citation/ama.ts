// "Copy citation": a summary's source as AMA-style reference text (AMA Manual of Style, 11th ed.).
// The dataset keeps no authors or journal, so the reference names what it has: the article's question as
// its title, the year, the PMID and the PubMed address, with the date the reader accessed it.
import type { Summary } from '../dataset/types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** AMA writes dates as "November 25, 2026". */
export function amaDate(date: Date): string {
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
}

/** Ends a title with one full stop, unless it already ends with its own punctuation. */
const sentence = (text: string) => {
  const t = text.trim();
  return /[.?!]$/.test(t) ? t : `${t}.`;
};

export function amaCitation(summary: Summary, accessed: Date): string {
  if (summary.kind === 'research') {
    return amaReference({ title: summary.question, year: summary.citation.year ?? summary.year, pmid: summary.citation.pmid, url: summary.citation.url }, accessed);
  }
  return amaReference({ title: summary.topic, source: summary.source.name, url: summary.source.url }, accessed);
}

/**
 * The reference from its parts: a study's (title, year, PMID, PubMed address) or a page's (title, site, address).
 * A saved summary (lib/saved) keeps these, so it cites the same after the dataset no longer holds it.
 */
export function amaReference(parts: { title: string; url: string; year?: number; pmid?: string; source?: string }, accessed: Date): string {
  const { title, url, year, pmid, source } = parts;
  if (pmid) {
    return [sentence(title), 'PubMed.', year ? `Published ${year}.` : '', `PMID: ${pmid}.`, `Accessed ${amaDate(accessed)}.`, url].filter(Boolean).join(' ');
  }
  return [sentence(title), source ? sentence(source) : '', `Accessed ${amaDate(accessed)}.`, url].filter(Boolean).join(' ');
}
