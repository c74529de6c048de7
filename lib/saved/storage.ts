// Where the saved summaries are kept: storage.local, on this device (a list of hundreds outgrows synced storage's
// 8 KB an item). The background writes (service.ts); the popup reads and watches.
import { storage } from '@wxt-dev/storage';
import { normaliseSaved, type SavedSummary } from './saved-summaries.ts';

const storedSaved = storage.defineItem<unknown>('local:savedSummaries', { fallback: [] });

/** The list, always clean (normaliseSaved): a damaged or another version's value never reaches a view. */
export const savedSummariesItem = {
  getValue: async (): Promise<SavedSummary[]> => normaliseSaved(await storedSaved.getValue()),
  setValue: (list: SavedSummary[]): Promise<void> => storedSaved.setValue(normaliseSaved(list)),
  watch: (changed: (list: SavedSummary[]) => void): (() => void) => storedSaved.watch((value) => changed(normaliseSaved(value))),
};
