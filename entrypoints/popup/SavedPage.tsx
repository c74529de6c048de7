// The reader's saved summaries in full: each opens its summary (or its source, once the dataset no longer holds it)
// and can be removed, with Undo; the studies open together in PubMed, or copy as PubMed ids or numbered citations.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { SavedSummariesList } from '../../components/SavedSummaries';
import { StudyListActions, type StudyListOutcome } from '../../components/StudyListActions';
import { plural } from '../../components/format';
import { VisuallyHidden } from '../../components/VisuallyHidden';
import { savedCitations, savedPmids, type SavedSummary } from '../../lib/saved/saved-summaries';
import { restoreScroll } from './route';
import { clearSaved, saveSummary, unsaveSummary, useSaved } from './saved';
import { takeStudies } from './take-studies';
import { markContent } from './timing';
import { setViewTitle } from './title';

export function SavedPage({ onOpenSummary }: { onOpenSummary(id: string): void }) {
  const items = useSaved();
  const [outcome, setOutcome] = useState<StudyListOutcome>();
  /** The entry just removed, to put back; or a change the background refused, in its words. */
  const [removed, setRemoved] = useState<SavedSummary>();
  const [error, setError] = useState<string>();
  const [confirmClear, setConfirmClear] = useState(false);
  // Where focus goes when what held it goes: a removed row's button to Undo, Undo to the row it put back, "Remove
  // all…" to "Keep them" (the safe answer), a list removed whole to the heading.
  const view = useRef<HTMLElement>(null);
  const focusNext = useRef<string>();
  useEffect(() => {
    const selector = focusNext.current;
    if (!selector) return;
    const target = view.current?.querySelector<HTMLElement>(selector);
    if (!target) return;
    focusNext.current = undefined;
    target.focus();
  });

  useEffect(() => setViewTitle('Saved summaries'), []);
  useLayoutEffect(() => {
    if (!items) return;
    markContent();
    restoreScroll();
  }, [items !== undefined]);

  if (!items) return <div class="placeholder" aria-busy="true" />;

  const act = async (change: () => Promise<void>) => {
    setError(undefined);
    try {
      await change();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const remove = (item: SavedSummary) => {
    setRemoved(item);
    focusNext.current = '[data-testid="saved-undo"]';
    void act(() => unsaveSummary(item.id));
  };
  const undo = () => {
    if (!removed) return;
    const item = removed;
    setRemoved(undefined);
    focusNext.current = `[data-focus-key="${CSS.escape(`saved:${item.id}`)}"]`;
    void act(() => saveSummary(item.id, item.at));
  };
  const copyCitations = async () => {
    try {
      await navigator.clipboard.writeText(savedCitations(items, new Date()));
      setOutcome({ kind: 'cited', count: items.length });
    } catch {
      setOutcome({ kind: 'failed', doing: 'copy' });
    }
  };

  return (
    <article class="saved-view" data-testid="saved-view" ref={view}>
      <h1 tabIndex={-1}>Saved summaries</h1>
      {items.length === 0 ? (
        <p data-testid="saved-empty">Nothing saved yet. “Save for later” on a summary keeps it here, to come back to, cite or export.</p>
      ) : (
        <>
          <p class="meta">{plural(items.length, 'summary', 'summaries')}, newest first, kept in this browser only.</p>
          <StudyListActions
            filtered={false}
            label="The saved studies:"
            outcome={outcome}
            onOpen={async () => setOutcome(await takeStudies(() => savedPmids(items), 'open'))}
            onCopy={async () => setOutcome(await takeStudies(() => savedPmids(items), 'copy'))}
          />
          <p>
            <button type="button" onClick={copyCitations} data-testid="saved-cite">
              Copy citations<VisuallyHidden> of every saved summary</VisuallyHidden>
            </button>
          </p>
          <SavedSummariesList items={items} onOpen={onOpenSummary} onRemove={remove} />
        </>
      )}
      <p role="status" class="meta" data-testid="saved-outcome">
        {removed && (
          <>
            Removed “{removed.title}”{' '}
            <button type="button" class="link" onClick={undo} data-testid="saved-undo">
              Undo
            </button>
          </>
        )}
      </p>
      {error && (
        <p role="alert" data-testid="saved-error">
          {error}
        </p>
      )}
      {items.length > 0 && (
        <p class="saved-clear">
          {confirmClear ? (
            <>
              Remove all {plural(items.length, 'saved summary', 'saved summaries')}?{' '}
              <button
                type="button"
                onClick={() => {
                  setConfirmClear(false);
                  focusNext.current = 'h1';
                  void act(clearSaved);
                }}
                data-testid="saved-clear-confirm"
              >
                Remove all
              </button>{' '}
              <button
                type="button"
                data-testid="saved-clear-keep"
                onClick={() => {
                  setConfirmClear(false);
                  focusNext.current = '[data-testid="saved-clear"]';
                }}
              >
                Keep them
              </button>
            </>
          ) : (
            <button
              type="button"
              onClick={() => {
                setConfirmClear(true);
                focusNext.current = '[data-testid="saved-clear-keep"]';
              }}
              data-testid="saved-clear"
            >
              Remove all…
            </button>
          )}
        </p>
      )}
    </article>
  );
}
