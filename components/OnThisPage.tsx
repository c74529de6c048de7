// "On this page": the terms the content script found in the tab, most relevant first, with a switch to
// pause highlighting on the site; or why there is nothing to show.
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ResearchSummary } from '../lib/dataset/types';
import type { DatasetStatusReport } from '../lib/messaging/protocol';
import type { ReportedTerm } from '../lib/tabs/findings';
import type { Audience } from '../lib/settings/preferences-model';
import { groupDigits, nameFor, plural } from './format';
import { onListFocusIn, onListKeyDown, rove } from './listKeys';
import { HeldStudy } from './FoundStudy';
import { VisuallyHidden } from './VisuallyHidden';

export type PageState =
  | { kind: 'loading' }
  /** A browser page, an extension page or a store: no content script runs there. */
  | { kind: 'unreadable' }
  /** The popup shown in a tab of its own: the active tab is this very page. */
  | { kind: 'own-page' }
  /** The tab named in the address was closed (and left no report). */
  | { kind: 'closed' }
  /**
   * The reader's browser keeps the extension off this site (Chrome's site access, Firefox's per-site permission).
   * `refused` once the reader said no when asked.
   */
  | { kind: 'not-allowed'; site: string; refused?: boolean; /** What to ask for, and where. */ pattern: string; tabId?: number; url?: string }
  /** The dataset is not installed yet: its first import is running. */
  | { kind: 'importing'; status?: DatasetStatusReport }
  /**
   * `terms` is null where the content script has not reported (yet); `reading` while it may still be at work
   * (the popup opened before its first report, a cold worker loading its matcher). `article`: the dataset's summary
   * of the study the page is (a PubMed record, an article whose citation tags give its PubMed id).
   */
  | { kind: 'ready'; site?: string; paused: boolean; pausedBy?: string; terms: ReportedTerm[] | null; reading?: boolean; article?: ResearchSummary };

export interface OnThisPageProps {
  state: PageState;
  /** Terms are named in the reader's wording (components/format.ts nameFor). */
  audience?: Audience;
  onOpenConcept(id: string): void;
  /** Opens a summary's view (the study the page is). */
  onOpenSummary?(id: string): void;
  onPausedChange(paused: boolean): void;
  /** Asks the browser to let the extension read the site (the 'not-allowed' state's button). */
  onAllowSite?(): void;
}

export function OnThisPage({ state, audience = 'clinician', onOpenConcept, onOpenSummary, onPausedChange, onAllowSite }: OnThisPageProps) {
  const section = useRef<HTMLElement>(null);
  // Read before the new state reaches the DOM: was the reader in what is about to go (the "Allow" button, once the
  // page is read)? Then focus follows into what replaced it, rather than falling back to the page's body.
  const shownKind = useRef(state.kind);
  const focusWasIn = useRef(false);
  if (shownKind.current !== state.kind) {
    shownKind.current = state.kind;
    focusWasIn.current = !!section.current?.contains(document.activeElement);
  }
  useLayoutEffect(() => {
    if (!focusWasIn.current) return;
    focusWasIn.current = false;
    const here = section.current;
    if (!here || here.contains(document.activeElement)) return;
    const active = document.activeElement;
    if (active && active !== document.body) return; // the reader has gone on elsewhere
    // The list's Tab stop when terms came; else the section itself, read with its heading.
    (here.querySelector<HTMLElement>('[data-list-item][tabindex="0"]') ?? here).focus();
  }, [state.kind]);
  return (
    <section ref={section} tabIndex={-1} class="on-this-page" aria-labelledby="on-this-page-heading" data-testid="on-this-page" data-state={state.kind}>
      <div class="section-head">
        <h2 id="on-this-page-heading">On this page</h2>
        {state.kind === 'ready' && state.site && <PauseSwitch site={state.site} paused={state.paused} pausedBy={state.pausedBy} onChange={onPausedChange} />}
      </div>
      {state.kind === 'ready' && state.article && onOpenSummary && <HeldStudy head="This article is in the evidence" summary={state.article} onOpen={onOpenSummary} testId="this-article" />}
      <PageBody state={state} audience={audience} onOpenConcept={onOpenConcept} onAllowSite={onAllowSite} />
    </section>
  );
}

function PageBody({ state, audience, onOpenConcept, onAllowSite }: { state: PageState; audience: Audience; onOpenConcept(id: string): void; onAllowSite?(): void }) {
  switch (state.kind) {
    case 'loading':
      return <p class="placeholder" aria-busy="true">Looking at this page…</p>;
    case 'unreadable':
      return (
        <p class="empty" data-testid="page-unreadable">
          Evidence Lens cannot read this page. Browsers keep extensions out of their own pages, extension stores and
          built-in viewers. Search for a term above instead.
        </p>
      );
    case 'own-page':
      return (
        <p class="empty" data-testid="page-own">
          Open Evidence Lens from the toolbar on an article to see the terms it found there. Search for a term above.
        </p>
      );
    case 'closed':
      return (
        <p class="empty" data-testid="page-closed">
          That tab has been closed. Search for a term above instead.
        </p>
      );
    case 'not-allowed':
      return (
        <div data-testid="page-not-allowed">
          <p class="empty">Your browser keeps Evidence Lens off {state.site} until you allow it, so this page has not been read.</p>
          {/* In place before it has words: a live region added with its text is often not read out. */}
          <p class="empty" role="status">
            {state.refused ? "Not allowed. You can allow it later here, or in your browser's settings for extensions." : ''}
          </p>
          <button type="button" class="allow-site" onClick={() => onAllowSite?.()} data-testid="allow-site">
            Allow on {state.site}
          </button>
        </div>
      );
    case 'importing':
      return (
        <div class="empty" data-testid="page-importing">
          <p>The evidence dataset is being set up. Terms and summaries appear when it is ready.</p>
          <ImportProgress status={state.status} />
        </div>
      );
    case 'ready':
      if (state.paused) return <p class="empty">Highlighting is paused on this site.</p>;
      if (!state.terms && state.reading) return <p class="placeholder" aria-busy="true" data-testid="page-reading">Reading this page…</p>;
      if (!state.terms) return <p class="empty">No terms found on this page yet. Reload the page if it was open before the extension was installed.</p>;
      if (state.terms.length === 0) return <p class="empty" data-testid="page-no-terms">No medical terms found on this page.</p>;
      return (
        <ul ref={(list) => rove(list)} class="term-list" onKeyDown={onListKeyDown} onFocusIn={onListFocusIn} aria-label="Medical terms on this page" data-testid="term-list">
          {state.terms.map((t) => (
            <li key={t.conceptId}>
              <button type="button" class="row" data-list-item data-focus-key={t.conceptId} onClick={() => onOpenConcept(t.conceptId)}>
                {/* Read as "Brain, anatomy, 17 times on the page, 12 summaries". */}
                <span class="row-main">{nameFor(t, audience)}</span>
                <VisuallyHidden>, </VisuallyHidden>
                <span class="row-meta">
                  {t.category}
                  <span aria-hidden="true"> · ×{t.count}</span>
                  <VisuallyHidden>, {plural(t.count, 'time')} on the page</VisuallyHidden>
                  {/* What opening it will show: a term with none offers related terms and searches elsewhere. */}
                  {t.summaries !== undefined && (
                    <span>
                      <span aria-hidden="true"> · </span>
                      <VisuallyHidden>, </VisuallyHidden>
                      {t.summaries === 0 ? 'no summary' : plural(t.summaries, 'summary', 'summaries')}
                    </span>
                  )}
                </span>
              </button>
            </li>
          ))}
        </ul>
      );
  }
}

function PauseSwitch({ site, paused, pausedBy, onChange }: { site: string; paused: boolean; pausedBy?: string; onChange(paused: boolean): void }) {
  // Paused with a wider site: turning the switch off resumes that site and its subdomains, so it is named.
  const wider = paused ? pausedBy : undefined;
  return (
    <button
      type="button"
      role="switch"
      class="switch"
      aria-checked={paused}
      title={wider ? `Paused with ${wider}: turning this off resumes ${wider} and its subdomains` : `Pause highlighting on ${site}`}
      onClick={() => onChange(!paused)}
      data-testid="pause-switch"
    >
      <span class="switch-track" aria-hidden="true" />
      Pause on this site
      {wider && <span class="meta"> (with {wider})</span>}
    </button>
  );
}

/** How far the first import has got: records while it runs, files where only a stopped import is known. */
function ImportProgress({ status }: { status: DatasetStatusReport | undefined }) {
  const importing = status?.importing;
  const pending = status?.pending;
  const [done, total, what] = importing
    ? [importing.records, importing.recordsTotal, 'records']
    : pending
      ? [pending.filesDone, pending.filesTotal, 'files']
      : [undefined, undefined, ''];
  if (done === undefined || !total) return <progress aria-label="Dataset import" />;
  return (
    <p class="import-progress">
      <label for="import-progress">
        {groupDigits(done)} of {groupDigits(total)} {what}
      </label>
      <progress id="import-progress" max={total} value={done} />
    </p>
  );
}
