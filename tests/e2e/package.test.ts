// The two built packages (`npm run build`): what each manifest names is in the package, both carry the
// toolbar icons, and nothing in them is exposed to web pages.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const OUTPUT = resolve(import.meta.dirname, '..', '..', '.output');

interface Manifest {
  manifest_version: number;
  icons?: Record<string, string>;
  background?: { service_worker?: string; scripts?: string[] };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  web_accessible_resources?: unknown;
  browser_specific_settings?: { gecko?: { id?: string; strict_min_version?: string } };
  commands?: Record<string, { suggested_key?: { default?: string } }>;
}

/** Width and height from a PNG's header. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe.each(['chrome-mv3', 'firefox-mv3'])('the %s package', (target) => {
  const dir = join(OUTPUT, target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  test('has the toolbar icons at each size it names', () => {
    expect(Object.keys(manifest.icons ?? {}).sort()).toEqual(['128', '16', '32', '48']);
    for (const [size, path] of Object.entries(manifest.icons!)) {
      expect(pngSize(readFileSync(join(dir, path))), path).toEqual([Number(size), Number(size)]);
    }
  });

  test('suggests keys for the popup and the highlighting toggle, so both are reached without the mouse', () => {
    expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+E');
    expect(manifest.commands?.['toggle-highlights']?.suggested_key?.default).toBe('Alt+Shift+H');
  });

  test('holds every file its manifest names', () => {
    const named = [
      ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
      ...(manifest.background?.scripts ?? []),
      manifest.action?.default_popup,
      manifest.options_ui?.page,
      ...(manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
    ];
    expect(named.length).toBeGreaterThanOrEqual(5);
    for (const path of named) expect(existsSync(join(dir, path!)), path).toBe(true);
  });

  test('exposes nothing to web pages (the dataset and the matcher stay private)', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});

test('Chrome runs the background as a service worker, Firefox as an event page with its add-on id', () => {
  const chrome = JSON.parse(readFileSync(join(OUTPUT, 'chrome-mv3', 'manifest.json'), 'utf8')) as Manifest;
  const firefox = JSON.parse(readFileSync(join(OUTPUT, 'firefox-mv3', 'manifest.json'), 'utf8')) as Manifest;
  expect(chrome.manifest_version).toBe(3);
  expect(chrome.background?.service_worker).toBeTruthy();
  expect(firefox.manifest_version).toBe(3);
  expect(firefox.background?.scripts?.length).toBeGreaterThan(0);
  expect(firefox.browser_specific_settings?.gecko?.id).toMatch(/@/);
  expect(firefox.browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
});
