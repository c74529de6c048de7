// Links from a term to PubMed and MedlinePlus searches: the name's words, encoded, with PubMed's filters for reviews and
// trials; a name's brackets and quotes never become search syntax.
import { expect, test } from 'vitest';
import { medlinePlusSearchUrl, pubmedSearchUrl, searchWords } from '../../../lib/citation/literature-search';

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
