// Loads a concept, its overview and its summaries (in the reader's wording and filters) for ConceptView.
import { useEffect, useState } from 'preact/hooks';
import { ConceptView } from '../../components/ConceptView';
import { NO_FILTER, toSummaryFilter, type FilterChoice } from '../../components/SummaryFilters';
import type { Concept } from '../../lib/dataset/types';
import type { ConceptOverview } from '../../lib/db/overview';
import type { SummaryPage as Page } from '../../lib/db/queries';
import type { Audience } from '../../lib/settings/preferences';
import { getConcept, getOverview, getSummaries } from './data';
import { currentPlace, rememberPlace } from './route';
import { markContent } from './timing';

const PAGE = 20;

export interface ConceptPageProps {
  id: string;
  audience: Audience;
  onAudienceChange(audience: Audience): void;
  onOpenSummary(id: string): void;
}

export function ConceptPage({ id, audience, onAudienceChange, onOpenSummary }: ConceptPageProps) {
  const [concept, setConcept] = useState<Concept | null>();
  const [overview, setOverview] = useState<ConceptOverview>();
  const [filter, setFilter] = useState<FilterChoice>(() => (currentPlace().filter as FilterChoice | undefined) ?? NO_FILTER);
  const [shown, setShown] = useState(() => currentPlace().shown ?? PAGE);
  const [list, setList] = useState<Page>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    getConcept(id).then((c) => live && setConcept(c), (e: Error) => live && setError(e.message));
    getOverview(id).then((o) => live && setOverview(o), () => undefined);
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    let live = true;
    rememberPlace({ filter, shown });
    // The list shown so far stays on screen until the new one arrives: no flash, no jump.
    getSummaries(id, audience, 0, shown, toSummaryFilter(filter)).then(
      (page) => live && setList(page),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id, audience, filter, shown]);

  // Back to this view: return to where the reader was once the list is there again.
  useEffect(() => {
    if (!concept || !list) return;
    markContent();
    const y = currentPlace().scrollY;
    if (y) {
      window.scrollTo(0, y);
      rememberPlace({ scrollY: 0 });
    }
  }, [concept, list !== undefined]);

  if (error) return <p role="alert">Could not read this term: {error}</p>;
  if (concept === undefined) return <div class="placeholder concept-placeholder" aria-busy="true" />;
  if (concept === null) return <p role="alert">This term is not in the installed dataset.</p>;
  return (
    <ConceptView
      concept={concept}
      overview={overview}
      summaries={list}
      audience={audience}
      filter={filter}
      loadingMore={list !== undefined && list.items.length < Math.min(shown, list.total)}
      onAudienceChange={(a) => {
        setShown(PAGE);
        onAudienceChange(a);
      }}
      onFilterChange={(f) => {
        setShown(PAGE);
        setFilter(f);
      }}
      onOpenSummary={onOpenSummary}
      onShowMore={() => setShown((n) => n + PAGE)}
    />
  );
}
