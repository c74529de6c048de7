// The view the popup opens on: search (focused) above the terms found on the page.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FoundStudy, type StudyLookup } from '../../components/FoundStudy';
import { OnThisPage, type PageState } from '../../components/OnThisPage';
import { RecentTerms } from '../../components/RecentTerms';
import { SavedSummariesPreview } from '../../components/SavedSummaries';
import { useSaved } from './saved';
import type { RecentTerm } from '../../lib/recent/recent-terms';
import { recentTermsItem } from '../../lib/recent/storage';
import { SearchPanel } from '../../components/SearchPanel';
import type { ConceptHit } from '../../lib/search/rank';
import type { Audience } from '../../lib/settings/preferences';
import { pmidOfQuery } from '../../lib/citation/pmid';
import { askOpeners, clearRecent, getSummary, searchConcepts } from './data';
import { askToAllowSite, readTabNow } from '../../lib/tabs/site-access';
import { awaitsReport, firstPageState, loadPageState, startedContentScript, watchFindings, watchNavigation } from './page-state';
import { setPaused } from './preferences';
import { currentPlace, rememberPlace } from './route';
import { markContent } from './timing';
import { setViewTitle } from './title';

/** How long a page with no report yet is said to be being read, before the popup says none came. */
const READING_MS = 5000;
/** How long a search the background did not answer waits before it is asked again. */
const SEARCH_AGAIN_MS = 3000;

export function HomeView({
  tabId,
  audience,
  onOpenConcept,
  onOpenSummary,
  onOpenSaved,
}: {
  tabId?: number;
  audience: Audience;
  onOpenConcept(id: string): void;
  onOpenSummary(id: string): void;
  onOpenSaved(): void;
}) {
  const saved = useSaved();
  const [query, setQuery] = useState(() => currentPlace().query ?? '');
  // `failed`: the background did not answer (data.ts asked three times); asked again while the words stand.
  const [answer, setAnswer] = useState<{ query: string; hits: ConceptHit[]; failed?: true }>();
  // A PubMed id typed or pasted: the study it names, looked up instead of a term.
  const [study, setStudy] = useState<StudyLookup>();
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  // The terms the reader opened lately, as storage has them (the background writes the list).
  const [recent, setRecent] = useState<RecentTerm[]>([]);
  // Counts the reader's "Allow": the page is looked at again once the browser lets the extension in.
  const [allowed, setAllowed] = useState(0);
  const asked = useRef(0);
  /** The next ask of a search the background did not answer; cleared when the view goes. */
  const askAgain = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(askAgain.current), []);

  // Asked before the first paint, not a frame after it.
  useLayoutEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    let first = true;
    // A popup opened before the page's first report (a cold worker loads its matcher for seconds) says the page is
    // being read for a while, and shows the report whenever it comes.
    let reading = true;
    let awaiting = false;
    let triedToRead = false;
    // The tab a "not allowed" is about: it may go to another page meanwhile, and no report would say so.
    let asking: number | undefined;
    // Loads may overlap (a report and a navigation at once): only the latest one's answer is shown.
    let loads = 0;
    const load = async (): Promise<void> => {
      const n = ++loads;
      try {
        const state = await (first ? firstPageState(tabId) : loadPageState(tabId));
        first = false;
        if (!live || n !== loads) return;
        // A site kept from the extension: the reader's click on the toolbar button lets it read this one tab
        // (activeTab), as Chrome's "when you click the extension" means. Only if not does the view ask (not a
        // button shown, then taken away from under the pointer).
        if (state.kind === 'not-allowed' && state.tabId !== undefined && !triedToRead) {
          triedToRead = true;
          if (await readTabNow(state.tabId)) {
            startedContentScript(state.tabId, state.url);
            return load();
          }
          if (!live || n !== loads) return;
        }
        // A site kept from the extension may be allowed meanwhile (in the browser's menu): its report then comes.
        awaiting = awaitsReport(state) || state.kind === 'not-allowed';
        asking = state.kind === 'not-allowed' ? state.tabId : undefined;
        setPage(awaitsReport(state) && reading ? { ...state, reading } : state);
        // Follow a first import's progress until the dataset is ready.
        if (state.kind === 'importing') timer = setTimeout(load, 500);
      } catch {
        if (live && n === loads) timer = setTimeout(load, 1000);
      }
    };
    void load();
    const unwatch = watchFindings(() => awaiting && void load());
    const unfollow = watchNavigation((id) => id === asking && void load());
    const gaveUp = setTimeout(() => {
      reading = false;
      setPage((state) => (state.kind === 'ready' && state.reading ? { ...state, reading: false } : state));
    }, READING_MS);
    return () => {
      live = false;
      clearTimeout(timer);
      clearTimeout(gaveUp);
      unwatch();
      unfollow();
    };
  }, [tabId, allowed]);

  // A layout effect: the mark is set as the content reaches the DOM, not a frame later.
  useLayoutEffect(() => {
    if (page.kind !== 'loading') markContent();
  }, [page.kind]);

  useEffect(() => setViewTitle(), []);

  useEffect(() => {
    let live = true;
    recentTermsItem.getValue().then((terms) => live && setRecent(terms), () => undefined);
    const unwatch = recentTermsItem.watch((terms) => live && setRecent(terms));
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  // Once the view is up, the answers for a first letter, so that the reader's first keystroke is answered here.
  useEffect(() => {
    const idle = globalThis.requestIdleCallback ?? ((run: () => void) => setTimeout(run, 50));
    idle(() => askOpeners());
  }, []);

  // Asked from the input handler itself, not from an effect, which would wait for the next frame.
  const search = (text: string) => {
    const q = text.trim();
    // Answers may arrive out of order: only the latest question's answer is shown.
    const n = ++asked.current;
    const pmid = pmidOfQuery(q);
    setStudy(pmid ? { pmid, state: 'looking' } : undefined);
    if (pmid) {
      getSummary(`pmid:${pmid}`).then(
        (summary) => n === asked.current && setStudy(summary?.kind === 'research' ? { pmid, state: 'found', summary } : { pmid, state: 'absent' }),
        () => n === asked.current && setStudy({ pmid, state: 'failed' }),
      );
    }
    // The question goes out before the input's own re-render is even scheduled: it waits for nothing.
    else if (q)
      searchConcepts(q, text).then(
        (hits) => n === asked.current && setAnswer({ query: q, hits }),
        () => {
          if (n !== asked.current) return;
          setAnswer({ query: q, hits: [], failed: true });
          askAgain.current = setTimeout(() => n === asked.current && search(text), SEARCH_AGAIN_MS);
        },
      );
    setQuery(text);
    if (!q) setAnswer(undefined);
  };
  // Back to this view: the words the reader had typed, with their results.
  useEffect(() => {
    if (query.trim()) search(query);
  }, []);

  const openConcept = (id: string) => {
    rememberPlace({ query, opened: id });
    onOpenConcept(id);
  };

  const openSummary = (id: string) => {
    rememberPlace({ query, opened: id });
    onOpenSummary(id);
  };

  const onClearRecent = () => {
    setRecent([]);
    // The button goes with the list: focus goes on to the search box, not back to the page's start.
    document.getElementById('search-input')?.focus();
    void clearRecent().catch(() => undefined);
  };

  const onPausedChange = async (paused: boolean) => {
    if (page.kind !== 'ready' || !page.site) return;
    setPage({ ...page, paused });
    await setPaused(page.site, paused);
  };

  const onAllowSite = () => {
    if (page.kind !== 'not-allowed') return;
    // Asked first thing in the click: the browser shows its question only during one. Once allowed, the background
    // reads the site's open tabs, and this view waits for the page's report.
    void askToAllowSite(page.pattern).then((yes) =>
      // The page may have been read meanwhile (allowed in the browser's menu): a refusal then changes nothing.
      yes ? setAllowed((n) => n + 1) : setPage((state) => (state.kind === 'not-allowed' ? { ...state, refused: true } : state)),
    );
  };

  return (
    <>
      <h1 class="visually-hidden">Evidence Lens</h1>
      <SearchPanel
        query={query}
        results={query.trim() && !study ? answer?.hits : undefined}
        resultsFor={answer?.query}
        failed={answer?.failed}
        autoFocus
        audience={audience}
        reselect={currentPlace().opened}
        onQueryChange={search}
        onOpenConcept={openConcept}
        onEnter={study?.state === 'found' ? () => openSummary(study.summary.id) : undefined}
      />
      {study && <FoundStudy lookup={study} onOpen={openSummary} />}
      {!query.trim() && <OnThisPage state={page} audience={audience} onOpenConcept={openConcept} onOpenSummary={openSummary} onPausedChange={onPausedChange} onAllowSite={onAllowSite} />}
      {!query.trim() && <RecentTerms terms={recent} audience={audience} onOpenConcept={openConcept} onClear={onClearRecent} />}
      {!query.trim() && saved && <SavedSummariesPreview items={saved} onOpen={openSummary} onShowAll={onOpenSaved} />}
    </>
  );
}
