// Reading preferences: whose wording comes first in the cards, whether the popup keeps the terms opened lately, and
// the way to the summaries the reader saved.
import type { Audience } from '../../lib/settings/preferences-model';
import { plural } from '../format';

export interface ReadingSectionProps {
  audience: Audience;
  onChange(audience: Audience): void;
  /** Whether "Recently opened" is kept, and how many terms it holds now. */
  recentTerms: boolean;
  recentCount: number;
  /** Turning it off empties the list too (the settings page does both). */
  onRecentTermsChange(keep: boolean): void;
  onClearRecent(): void;
  /** How many summaries the reader saved ("Save for later"), and the way to their list (in a tab). */
  savedCount: number;
  onOpenSaved(): void;
}

export function ReadingSection({ audience, onChange, recentTerms, recentCount, onRecentTermsChange, onClearRecent, savedCount, onOpenSaved }: ReadingSectionProps) {
  return (
    <section aria-labelledby="reading-heading">
      <h2 id="reading-heading">Reading</h2>
      <fieldset>
        <legend>I read as</legend>
        <label class="row">
          <input type="radio" name="audience" value="clinician" checked={audience === 'clinician'} onChange={() => onChange('clinician')} />
          A clinician: research summaries first, strongest evidence first
        </label>
        <label class="row">
          <input type="radio" name="audience" value="patient" checked={audience === 'patient'} onChange={() => onChange('patient')} />
          A patient or carer: plain-language answers first
        </label>
      </fieldset>
      <label class="row">
        <input type="checkbox" checked={recentTerms} onChange={(e) => onRecentTermsChange(e.currentTarget.checked)} data-testid="recent-keep" />
        Keep the terms I open for "Recently opened" in the popup
      </label>
      <p class="muted">On this device only, and never from private windows. Cards that open on hover are not kept.</p>
      <p class="row">
        {/* Said when it changes; the button stays enabled, so that focus is not lost from under the reader's key. */}
        <span class="muted" role="status" data-testid="recent-count">
          {recentCount === 0 ? 'No terms kept.' : `${plural(recentCount, 'term')} kept.`}
        </span>
        <button type="button" onClick={onClearRecent} data-testid="recent-clear-all">
          Clear the list
        </button>
      </p>
      <p class="row">
        <span class="muted" data-testid="saved-count">
          {savedCount === 0 ? 'No summaries saved: "Save for later" on a summary keeps it.' : `${plural(savedCount, 'summary', 'summaries')} saved, on this device only.`}
        </span>
        <button type="button" onClick={onOpenSaved} data-testid="saved-open">
          Open saved summaries
        </button>
      </p>
    </section>
  );
}
