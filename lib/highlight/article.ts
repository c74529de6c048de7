// Which article a page is, by its PubMed id: a PubMed record's address, or the citation tags journals and PMC put
// in their pages for indexers (`<meta name="citation_pmid">`). The popup then shows the evidence the dataset holds
// on that very study. Read from the page, so untrusted: only a PubMed id's digits are taken.
import { PMID, pubmedRecordId } from '../citation/pmid.ts';

export function articlePmid(doc: Document, url: string): string | undefined {
  const record = pubmedRecordId(url);
  if (record) return record;
  for (const meta of doc.querySelectorAll<HTMLMetaElement>('meta[name]')) {
    const name = meta.name.toLowerCase();
    const value = meta.content.trim();
    // Highwire Press's tag gives the bare id; Dublin Core's identifier may be any identifier, so only "pmid:…".
    const id = name === 'citation_pmid' ? PMID.exec(value)?.[1] : name === 'dc.identifier' && /^pmid:/i.test(value) ? PMID.exec(value)?.[1] : undefined;
    if (id) return id;
  }
  return undefined;
}
