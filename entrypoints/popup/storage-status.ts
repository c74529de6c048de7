// The dataset status for the storage notice (components/StorageNotice): the answer the popup opened with,
// asked again while the background does not answer, and while the dataset is being set up (the store may
// move to memory during that import, when the disk turns out to be full).
import { useEffect, useState } from 'preact/hooks';
import type { DatasetStatusReport } from '../../lib/messaging/protocol';
import { getOpeningStatus, getStatus } from './data';

const RETRY_MS = 2000;
const FOLLOW_MS = 1000;

export function useStorageStatus(): { status?: DatasetStatusReport; unanswered?: boolean } {
  const [state, setState] = useState<{ status?: DatasetStatusReport; unanswered?: boolean }>({});
  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = (question: () => Promise<DatasetStatusReport>) =>
      question().then(
        (status) => {
          if (!live) return;
          setState({ status });
          if (!status.installed || status.importing) timer = setTimeout(() => ask(getStatus), FOLLOW_MS);
        },
        () => {
          if (!live) return;
          setState({ unanswered: true });
          timer = setTimeout(() => ask(getStatus), RETRY_MS);
        },
      );
    void ask(getOpeningStatus);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  return state;
}
