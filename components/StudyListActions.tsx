// A concept's studies taken elsewhere as a list: opened together in PubMed (its tools to cite, save and send them), or
// copied as PubMed ids, one a line, which PubMed's search and a reference manager's "add by identifier" take whole.
import { groupDigits, plural } from './format';

export type StudyListOutcome =
  | { kind: 'copied'; count: number }
  | { kind: 'opened'; count: number; of: number }
  | { kind: 'none' }
  | { kind: 'cited'; count: number }
  /** The ids could not be read, or the clipboard or a new tab was refused. */
  | { kind: 'failed'; doing: 'copy' | 'open' };

export interface StudyListActionsProps {
  /** Whether the concept view's filters narrow the list: the actions take the studies they show. */
  filtered: boolean;
  /** What the actions take, said before them, where it is not a concept's studies ("Your saved studies:"). */
  label?: string;
  outcome?: StudyListOutcome;
  onOpen(): void;
  onCopy(): void;
}

export function StudyListActions({ filtered, label, outcome, onOpen, onCopy }: StudyListActionsProps) {
  return (
    <div class="study-actions" data-testid="study-actions">
      <span class="meta">{label ?? (filtered ? 'The studies these filters show:' : 'All its studies:')}</span>{' '}
      <button type="button" onClick={onOpen} data-testid="studies-open">
        Open in PubMed
      </button>{' '}
      <button type="button" onClick={onCopy} data-testid="studies-copy">
        Copy PubMed ids
      </button>
      <p role="status" class="meta" data-testid="studies-outcome">
        {outcome && said(outcome)}
      </p>
    </div>
  );
}

function said(outcome: StudyListOutcome): string {
  switch (outcome.kind) {
    case 'copied':
      return `${plural(outcome.count, 'PubMed id')} copied, one a line: paste them into PubMed's search or a reference manager's "add by identifier".`;
    case 'opened':
      return outcome.count < outcome.of
        ? `Opened the first ${groupDigits(outcome.count)} of ${groupDigits(outcome.of)} in PubMed; copy the ids to take them all.`
        : `Opened ${plural(outcome.count, 'study', 'studies')} in PubMed.`;
    case 'cited':
      return `${plural(outcome.count, 'citation')} copied, numbered, one a line.`;
    case 'none':
      return 'These studies have no PubMed ids to give.';
    case 'failed':
      return outcome.doing === 'copy' ? 'Could not copy the ids: open the studies in PubMed instead.' : 'Could not open PubMed: copy the ids instead.';
  }
}
