// Highlighting preferences: on/off, style, how the card opens, categories, badge, paused sites.
import { useEffect, useRef, useState } from 'preact/hooks';
import { CATEGORIES, type Category } from '../../lib/dataset/types';
import { HOVER_DELAY, type Preferences } from '../../lib/settings/preferences-model';

const CATEGORY_NAMES: Record<Category, string> = {
  disease: 'Diseases',
  drug: 'Drugs',
  procedure: 'Procedures and tests',
  anatomy: 'Anatomy',
  other: 'Other terms',
};

export interface HighlightingSectionProps {
  highlight: Preferences['highlight'];
  pausedSites: string[];
  /** The last add's problem, in one sentence. */
  siteError?: string;
  onChange(patch: Partial<Preferences['highlight']>): void;
  /** Resolves true once the site is paused; false when it was refused (siteError says why). */
  onAddSite(input: string): Promise<boolean>;
  onRemoveSite(host: string): void;
}

export function HighlightingSection({ highlight, pausedSites, siteError, onChange, onAddSite, onRemoveSite }: HighlightingSectionProps) {
  const [site, setSite] = useState('');
  /** What the list last did, said to screen readers. */
  const [said, setSaid] = useState('');
  const sitesList = useRef<HTMLUListElement>(null);
  const siteInput = useRef<HTMLInputElement>(null);
  /** The place of a site just removed: focus goes to the Remove button now there, else to the field. */
  const removedAt = useRef(-1);
  useEffect(() => {
    if (removedAt.current < 0) return;
    const buttons = sitesList.current?.querySelectorAll('button');
    (buttons?.[Math.min(removedAt.current, buttons.length - 1)] ?? siteInput.current)?.focus();
    removedAt.current = -1;
  }, [pausedSites]);
  const toggleCategory = (c: Category, on: boolean) =>
    onChange({ categories: CATEGORIES.filter((x) => (x === c ? on : highlight.categories.includes(x))) });
  return (
    <section aria-labelledby="highlighting-heading">
      <h2 id="highlighting-heading">Highlighting</h2>
      <label class="row">
        <input type="checkbox" checked={highlight.enabled} onChange={(e) => onChange({ enabled: e.currentTarget.checked })} />
        Highlight medical terms on the pages I read
      </label>
      <fieldset disabled={!highlight.enabled}>
        <legend>Style</legend>
        {(['underline', 'background'] as const).map((style) => (
          <label class="row" key={style}>
            <input type="radio" name="style" value={style} checked={highlight.style === style} onChange={() => onChange({ style })} />
            {style === 'underline' ? 'Underline' : 'Background colour'}
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!highlight.enabled}>
        <legend>Open the evidence card</legend>
        {(['click', 'hover'] as const).map((openOn) => (
          <label class="row" key={openOn}>
            <input type="radio" name="openOn" value={openOn} checked={highlight.openOn === openOn} onChange={() => onChange({ openOn })} />
            {openOn === 'click' ? 'On click' : 'On hover'}
          </label>
        ))}
        <label class="row">
          Hover delay
          <input
            type="number"
            min={HOVER_DELAY.min}
            max={HOVER_DELAY.max}
            step={HOVER_DELAY.step}
            value={highlight.hoverDelay}
            disabled={highlight.openOn !== 'hover'}
            aria-describedby="hover-delay-help"
            onChange={(e) => {
              const ms = e.currentTarget.valueAsNumber;
              if (Number.isFinite(ms)) onChange({ hoverDelay: ms });
              // An empty or unreadable entry changes nothing: the delay in force goes back in the field.
              else e.currentTarget.value = String(highlight.hoverDelay);
            }}
          />
          ms
        </label>
        <p id="hover-delay-help" class="muted">
          How long the pointer rests on a term before its card opens. The card stays open while the pointer moves into it; its pin keeps it open.
        </p>
        <p class="muted" data-testid="lookup-help">
          A click on a term inside a link follows the link: right-click the term and choose "Look up in Evidence Lens" for its card. The same
          menu looks up any words you select.
        </p>
      </fieldset>
      <fieldset disabled={!highlight.enabled}>
        <legend>Categories to highlight</legend>
        {CATEGORIES.map((c) => (
          <label class="row" key={c}>
            <input type="checkbox" checked={highlight.categories.includes(c)} onChange={(e) => toggleCategory(c, e.currentTarget.checked)} />
            {CATEGORY_NAMES[c]}
          </label>
        ))}
      </fieldset>
      <label class="row">
        <input type="checkbox" checked={highlight.badge} onChange={(e) => onChange({ badge: e.currentTarget.checked })} />
        Show the number of terms found on the toolbar button
      </label>
      <h3 id="paused-heading">Sites where highlighting is paused</h3>
      {pausedSites.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul ref={sitesList} aria-labelledby="paused-heading" class="sites" data-testid="paused-sites">
          {pausedSites.map((host, i) => (
            <li key={host}>
              <span>{host}</span>
              <button
                type="button"
                onClick={() => {
                  removedAt.current = i;
                  setSaid(`Highlighting resumed on ${host}.`);
                  onRemoveSite(host);
                }}
                aria-label={`Remove ${host}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="row"
        onSubmit={async (e) => {
          e.preventDefault();
          const typed = site.trim();
          if (!typed) return;
          // A refused entry stays in the field, to be corrected.
          if (await onAddSite(typed)) {
            setSite('');
            setSaid(`Highlighting paused on ${typed}.`);
          }
        }}
      >
        <label for="paused-site">Pause on</label>
        <input
          ref={siteInput}
          id="paused-site"
          type="text"
          placeholder="example.org"
          value={site}
          aria-invalid={siteError ? true : undefined}
          aria-describedby={siteError ? 'paused-site-help paused-site-error' : 'paused-site-help'}
          onInput={(e) => setSite(e.currentTarget.value)}
        />
        <button type="submit">Add</button>
      </form>
      <p class="muted" id="paused-site-help">A site's pause covers its subdomains: example.org pauses www.example.org and news.example.org too.</p>
      {siteError && (
        <p role="alert" class="error" id="paused-site-error">
          {siteError}
        </p>
      )}
      <p class="visually-hidden" role="status">
        {said}
      </p>
    </section>
  );
}
