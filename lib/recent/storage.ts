// Where the terms a reader opened are kept: storage.local, on this device only (they say what the reader looked up,
// and never follow them to another browser). The background writes (service.ts); the popup and settings read.
import { storage } from '@wxt-dev/storage';
import { normaliseRecent, type RecentTerm } from './recent-terms.ts';

const storedRecent = storage.defineItem<unknown>('local:recentTerms', { fallback: [] });

/** The list, always clean (normaliseRecent): a damaged or another version's value never reaches a view. */
export const recentTermsItem = {
  getValue: async (): Promise<RecentTerm[]> => normaliseRecent(await storedRecent.getValue()),
  setValue: (terms: RecentTerm[]): Promise<void> => storedRecent.setValue(normaliseRecent(terms)),
  watch: (changed: (terms: RecentTerm[]) => void): (() => void) => storedRecent.watch((value) => changed(normaliseRecent(value))),
};
