// The settings page: wires the settings views (components/settings) to storage and the background.
import bundledDataset from '../../data/dataset.json';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AboutSection } from '../../components/settings/AboutSection';
import { DatasetSection, type Work } from '../../components/settings/DatasetSection';
import { HighlightingSection } from '../../components/settings/HighlightingSection';
import { KeyboardSection } from '../../components/settings/KeyboardSection';
import { ReadingSection } from '../../components/settings/ReadingSection';
import { send } from '../../lib/messaging/client';
import type { RecentTerm } from '../../lib/recent/recent-terms';
import { recentTermsItem } from '../../lib/recent/storage';
import type { SavedSummary } from '../../lib/saved/saved-summaries';
import { savedSummariesItem } from '../../lib/saved/storage';
import { viewUrl } from '../../lib/views/address';
import type { CancelTarget, DatasetStatusReport } from '../../lib/messaging/protocol';
import { cancelTarget } from '../../lib/sync/cancel';
import { applyPatch, DEFAULT_PREFERENCES, normalisePreferences, pausedSitesItem, preferencesItem, updatePreferences, type Preferences, type PreferencesPatch } from '../../lib/settings/preferences';
import { fromCommandShortcut } from '../../lib/settings/shortcuts';
import { addPausedSite, removePausedSite } from '../../lib/settings/sites';
import { DEFAULT_SYNC_SETTINGS, holdsCredentials, normaliseSyncSettings, syncSettingsItem, type SyncSettings } from '../../lib/settings/sync-settings';
import { stagePicked } from '../../lib/sync/pick';
import { clearStaged, openStaging, putStaged, recoverInterruptedStaging, withStaging } from '../../lib/sync/staged';
import { lastSyncItem, syncJobItem, type SyncJob, type SyncRecord } from '../../lib/sync/state';
import { CANCELLED, readerMessage } from '../../lib/sync/errors';
import { errorText, failureOutcome, WORKER_GONE, type Outcome } from './outcome';

/** Follow a storage item: its value now, then every change (from this page, another, or another browser). */
function useItem<T>(item: { getValue(): Promise<T>; watch(cb: (v: T) => void): () => void }, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch(setValue);
  }, [item]);
  return value;
}

/** The shortcuts the reader gave the extension's browser commands (toggle highlighting, open the popup). */
function useCommandShortcuts(): { toggle?: string; popup?: string } {
  const [shortcuts, setShortcuts] = useState<{ toggle?: string; popup?: string }>({});
  useEffect(() => {
    const read = () =>
      void browser.commands
        .getAll()
        .then((all) => {
          const of = (name: string) => fromCommandShortcut(all.find((c) => c.name === name)?.shortcut);
          setShortcuts({ toggle: of('toggle-highlights'), popup: of('_execute_action') });
        })
        .catch(() => undefined);
    read();
    // The reader changes it on another page: read it again on coming back.
    window.addEventListener('focus', read);
    return () => window.removeEventListener('focus', read);
  }, []);
  return shortcuts;
}

/** Firefox opens its own shortcuts manager; Chrome's is a page of its own. */
function openBrowserShortcuts() {
  const commands = browser.commands as typeof browser.commands & { openShortcutSettings?: () => Promise<void> };
  if (commands.openShortcutSettings) void commands.openShortcutSettings();
  else void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

export function App() {
  const stored = normalisePreferences(useItem<Preferences>(preferencesItem, DEFAULT_PREFERENCES));
  // A change shows at once, before storage has it: a re-render meanwhile (the status poll) would otherwise draw the
  // stored value over the reader's click (a radio button jumping back). The stored value takes over once it changes.
  const [changed, setChanged] = useState<Preferences>();
  const storedKey = JSON.stringify(stored);
  useEffect(() => setChanged(undefined), [storedKey]);
  const prefs = changed ?? stored;
  const update = (patch: PreferencesPatch) => {
    setChanged((before) => applyPatch(before ?? stored, patch));
    void updatePreferences(patch);
  };
  const pausedSites = useItem<string[]>(pausedSitesItem, []);
  const recentTerms = useItem<RecentTerm[]>(recentTermsItem, []);
  const saved = useItem<SavedSummary[]>(savedSummariesItem, []);
  const syncSettings = normaliseSyncSettings(useItem<SyncSettings>(syncSettingsItem, DEFAULT_SYNC_SETTINGS));
  const lastSync = useItem<SyncRecord | null>(lastSyncItem, null);
  // Written before any update starts, wherever it was asked for: another tab's update keeps this one's buttons off.
  const job = useItem<SyncJob | null>(syncJobItem, null);
  const [status, setStatus] = useState<DatasetStatusReport>();
  const [usage, setUsage] = useState<{ usage: number; quota: number }>();
  const [work, setWork] = useState<Work>();
  const [message, setMessage] = useState<Outcome>();
  const [siteError, setSiteError] = useState<string>();
  const [urlDraft, setUrlDraft] = useState<string>();
  const cancelStaging = useRef<AbortController>();
  /** What this page asked the background for and waits on: its Cancel names it (lib/sync/cancel.ts). */
  const ownUpdate = useRef<CancelTarget>();
  const commandShortcuts = useCommandShortcuts();
  // Status replies can arrive out of order (a poll sent before an import ended, answered after): keep the newest.
  const asked = useRef(0);
  const shown = useRef(0);
  const fetchStatus = useCallback(async () => {
    const n = ++asked.current;
    const next = await send('dataset/status', { poll: true });
    if (n > shown.current) {
      shown.current = n;
      setStatus(next);
    }
    return next;
  }, []);

  // A pick this page's predecessor was staging when it closed: its files go, and "Last sync" says so.
  useEffect(() => {
    void recoverInterruptedStaging(openStaging).catch(() => undefined);
  }, []);

  const refreshUsage = useCallback(() => {
    void navigator.storage?.estimate?.().then((e) =>
      setUsage((old) => (old?.usage === e.usage && old?.quota === e.quota ? old : { usage: e.usage ?? 0, quota: e.quota ?? 0 })),
    );
  }, []);

  // Dataset status: polled fast while anything is being installed (ours, an automatic sync's, or one
  // that a closed settings page started), slowly otherwise. Each poll is one small message.
  const busy = work !== undefined || status?.importing !== undefined;
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await fetchStatus();
        if (stopped) return;
        // The storage used changes with any update (this page's, an automatic one, another tab's) and for a while
        // after it, as the old copy is deleted and its space reclaimed: asked again at each quiet poll.
        if (!next.importing) refreshUsage();
        timer = setTimeout(poll, next.importing || !next.installed || busy ? 250 : 2000);
      } catch (e) {
        // A stopped worker starts again on the next message: only other failures are the reader's business.
        if (!stopped && !WORKER_GONE.test(errorText(e))) setMessage({ kind: 'error', text: errorText(e) });
        timer = setTimeout(poll, 1000);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [busy, fetchStatus, refreshUsage]);
  useEffect(refreshUsage, [refreshUsage]);

  /** Run one dataset action; its outcome is the page's one message. */
  const act = async (action: Work['action'], run: () => Promise<string>) => {
    setWork({ action });
    setMessage(undefined);
    let outcome: Outcome;
    try {
      outcome = { kind: 'ok', text: await run() };
    } catch (e) {
      outcome = failureOutcome(e);
    }
    // Show what is installed now, with the outcome, not after the next slow poll.
    await fetchStatus().catch(() => undefined);
    refreshUsage();
    setMessage(outcome);
    setWork(undefined);
    ownUpdate.current = undefined;
  };

  const url = urlDraft ?? syncSettings.url;
  const saveUrl = () => {
    // An address with a password is not kept (settings sync across the reader's browsers); syncing it says why.
    if (urlDraft !== undefined && urlDraft.trim() !== syncSettings.url && !holdsCredentials(urlDraft.trim())) {
      void syncSettingsItem.setValue({ ...syncSettings, url: urlDraft.trim() });
    }
  };

  return (
    <main>
      <h1>Evidence Lens settings</h1>
      <HighlightingSection
        highlight={prefs.highlight}
        pausedSites={pausedSites}
        siteError={siteError}
        onChange={(highlight) => update({ highlight })}
        onAddSite={(input) => {
          setSiteError(undefined);
          return addPausedSite(input).then(
            () => true,
            (e) => {
              setSiteError(errorText(e));
              return false;
            },
          );
        }}
        onRemoveSite={(host) => void removePausedSite(host)}
      />
      <KeyboardSection
        keyboard={prefs.keyboard}
        toggleShortcut={commandShortcuts.toggle}
        popupShortcut={commandShortcuts.popup}
        onChange={(keyboard) => update({ keyboard })}
        onReset={() => update({ keyboard: { next: DEFAULT_PREFERENCES.keyboard.next, previous: DEFAULT_PREFERENCES.keyboard.previous } })}
        onOpenBrowserShortcuts={openBrowserShortcuts}
      />
      <ReadingSection
        audience={prefs.audience}
        onChange={(audience) => update({ audience })}
        recentTerms={prefs.recentTerms}
        recentCount={recentTerms.length}
        onRecentTermsChange={(keep) => {
          update({ recentTerms: keep });
          // Off means kept no more: what was kept goes too.
          if (!keep) void send('recent/clear').catch(() => undefined);
        }}
        onClearRecent={() => void send('recent/clear').catch(() => undefined)}
        savedCount={saved.length}
        onOpenSaved={() => void browser.tabs.create({ url: viewUrl({ view: 'saved' }) })}
      />
      <DatasetSection
        status={status}
        lastSync={lastSync}
        usage={usage}
        settings={syncSettings}
        urlDraft={url}
        work={work}
        elsewhere={job && !work ? { source: job.source } : undefined}
        message={message}
        onUrlInput={setUrlDraft}
        onUrlSave={saveUrl}
        onSchedule={(schedule) => void syncSettingsItem.setValue({ ...syncSettings, url: url.trim(), schedule })}
        onSync={() => {
          saveUrl();
          void act('sync', async () => {
            const id = crypto.randomUUID();
            ownUpdate.current = { update: id };
            const reply = await send('dataset/sync', { url: url.trim(), id });
            return reply.status === 'unchanged'
              ? `Already up to date: version ${reply.meta.version} is installed.`
              : `Updated to version ${reply.meta.version}` +
                  (reply.filesRead !== undefined ? ` (${reply.filesRead} of ${reply.filesRead + (reply.filesReused ?? 0)} files downloaded, the rest unchanged).` : '.');
          });
        }}
        onFiles={(files) =>
          void act('file', () =>
            // Staged under an id of this import's own: another settings tab importing meanwhile keeps its files.
            withStaging(openStaging, files[0]?.name ?? 'the picked files', async (stagingId) => {
              const controller = new AbortController();
              cancelStaging.current = controller;
              let name: string;
              try {
                name = await stagePicked(files, (path, body) => putStaged(openStaging, stagingId, path, body), (staging) => setWork({ action: 'file', staging }), controller.signal);
              } catch (e) {
                await clearStaged(openStaging, stagingId).catch(() => undefined);
                const error = controller.signal.aborted ? new Error(CANCELLED) : e;
                // Refused before the worker saw it (not a zip, no manifest): still the last update, for "Last sync".
                await lastSyncItem
                  .setValue({
                    kind: 'file',
                    source: files[0]?.name ?? 'picked files',
                    trigger: 'reader',
                    at: new Date().toISOString(),
                    result: controller.signal.aborted ? 'cancelled' : 'failed',
                    message: readerMessage(error),
                  })
                  .catch(() => undefined);
                throw error;
              } finally {
                cancelStaging.current = undefined;
              }
              ownUpdate.current = { update: stagingId };
              const reply = await send('dataset/import-staged', { name, staging: stagingId });
              return reply.status === 'unchanged' ? `Already up to date: version ${reply.meta.version} is installed.` : `Imported version ${reply.meta.version} from ${name}.`;
            }),
          )
        }
        onRestore={() =>
          void act('restore', async () => {
            ownUpdate.current = { restore: true };
            const reply = await send('dataset/restore-bundled');
            const message = `Restored the bundled dataset, version ${reply.meta.version}.`;
            // The last update now: "Last sync" must not go on naming the dataset this replaced.
            await lastSyncItem
              .setValue({ kind: 'bundled', source: 'bundled', trigger: 'reader', at: new Date().toISOString(), result: 'imported', message, version: reply.meta.version, ms: reply.ms })
              .catch(() => undefined);
            return message;
          })
        }
        onCancel={() => {
          cancelStaging.current?.abort();
          const target = cancelTarget({ staging: cancelStaging.current !== undefined, own: ownUpdate.current, job, importing: status?.importing !== undefined });
          if (target) void send('dataset/cancel', target).catch(() => undefined);
        }}
      />
      <AboutSection
        version={browser.runtime.getManifest().version}
        builtIn={bundledDataset.sources}
        sources={status?.installed && status.installed.origin !== 'bundled' ? status.installed.sources : undefined}
      />
    </main>
  );
}
