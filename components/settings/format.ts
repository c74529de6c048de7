// Numbers as the settings page shows them.
import { longDate } from '../format';

export { groupDigits as count } from '../format';

export function megabytes(bytes: number): string {
  if (bytes < 1e6) return `${Math.max(0, Math.round(bytes / 1e3)).toLocaleString('en-US')} KB`;
  return `${(bytes / 1e6).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}

export const dateTime = (iso: string) => longDate(iso, true);
