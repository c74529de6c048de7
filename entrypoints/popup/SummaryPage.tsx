// Loads a summary and the installed dataset's version for SummaryView; copies its citation.
import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { SummaryView } from '../../components/SummaryView';
import { amaCitation } from '../../lib/citation/ama';
import type { DatasetMeta, Summary } from '../../lib/dataset/types';
import { getStatus, getSummary } from './data';
import { currentPlace, rememberPlace } from './route';
import { markContent } from './timing';
import { setViewTitle } from './title';

export function SummaryPage({ id }: { id: string }) {
  const [summary, setSummary] = useState<Summary | null>();
  const [dataset, setDataset] = useState<DatasetMeta>();
  const [copyState, setCopyState] = useState<'copied' | 'failed'>();

  // Asked before the first paint, not a frame after it.
  useLayoutEffect(() => {
    let live = true;
    getSummary(id).then((s) => live && setSummary(s), () => live && setSummary(null));
    getStatus().then((s) => live && setDataset(s.installed), () => undefined);
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => setViewTitle(summary ? (summary.kind === 'research' ? summary.question : summary.topic) : undefined), [summary]);

  useLayoutEffect(() => {
    if (!summary) return;
    markContent();
    const y = currentPlace().scrollY;
    if (y) {
      window.scrollTo(0, y);
      rememberPlace({ scrollY: 0 });
    }
  }, [summary]);

  const copy = async () => {
    if (!summary) return;
    try {
      await navigator.clipboard.writeText(amaCitation(summary, new Date()));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  if (summary === undefined) return <div class="placeholder concept-placeholder" aria-busy="true" />;
  if (summary === null) return <p role="alert">This summary is not in the installed dataset.</p>;
  return <SummaryView summary={summary} dataset={dataset} copyState={copyState} onCopyCitation={copy} />;
}
