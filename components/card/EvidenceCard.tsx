// The in-page card: a term's concept and its top evidence summary, with a numbered citation and a way to
// the full view. A pure view: the content script fetches and passes everything in.
import { useMemo } from 'preact/hooks';
import type { BroaderTerm, Concept, Summary } from '../../lib/dataset/types';
import { AbbreviationFinder, abbreviationFinderFor } from '../../lib/summaries/abbreviations';
import { AbbreviatedText } from '../Abbreviations';
import type { Audience } from '../../lib/settings/preferences-model';
import { AnswerText } from '../AnswerText';
import { EvidenceBadge } from '../EvidenceBadge';
import { excerpt, isOnlyIndexed, isOnlyRelated, nameFor, onlyMentions, plural } from '../format';
import { SearchElsewhere } from '../LiteratureLinks';
import { SampleSizeText } from '../SampleSizeText';
import { VerdictBadge } from '../VerdictBadge';

export interface EvidenceCardProps {
  /** The words as they stand on the page. */
  term: string;
  concept?: Concept | null;
  /** The reader's wording: the concept is named as clinicians or as patients name it. */
  audience?: Audience;
  summary?: Summary;
  total?: number;
  /** Set while the card waits for the background. */
  loading?: boolean;
  error?: string;
  /**
   * Opens the full view (the background opens it: see lib/tabs/open-view.ts); absent for words looked up that name
   * no concept (there is none to go on to). No address of the extension's is put in the page: the card's DOM is the
   * page's to read, and Firefox gives each install its own address, which would follow the reader from site to site.
   */
  onMore?: () => void;
  /** Another concept's full view (a broader term's), as for "More". */
  onOpenConcept?(id: string): void;
  /**
   * "Save for later" on the summary shown (lib/saved), offered when it is the term's own evidence. `saved` is
   * undefined until the list is read. A card can save, not remove: taking one out is the popup's (a page's script
   * never reaches the list's destructive side).
   */
  save?: { saved?: boolean; error?: string; onSave(): void };
  /** A pinned card stays open until closed: leaving it or clicking elsewhere does not close it. */
  pinned?: boolean;
  onPin?(pinned: boolean): void;
  onClose(): void;
}

const NO_ABBREVIATIONS = new AbbreviationFinder([]);

const CATEGORY_LABELS = { disease: 'Disease', drug: 'Drug or chemical', procedure: 'Procedure or test', anatomy: 'Anatomy', other: 'Other' };

export function EvidenceCard(props: EvidenceCardProps) {
  const { term, concept, summary, total = 0, loading, error, onMore, pinned = false, onPin, onClose } = props;
  // The abbreviations the study's abstract defines where the card does not show it ("AIs" in its bottom line).
  const finder = useMemo(() => (summary ? abbreviationFinderFor(summary) : NO_ABBREVIATIONS), [summary]);
  // A click or a middle click (which opens a tab from a link too) asks for the full view; a right click is the browser's.
  const asking = (open: (() => void) | undefined) => (e: MouseEvent) => {
    if (!open || e.button > 1) return;
    e.preventDefault();
    open();
  };
  const more = asking(onMore);
  const openConcept = (id: string) => asking(props.onOpenConcept && (() => props.onOpenConcept!(id)));
  const patient = props.audience === 'patient';
  const mentionOnly = !!summary && onlyMentions(summary, concept?.id);
  // A term the card can define is not shown a summary that merely names it: for a part of the body that is a page on
  // some rare disease or cancer ("Eye" → uveal melanoma, "mosquito" → G6PD deficiency), which alarms a patient and
  // tells a researcher nothing. "More" still lists them.
  const mentionShown = mentionOnly && !concept?.definition;
  const leadsOn = (!summary || mentionOnly) && !!props.onOpenConcept;
  const narrower = leadsOn ? (concept?.narrowerTerms ?? []) : [];
  const broader = leadsOn ? (concept?.broaderTerms ?? []) : [];
  // Where the reader can go on to from a term without evidence; the first list says why, after a definition.
  const otherTerms = (terms: BroaderTerm[], testId: string, kind: 'narrower' | 'broader', first: boolean) =>
    terms.length > 0 && (
      <div data-testid={testId}>
        <p class="muted">
          {first && (concept?.definition || mentionOnly) ? `No evidence summary for this term yet; ${kind}` : kind[0].toUpperCase() + kind.slice(1)}{' '}
          terms that have some:
        </p>
        <ul class="broader">
          {terms.map((b) => (
            <li key={b.id}>
              <button type="button" class="link" onClick={openConcept(b.id)} onAuxClick={openConcept(b.id)}>
                {b.name}
              </button>{' '}
              ({plural(b.summaryCount, 'summary', 'summaries')})
            </li>
          ))}
        </ul>
      </div>
    );
  // The narrower terms first: the evidence is often filed under them (hormonal oral contraceptives).
  const waysOn = (
    <>
      {otherTerms(narrower, 'card-narrower', 'narrower', true)}
      {otherTerms(broader, 'card-broader', 'broader', narrower.length === 0)}
    </>
  );
  // What the term is comes first: a study's question alone ("Brain" → a study of schizophrenia) does not say it.
  const definition = concept?.definition && (
    // About the four lines the card shows (card.css); the popup's "More" has it whole.
    <p class="definition" data-testid="card-definition">
      {excerpt(concept.definition, 170)}
    </p>
  );
  // No evidence of its own here: the literature may have some (the term by its clinical name on PubMed, by its plain
  // one on MedlinePlus; words that name no concept as they are).
  const elsewhere = (
    <p class="muted" data-testid="card-elsewhere">
      <SearchElsewhere research={concept ? nameFor(concept, 'clinician') : term} plain={concept ? nameFor(concept, 'patient') : term} testId="card-search" />
    </p>
  );
  return (
    // No header or footer elements: inside a dialog they would read as the page's banner and contentinfo landmarks.
    // `tabindex` in lower case: Preact writes it as an attribute, and an XHTML page keeps attribute names as written.
    <div class="card" role="dialog" aria-labelledby="el-card-title" aria-describedby="el-card-body" aria-busy={loading} tabindex={-1} data-testid="evidence-card">
      <div class="head">
        <div>
          <h2 id="el-card-title">{concept ? nameFor(concept, props.audience ?? 'clinician') : term}</h2>
          {concept && <p class="category">{CATEGORY_LABELS[concept.category]}</p>}
        </div>
        <div class="actions">
          {onPin && (
            <button
              type="button"
              class="pin"
              aria-pressed={pinned}
              aria-label="Keep this card open"
              title={pinned ? 'Pinned: stays open until closed' : 'Keep this card open'}
              data-testid="card-pin"
              onClick={() => onPin(!pinned)}
            >
              <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
                <path d="M10 1l5 5-1.5 1-3 3 .5 3.5-1.5 1.5-3-3-4 4-1-1 4-4-3-3L3 7.5 6.5 8l3-3z" fill="currentColor" />
              </svg>
            </button>
          )}
          <button type="button" class="close" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </div>
      </div>
      {/* Not a live region: the dialog's focus reads it, and the content script announces the card once. */}
      <div id="el-card-body" class="body">
        {error ? (
          <p class="error">{error}</p>
        ) : loading ? (
          <p class="muted">Loading the evidence…</p>
        ) : !summary ? (
          <>
            <p class="muted" data-testid={concept?.definition ? 'card-definition' : undefined}>
              {concept?.definition ?? (concept === null && !onMore ? 'No term in the dataset by this name.' : 'No evidence summary in the dataset for this term yet.')}
            </p>
            {waysOn}
            {elsewhere}
          </>
        ) : mentionOnly ? (
          <>
            {concept?.definition && (
              <p class="muted" data-testid="card-definition">
                {concept.definition}
              </p>
            )}
            {waysOn}
            {mentionShown && (
              <>
                <p class="muted">{broader.length + narrower.length > 0 ? 'A summary that mentions it:' : 'No summary is filed under this term yet; one that mentions it:'}</p>
                <p class="question" data-testid="card-mention">{summary.kind === 'research' ? summary.question : summary.topic}</p>
                <Citation summary={summary} />
              </>
            )}
            {elsewhere}
          </>
        ) : summary.kind === 'research' ? (
          <>
            {definition}
            {patient && (
              // Patients are shown a plain-language answer first where there is one: this term has none.
              <p class="muted" data-testid="card-no-plain-language">
                No plain-language explanation of this term yet: the study below is written for clinicians.
              </p>
            )}
            {(isOnlyRelated(summary, concept?.id) || isOnlyIndexed(summary, concept?.id)) && (
              <p class="muted" data-testid="card-related">
                {isOnlyRelated(summary, concept?.id) ? 'A related study, about something else:' : 'A study indexed with this term:'}
              </p>
            )}
            <p class="badges">
              <VerdictBadge verdict={summary.verdict} /> <EvidenceBadge design={summary.design} />
              {/* How many took part, beside the design: the two a clinician weighs a study by at a glance. */}
              {summary.sampleSize && (
                <>
                  {' '}
                  <SampleSizeText sampleSize={summary.sampleSize} />
                </>
              )}
            </p>
            <p class="question">
              <AbbreviatedText text={summary.question} finder={finder} />
            </p>
            <p class="bottom-line">
              <AbbreviatedText text={summary.bottomLine} finder={finder} />
            </p>
            <Citation summary={summary} />
          </>
        ) : (
          <>
            {!repeats(summary.sections[0]?.answer, concept?.definition) && definition}
            <p class="question">{summary.sections[0]?.question}</p>
            <div class="bottom-line answer">
              <AnswerText text={summary.sections[0]?.answer ?? ''} />
            </div>
            <Citation summary={summary} />
          </>
        )}
      </div>
      <div class="foot">
        {onMore && (
          <button type="button" class="link more" data-testid="card-more" onClick={more} onAuxClick={more}>
            More{total > 1 ? ` (${total} ${mentionOnly ? 'that mention it' : 'summaries'})` : ''}
          </button>
        )}
        {props.save && summary && !mentionOnly && <SaveForLater {...props.save} />}
        <span class="muted">Educational, not a substitute for clinical judgement.</span>
      </div>
    </div>
  );
}

/** Whether a consumer answer opens with the definition (both from the same page): it is then said once. */
function repeats(answer: string | undefined, definition: string | undefined): boolean {
  if (!answer || !definition) return false;
  const [a, d] = [answer, definition].map((text) => text.replace(/\s+/g, ' ').trim());
  const n = Math.min(80, a.length, d.length);
  return a.slice(0, n) === d.slice(0, n);
}

/**
 * One button in both states, so that focus stays on it once the summary is saved; saved, it says where to find it
 * and does nothing more.
 */
function SaveForLater({ saved, error, onSave }: NonNullable<EvidenceCardProps['save']>) {
  return (
    <p class="save-row" data-testid="card-save-row">
      <button
        type="button"
        class="link"
        data-testid="card-save"
        disabled={saved === undefined}
        aria-disabled={saved ? 'true' : undefined}
        onClick={() => saved === false && onSave()}
      >
        <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
        {saved ? 'Saved, under “Saved” in the popup' : 'Save for later'}
      </button>
      {error && (
        <span role="alert" class="error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}

/** The summary's numbered citation: PMID, year and PubMed link for research, the source site for the rest. */
function Citation({ summary }: { summary: Summary }) {
  return (
    <ol class="citations">
      <li>
        {summary.kind === 'research' ? (
          <>
            PMID {summary.citation.pmid}
            {summary.year ? ` · ${summary.year}` : ''} ·{' '}
            <a href={summary.citation.url} target="_blank" rel="noopener noreferrer" data-testid="card-citation">
              PubMed
            </a>
          </>
        ) : (
          <a href={summary.source.url} target="_blank" rel="noopener noreferrer" data-testid="card-citation">
            {summary.source.name}
          </a>
        )}
      </li>
    </ol>
  );
}
