// A study the reader asked for by its PubMed id in the search box ("PMID 21645374", or the record's address pasted):
// the dataset's summary of it, a click from its full view; or a sentence saying the evidence does not hold it, with
// its PubMed record.
import type { ResearchSummary } from '../lib/dataset/types';
import { SummaryListItem } from './SummaryListItem';

export type StudyLookup = { pmid: string } & (
  | { state: 'looking' }
  | { state: 'found'; summary: ResearchSummary }
  | { state: 'absent' }
  | { state: 'failed' }
);

export function FoundStudy({ lookup, onOpen }: { lookup: StudyLookup; onOpen(id: string): void }) {
  // One live region for every state, its words changing as the answer comes: a region added with its words is often
  // not read out.
  const said = { looking: '', found: `PMID ${lookup.pmid} is in the evidence`, absent: `No study with PMID ${lookup.pmid}`, failed: 'The search did not answer' };
  return (
    <>
      <p class="visually-hidden" role="status" aria-live="polite">
        {said[lookup.state]}
      </p>
      <StudyBody lookup={lookup} onOpen={onOpen} />
    </>
  );
}

function StudyBody({ lookup, onOpen }: { lookup: StudyLookup; onOpen(id: string): void }) {
  switch (lookup.state) {
    case 'looking':
      return <p class="placeholder" aria-busy="true">Looking for PMID {lookup.pmid}…</p>;
    case 'found':
      return <HeldStudy head={`PMID ${lookup.pmid} is in the evidence`} summary={lookup.summary} onOpen={onOpen} testId="found-study" />;
    case 'absent':
      return (
        <p class="empty" data-testid="study-absent">
          The evidence holds no study with PMID {lookup.pmid}.{' '}
          <a href={`https://pubmed.ncbi.nlm.nih.gov/${lookup.pmid}/`} target="_blank" rel="noopener noreferrer">
            Its PubMed record
          </a>
        </p>
      );
    case 'failed':
      return (
        <p class="empty" data-testid="study-failed">
          PMID {lookup.pmid} could not be looked up just now. Try again in a moment.
        </p>
      );
  }
}

/** A study the evidence holds, named by how the reader reached it ("This article is in the evidence"), a click from its summary. */
export function HeldStudy({ head, summary, onOpen, testId }: { head: string; summary: ResearchSummary; onOpen(id: string): void; testId: string }) {
  return (
    <div class="this-article" data-testid={testId}>
      <p class="this-article-head">{head}</p>
      <SummaryListItem summary={summary} onOpen={onOpen} />
    </div>
  );
}
