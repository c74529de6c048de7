// The popup: one view at a time (home, concept, summary, saved), each addressable by URL, with Back.
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ConceptPage } from './ConceptPage';
import { HomeView } from './HomeView';
import { useAudience } from './preferences';
import { parseRoute, routeSearch, viewUrl, type Route } from '../../lib/views/address';
import { currentPlace, rememberPlace } from './route';
import { SummaryPage } from './SummaryPage';
import { SavedPage } from './SavedPage';
import { StorageNotice } from '../../components/StorageNotice';
import { useStorageStatus } from './storage-status';

export function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.search));
  const [audience, setAudience] = useAudience();
  const main = useRef<HTMLElement>(null);
  /** The view was reached with Back: focus returns to what the reader had opened from it. */
  const cameBack = useRef(false);
  const [inTab, setInTab] = useState(true);
  const storage = useStorageStatus();

  // In the toolbar popup (not a tab of its own), offer to open the same view in a full tab.
  useEffect(() => {
    browser.tabs.getCurrent().then(
      (tab) => {
        setInTab(tab !== undefined);
        document.documentElement.classList.toggle('in-tab', tab !== undefined);
      },
      () => setInTab(true),
    );
  }, []);

  const openInTab = async () => {
    // The tab the popup is about, named in the address, so the full tab still shows its terms.
    const about = route.tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const view: Route = about === undefined ? route : { ...route, tab: about };
    await browser.tabs.create({ url: viewUrl(view) });
    window.close();
  };

  useEffect(() => {
    // Views restore their own scroll position once their data is back.
    history.scrollRestoration = 'manual';
    if (!history.state) history.replaceState({ depth: 0 }, '');
    const onPop = () => {
      cameBack.current = true;
      setRoute(parseRoute(location.search));
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const go = (next: Route) => {
    const focused = document.activeElement?.closest<HTMLElement>('[data-focus-key]');
    rememberPlace({ scrollY: window.scrollY, focusKey: focused?.dataset.focusKey });
    history.pushState({ depth: currentPlace().depth + 1 }, '', location.pathname + routeSearch(next));
    setRoute(next);
    window.scrollTo(0, 0);
  };

  const back = () => {
    if (currentPlace().depth > 0) return history.back();
    // Opened straight on a concept or summary: Back leads home.
    const home: Route = { view: 'home', ...(route.tab === undefined ? {} : { tab: route.tab }) };
    history.replaceState({ depth: 0 }, '', location.pathname + routeSearch(home));
    setRoute(home);
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape closes the toolbar popup; a view open in a tab of its own is the reader's page, and stays.
      if (route.view !== 'home') back();
      else if (!inTab) window.close();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  });

  // A new view: move focus to its heading so keyboard and screen-reader users start at the top of it. Back
  // to a view: to the item the reader had opened, once the view's data has brought it back.
  useEffect(() => {
    const key = cameBack.current ? currentPlace().focusKey : undefined;
    cameBack.current = false;
    let tries = 0;
    let timer: ReturnType<typeof setTimeout>;
    // The reader's own keys and clicks win: one who starts typing in the search box before the item is back keeps
    // the box (a key arriving just as the term list came back had moved focus to it, and the typing went there).
    const readerActed = () => clearTimeout(timer);
    addEventListener('keydown', readerActed, { capture: true, once: true });
    addEventListener('pointerdown', readerActed, { capture: true, once: true });
    // Either may come with the view's data, a little later: look again every 25 ms for up to a second.
    const attempt = () => {
      const item = key ? main.current?.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
      if (item) return item.focus({ preventScroll: true });
      if (key && ++tries < 40) return (timer = setTimeout(attempt, 25));
      if (route.view === 'home') return;
      const heading = main.current?.querySelector<HTMLElement>('h1');
      if (heading) heading.focus({ preventScroll: true });
      else if (++tries < 80) timer = setTimeout(attempt, 25);
    };
    timer = setTimeout(attempt, 0);
    return () => {
      clearTimeout(timer);
      removeEventListener('keydown', readerActed, { capture: true });
      removeEventListener('pointerdown', readerActed, { capture: true });
    };
  }, [route]);

  const tab = route.tab === undefined ? {} : { tab: route.tab };
  return (
    <>
      <header class="app-bar">
        {route.view !== 'home' ? (
          <button type="button" class="back" onClick={back} data-testid="back">
            <span aria-hidden="true">←</span> Back
          </button>
        ) : null}
        <span class="app-name">Evidence Lens</span>
        {!inTab && (
          <button type="button" class="open-tab" onClick={openInTab} title="Open this view in a tab" data-testid="open-in-tab">
            Open in tab <span aria-hidden="true">↗</span>
          </button>
        )}
      </header>
      <StorageNotice {...storage} />
      <main ref={main} key={`${route.view}|${'id' in route ? route.id : ''}`}>
        {route.view === 'home' && (
          <HomeView
            tabId={route.tab}
            audience={audience}
            onOpenConcept={(id) => go({ view: 'concept', id, ...tab })}
            onOpenSummary={(id) => go({ view: 'summary', id, ...tab })}
            onOpenSaved={() => go({ view: 'saved', ...tab })}
          />
        )}
        {route.view === 'saved' && <SavedPage onOpenSummary={(id) => go({ view: 'summary', id, ...tab })} />}
        {route.view === 'concept' && (
          <ConceptPage
            id={route.id}
            audience={audience}
            onAudienceChange={setAudience}
            onOpenSummary={(id) => go({ view: 'summary', id, ...tab })}
            onOpenConcept={(id) => go({ view: 'concept', id, ...tab })}
          />
        )}
        {route.view === 'summary' && <SummaryPage id={route.id} audience={audience} onOpenConcept={(id) => go({ view: 'concept', id, ...tab })} />}
      </main>
    </>
  );
}
