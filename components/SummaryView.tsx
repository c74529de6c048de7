// One summary in full. Research: the question, verdict and level of evidence, bottom line, key findings, the
// abbreviations they use, the abstract's background and methods (folded), its topics, the numbered citation.
// Consumer: each plain-language section, and its source. Then where the data comes from and the disclaimer.
import { useMemo } from 'preact/hooks';
import type { DatasetMeta, Summary } from '../lib/dataset/types';
import { abbreviationFinderFor } from '../lib/summaries/abbreviations';
import { AbbreviatedText, AbbreviationList } from './Abbreviations';
import { SaveButton, type SaveControl } from './SaveButton';
import { AnswerText } from './AnswerText';
import { CitationList } from './CitationList';
import { longDate } from './format';
import { Disclaimer } from './Disclaimer';
import { EvidenceBadge } from './EvidenceBadge';
import { YearAndSampleSize } from './SampleSizeText';
import { StudyTopics, type Topic } from './StudyTopics';
import { VerdictBadge } from './VerdictBadge';
import type { Audience } from '../lib/settings/preferences-model';

export interface SummaryViewProps {
  summary: Summary;
  dataset?: Pick<DatasetMeta, 'version' | 'created' | 'origin'>;
  copyState?: 'copied' | 'summary-copied' | 'failed';
  onCopyCitation(): void;
  /** "Copy summary" (plain text, with its reference); absent: not offered. */
  onCopySummary?(): void;
  /** Its concepts, each opening that term's view (StudyTopics); absent or empty: none shown. */
  topics?: Topic[];
  audience?: Audience;
  onOpenConcept?(id: string): void;
  /** "Save for later" (SaveButton); absent: not offered. */
  save?: SaveControl;
}

/**
 * The "[1]" reference moves focus to the citation itself, without a fragment navigation: in the popup that would
 * add a history entry, and Back would leave the summary for the view before it.
 */
function toCitation(event: MouseEvent) {
  const target = document.getElementById('citation-1');
  if (!target) return;
  event.preventDefault();
  target.tabIndex = -1;
  target.scrollIntoView({ block: 'nearest' });
  target.focus({ preventScroll: true });
}

/** A section's name before its colon ("Setting: Single community hospital.") is set in bold. */
function ContextParagraph({ text }: { text: string }) {
  const label = /^([A-Z][a-z]+(?:,? [a-z]+){0,6}): /.exec(text);
  if (!label) return <p>{text}</p>;
  return (
    <p>
      <strong>{label[1]}:</strong> {text.slice(label[0].length)}
    </p>
  );
}

export function SummaryView({ summary, dataset, copyState, onCopyCitation, onCopySummary, topics, audience = 'clinician', onOpenConcept, save }: SummaryViewProps) {
  const finder = useMemo(() => abbreviationFinderFor(summary), [summary]);
  return (
    <article class="summary" data-testid="summary-view" data-kind={summary.kind}>
      {summary.kind === 'research' ? (
        <>
          <h1 data-testid="summary-question" tabIndex={-1}>
            <AbbreviatedText text={summary.question} finder={finder} />
          </h1>
          <p class="badges">
            <VerdictBadge verdict={summary.verdict} />
            <EvidenceBadge design={summary.design} />
          </p>
          <p class="meta">
            <YearAndSampleSize summary={summary} />
          </p>
          {save && <SaveButton {...save} />}
          <section aria-labelledby="bottom-line-heading">
            <h2 id="bottom-line-heading">Bottom line</h2>
            <p data-testid="bottom-line">
              <AbbreviatedText text={summary.bottomLine} finder={finder} />{' '}
              <a href="#citation-1" class="ref" aria-label="Citation 1" onClick={toCitation}>
                [1]
              </a>
            </p>
          </section>
          {summary.findings.length > 0 && (
            <section aria-labelledby="findings-heading">
              <h2 id="findings-heading">Key findings</h2>
              {summary.findings.map((f, i) => (
                <p key={i}>
                  <AbbreviatedText text={f} finder={finder} />
                </p>
              ))}
            </section>
          )}
          <AbbreviationList abbreviations={finder.abbreviations} />
          {/* Who was studied and how, for the reader who wants it: the abstract's other sections, folded. */}
          {summary.context && summary.context.length > 0 && (
            <details class="study-context" data-testid="study-context">
              <summary>Background and methods</summary>
              {summary.context.map((c, i) => (
                <ContextParagraph key={i} text={c} />
              ))}
            </details>
          )}
        </>
      ) : (
        <>
          <h1 data-testid="summary-question" tabIndex={-1}>{summary.topic}</h1>
          {save && <SaveButton {...save} />}
          {summary.sections.map((s, i) => (
            <section key={i} aria-labelledby={`section-${i}`}>
              <h2 id={`section-${i}`}>{s.question}</h2>
              <AnswerText text={s.answer} />
              {s.truncated && (
                <p class="meta">
                  Shortened here:{' '}
                  <a href={summary.source.url} target="_blank" rel="noopener noreferrer">
                    read the full text at {summary.source.name}
                  </a>
                  .
                </p>
              )}
            </section>
          ))}
        </>
      )}
      {topics && onOpenConcept && <StudyTopics topics={topics} audience={audience} onOpen={onOpenConcept} />}
      <CitationList summary={summary} copyState={copyState} onCopy={onCopyCitation} onCopySummary={onCopySummary} />
      {dataset && (
        <p class="meta" data-testid="dataset-line">
          {dataset.origin === 'bundled' ? 'From the Evidence Lens dataset' : `From the dataset installed from ${dataset.origin}, version`} {dataset.version}, made{' '}
          {longDate(dataset.created)}.
        </p>
      )}
      <Disclaimer />
    </article>
  );
}
