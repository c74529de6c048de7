// The background keeps the list of terms the reader opened: the one writer, so two quick opens never lose one, and
// the one place that knows a concept's names (from the database, not from what a page sent) and the sender's window.
import { oneAtATime } from '../async/one-at-a-time.ts';
import type { Router } from '../messaging/router.ts';
import type { ConceptCard } from '../search/keys.ts';
import { recentTerm, withRecent } from './recent-terms.ts';
import { recentTermsItem } from './storage.ts';

const FAILED = Symbol('lookup failed');

export interface RecentTermsDeps {
  /** The concept's card in the installed dataset, or undefined when it has none. */
  conceptCard(id: string): Promise<ConceptCard | undefined>;
  /** Whether the reader keeps the list (the "Recently opened" preference). */
  keep(): Promise<boolean>;
  now?: () => number;
}

/** The service's hook for the store: after a dataset is installed, call `datasetChanged`. */
export interface RecentTermsService {
  /** Names and categories read again from the new dataset; a term it no longer has goes from the list. */
  datasetChanged(): Promise<void>;
}

export function registerRecentTerms(router: Router, deps: RecentTermsDeps): RecentTermsService {
  const now = deps.now ?? Date.now;
  // Writes one after another: each reads the list the one before wrote.
  const write = oneAtATime();

  router
    .on('recent/remember', async ({ conceptId }, sender) => {
      if (typeof conceptId !== 'string' || conceptId.length === 0 || conceptId.length > 200) throw new Error('Not a concept id.');
      // A private window leaves no trace of what was read in it; the popup says so for its own window (no tab sends it).
      if ((sender as { tab?: { incognito?: boolean } } | undefined)?.tab?.incognito) return;
      if (!(await deps.keep())) return;
      const card = await deps.conceptCard(conceptId);
      if (!card) return;
      await write(async () => recentTermsItem.setValue(withRecent(await recentTermsItem.getValue(), { id: conceptId, ...card }, now())));
    })
    .on('recent/clear', () => write(() => recentTermsItem.setValue([])));

  return {
    datasetChanged: () =>
      write(async () => {
        const terms = await recentTermsItem.getValue();
        if (terms.length === 0) return;
        // A lookup that failed says nothing about the term: it stays as it was.
        const cards = await Promise.all(terms.map((t) => deps.conceptCard(t.id).catch((): typeof FAILED => FAILED)));
        const kept = terms.flatMap((t, i) => {
          const card = cards[i];
          if (card === FAILED) return [t];
          return card ? [recentTerm({ id: t.id, ...card }, t.at)] : [];
        });
        await recentTermsItem.setValue(kept);
      }),
  };
}
