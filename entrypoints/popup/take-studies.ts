// Studies taken elsewhere as a list (a concept's, or the saved ones): opened together in PubMed, or copied as PubMed
// ids one a line. Says what happened, for StudyListActions.
import { browser } from 'wxt/browser';
import { PUBMED_LIST_LIMIT, pubmedListUrl } from '../../lib/citation/literature-search';
import type { StudyListOutcome } from '../../components/StudyListActions';

export async function takeStudies(pmids: () => Promise<readonly string[]> | readonly string[], how: 'open' | 'copy'): Promise<StudyListOutcome> {
  try {
    const ids = await pmids();
    if (ids.length === 0) return { kind: 'none' };
    if (how === 'open') {
      await browser.tabs.create({ url: pubmedListUrl(ids) });
      return { kind: 'opened', count: Math.min(ids.length, PUBMED_LIST_LIMIT), of: ids.length };
    }
    await navigator.clipboard.writeText(ids.join('\n'));
    return { kind: 'copied', count: ids.length };
  } catch {
    return { kind: 'failed', doing: how };
  }
}
