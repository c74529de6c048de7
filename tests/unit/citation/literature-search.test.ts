// Links from a term to PubMed and MedlinePlus searches: the name's words, encoded, with PubMed's filters for reviews and
// trials; a name's brackets and quotes never become search syntax.
import { expect, test } from 'vitest';
import { medlinePlusSearchUrl, PUBMED_LIST_LIMIT, pubmedListUrl, pubmedSearchUrl, searchWords } from '../../../lib/citation/literature-search';

const termOf = (url: string) => new URL(url).searchParams.get('term');

test('PubMed: all articles, systematic reviews or randomised trials on a term', () => {
  expect(pubmedSearchUrl('Breast cancer')).toBe('https://pubmed.ncbi.nlm.nih.gov/?term=Breast%20cancer');
  expect(termOf(pubmedSearchUrl('Breast cancer', 'reviews'))).toBe('(Breast cancer) AND systematic[sb]');
  expect(termOf(pubmedSearchUrl("Crohn's disease & colitis", 'trials'))).toBe("(Crohn's disease & colitis) AND randomized controlled trial[pt]");
});

test('syntax in a name is read as words: brackets, parentheses, quotes and wildcards go', () => {
  expect(searchWords(' Hepatitis B  (HBV) [mh] "chronic"* ')).toBe('Hepatitis B HBV mh chronic');
  expect(termOf(pubmedSearchUrl('Tumor [Markers]'))).toBe('Tumor Markers');
});

test('MedlinePlus: its own search of plain-language pages', () => {
  const url = new URL(medlinePlusSearchUrl('Heart attack'));
  expect(url.origin).toBe('https://vsearch.nlm.nih.gov');
  expect(url.searchParams.get('v:project')).toBe('medlineplus');
  expect(url.searchParams.get('query')).toBe('Heart attack');
});

test('a list of studies opens as one PubMed search of their PMIDs, at most PUBMED_LIST_LIMIT of them', () => {
  expect(termOf(pubmedListUrl(['21645374', '18041059']))).toBe('21645374[pmid] OR 18041059[pmid]');
  expect(termOf(pubmedListUrl(['1', 'pmid:2', '3 OR x']))).toBe('1[pmid]');
  const many = Array.from({ length: PUBMED_LIST_LIMIT + 50 }, (_, i) => String(i + 1));
  expect(termOf(pubmedListUrl(many))!.split(' OR ')).toHaveLength(PUBMED_LIST_LIMIT);
});
