// The reader's saved summaries in the popup: the list as storage holds it (followed live, so a save in another
// window shows here), and the changes, which the background makes (lib/saved/service.ts).
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../lib/messaging/client';
import type { SavedSummary } from '../../lib/saved/saved-summaries';
import { savedSummariesItem } from '../../lib/saved/storage';

/** The saved list; undefined until read. */
export function useSaved(): SavedSummary[] | undefined {
  const [list, setList] = useState<SavedSummary[]>();
  useEffect(() => {
    let live = true;
    savedSummariesItem.getValue().then((l) => live && setList(l), () => live && setList([]));
    const unwatch = savedSummariesItem.watch((l) => live && setList(l));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return list;
}

export const saveSummary = (summaryId: string, at?: number) => send('saved/add', at === undefined ? { summaryId } : { summaryId, at });
export const unsaveSummary = (summaryId: string) => send('saved/remove', { summaryId });
export const clearSaved = () => send('saved/clear');
