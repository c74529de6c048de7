// The installed dataset at a glance: version, date, counts, origin; an import's progress; the last error.
import type { DatasetStatusReport } from '../lib/messaging/protocol';

const fmt = (n: number) => n.toLocaleString('en-US');

export function DatasetStatusView({ status }: { status: DatasetStatusReport | undefined }) {
  if (!status) return <p aria-busy="true">Reading the dataset…</p>;
  const { installed, importing, lastError } = status;
  return (
    <div class="dataset-status">
      {installed ? (
        <dl data-testid="dataset-installed">
          <dt>Version</dt>
          <dd data-testid="dataset-version">{installed.version}</dd>
          <dt>Created</dt>
          <dd>{installed.created}</dd>
          <dt>Concepts</dt>
          <dd data-testid="count-concepts">{fmt(installed.counts.concepts)}</dd>
          <dt>Surface forms</dt>
          <dd>{fmt(installed.counts.surfaceForms)}</dd>
          <dt>Research summaries</dt>
          <dd data-testid="count-research">{fmt(installed.counts.researchSummaries)}</dd>
          <dt>Consumer summaries</dt>
          <dd data-testid="count-consumer">{fmt(installed.counts.consumerSummaries)}</dd>
          <dt>Source</dt>
          <dd>{installed.origin === 'bundled' ? 'Bundled with the extension' : installed.origin}</dd>
          <dt>Installed</dt>
          <dd>{new Date(installed.installedAt).toLocaleString()}</dd>
        </dl>
      ) : (
        !importing && <p>No dataset is installed yet.</p>
      )}
      {importing && (
        <div>
          <label for="import-progress">
            Importing dataset {importing.version}: {fmt(importing.records)} of {fmt(importing.recordsTotal)} records
          </label>
          <progress id="import-progress" max={importing.recordsTotal} value={importing.records} />
        </div>
      )}
      {lastError && (
        <p role="alert" class="error">
          The last dataset import failed: {lastError}
        </p>
      )}
    </div>
  );
}
