// Real Firefox (the ESR a reader installs, /usr/bin/firefox-esr) with the built Firefox package installed as a
// temporary add-on, driven over WebDriver BiDi. The add-on gets a fixed internal UUID through the profile's
// prefs, so its pages have a known moz-extension:// address.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BidiConnection } from './bidi';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '..', '.output', 'firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const ADDON_ID = 'evidence-lens@example.org';
const UUID = '5e1f0c7a-8b2d-4c3e-9a6f-1d2b3c4d5e6f';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

const PREFS: Record<string, string | number | boolean> = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: UUID }),
  // Quiet: no first-run pages, update checks or telemetry (there is no network but 127.0.0.1 anyway).
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'browser.aboutwelcome.enabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

export interface FirefoxReader {
  bidi: BidiConnection;
  /** A new tab at `url`; its browsing context id. */
  open(url: string): Promise<string>;
  /** Evaluate `expression` in a tab (awaited; the value must be JSON-serialisable: it is sent as JSON). */
  evaluate<T>(context: string, expression: string): Promise<T>;
  /** Poll `expression` until it is truthy; its value. */
  waitFor<T>(context: string, expression: string, what: string, timeoutMs?: number): Promise<T>;
  /** A real mouse click at viewport coordinates. */
  click(context: string, x: number, y: number): Promise<void>;
  /** Call before the action that opens a tab: the browsing context of the next tab not opened by `open`. */
  nextTab(): Promise<string>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxReader> {
  const profile = mkdtempSync(join(tmpdir(), 'evidence-lens-firefox-'));
  writeFileSync(join(profile, 'user.js'), Object.entries(PREFS).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});`).join('\n'));
  const browser: ChildProcess = spawn(FIREFOX, ['--headless', '--no-remote', '--remote-debugging-port=0', '--profile', profile, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => reject(new Error(`Firefox (${FIREFOX}) did not start its WebDriver BiDi server:\n${said}`)), 60_000);
    browser.once('error', (error) => reject(new Error(`Could not start ${FIREFOX} (apt-get install firefox-esr): ${error.message}`)));
    browser.stderr!.on('data', (chunk) => {
      said += chunk;
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(said);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
  });
  const bidi = await BidiConnection.connect(`${url}/session`);
  await bidi.send('session.new', { capabilities: {} });
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: FIREFOX_EXTENSION_DIR } });

  const evaluate = async <T>(context: string, expression: string): Promise<T> => {
    const reply = await bidi.send('script.evaluate', { expression: `(async () => JSON.stringify(await (${expression})))()`, target: { context }, awaitPromise: true });
    if (reply.type === 'exception') throw new Error(`In the page: ${reply.exceptionDetails?.text ?? 'an exception'} (${expression.slice(0, 80)})`);
    const text = reply.result?.value as string | undefined;
    return (text === undefined ? undefined : JSON.parse(text)) as T;
  };
  // Top-level tabs as the browser reports them, and which of them the tests opened themselves.
  const created: string[] = [];
  const ours = new Set<string>();
  await bidi.send('session.subscribe', { events: ['browsingContext.contextCreated'] });
  bidi.on('browsingContext.contextCreated', (params) => {
    if (!params.parent) created.push(params.context);
  });

  return {
    bidi,
    async open(url) {
      const { context } = await bidi.send('browsingContext.create', { type: 'tab' });
      ours.add(context);
      await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
      return context;
    },
    evaluate,
    async waitFor<T>(context: string, expression: string, what: string, timeoutMs = 30_000): Promise<T> {
      const end = Date.now() + timeoutMs;
      for (;;) {
        const value = await evaluate<T>(context, expression).catch(() => undefined);
        if (value) return value;
        if (Date.now() > end) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async click(context, x, y) {
      await bidi.send('input.performActions', {
        context,
        actions: [
          {
            type: 'pointer',
            id: 'mouse',
            parameters: { pointerType: 'mouse' },
            actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y) }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }],
          },
        ],
      });
    },
    async nextTab() {
      const seen = created.length;
      const end = Date.now() + 15_000;
      for (;;) {
        const opened = created.slice(seen).find((c) => !ours.has(c));
        if (opened) return opened;
        if (Date.now() > end) throw new Error('No tab was opened');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async close() {
      await bidi.send('browser.close').catch(() => undefined);
      bidi.close();
      if (browser.exitCode === null) await new Promise((r) => browser.once('exit', r));
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
