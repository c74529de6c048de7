// Numbered citations: for research, the PMID, year and a PubMed link; for consumer summaries, the source
// site and its address. Each can be copied as AMA-style text, and the whole summary as plain text with it.
import type { Summary } from '../lib/dataset/types';

export interface CitationListProps {
  summary: Summary;
  /** Whether the citation (or the whole summary) was just copied, or could not be. */
  copyState?: 'copied' | 'summary-copied' | 'failed';
  onCopy(): void;
  /** Copies the whole summary as plain text (lib/citation/summary-text.ts); absent: not offered. */
  onCopySummary?(): void;
}

export function CitationList({ summary, copyState, onCopy, onCopySummary }: CitationListProps) {
  return (
    <section class="citations" aria-labelledby="citations-heading" data-testid="citations">
      <h2 id="citations-heading">{summary.kind === 'research' ? 'Citation' : 'Source'}</h2>
      <ol>
        <li id="citation-1">
          {summary.kind === 'research' ? (
            <>
              PMID {summary.citation.pmid}
              {(summary.citation.year ?? summary.year) && <> · {summary.citation.year ?? summary.year}</>} ·{' '}
              <a href={summary.citation.url} target="_blank" rel="noopener noreferrer" data-testid="citation-link">
                View on PubMed
              </a>
            </>
          ) : (
            <>
              {summary.source.name} ·{' '}
              <a href={summary.source.url} target="_blank" rel="noopener noreferrer" data-testid="citation-link">
                {summary.source.url}
              </a>
            </>
          )}
        </li>
      </ol>
      <p class="copy">
        <button type="button" onClick={onCopy} data-testid="copy-citation">
          Copy citation
        </button>{' '}
        {onCopySummary && (
          <button type="button" onClick={onCopySummary} data-testid="copy-summary">
            Copy summary
          </button>
        )}
        <span role="status" class="copy-status">
          {copyState === 'copied'
            ? copiedText(summary)
            : copyState === 'summary-copied'
              ? 'Summary copied as plain text, with its reference, for notes or a message.'
              : copyState === 'failed'
                ? 'Could not copy: select the text instead.'
                : ''}
        </span>
      </p>
    </section>
  );
}

/** What was copied, honestly: the dataset holds no authors or journal for research articles. */
const copiedText = (summary: Summary) =>
  summary.kind === 'research'
    ? 'Citation copied (AMA style, with the article’s PMID; its authors and journal are on PubMed).'
    : 'Citation copied (AMA style).';
