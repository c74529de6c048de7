// A concept: its name, category, other names and plain-language definition, then its evidence: an
// overview, filters, and the summaries in the reader's chosen wording.
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { BroaderTerm, Concept, Summary } from '../lib/dataset/types';
import type { ConceptOverview } from '../lib/summaries/filter';
import type { Audience } from '../lib/settings/preferences-model';
import { AudienceSwitch } from './AudienceSwitch';
import { EvidenceOverview } from './EvidenceOverview';
import { LiteratureLinks } from './LiteratureLinks';
import { isOnlyIndexed, isOnlyRelated, nameFor, onlyMentions, otherNamesFor, plural } from './format';
import { onListFocusIn, onListKeyDown, rove } from './listKeys';
import { narrows, SummaryFilters, type FilterChoice } from './SummaryFilters';
import { StudyListActions, type StudyListActionsProps } from './StudyListActions';
import { SummaryListItem } from './SummaryListItem';

export interface ConceptViewProps {
  concept: Concept;
  overview?: ConceptOverview;
  /** The summaries shown so far (pages appended), and how many there are in all; undefined while loading. */
  summaries?: { total: number; items: Summary[] };
  audience: Audience;
  filter: FilterChoice;
  loadingMore?: boolean;
  /** Where a synced dataset came from (a URL, files); undefined for the bundled one, whose unsourced text is ours. */
  syncedFrom?: string;
  onAudienceChange(audience: Audience): void;
  onFilterChange(filter: FilterChoice): void;
  onOpenSummary(id: string): void;
  /** Opens another concept (a broader or narrower term with evidence). */
  onOpenConcept?(id: string): void;
  onShowMore(): void;
  /** The concept's studies as a list, opened in PubMed or copied as ids (StudyListActions); absent: not offered. */
  studyList?: Omit<StudyListActionsProps, 'filtered'>;
  /** The ids of the summaries the reader saved: each is marked in the list. */
  savedIds?: ReadonlySet<string>;
}

export function ConceptView(props: ConceptViewProps) {
  const { concept, overview, summaries, audience, filter } = props;
  const otherNames = otherNamesFor(concept, audience);
  return (
    <article class="concept" data-testid="concept-view">
      <header>
        <h1 data-testid="concept-name" tabIndex={-1}>{nameFor(concept, audience)}</h1>
        <p class="meta">
          <span class="category">{concept.category}</span>
        </p>
        {otherNames.length > 0 && (
          <p class="synonyms" data-testid="synonyms">
            <span class="label">Also called: </span>
            {otherNames.join(', ')}
          </p>
        )}
      </header>
      {concept.definition ? (
        <section aria-label="Definition" class="definition">
          <p data-testid="definition">{concept.definition}</p>
          {concept.definitionSource ? (
            <p class="meta" data-testid="definition-source">
              Source:{' '}
              <a href={concept.definitionSource.url} target="_blank" rel="noopener noreferrer">
                {concept.definitionSource.name}
              </a>
            </p>
          ) : (
            // A definition no source gave: in the bundled dataset ours (data/curated), which the reader should know is
            // not a cited page's; in a synced one, whoever published it, never to be credited to us.
            <p class="meta" data-testid="definition-source">
              {props.syncedFrom ? `No source given: from the dataset installed from ${props.syncedFrom}.` : 'Written for Evidence Lens, not taken from a cited source.'}
            </p>
          )}
        </section>
      ) : null}
      <AudienceSwitch audience={audience} onChange={props.onAudienceChange} />
      <section aria-labelledby="evidence-heading" class="evidence">
        <h2 id="evidence-heading">Evidence</h2>
        <EvidenceOverview overview={overview} />
        {concept.summaryCount === 0 && props.onOpenConcept && (
          <>
            <OtherTerms label="Narrower terms that have some:" terms={concept.narrowerTerms} testId="narrower" onOpen={props.onOpenConcept} />
            <OtherTerms label="Broader terms that have some:" terms={concept.broaderTerms} testId="broader" onOpen={props.onOpenConcept} />
          </>
        )}
        {audience === 'patient' && overview && overview.consumer === 0 && overview.research > 0 && (
          <p class="note" data-testid="no-plain-language">
            No plain-language explanation of this term yet: the studies below are written for clinicians.
          </p>
        )}
        {overview && overview.research > 1 && <SummaryFilters overview={overview} choice={filter} onChange={props.onFilterChange} />}
        <SummaryList {...props} />
        {props.studyList && overview && overview.research > 0 && (
          <StudyListActions filtered={narrows(filter)} {...props.studyList} />
        )}
        {concept.summaryCount > 0 && props.onOpenConcept && (
          // Evidence filed under a narrower heading is evidence on this concept too (the dialysis studies of chronic
          // kidney disease are under chronic kidney failure).
          <OtherTerms label="Narrower terms with evidence of their own:" terms={concept.narrowerTerms} testId="narrower" onOpen={props.onOpenConcept} />
        )}
      </section>
      <LiteratureLinks concept={concept} audience={audience} />
    </article>
  );
}

/** Concepts near this one that have evidence, each a button that opens it. */
function OtherTerms({ label, terms, testId, onOpen }: { label: string; terms?: BroaderTerm[]; testId: string; onOpen(id: string): void }) {
  if (!terms?.length) return null;
  return (
    <div class="broader" data-testid={testId}>
      <p>{label}</p>
      <ul>
        {terms.map((b) => (
          <li key={b.id}>
            <button type="button" class="link" onClick={() => onOpen(b.id)}>
              {b.name}
            </button>{' '}
            ({plural(b.summaryCount, 'summary', 'summaries')})
          </li>
        ))}
      </ul>
    </div>
  );
}

function SummaryList({ concept, summaries, loadingMore, onOpenSummary, onShowMore, filter, audience, savedIds }: ConceptViewProps) {
  const list = useRef<HTMLDivElement>(null);
  /** How many were shown when the reader asked for more: focus goes to the first new one when they come. */
  const askedAt = useRef(-1);
  const shown = summaries?.items.length ?? 0;
  useLayoutEffect(() => rove(list.current));
  useEffect(() => {
    if (askedAt.current < 0 || shown <= askedAt.current) return;
    list.current?.querySelectorAll<HTMLElement>('[data-list-item]')[askedAt.current]?.focus();
    askedAt.current = -1;
  }, [shown]);
  if (!summaries) return <div class="placeholder list-placeholder" aria-busy="true" />;
  if (summaries.items.length === 0) {
    return <p class="empty">{filter.design !== 'all' || filter.fromYear || filter.toYear ? 'No research summaries match these filters.' : ''}</p>;
  }
  const more = summaries.total - summaries.items.length;
  return (
    <>
      {/* Said again when more are shown, or the order changes with the audience. */}
      <p class="visually-hidden" role="status" data-testid="summary-count">
        {summaries.items.length < summaries.total ? `${summaries.items.length} of ` : ''}
        {plural(summaries.total, 'summary', 'summaries')}
        {audience === 'patient' ? ', plain language first' : ''}
      </p>
      {/* One Tab stop for all the groups: the arrow keys go on from one group's last item to the next one's first. */}
      <div ref={list} class="summary-list" onKeyDown={onListKeyDown} onFocusIn={onListFocusIn} data-testid="summary-list">
        {groupSummaries(summaries.items, concept.id, filter.order === 'newest').map((group, g) => (
          <div key={`${group.label}|${group.items[0].id}`} class="summary-group">
            <h3 id={`summary-group-${g}`} class="group-head" data-testid="summary-group">
              {group.label}
            </h3>
            <ol aria-labelledby={`summary-group-${g}`}>
              {group.items.map((s) => (
                <li key={s.id}>
                  <SummaryListItem summary={s} conceptId={concept.id} onOpen={onOpenSummary} heading="h4" saved={savedIds?.has(s.id)} />
                </li>
              ))}
            </ol>
          </div>
        ))}
      </div>
      {more > 0 && (
        // aria-disabled, not disabled: a disabled button loses focus, and the reader's place with it.
        <button
          type="button"
          class="more"
          onClick={() => {
            if (loadingMore) return;
            askedAt.current = summaries.items.length;
            onShowMore();
          }}
          aria-disabled={loadingMore}
          data-testid="show-more"
        >
          {loadingMore ? 'Loading…' : `Show ${Math.min(more, 20)} more · ${summaries.items.length} of ${summaries.total} shown`}
        </button>
      )}
    </>
  );
}

/**
 * The list in groups a reader can scan, as an answer page sets them out: what the research says of the term, the
 * plain-language pages, studies only indexed with it, related studies, pages that only mention it. The list comes in
 * that order already (lib/db/queries.ts), so a group is a run of items with the same label. Newest first mixes the
 * research by date: then only the kinds are grouped, and a related study says so on its line.
 */
export function groupSummaries(items: Summary[], conceptId: string, byDate: boolean): { label: string; items: Summary[] }[] {
  const labelOf = (s: Summary): string => {
    if (onlyMentions(s, conceptId)) return 'Pages that mention this term';
    if (s.kind === 'consumer') return 'In plain language';
    if (!byDate && isOnlyRelated(s, conceptId)) return 'Related research, about something else';
    if (!byDate && isOnlyIndexed(s, conceptId)) return 'Research indexed with this term';
    return 'From the research';
  };
  const groups: { label: string; items: Summary[] }[] = [];
  for (const s of items) {
    const label = labelOf(s);
    const last = groups.at(-1);
    if (last?.label === label) last.items.push(s);
    else groups.push({ label, items: [s] });
  }
  return groups;
}