// Loads a concept, its overview and its summaries (in the reader's wording and filters) for ConceptView.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ConceptView } from '../../components/ConceptView';
import { NO_FILTER, toSummaryFilter, type FilterChoice } from '../../components/SummaryFilters';
import type { Concept } from '../../lib/dataset/types';
import type { ConceptOverview } from '../../lib/summaries/filter';
import type { SummaryPage as Page } from '../../lib/db/queries';
import type { Audience } from '../../lib/settings/preferences';
import { takeStudies } from './take-studies';
import type { StudyListOutcome } from '../../components/StudyListActions';
import { getConcept, getOverview, getStatus, getStudyPmids, getSummaries, rememberOpened } from './data';
import { FIRST_PAGE } from './first-questions';
import { likelyOrder, rememberOrder } from './last-order';
import { currentPlace, rememberPlace, restoreScroll } from './route';
import { markContent, markSummaries } from './timing';
import { setViewTitle } from './title';
import { useSaved } from './saved';
import { nameFor } from '../../components/format';

/** How many more a "show more" adds. */
const MORE = 20;

export interface ConceptPageProps {
  id: string;
  audience: Audience;
  onAudienceChange(audience: Audience): void;
  onOpenSummary(id: string): void;
  /** Another concept (a broader term's) in this view. */
  onOpenConcept(id: string): void;
}

export function ConceptPage({ id, audience, onAudienceChange, onOpenSummary, onOpenConcept }: ConceptPageProps) {
  const [concept, setConcept] = useState<Concept | null>();
  const [overview, setOverview] = useState<ConceptOverview>();
  // Back to this view: the filters it had. A new view: none, in the order the reader last chose.
  const [filter, setFilter] = useState<FilterChoice>(
    () => (currentPlace().filter as FilterChoice | undefined) ?? (likelyOrder() === 'newest' ? { ...NO_FILTER, order: 'newest' } : NO_FILTER),
  );
  const [list, setList] = useState<Page>();
  const [loadingMore, setLoadingMore] = useState(false);
  // The summaries the reader saved are marked in the list.
  const saved = useSaved();
  const savedIds = useMemo(() => new Set(saved?.map((s) => s.id)), [saved]);
  const [error, setError] = useState<string>();
  const [syncedFrom, setSyncedFrom] = useState<string>();
  // How many summaries to show when the list is (re)loaded: all the reader had, when coming back.
  const shown = useRef(currentPlace().shown ?? FIRST_PAGE);
  // Each (re)load of the list (another filter or wording) is a request of its own: more summaries asked for
  // an earlier one would append items in its order and filter, and repeat some.
  const request = useRef(0);
  const listOf = useRef(0);

  // Data is asked for in layout effects, which run before the first paint rather than a frame after it.
  useLayoutEffect(() => {
    let live = true;
    getConcept(id).then(
      (c) => {
        if (!live) return;
        setConcept(c);
        if (c) void rememberOpened(id).catch(() => undefined);
      },
      (e: Error) => live && setError(e.message),
    );
    getStatus().then((s) => live && setSyncedFrom(s.installed && s.installed.origin !== 'bundled' ? s.installed.origin : undefined), () => undefined);
    getOverview(id).then(
      (o) => live && setOverview(o),
      () => live && setOverview({ research: 0, consumer: 0, byDesign: {} }),
    );
    return () => {
      live = false;
    };
  }, [id]);

  useLayoutEffect(() => {
    let live = true;
    const asked = ++request.current;
    setLoadingMore(false);
    rememberPlace({ filter, shown: shown.current });
    // The list shown so far stays on screen until the new one arrives: no flash, no jump.
    getSummaries(id, audience, 0, shown.current, toSummaryFilter(filter)).then(
      (page) => {
        if (!live) return;
        listOf.current = asked;
        setList(page);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [id, audience, filter]);

  const showMore = () => {
    const asked = request.current;
    // The list on screen is the last filter's until the new one arrives: nothing to add to it.
    if (!list || loadingMore || listOf.current !== asked) return;
    const offset = list.items.length;
    setLoadingMore(true);
    getSummaries(id, audience, offset, MORE, toSummaryFilter(filter)).then(
      (page) => {
        if (request.current !== asked) return;
        setList((before) => ({ total: page.total, items: [...(before?.items ?? []), ...page.items] }));
        shown.current = offset + page.items.length;
        rememberPlace({ shown: shown.current });
        setLoadingMore(false);
      },
      () => request.current === asked && setLoadingMore(false),
    );
  };

  // The concept's studies taken elsewhere: the ids asked for on the reader's click, for the filters shown then.
  const [studyOutcome, setStudyOutcome] = useState<StudyListOutcome>();
  useEffect(() => setStudyOutcome(undefined), [id, filter]);
  const take = async (how: 'open' | 'copy') => setStudyOutcome(await takeStudies(() => getStudyPmids(id, toSummaryFilter(filter)), how));

  // The view appears with its overview (asked at the same moment, and small), so that the overview's
  // arrival does not push the list down.
  const ready = concept !== undefined && overview !== undefined;
  useLayoutEffect(() => {
    if (ready && concept) markContent();
  }, [ready]);
  useEffect(() => setViewTitle(concept ? nameFor(concept, audience) : undefined), [concept, audience]);

  // Back to this view: return to where the reader was once the list is there again (before the browser
  // paints the top of the view).
  useLayoutEffect(() => {
    if (!concept || !list) return;
    markSummaries();
    restoreScroll();
  }, [concept, list !== undefined]);

  if (error) return <p role="alert">Could not read this term: {error}</p>;
  if (!ready) return <div class="placeholder concept-placeholder" aria-busy="true" />;
  if (concept === null) return <p role="alert">This term is not in the installed dataset.</p>;
  return (
    <ConceptView
      concept={concept}
      overview={overview}
      summaries={list}
      audience={audience}
      filter={filter}
      loadingMore={loadingMore}
      syncedFrom={syncedFrom}
      savedIds={savedIds}
      onAudienceChange={(a) => {
        shown.current = FIRST_PAGE;
        onAudienceChange(a);
      }}
      onFilterChange={(f) => {
        shown.current = FIRST_PAGE;
        if ((f.order ?? 'strongest') !== (filter.order ?? 'strongest')) rememberOrder(f.order ?? 'strongest');
        setFilter(f);
      }}
      onOpenSummary={onOpenSummary}
      onOpenConcept={onOpenConcept}
      onShowMore={showMore}
      studyList={{ outcome: studyOutcome, onOpen: () => void take('open'), onCopy: () => void take('copy') }}
    />
  );
}
