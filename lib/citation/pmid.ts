// PubMed ids as they reach the extension: in a PubMed record's address, in a page's citation tags, or typed or pasted
// into the popup's search. Untrusted text: only a PubMed id's digits are taken.

/** PubMed ids are positive integers (nine digits leave room past today's eight), bare or named ("PMID: 21645374"). */
export const PMID = /^(?:pmid\s*:?\s*)?([1-9]\d{0,8})$/i;

/** A record's address after its scheme and "www.": on PubMed, or Europe PMC ("europepmc.org/article/MED/21645374"). */
const RECORD = String.raw`(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed|europepmc\.org\/(?:article|abstract)\/MED)\/([1-9]\d{0,8})(?:[/?#]|$)`;
/** A page's own address: https only. */
const PAGE_RECORD = new RegExp(String.raw`^https:\/\/(?:www\.)?` + RECORD);
/** An address as a reader copies it: the scheme and "www." may be missing, "http:" is as good. */
const PASTED_RECORD = new RegExp(String.raw`^(?:https?:\/\/)?(?:www\.)?` + RECORD, 'i');

/** The PubMed id of a page's address, if the page is a PubMed or Europe PMC record. */
export function pubmedRecordId(url: string): string | undefined {
  return PAGE_RECORD.exec(url)?.[1];
}

/**
 * The PubMed id a search asks for: "21645374", "PMID 21645374", "PMID: 21645374", "pmid:21645374", or a record's
 * address pasted whole. Words or other numbers ask for none.
 */
export function pmidOfQuery(query: string): string | undefined {
  const q = query.trim();
  return (PASTED_RECORD.exec(q) ?? PMID.exec(q))?.[1];
}
