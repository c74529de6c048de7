// The audience the popup last saw: the first view asks for summaries in the right wording without waiting for
// storage.sync. The stored preference stays the truth: where it differs, the view follows it a moment later
// (preferences.ts).
import type { Audience } from '../../lib/settings/preferences';
import { lastChoice } from './last-choice';

const last = lastChoice<Audience>('evidence-lens:last-audience', ['clinician', 'patient'], 'clinician');

export const rememberAudience = (audience: Audience): void => last.remember(audience);

/** The last audience seen, or clinician (the default preference) when none was. */
export const likelyAudience = (): Audience => last.likely();
