// "Recently opened": the terms the reader last opened (a popup view, a card), newest first, to go back to one without
// finding the page or typing it again; Clear empties the list. A pure view: the popup reads the list and clears it.
import type { RecentTerm } from '../lib/recent/recent-terms';
import type { Audience } from '../lib/settings/preferences-model';
import { nameFor } from './format';
import { onListFocusIn, onListKeyDown, rove } from './listKeys';
import { VisuallyHidden } from './VisuallyHidden';

export interface RecentTermsProps {
  terms: RecentTerm[];
  audience: Audience;
  onOpenConcept(id: string): void;
  onClear(): void;
}

export function RecentTerms({ terms, audience, onOpenConcept, onClear }: RecentTermsProps) {
  if (terms.length === 0) return null;
  return (
    <section class="recent-terms" aria-labelledby="recent-heading" data-testid="recent-terms">
      <div class="section-head">
        <h2 id="recent-heading">Recently opened</h2>
        <button type="button" onClick={onClear} data-testid="recent-clear">
          Clear<VisuallyHidden> recently opened terms</VisuallyHidden>
        </button>
      </div>
      <ul ref={(list) => rove(list)} class="term-list" onKeyDown={onListKeyDown} onFocusIn={onListFocusIn} aria-label="Terms you opened recently">
        {terms.map((t) => (
          <li key={t.id}>
            {/* Its own focus key: the same concept may be in "On this page" too. */}
            <button type="button" class="row" data-list-item data-focus-key={`recent:${t.id}`} onClick={() => onOpenConcept(t.id)}>
              <span class="row-main">{nameFor(t, audience)}</span>
              <VisuallyHidden>, </VisuallyHidden>
              <span class="row-meta">{t.category}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
