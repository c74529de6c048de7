// The reader's saved summaries (lib/saved): rows that open each one, newest first. A summary the installed dataset
// no longer holds is still listed, and links to its source instead. Pure views: the popup reads the list and acts.
import type { SavedSummary } from '../lib/saved/saved-summaries';
import { plural } from './format';
import { onListFocusIn, onListKeyDown, rove } from './listKeys';
import { VERDICT_LABELS } from './VerdictBadge';
import { VisuallyHidden } from './VisuallyHidden';

/** What a row says under its title: the verdict and year of a study, the site of a plain-language page. */
function rowMeta(item: SavedSummary): string {
  if (item.missing) return 'No longer in the installed dataset: opens at its source';
  if (item.kind === 'consumer') return `In plain language${item.source ? `, ${item.source}` : ''}`;
  return [item.verdict ? VERDICT_LABELS[item.verdict] : '', item.year ? String(item.year) : ''].filter(Boolean).join(' · ') || 'Research';
}

function SavedRow({ item, onOpen }: { item: SavedSummary; onOpen(id: string): void }) {
  const body = (
    <>
      <span class="row-main">{item.title}</span>
      <VisuallyHidden>, </VisuallyHidden>
      <span class="row-meta">{rowMeta(item)}</span>
    </>
  );
  return item.missing ? (
    <a class="row" href={item.url} target="_blank" rel="noopener noreferrer" data-list-item data-focus-key={`saved:${item.id}`}>
      {body}
    </a>
  ) : (
    <button type="button" class="row" data-list-item data-focus-key={`saved:${item.id}`} onClick={() => onOpen(item.id)}>
      {body}
    </button>
  );
}

/** The first page's section: the newest few, and the way to all of them. */
export function SavedSummariesPreview({ items, shown = 3, onOpen, onShowAll }: { items: SavedSummary[]; shown?: number; onOpen(id: string): void; onShowAll(): void }) {
  if (items.length === 0) return null;
  return (
    <section class="saved-summaries" aria-labelledby="saved-heading" data-testid="saved-preview">
      <div class="section-head">
        <h2 id="saved-heading">Saved</h2>
        <button type="button" onClick={onShowAll} data-testid="saved-all" data-focus-key="saved-all">
          {items.length > shown ? `All ${items.length}` : 'Cite or export'}
          <VisuallyHidden> saved summaries</VisuallyHidden>
        </button>
      </div>
      <ul ref={(list) => rove(list)} class="term-list saved-list" onKeyDown={onListKeyDown} onFocusIn={onListFocusIn} aria-label="Summaries you saved">
        {items.slice(0, shown).map((item) => (
          <li key={item.id}>
            <SavedRow item={item} onOpen={onOpen} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The saved view's list: every saved summary, each with Remove. */
export function SavedSummariesList({ items, onOpen, onRemove }: { items: SavedSummary[]; onOpen(id: string): void; onRemove(item: SavedSummary): void }) {
  return (
    <ul class="term-list saved-list full" aria-label={plural(items.length, 'saved summary', 'saved summaries')} data-testid="saved-list">
      {items.map((item) => (
        <li key={item.id} class="saved-item">
          <SavedRow item={item} onOpen={onOpen} />
          <button type="button" class="remove" onClick={() => onRemove(item)} data-testid="saved-remove">
            Remove<VisuallyHidden> “{item.title}”</VisuallyHidden>
          </button>
        </li>
      ))}
    </ul>
  );
}
