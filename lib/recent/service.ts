// The background keeps the list of terms the reader opened: the one writer, so two quick opens never lose one, and
// the one place that knows a concept's names (from the database, not from what a page sent) and the sender's window.
import type { Router } from '../messaging/router.ts';
import type { ConceptCard } from '../search/keys.ts';
import { withRecent } from './recent-terms.ts';
import { recentTermsItem } from './storage.ts';

export interface RecentTermsDeps {
  /** The concept's card in the installed dataset, or undefined when it has none. */
  conceptCard(id: string): Promise<ConceptCard | undefined>;
  /** Whether the reader keeps the list (the "Recently opened" preference). */
  keep(): Promise<boolean>;
  now?: () => number;
}

export function registerRecentTerms(router: Router, deps: RecentTermsDeps): void {
  const now = deps.now ?? Date.now;
  // Writes one after another: each reads the list the one before wrote.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (change: () => Promise<void>): Promise<void> => {
    const run = writes.then(change);
    writes = run.catch(() => undefined);
    return run;
  };

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
}
