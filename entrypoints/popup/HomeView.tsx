// The view the popup opens on: search (focused) above the terms found on the page.
import { useEffect, useRef, useState } from 'preact/hooks';
import { OnThisPage, type PageState } from '../../components/OnThisPage';
import { SearchPanel } from '../../components/SearchPanel';
import type { ConceptHit } from '../../lib/db/queries';
import { canReadPage, siteOf } from '../../lib/tabs/readable';
import { getStatus, getTabFindings, searchConcepts } from './data';
import { isPaused, setPaused } from './preferences';
import { currentPlace, rememberPlace } from './route';
import { findTab } from './tab';
import { markContent } from './timing';

/** What "On this page" shows for a tab (or the active tab). */
async function loadPageState(tabId: number | undefined): Promise<PageState> {
  const [tab, status] = await Promise.all([findTab(tabId), getStatus()]);
  const findings = tab.id !== undefined ? await getTabFindings(tab.id) : null;
  const url = tab.url ?? findings?.url;
  // Without a report and without a readable address, no content script can be at work in that tab.
  if (!findings && !canReadPage(url)) return { kind: 'unreadable' };
  if (!status.installed) return { kind: 'importing', status };
  const site = siteOf(url);
  return { kind: 'ready', site, paused: site ? await isPaused(site) : false, terms: findings?.terms ?? null };
}

export function HomeView({ tabId, onOpenConcept }: { tabId?: number; onOpenConcept(id: string): void }) {
  const [query, setQuery] = useState(() => currentPlace().query ?? '');
  const [answer, setAnswer] = useState<{ query: string; hits: ConceptHit[] }>();
  const [page, setPage] = useState<PageState>({ kind: 'loading' });
  const asked = useRef(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const load = async () => {
      try {
        const state = await loadPageState(tabId);
        if (!live) return;
        setPage(state);
        // Follow a first import's progress until the dataset is ready.
        if (state.kind === 'importing') timer = setTimeout(load, 500);
      } catch {
        if (live) timer = setTimeout(load, 1000);
      }
    };
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tabId]);

  useEffect(() => {
    if (page.kind !== 'loading') markContent();
  }, [page.kind]);

  useEffect(() => {
    rememberPlace({ query });
    const q = query.trim();
    if (!q) return setAnswer(undefined);
    // Answers may arrive out of order: only the latest question's answer is shown.
    const n = ++asked.current;
    searchConcepts(q).then(
      (hits) => n === asked.current && setAnswer({ query: q, hits }),
      () => n === asked.current && setAnswer({ query: q, hits: [] }),
    );
  }, [query]);

  const onPausedChange = async (paused: boolean) => {
    if (page.kind !== 'ready' || !page.site) return;
    setPage({ ...page, paused });
    await setPaused(page.site, paused);
  };

  return (
    <>
      <h1 class="visually-hidden">Evidence Lens</h1>
      <SearchPanel
        query={query}
        results={query.trim() ? answer?.hits : undefined}
        autoFocus
        onQueryChange={setQuery}
        onOpenConcept={onOpenConcept}
      />
      {!query.trim() && <OnThisPage state={page} onOpenConcept={onOpenConcept} onPausedChange={onPausedChange} />}
    </>
  );
}
