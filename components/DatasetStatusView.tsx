// The installed dataset at a glance: version, date, counts, origin. (Progress and errors: components/settings.)
import type { ComponentChildren } from 'preact';
import type { DatasetStatusReport } from '../lib/messaging/protocol';
import { groupDigits, longDate, megabytes } from './format';
import { StorageNotice } from './StorageNotice';

const fmt = groupDigits;

/** `more`: further rows (dt/dd pairs) for the same list, e.g. the settings page's space used and last sync. */
export function DatasetStatusView({ status, more }: { status: DatasetStatusReport | undefined; more?: ComponentChildren }) {
  if (!status) return <p aria-busy="true">Reading the dataset…</p>;
  const { installed, importing } = status;
  return (
    <div class="dataset-status">
      {status.storage && <StorageNotice status={{ storage: status.storage }} />}
      {installed ? (
        <dl data-testid="dataset-installed">
          <dt>Version</dt>
          <dd data-testid="dataset-version">{installed.version}</dd>
          <dt>Created</dt>
          <dd>{longDate(installed.created)}</dd>
          <dt>Concepts</dt>
          <dd data-testid="count-concepts">{fmt(installed.counts.concepts)}</dd>
          <dt>Surface forms</dt>
          <dd>{fmt(installed.counts.surfaceForms)}</dd>
          <dt>Research summaries</dt>
          <dd data-testid="count-research">{fmt(installed.counts.researchSummaries)}</dd>
          <dt>Consumer summaries</dt>
          <dd data-testid="count-consumer">{fmt(installed.counts.consumerSummaries)}</dd>
          {installed.bytes !== undefined && (
            <>
              <dt>Size</dt>
              <dd data-testid="dataset-size">{megabytes(installed.bytes)} of data files</dd>
            </>
          )}
          <dt>Source</dt>
          <dd data-testid="dataset-origin">{installed.origin === 'bundled' ? 'Bundled with the extension' : installed.origin}</dd>
          <dt>Installed</dt>
          <dd>{longDate(installed.installedAt, true)}</dd>
          {more}
        </dl>
      ) : (
        !importing && <p>No dataset is installed yet.</p>
      )}
    </div>
  );
}
