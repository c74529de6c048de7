// Numbers as the settings page shows them.
import { longDate } from '../format';

export { groupDigits as count, megabytes } from '../format';

export const dateTime = (iso: string) => longDate(iso, true);
