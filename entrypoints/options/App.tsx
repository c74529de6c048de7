import { useEffect, useState } from 'preact/hooks';
import { DatasetStatusView } from '../../components/DatasetStatusView';
import { send } from '../../lib/messaging/client';
import type { DatasetStatusReport } from '../../lib/messaging/protocol';

export function App() {
  const [status, setStatus] = useState<DatasetStatusReport>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await send('dataset/status');
        setStatus(next);
        setError(undefined);
        // Poll while an import runs (or before the first one has started), so progress stays live.
        if (next.importing || !next.installed) timer = setTimeout(poll, 300);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
        timer = setTimeout(poll, 1000);
      }
    };
    void poll();
    return () => clearTimeout(timer);
  }, []);

  return (
    <main>
      <h1>Evidence Lens settings</h1>
      <section aria-labelledby="dataset-heading">
        <h2 id="dataset-heading">Dataset</h2>
        {error && <p role="alert">{error}</p>}
        <DatasetStatusView status={status} />
      </section>
    </main>
  );
}
