// The background keeps the reader's saved summaries: the one writer, so a save in the popup and one in a tab never
// lose each other, and the one place that reads what is saved from the dataset (not from what a page sent).
import { oneAtATime } from '../async/one-at-a-time.ts';
import type { Summary } from '../dataset/types.ts';
import type { Router } from '../messaging/router.ts';
import { SAVED_FULL, SAVED_LIMIT, savedEntry, withSaved, withoutSaved } from './saved-summaries.ts';
import { savedSummariesItem } from './storage.ts';

const FAILED = Symbol('lookup failed');

export interface SavedSummariesDeps {
  /** The summary in the installed dataset, or undefined when it has none. */
  summary(id: string): Promise<Summary | undefined>;
  now?: () => number;
}

export interface SavedSummariesService {
  /** After a dataset is installed: entries read again from it; one it no longer holds is kept, marked missing. */
  datasetChanged(): Promise<void>;
}

const summaryId = (id: unknown): string => {
  if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw new Error('Not a summary id.');
  return id;
};

export function registerSavedSummaries(router: Router, deps: SavedSummariesDeps): SavedSummariesService {
  const now = deps.now ?? Date.now;
  const write = oneAtATime();

  router
    .on('saved/add', async ({ summaryId: raw, at }) => {
      const id = summaryId(raw);
      const summary = await deps.summary(id);
      if (!summary) throw new Error('This summary is not in the installed dataset.');
      // `at`: an entry put back (Undo) takes its old place; never one in the future.
      const when = typeof at === 'number' && Number.isFinite(at) && at > 0 && at <= now() ? at : now();
      await write(async () => {
        const list = await savedSummariesItem.getValue();
        if (list.some((s) => s.id === id)) return;
        if (list.length >= SAVED_LIMIT) throw new Error(SAVED_FULL);
        await savedSummariesItem.setValue(withSaved(list, savedEntry(summary, when)));
      });
    })
    .on('saved/remove', ({ summaryId: raw }) => {
      const id = summaryId(raw);
      return write(async () => savedSummariesItem.setValue(withoutSaved(await savedSummariesItem.getValue(), id)));
    })
    .on('saved/clear', () => write(() => savedSummariesItem.setValue([])));

  return {
    datasetChanged: () =>
      write(async () => {
        const list = await savedSummariesItem.getValue();
        if (list.length === 0) return;
        const found = await Promise.all(list.map((s) => deps.summary(s.id).catch((): typeof FAILED => FAILED)));
        await savedSummariesItem.setValue(
          list.map((s, i) => {
            const summary = found[i];
            // A lookup that failed says nothing about the summary: it stays as it was.
            if (summary === FAILED) return s;
            return summary ? savedEntry(summary, s.at) : { ...s, missing: true as const };
          }),
        );
      }),
  };
}
