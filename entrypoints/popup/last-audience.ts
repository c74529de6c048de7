// The audience the popup last saw, in the extension's localStorage: read synchronously, so the first view
// can ask for summaries in the right wording without waiting for storage.sync. The stored preference stays
// the truth: where it differs, the view follows it a moment later (preferences.ts).
import type { Audience } from '../../lib/settings/preferences';

const LAST_AUDIENCE = 'evidence-lens:last-audience';

export function rememberAudience(audience: Audience): void {
  try {
    localStorage.setItem(LAST_AUDIENCE, audience);
  } catch {
    // No localStorage (a private window's restrictions): the popup just waits for storage.sync.
  }
}

/** The last audience seen, or clinician (the default preference) when none was. */
export function likelyAudience(): Audience {
  try {
    const last = localStorage.getItem(LAST_AUDIENCE);
    if (last === 'clinician' || last === 'patient') return last;
  } catch {
    // as above
  }
  return 'clinician';
}
