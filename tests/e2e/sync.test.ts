// Dataset sync in real Chromium with the built extension, against a dataset server on 127.0.0.1 that
// injects each failure. After every failure the old dataset must still answer and the settings page must
// say what failed in one sentence.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Concept, DatasetManifest, ResearchSummary, Summary } from '../../lib/dataset/types';
import { publish, type Published } from '../../scripts/publish-dataset';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './harness';
import { startDatasetServer, type DatasetServer, type Fault } from './sync-server';

const BUNDLED = join(EXTENSION_DIR, 'dataset');
const bundledManifest = JSON.parse(readFileSync(join(BUNDLED, 'manifest.json'), 'utf8')) as DatasetManifest;
const records = <T>(kind: string) =>
  bundledManifest.files
    .filter((f) => f.kind === kind)
    .flatMap((f) => readFileSync(join(BUNDLED, f.path), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T));
const concepts = records<Concept>('concepts');
const summaries = records<Summary>('summaries');
const WATCHED = 'pmid:21645374';

/** The bundled records with some research summaries' conclusions changed. */
function version(v: string, changes: Record<string, string>): Published {
  const changed = summaries.map((s) => (s.kind === 'research' && changes[s.id] ? ({ ...s, bottomLine: changes[s.id] } as ResearchSummary) : s));
  const { files: _f, format: _fmt, ...base } = bundledManifest;
  return publish({ ...base, version: v }, concepts, changed);
}

const research = summaries.filter((s) => s.kind === 'research');
const v2 = version('e2e-2', { [WATCHED]: 'Sync v2: a changed conclusion.' });
const v3Changes = { [WATCHED]: 'Sync v2: a changed conclusion.', [research[500].id]: 'Sync v3: another change.' };
const v3 = version('e2e-3', v3Changes);
/** The one file v3 changes from v2: every fault is injected there. */
const v3File = v3.manifest.files.find((f) => !v2.manifest.files.some((g) => g.sha256 === f.sha256))!.path;
const v3Text = v3.files.find((f) => f.path === v3File)!.text;

/** v3 with its changed file replaced by `text`, listed with a matching checksum (so later checks run). */
function v3With(text: string) {
  const files = new Map(v3.files.map((f) => [f.path, f.text]));
  files.set(v3File, text);
  const manifest: DatasetManifest = {
    ...v3.manifest,
    files: v3.manifest.files.map((f) =>
      f.path === v3File ? { ...f, bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') } : f,
    ),
  };
  return { manifestText: JSON.stringify(manifest), files };
}
const lines = v3Text.trim().split('\n');
const last = JSON.parse(lines.at(-1)!) as ResearchSummary;
const badRecord = [...lines.slice(0, -1), JSON.stringify({ ...last, citation: { ...last.citation, url: 'https://evil.example/x' } })].join('\n') + '\n';
const badJson = [...lines.slice(0, -3), '{"id": "pmid:broken", ', ...lines.slice(-2)].join('\n') + '\n';

let browser: ExtensionBrowser;
let server: DatasetServer;
let page: Page;

const message = () => page.getByTestId('dataset-message').textContent();
const ask = (type: string, request?: unknown) =>
  page.evaluate(
    async ([type, request]) => (globalThis as any).chrome.runtime.sendMessage({ type, request }),
    [type, request] as const,
  );
const watchedConclusion = async () => ((await ask('summary/get', { id: WATCHED })) as any).value?.bottomLine as string;

async function syncFrom(url: string) {
  await page.locator('#dataset-url').fill(url);
  await page.getByRole('button', { name: 'Sync now' }).click();
}

async function settled() {
  await expect.poll(() => page.getByRole('button', { name: 'Sync now' }).isEnabled(), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => page.getByRole('button', { name: 'Cancel' }).count(), { timeout: 60_000 }).toBe(0);
}

beforeAll(async () => {
  server = await startDatasetServer();
  server.sites.set('v2', { published: v2 });
  browser = await launchWithExtension();
  page = await browser.openPage('options.html');
  // The bundled dataset is imported on install.
  await page.getByTestId('dataset-version').filter({ hasText: bundledManifest.version }).waitFor({ timeout: 60_000 });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sync', () => {
  test('a good sync: the changed summary becomes visible, and the page says what happened', async () => {
    expect(await watchedConclusion()).not.toBe('Sync v2: a changed conclusion.');
    await syncFrom(`${server.url}/v2/manifest.json`);
    await expect.poll(message, { timeout: 60_000 }).toMatch(/^Updated to version e2e-2 \(\d+ of \d+ files downloaded, the rest unchanged\)\.$/);
    expect(await watchedConclusion()).toBe('Sync v2: a changed conclusion.');
    await expect.poll(() => page.getByTestId('dataset-version').textContent()).toBe('e2e-2');
    expect(await page.getByTestId('dataset-origin').textContent()).toBe(`${server.url}/v2/manifest.json`);
    expect(await page.getByTestId('last-sync').textContent()).toMatch(/: updated\.$/);
    expect(await page.getByTestId('space-used').textContent()).toMatch(/MB by the extension/);
    // The size is the synced dataset's files, as its manifest lists them.
    const published = JSON.parse(await (await fetch(`${server.url}/v2/manifest.json`)).text()) as { files: { bytes: number }[] };
    const mb = published.files.reduce((sum, f) => sum + f.bytes, 0) / 1e6;
    expect(await page.getByTestId('dataset-size').textContent()).toBe(`${mb.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB of data files`);
  });

  test('no-op sync: the same version again downloads nothing (a conditional request for the manifest)', async () => {
    server.log.length = 0;
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(message, { timeout: 30_000 }).toBe('Already up to date: version e2e-2 is installed.');
    expect(server.log.map((r) => r.path)).toEqual(['v2/manifest.json']);
    expect(server.log[0]).toMatchObject({ conditional: true, status: 304 });
  });

  test('an update downloads only the file that changed', async () => {
    server.sites.set('v3', { published: v3 });
    server.log.length = 0;
    await syncFrom(`${server.url}/v3/manifest.json`);
    await expect.poll(message, { timeout: 60_000 }).toBe(`Updated to version e2e-3 (1 of ${v3.manifest.files.length} files downloaded, the rest unchanged).`);
    expect(server.log.map((r) => r.path)).toEqual(['v3/manifest.json', `v3/${v3File}`]);
    // Back to v2 for the failure tests (v2's files are all still reusable, so this is quick too).
    await syncFrom(`${server.url}/v2/manifest.json`);
    await expect.poll(message, { timeout: 60_000 }).toMatch(/^Updated to version e2e-2 \(1 of/);
  });

  const failures: [string, () => void, string, RegExp][] = [
    ['the server cannot be reached', () => undefined, 'http://127.0.0.1:9/manifest.json', /^The download of the dataset manifest failed: the server could not be reached, or kept redirecting\. Check the address and the connection, then try again\.$/],
    ['a 404 for the manifest', () => undefined, '/nothing-here/manifest.json', /^The download of the dataset manifest failed: the server answered HTTP 404 \(there is no file at that address: check the dataset address\)\.$/],
    ['a 404 for a data file', () => fault('f404', { file: v3File, kind: 'status', status: 404 }), '/f404/manifest.json', new RegExp(`^The download of ${v3File} failed: the server answered HTTP 404 \\(the server lacks a file its manifest lists: try again in a few minutes, and if this goes on, tell its publisher\\)\\.$`)],
    ['a 500 for a data file', () => fault('f500', { file: v3File, kind: 'status', status: 500 }), '/f500/manifest.json', /answered HTTP 500 \(the server failed: try again later\)\.$/],
    ['a connection dropped midway', () => fault('drop', { file: v3File, kind: 'drop' }), '/drop/manifest.json', new RegExp(`^The download of ${v3File} was cut off before it finished \\(the connection dropped\\): try again\\.$`)],
    ['a checksum mismatch', () => fault('sha', { file: v3File, kind: 'body', body: v3Text.replace('Sync v3', 'Sync v9') }), '/sha/manifest.json', new RegExp(`^${v3File} is damaged or was changed: its checksum does not match the manifest\\. The dataset may be being updated: try again in a few minutes, and if this goes on, tell its publisher\\.$`)],
    ['a manifest that is not JSON', () => fault('mjson', { file: 'manifest.json', kind: 'body', body: '<html>Not found</html>' }), '/mjson/manifest.json', /^The dataset manifest is not valid JSON, so the address may not lead to a dataset: check it \(it usually ends in manifest\.json\)\.$/],
    ['malformed JSON in a data file', () => server.sites.set('djson', { published: v3With(badJson) }), '/djson/manifest.json', new RegExp(`^${v3File}, line \\d+: not valid JSON\\. The dataset may be being updated: try again in a few minutes, and if this goes on, tell its publisher\\.$`)],
    ['a bad record deep in a file', () => server.sites.set('record', { published: v3With(badRecord) }), '/record/manifest.json', new RegExp(`^${v3File}, record ${lines.length} is not valid \\(citation\\.url: links must be https to a cited source site\\)\\.$`)],
    ['a file over the size limit', () => fault('huge', { file: v3File, kind: 'huge', bytes: 21_000_000 }), '/huge/manifest.json', new RegExp(`^${v3File} is larger than the 20 MB a dataset file may be\\.$`)],
    ['a plain-http source elsewhere', () => undefined, 'http://example.org/manifest.json', /^Datasets are downloaded only over https \(or http from this computer, for development\)\.$/],
  ];
  function fault(site: string, f: Fault) {
    server.sites.set(site, { published: v3, faults: [f] });
  }

  test.each(failures)('%s: the old dataset keeps answering and the reader is told', async (_name, setup, path, expected) => {
    setup();
    await syncFrom(path.startsWith('http') ? path : `${server.url}${path}`);
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 60_000 }).toMatch(expected);
    await settled();
    expect(await page.getByTestId('still-in-use').textContent()).toBe('The dataset in use is still version e2e-2.');
    expect(await watchedConclusion()).toBe('Sync v2: a changed conclusion.');
    expect(((await ask('dataset/status')) as any).value.installed.version).toBe('e2e-2');
  });

  test('cancel midway: nothing changes', async () => {
    const v4 = version('e2e-4', { ...Object.fromEntries(research.slice(0, 900).map((s) => [s.id, `v4 ${s.id}`])), [WATCHED]: 'Sync v4.' });
    const changed = v4.manifest.files.filter((f) => !v2.manifest.files.some((g) => g.sha256 === f.sha256));
    expect(changed.length).toBeGreaterThan(2);
    server.sites.set('slow', { published: v4, faults: changed.map((f) => ({ file: f.path, kind: 'delay' as const, ms: 700 })) });
    await syncFrom(`${server.url}/slow/manifest.json`);
    await expect.poll(() => page.getByRole('progressbar').count(), { timeout: 30_000 }).toBe(1);
    expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toMatch(/of .* downloaded, .* of .* records/);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(message, { timeout: 30_000 }).toContain('The update was cancelled, so nothing was changed.');
    await settled();
    expect(await watchedConclusion()).toBe('Sync v2: a changed conclusion.');
    expect(((await ask('dataset/status')) as any).value.pending).toBeUndefined();
  });

  test('the settings page closed midway: the sync finishes in the background', async () => {
    const v5 = version('e2e-5', { [WATCHED]: 'Sync v5.' });
    const changed = v5.manifest.files.filter((f) => !v2.manifest.files.some((g) => g.sha256 === f.sha256));
    server.sites.set('closed', { published: v5, faults: changed.map((f) => ({ file: f.path, kind: 'delay' as const, ms: 1500 })) });
    await syncFrom(`${server.url}/closed/manifest.json`);
    await expect.poll(() => page.getByRole('progressbar').count(), { timeout: 30_000 }).toBe(1);
    await page.close();
    page = await browser.openPage('options.html');
    // Meanwhile the old dataset answers.
    expect(await watchedConclusion()).toBe('Sync v2: a changed conclusion.');
    await expect.poll(() => page.getByTestId('dataset-version').textContent(), { timeout: 60_000 }).toBe('e2e-5');
    expect(await watchedConclusion()).toBe('Sync v5.');
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toContain('Updated to version e2e-5');
  });

  test('the settings page closed while staging picked files: the next one frees them and says the import stopped', async () => {
    // The state a page leaves when closed mid-pick (a real close cannot be timed inside the staging of a small file).
    // Its import's files sit under the import's id, with the mark that names what was picked (lib/sync/staged.ts).
    await page.evaluate(async () => {
      const cache = await caches.open('evidence-lens-import');
      const mark = JSON.stringify({ name: 'big.zip', at: new Date().toISOString() });
      await cache.put('https://evidence-lens.invalid/import/closed-page/.picked', new Response(mark));
      await cache.put('https://evidence-lens.invalid/import/closed-page/manifest.json', new Response('{}'));
    });
    await page.close();
    page = await browser.openPage('options.html');
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toContain(
      'The import of big.zip stopped when the settings page was closed, so nothing was changed: pick the files again.',
    );
    expect(await page.evaluate(async () => (await (await caches.open('evidence-lens-import')).keys()).length)).toBe(0);
  });

  test('the service worker stopped midway: the sync resumes after its last finished file on the next start', async () => {
    const v6 = version('e2e-6', { ...Object.fromEntries(research.slice(0, 900).map((s) => [s.id, `v6 ${s.id}`])), [WATCHED]: 'Sync v6.' });
    const installed = ((await ask('dataset/status')) as any).value.installed.version;
    const before = installed === 'e2e-5' ? version('e2e-5', { [WATCHED]: 'Sync v5.' }) : v2;
    const changed = v6.manifest.files.filter((f) => !before.manifest.files.some((g) => g.sha256 === f.sha256));
    expect(changed.length).toBeGreaterThan(3);
    // The changed files after the second are slow, so that the worker is stopped while they are still on their
    // way however busy the machine (two files are read ahead: with the same short delay for all, a loaded
    // machine saw the last ones land before the stop).
    server.sites.set('stopped', { published: v6, faults: changed.map((f, i) => ({ file: f.path, kind: 'delay' as const, ms: i < 2 ? 600 : 4000 })) });
    server.log.length = 0;
    await syncFrom(`${server.url}/stopped/manifest.json`);
    // Once two changed files are in, stop the worker, as Chrome does to an idle or misbehaving one. Files are done
    // in the manifest's order, and unchanged ones may follow the changed ones.
    const secondChanged = v6.manifest.files.indexOf(changed[1]);
    await expect.poll(async () => ((await ask('dataset/status')) as any).value.importing?.filesDone ?? 0, { timeout: 30_000, interval: 100 }).toBeGreaterThan(secondChanged);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(message, { timeout: 30_000 }).toBe('The extension restarted during the update; it continues in the background.');
    const requestedBeforeStop = server.log.filter((r) => r.path !== 'stopped/manifest.json').map((r) => r.path);
    // The page's next status poll starts the worker again; it finds the job and resumes it.
    await expect.poll(() => page.getByTestId('dataset-version').textContent(), { timeout: 60_000 }).toBe('e2e-6');
    expect(await watchedConclusion()).toBe('Sync v6.');
    await expect.poll(() => page.getByTestId('last-sync').textContent(), { timeout: 10_000 }).toContain('Updated to version e2e-6');
    const { lastSync } = await page.evaluate(() => (globalThis as any).chrome.storage.local.get('lastSync'));
    expect(lastSync).toMatchObject({ result: 'imported', trigger: 'resume', version: 'e2e-6' });
    const files = server.log.filter((r) => r.path !== 'stopped/manifest.json').map((r) => r.path);
    // Files finished before the stop were not downloaded again (at most the two being read ahead were).
    expect(files.length).toBeLessThanOrEqual(changed.length + 2);
    expect(requestedBeforeStop.length).toBeGreaterThan(1);
    await cdp.detach();
  });

  test('import from a zip file, with the same checks', async () => {
    const zip = (p: Published | ReturnType<typeof v3With>) => {
      const entries: Record<string, Uint8Array> = {};
      if ('manifest' in p) {
        entries['dataset/manifest.json'] = strToU8(JSON.stringify(p.manifest));
        for (const f of p.files) entries[`dataset/${f.path}`] = strToU8(f.text);
      } else {
        entries['manifest.json'] = strToU8(p.manifestText);
        for (const [path, text] of p.files) entries[path] = strToU8(text);
      }
      return Buffer.from(zipSync(entries, { level: 1 }));
    };
    const input = page.getByTestId('import-file');
    const before = await watchedConclusion();
    // Bytes that are no zip: refused in the page, said in one sentence, and recorded as the last update.
    await input.setInputFiles({ name: 'notes.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all') });
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 30_000 }).toBe('notes.zip is not a zip file.');
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toMatch(/: failed\.$/);
    await settled();
    await input.setInputFiles({ name: 'bad.zip', mimeType: 'application/zip', buffer: zip(v3With(badRecord)) });
    await expect.poll(() => page.getByRole('alert').first().textContent(), { timeout: 60_000 }).toMatch(/record \d+ is not valid \(citation\.url/);
    await settled();
    expect(await watchedConclusion()).toBe(before);
    await input.setInputFiles({ name: 'e2e-3.zip', mimeType: 'application/zip', buffer: zip(v3) });
    await expect.poll(message, { timeout: 60_000 }).toBe('Imported version e2e-3 from e2e-3.zip.');
    expect(await page.getByTestId('dataset-origin').textContent()).toBe('file: e2e-3.zip');
    expect(await watchedConclusion()).toBe('Sync v2: a changed conclusion.');
  });

  test('restore the bundled dataset', async () => {
    await page.getByRole('button', { name: 'Restore bundled dataset' }).click();
    await expect.poll(message, { timeout: 60_000 }).toBe(`Restored the bundled dataset, version ${bundledManifest.version}.`);
    expect(await page.getByTestId('dataset-origin').textContent()).toBe('Bundled with the extension');
    // "Last sync" names the restore, not the dataset it replaced.
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toMatch(/: updated\.$/);
    await page.reload();
    await expect.poll(() => page.getByTestId('last-sync').textContent()).toContain(`Restored the bundled dataset, version ${bundledManifest.version}.`);
    const original = summaries.find((s) => s.id === WATCHED) as ResearchSummary;
    expect(await watchedConclusion()).toBe(original.bottomLine);
  });
});
