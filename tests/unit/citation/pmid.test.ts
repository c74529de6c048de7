// PubMed ids typed or pasted into the popup's search (lib/citation/pmid.ts).
import { describe, expect, test } from 'vitest';
import { pmidOfQuery, pubmedRecordId } from '../../../lib/citation/pmid';

describe('pmidOfQuery', () => {
  test('a bare id, or one named as PubMed writes it', () => {
    for (const q of ['21645374', ' 21645374 ', 'PMID 21645374', 'PMID: 21645374', 'pmid:21645374', 'Pmid21645374']) {
      expect(pmidOfQuery(q), q).toBe('21645374');
    }
  });

  test("a record's address pasted whole, with or without its scheme and 'www.'", () => {
    for (const q of [
      'https://pubmed.ncbi.nlm.nih.gov/21645374/',
      'pubmed.ncbi.nlm.nih.gov/21645374',
      'http://www.ncbi.nlm.nih.gov/pubmed/21645374?dopt=Abstract',
      'https://europepmc.org/article/MED/21645374',
    ]) {
      expect(pmidOfQuery(q), q).toBe('21645374');
    }
  });

  test('words, other numbers and other addresses ask for no study', () => {
    for (const q of ['', 'CD4', 'type 2 diabetes', '0', '0123', '1234567890', 'PMID', 'https://example.org/21645374', 'https://pubmed.ncbi.nlm.nih.gov.evil.example/21645374', '21645374 trial']) {
      expect(pmidOfQuery(q), q).toBeUndefined();
    }
  });
});

test("a page's address is a record's only over https, on PubMed or Europe PMC", () => {
  expect(pubmedRecordId('https://pubmed.ncbi.nlm.nih.gov/21645374/')).toBe('21645374');
  expect(pubmedRecordId('http://pubmed.ncbi.nlm.nih.gov/21645374/')).toBeUndefined();
  expect(pubmedRecordId('https://pubmed.ncbi.nlm.nih.gov/?term=21645374')).toBeUndefined();
});
