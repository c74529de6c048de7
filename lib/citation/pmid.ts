// PubMed ids as they reach the extension: in a PubMed record's address, in a page's citation tags, or typed or pasted
// into the popup's search. Untrusted text: only a PubMed id's digits are taken.

/** PubMed ids are positive integers; nine digits leave room past today's eight. */
export const PMID = /^(?:pmid:\s*)?([1-9]\d{0,8})$/i;

/** A PubMed record's address, on PubMed or Europe PMC ("europepmc.org/article/MED/21645374"). */
const PUBMED_RECORD =
  /^https:\/\/(?:pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov\/pubmed|europepmc\.org\/(?:article|abstract)\/MED)\/([1-9]\d{0,8})(?:[/?#]|$)/;

/** The PubMed id of a record's address, if it is one. */
export function pubmedRecordId(url: string): string | undefined {
  return PUBMED_RECORD.exec(url)?.[1];
}

/**
 * The PubMed id a search asks for: "21645374", "PMID 21645374", "PMID: 21645374", "pmid:21645374", or a record's
 * address pasted whole (http or https, with or without "www."). Words or other numbers ask for none.
 */
export function pmidOfQuery(query: string): string | undefined {
  const q = query.trim();
  const address = PASTED_RECORD.exec(q);
  if (address) return address[1];
  return /^(?:pmid\s*:?\s*)?([1-9]\d{0,8})$/i.exec(q)?.[1];
}

/** A record's address as a reader copies it: the scheme and "www." may be missing, "http:" is as good. */
const PASTED_RECORD =
  /^(?:https?:\/\/)?(?:www\.)?(?:pubmed\.ncbi\.nlm\.nih\.gov|ncbi\.nlm\.nih\.gov\/pubmed|europepmc\.org\/(?:article|abstract)\/MED)\/([1-9]\d{0,8})(?:[/?#]|$)/i;
