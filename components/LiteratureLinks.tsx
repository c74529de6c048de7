// Searches of the wider literature, as links the reader follows (only then does the term leave the browser). In the
// concept view, "Beyond this dataset": PubMed (all articles, systematic reviews, randomised trials) and MedlinePlus
// (plain-language pages), in the order the reader's audience reads them; where the dataset has nothing (a search, a
// card), one line offering both.
import type { Concept } from '../lib/dataset/types';
import type { Audience } from '../lib/settings/preferences-model';
import { medlinePlusSearchUrl, pubmedSearchUrl } from '../lib/citation/literature-search';
import { nameFor } from './format';

/** A search on another site: in a tab of its own, telling the site nothing of the page it came from. */
const link = (href: string, text: string, testId: string) => (
  <a href={href} target="_blank" rel="noopener noreferrer" data-testid={testId}>
    {text}
  </a>
);

export function LiteratureLinks({ concept, audience }: { concept: Pick<Concept, 'name' | 'clinicalName'>; audience: Audience }) {
  // PubMed maps a clinician's name to its MeSH heading best; MedlinePlus is written in the patient's words.
  const research = nameFor(concept, 'clinician');
  const plain = nameFor(concept, 'patient');
  const pubmed = (
    <li key="pubmed">
      PubMed, “{research}”: {link(pubmedSearchUrl(research), 'all articles', 'search-pubmed')},{' '}
      {link(pubmedSearchUrl(research, 'reviews'), 'systematic reviews', 'search-pubmed-reviews')},{' '}
      {link(pubmedSearchUrl(research, 'trials'), 'randomised trials', 'search-pubmed-trials')}
    </li>
  );
  const medlinePlus = <li key="medlineplus">MedlinePlus, “{plain}”: {link(medlinePlusSearchUrl(plain), 'plain-language pages', 'search-medlineplus')}</li>;
  return (
    <section aria-labelledby="beyond-heading" class="beyond" data-testid="literature-links">
      <h2 id="beyond-heading">Beyond this dataset</h2>
      <ul>{audience === 'patient' ? [medlinePlus, pubmed] : [pubmed, medlinePlus]}</ul>
      <p class="note">These open the National Library of Medicine’s sites, which then see the term searched.</p>
    </section>
  );
}

/** "Search PubMed or MedlinePlus for it.": `research` searched on PubMed, `plain` (the same by default) on MedlinePlus. */
export function SearchElsewhere({ research, plain = research, testId }: { research: string; plain?: string; testId: string }) {
  return (
    <>
      Search {link(pubmedSearchUrl(research), 'PubMed', `${testId}-pubmed`)} or {link(medlinePlusSearchUrl(plain), 'MedlinePlus', `${testId}-medlineplus`)}{' '}
      for it.
    </>
  );
}
