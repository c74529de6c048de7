// Which article a page is (lib/highlight/article.ts), from its address or its citation tags.
import { afterEach, expect, test } from 'vitest';
import { articlePmid } from '../../../lib/highlight/article';

afterEach(() => {
  document.head.innerHTML = '';
});

const withMeta = (...tags: [string, string][]) => {
  document.head.innerHTML = tags.map(([name, content]) => `<meta name="${name}" content="${content}">`).join('');
  return document;
};

test("a PubMed record's address names it", () => {
  expect(articlePmid(document, 'https://pubmed.ncbi.nlm.nih.gov/21645374/')).toBe('21645374');
  expect(articlePmid(document, 'https://pubmed.ncbi.nlm.nih.gov/21645374/?from_term=wilson#abstract')).toBe('21645374');
  expect(articlePmid(document, 'https://www.ncbi.nlm.nih.gov/pubmed/21645374')).toBe('21645374');
  expect(articlePmid(document, 'https://europepmc.org/article/MED/21645374')).toBe('21645374');
  expect(articlePmid(document, 'https://europepmc.org/abstract/MED/21645374#abstract')).toBe('21645374');
  // Europe PMC's other records (PMC, preprints) are not PubMed ids.
  expect(articlePmid(document, 'https://europepmc.org/article/PMC/PMC3123456')).toBeUndefined();
  // A search, or another site's number, is no record.
  expect(articlePmid(document, 'https://pubmed.ncbi.nlm.nih.gov/?term=21645374')).toBeUndefined();
  expect(articlePmid(document, 'https://example.org/pubmed.ncbi.nlm.nih.gov/21645374/')).toBeUndefined();
});

test("a journal's or PMC's citation tags name it", () => {
  expect(articlePmid(withMeta(['citation_title', 'Wilson disease'], ['citation_pmid', '21645374']), 'https://www.ncbi.nlm.nih.gov/pmc/articles/PMC1/')).toBe('21645374');
  expect(articlePmid(withMeta(['DC.Identifier', 'doi:10.1000/x'], ['dc.identifier', 'pmid: 9142039']), 'https://journal.example/a')).toBe('9142039');
});

test('what a page writes there is taken only as a PubMed id', () => {
  for (const value of ['21645374; DROP TABLE', '0', '1234567890', '<b>1</b>', '', '12 34']) {
    expect(articlePmid(withMeta(['citation_pmid', value]), 'https://journal.example/a')).toBeUndefined();
  }
  // Dublin Core's identifier is a PubMed id only when it says so.
  expect(articlePmid(withMeta(['dc.identifier', '21645374']), 'https://journal.example/a')).toBeUndefined();
});
