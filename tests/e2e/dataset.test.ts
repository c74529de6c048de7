import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { DatasetManifest } from '../../lib/dataset/types';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './harness';

let browser: ExtensionBrowser;
const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'dataset', 'manifest.json'), 'utf8')) as DatasetManifest;

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
});

test('on install the bundled dataset is imported, and the settings page shows its counts', async () => {
  const page = await browser.openPage('options.html');
  // The import runs in the background on install; the page follows its progress until it is done.
  await expect
    .poll(() => page.getByTestId('dataset-version').textContent(), { timeout: 60_000 })
    .toBe(manifest.version);
  const number = async (id: string) => Number((await page.getByTestId(id).textContent())!.replace(/,/g, ''));
  expect(await number('count-concepts')).toBe(manifest.counts.concepts);
  expect(await number('count-research')).toBe(manifest.counts.researchSummaries);
  expect(await number('count-consumer')).toBe(manifest.counts.consumerSummaries);
  expect(manifest.counts.concepts).toBeGreaterThan(10_000);

  // And the records themselves answer through the background, as the popup will ask for them.
  const answer = await page.evaluate(async () => {
    const reply = await (globalThis as any).chrome.runtime.sendMessage({ type: 'summary/get', request: { id: 'pmid:21645374' } });
    return reply;
  });
  expect(answer).toMatchObject({ ok: true, value: { kind: 'research', verdict: 'yes', citation: { pmid: '21645374' } } });
});
