import { launchWithExtension } from '../tests/e2e/harness.ts';
const b = await launchWithExtension();
const page = await b.openPage('options.html');
await page.getByTestId('dataset-version').waitFor({ timeout: 60000 });
const show = async () => console.log(await b.worker.evaluate(() => JSON.stringify((globalThis as any).T, (k, v) => typeof v === 'number' ? Math.round(v) : v)));
await show();
for (let i = 0; i < 3; i++) {
  await b.worker.evaluate(() => { const T = (globalThis as any).T; for (const k in T) T[k] = 0; });
  const r: any = await page.evaluate(() => (globalThis as any).chrome.runtime.sendMessage({ type: 'dataset/restore-bundled' }));
  console.log(r.ok ? r.value.ms : r.error); await show();
}
await b.close();
