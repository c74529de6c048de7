// Reading preferences: whose wording comes first in the cards.
import type { Audience } from '../../lib/settings/preferences-model';

export function ReadingSection({ audience, onChange }: { audience: Audience; onChange(audience: Audience): void }) {
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
    </section>
  );
}
