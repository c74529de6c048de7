// The sites a dataset may link to: its records' links are checked against them on import (validate.ts), and an
// address an answer's text gives becomes a link only on one of them (components/LinkedText.tsx). Kept apart from
// validate.ts so that the in-page card need not carry the validator.
const LINK_HOSTS = [
  'pubmed.ncbi.nlm.nih.gov',
  'www.ncbi.nlm.nih.gov',
  'ncbi.nlm.nih.gov',
  'medlineplus.gov',
  'www.nlm.nih.gov',
  'nlm.nih.gov',
  'ghr.nlm.nih.gov',
  'rarediseases.info.nih.gov',
  'www.cancer.gov',
  'www.niddk.nih.gov',
  'www.ninds.nih.gov',
  'nihseniorhealth.gov',
  'www.nhlbi.nih.gov',
  'www.cdc.gov',
  'doi.org',
];

/** True for an https link to a host (or a subdomain of a host) the dataset may cite. */
export function isAllowedLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return LINK_HOSTS.some((h) => parsed.hostname === h) || parsed.hostname.endsWith('.nih.gov');
}
