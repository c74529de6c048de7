// The dataset: what is installed, the last update's outcome, and the ways to update it (sync from a URL,
// automatically or now; import from a file; restore the bundled one), with progress and Cancel.
import { DatasetStatusView } from '../DatasetStatusView';
import type { DatasetStatusReport } from '../../lib/messaging/protocol';
import type { SyncRecord } from '../../lib/sync/state';
import type { SyncSchedule, SyncSettings } from '../../lib/settings/sync-settings';
import type { PickProgress } from '../../lib/sync/pick';
import { useRef } from 'preact/hooks';
import { useFocusAfterWork } from './focusAfterWork';
import { ProgressBar } from './ProgressBar';
import { count, dateTime, megabytes } from './format';

/** What this page has asked for and is waiting on. */
export type Work = { action: 'sync' | 'file' | 'restore'; staging?: PickProgress };

export interface DatasetSectionProps {
  status?: DatasetStatusReport;
  lastSync: SyncRecord | null;
  /** navigator.storage.estimate() of the extension's origin. */
  usage?: { usage: number; quota: number };
  settings: SyncSettings;
  /** The URL as typed, before it is saved. */
  urlDraft: string;
  work?: Work;
  /** An update started elsewhere (another settings tab, the schedule) that is still running. */
  elsewhere?: { source: string };
  /** The outcome of this page's last action, in one sentence. */
  message?: { kind: 'ok' | 'cancelled' | 'error'; text: string };
  onUrlInput(url: string): void;
  onUrlSave(): void;
  onSchedule(schedule: SyncSchedule): void;
  onSync(): void;
  onFiles(files: File[]): void;
  onRestore(): void;
  onCancel(): void;
}

const RESULT: Record<SyncRecord['result'], string> = {
  imported: 'updated',
  unchanged: 'no change',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** A cancel was the reader's own doing: said calmly, neither as a success nor as an error. */
const MESSAGE_STYLE = { ok: 'ok', cancelled: 'muted', error: 'error' } as const;

export function DatasetSection(props: DatasetSectionProps) {
  const { status, lastSync, usage, settings, urlDraft, work, message } = props;
  const importing = status?.importing;
  const busy = work !== undefined || importing !== undefined || props.elsewhere !== undefined;
  const installed = status?.installed;
  // The store holds the bundled dataset in memory (IndexedDB failed or is full): an update could not be kept.
  const noStorage = status?.storage?.kind === 'memory';
  const blocked = busy || noStorage;
  const why = noStorage ? 'dataset-no-storage' : undefined;
  const outcome = useRef<HTMLDivElement>(null);
  const startFrom = useFocusAfterWork(busy, message, outcome);
  return (
    <section aria-labelledby="dataset-heading">
      <h2 id="dataset-heading">Dataset</h2>
      <DatasetStatusView
        status={status}
        more={
          <>
            {/* The browser's count for the whole extension: indexes, the matcher, and an update's old copy until
                the browser reclaims its space, which can take a while; so it is not called the dataset's size. */}
            <dt>Storage used</dt>
            <dd data-testid="space-used">
              {usage
                ? `${megabytes(usage.usage)} by the extension, of ${megabytes(usage.quota)} the browser allows (space an update frees is returned over time)`
                : 'unknown'}
            </dd>
            <dt>Last sync</dt>
            <dd data-testid="last-sync">
              {/* The outcome of this page's own action is said once, below; the history line then only dates it. */}
              {lastSync ? `${dateTime(lastSync.at)}: ${RESULT[lastSync.result]}.${message?.text === lastSync.message ? '' : ` ${lastSync.message}`}` : 'Never.'}
            </dd>
          </>
        }
      />
      {work?.staging && !importing && (
        <ProgressBar
          label="Reading the picked files"
          value={work.staging.read}
          max={work.staging.total}
          detail={`${megabytes(work.staging.read)} of ${megabytes(work.staging.total)} read, ${count(work.staging.files)} files`}
        />
      )}
      {importing && (
        <ProgressBar
          label={`Installing dataset ${importing.version}`}
          value={importing.records}
          max={importing.recordsTotal}
          detail={
            `${megabytes(Math.min(importing.bytes ?? 0, importing.bytesTotal ?? 0))} of ${megabytes(importing.bytesTotal ?? 0)} downloaded, ` +
            `${count(importing.records)} of ${count(importing.recordsTotal)} records` +
            (importing.filesReused ? `, ${count(importing.filesReused)} unchanged files kept` : '')
          }
        />
      )}
      {props.elsewhere && !work && !importing && (
        <p class="muted" role="status" data-testid="update-elsewhere">
          Another update is running (of {props.elsewhere.source}): a new one can start when it ends.
        </p>
      )}
      {busy && (
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      )}
      <div aria-live="polite" data-testid="dataset-message" ref={outcome} tabIndex={-1}>
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} class={MESSAGE_STYLE[message.kind]}>
            {message.text}
          </p>
        )}
        {message?.kind === 'error' && installed && !busy && (
          <p class="muted" data-testid="still-in-use">
            The dataset in use is still version {installed.version}.
          </p>
        )}
      </div>

      <h3>Update</h3>
      {noStorage && (
        <p class="muted" id="dataset-no-storage" data-testid="dataset-no-storage">
          Updating is off while the browser's storage cannot be used (see above): a new dataset could not be kept, so the bundled one is used until then.
        </p>
      )}
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          // Enter in the URL field submits even while the button is off.
          if (blocked || !urlDraft.trim()) return;
          startFrom(e.currentTarget.querySelector<HTMLElement>('button[type=submit]'));
          props.onSync();
        }}
      >
        <label for="dataset-url">Dataset URL</label>
        <input
          id="dataset-url"
          type="url"
          placeholder="https://example.org/evidence/manifest.json"
          value={urlDraft}
          onInput={(e) => props.onUrlInput(e.currentTarget.value)}
          onBlur={props.onUrlSave}
          spellcheck={false}
        />
        <div class="row">
          <button type="submit" disabled={blocked || !urlDraft.trim()} aria-describedby={why}>
            Sync now
          </button>
          <label for="schedule">Automatic sync</label>
          <select id="schedule" value={settings.schedule} onChange={(e) => props.onSchedule(e.currentTarget.value as SyncSchedule)}>
            <option value="off">Off</option>
            <option value="daily">Daily</option>
            <option value="weekly">Weekly</option>
          </select>
        </div>
        {settings.schedule !== 'off' && !settings.url && <p class="muted">Automatic sync starts once a dataset URL is saved.</p>}
      </form>
      <div class="row">
        <label class="button" aria-disabled={blocked}>
          Import from file
          <input
            type="file"
            class="visually-hidden"
            data-testid="import-file"
            accept=".zip,.json,.jsonl,application/zip,application/json"
            multiple
            disabled={blocked}
            aria-describedby={why}
            onChange={(e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (!files.length) return;
              startFrom(e.currentTarget);
              props.onFiles(files);
            }}
          />
        </label>
        <button
          type="button"
          disabled={blocked}
          aria-describedby={why}
          onClick={(e) => {
            startFrom(e.currentTarget);
            props.onRestore();
          }}
        >
          Restore bundled dataset
        </button>
      </div>
      <p class="muted">
        Pick a .zip of a published dataset, or its manifest.json with its data files. Every file is checked before the new
        dataset replaces the one in use; if anything fails, nothing changes.
      </p>
    </section>
  );
}
