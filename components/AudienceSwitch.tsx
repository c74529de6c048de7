// "Which best describes you?": research wording for clinicians, plain language for patients.
import type { Audience } from '../lib/settings/preferences-model';

const CHOICES: [Audience, string][] = [
  ['clinician', 'Clinician or researcher'],
  ['patient', 'Patient or carer'],
];

export function AudienceSwitch({ audience, onChange }: { audience: Audience; onChange(audience: Audience): void }) {
  return (
    <fieldset class="audience" data-testid="audience-switch">
      <legend>Which best describes you?</legend>
      {CHOICES.map(([value, label]) => (
        <label key={value} class="choice">
          <input type="radio" name="audience" value={value} checked={audience === value} onChange={() => onChange(value)} />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
