// Loads a summary and the installed dataset's version for SummaryView; copies its citation.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { SummaryView } from '../../components/SummaryView';
import { amaCitation } from '../../lib/citation/ama';
import { summaryText } from '../../lib/citation/summary-text';
import type { DatasetMeta, Summary } from '../../lib/dataset/types';
import type { Topic } from '../../components/StudyTopics';
import type { Audience } from '../../lib/settings/preferences';
import { getConceptCards, getStatus, getSummary } from './data';
import { restoreScroll } from './route';
import { markContent } from './timing';
import { setViewTitle } from './title';
import { saveSummary, unsaveSummary, useSaved } from './saved';

export function SummaryPage({ id, audience, onOpenConcept }: { id: string; audience: Audience; onOpenConcept(id: string): void }) {
  const [summary, setSummary] = useState<Summary | null>();
  const [topics, setTopics] = useState<Topic[]>();
  const [dataset, setDataset] = useState<DatasetMeta>();
  const [copyState, setCopyState] = useState<'copied' | 'summary-copied' | 'failed'>();
  const savedList = useSaved();
  const [saveError, setSaveError] = useState<string>();

  // Asked before the first paint, not a frame after it.
  useLayoutEffect(() => {
    let live = true;
    getSummary(id).then(
      (s) => {
        if (!live) return;
        setSummary(s);
        // Its topics come after it (a second, small question): the summary is never held back for them.
        if (s) getConceptCards(s.conceptIds).then((cards) => live && setTopics(topicOrder(s, cards)), () => undefined);
      },
      () => live && setSummary(null),
    );
    getStatus().then((s) => live && setDataset(s.installed), () => undefined);
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => setViewTitle(summary ? (summary.kind === 'research' ? summary.question : summary.topic) : undefined), [summary]);

  useLayoutEffect(() => {
    if (!summary) return;
    markContent();
    restoreScroll();
  }, [summary]);

  const copy = (what: 'citation' | 'summary') => async () => {
    if (!summary) return;
    try {
      await navigator.clipboard.writeText(what === 'citation' ? amaCitation(summary, new Date()) : summaryText(summary, new Date(), dataset));
      setCopyState(what === 'citation' ? 'copied' : 'summary-copied');
    } catch {
      setCopyState('failed');
    }
  };

  const isSaved = savedList?.some((s) => s.id === id);
  const [saveSaid, setSaveSaid] = useState<string>();
  const toggleSaved = async () => {
    setSaveError(undefined);
    setSaveSaid(undefined);
    try {
      if (isSaved) {
        await unsaveSummary(id);
        setSaveSaid('Removed from saved.');
      } else {
        await saveSummary(id);
        setSaveSaid('Saved: it is listed under “Saved” on the popup’s first page.');
      }
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    }
  };

  if (summary === undefined) return <div class="placeholder concept-placeholder" aria-busy="true" />;
  if (summary === null) return <p role="alert">This summary is not in the installed dataset.</p>;
  return (
    <SummaryView
      summary={summary}
      dataset={dataset}
      copyState={copyState}
      onCopyCitation={copy('citation')}
      onCopySummary={copy('summary')}
      topics={topics}
      audience={audience}
      onOpenConcept={onOpenConcept}
      save={{ saved: isSaved, said: saveSaid, error: saveError, onToggle: () => void toggleSaved() }}
    />
  );
}

/** A summary's topics: those its question names (a study's `about`) first, in its order; then the rest by name. */
export function topicOrder<T extends Topic>(summary: Summary, topics: T[]): T[] {
  const about = summary.kind === 'research' ? (summary.about ?? []) : [];
  const rank = (t: T) => (about.includes(t.id) ? about.indexOf(t.id) : about.length);
  return [...topics].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
