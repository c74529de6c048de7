// One summary in a concept's list. Research: verdict, level of evidence, the question, the bottom line,
// year and sample size. Consumer: the topic and the start of its plain-language explanation. Either: whether the
// reader saved it.
import type { Summary } from '../lib/dataset/types';
import { EvidenceBadge } from './EvidenceBadge';
import { excerpt, isOnlyRelated, onlyMentions } from './format';
import { YearAndSampleSize } from './SampleSizeText';
import { VerdictBadge } from './VerdictBadge';
import { VisuallyHidden } from './VisuallyHidden';

/** About the three lines the popup's 400-pixel list shows; the summary view has the whole text. */
const LIST_EXCERPT = 200;

export function SummaryListItem({
  summary,
  conceptId,
  onOpen,
  heading: Heading = 'h3',
  saved = false,
}: {
  summary: Summary;
  conceptId?: string;
  onOpen(id: string): void;
  /** Its title's heading level: one below the heading of the group it is listed under. */
  heading?: 'h3' | 'h4';
  saved?: boolean;
}) {
  const savedMark = saved && (
    <span data-testid="saved-mark">
      {' · '}
      <span aria-hidden="true">★ </span>Saved
    </span>
  );
  if (summary.kind === 'consumer') {
    const first = summary.sections[0];
    return (
      <article class="summary-item consumer" data-testid="summary-item" data-kind="consumer">
        <Heading>
          <button type="button" class="link" data-list-item data-focus-key={summary.id} onClick={() => onOpen(summary.id)}>
            {summary.topic}
            {/* Two pages on one topic ("Depression") are told apart by their source. */}
            <VisuallyHidden>, {summary.source.name}</VisuallyHidden>
          </button>
        </Heading>
        {first && <p class="clamp">{excerpt(first.answer, LIST_EXCERPT)}</p>}
        <p class="meta">
          Plain language · {summary.source.name}
          {onlyMentions(summary, conceptId) && <span data-testid="mentions-only"> · Mentions this term</span>}
          {savedMark}
        </p>
      </article>
    );
  }
  return (
    // The heading comes first in reading order, so that moving by headings reaches each study's verdict; the
    // badges are shown above it (style.css: `order`).
    <article class="summary-item research" data-testid="summary-item" data-kind="research">
      <Heading>
        <button type="button" class="link" data-list-item data-focus-key={summary.id} onClick={() => onOpen(summary.id)}>
          {summary.question}
        </button>
      </Heading>
      <p class="badges">
        {/* A verdict answers the study's own question: beside a term it only mentions, it would read as one on the term. */}
        {!onlyMentions(summary, conceptId) && <VerdictBadge verdict={summary.verdict} />}
        <EvidenceBadge design={summary.design} />
      </p>
      <p class="clamp">{excerpt(summary.bottomLine, LIST_EXCERPT)}</p>
      <p class="meta">
        <YearAndSampleSize summary={summary} />
        {isOnlyRelated(summary, conceptId) && <span data-testid="related-study"> · Related study: about something else</span>}
        {onlyMentions(summary, conceptId) && <span data-testid="mentions-only"> · Mentions this term</span>}
        {savedMark}
      </p>
    </article>
  );
}
