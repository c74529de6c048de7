// Searches of the wider literature for a term, on the National Library of Medicine's own sites: the bundled evidence is
// a sample (1,000 studies), and a reader who wants more goes on from the term to PubMed (research) or MedlinePlus (plain
// language). Built here from a name, never from dataset text taken as a link.

/** Which PubMed articles: all, systematic reviews (PubMed's subset), or randomised controlled trials (publication type). */
export type LiteratureScope = 'all' | 'reviews' | 'trials';

const PUBMED_FILTER: Record<Exclude<LiteratureScope, 'all'>, string> = {
  reviews: 'systematic[sb]',
  trials: 'randomized controlled trial[pt]',
};

/**
 * A name as a plain search: characters PubMed reads as syntax (field tags in brackets, grouping, phrases) become spaces,
 * so a name searches as its words, through PubMed's automatic mapping to MeSH.
 */
export function searchWords(name: string): string {
  return name.replace(/[[\](){}"*]+/g, ' ').replace(/\s+/g, ' ').trim();
}

export function pubmedSearchUrl(name: string, scope: LiteratureScope = 'all'): string {
  const words = searchWords(name);
  const term = scope === 'all' ? words : `(${words}) AND ${PUBMED_FILTER[scope]}`;
  return `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(term)}`;
}

export function medlinePlusSearchUrl(name: string): string {
  return `https://vsearch.nlm.nih.gov/vivisimo/cgi-bin/query-meta?v%3Aproject=medlineplus&v%3Asources=medlineplus-bundle&query=${encodeURIComponent(searchWords(name))}`;
}

/** The most studies one PubMed address lists (about 3 KB of address): more are copied, not opened. */
export const PUBMED_LIST_LIMIT = 200;

/** PubMed's results page listing these records: each id searched as a PMID, any of them. */
export function pubmedListUrl(pmids: readonly string[]): string {
  const ids = pmids.filter((p) => /^\d{1,10}$/.test(p)).slice(0, PUBMED_LIST_LIMIT);
  return `https://pubmed.ncbi.nlm.nih.gov/?term=${encodeURIComponent(ids.map((p) => `${p}[pmid]`).join(' OR '))}`;
}
