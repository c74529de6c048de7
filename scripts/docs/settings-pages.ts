// Redraws the README's settings pictures: docs/settings-dataset.png (the installed dataset, light) and
// docs/settings-highlighting-dark.png (the highlighting section, dark), in the built extension in headless Chromium.
//   npm run build && npx tsx scripts/docs/settings-pages.ts
import { join } from 'node:path';
import { launchWithExtension } from '../../tests/e2e/harness.ts';

const DOCS = join(import.meta.dirname, '..', '..', 'docs');

const browser = await launchWithExtension();
try {
  const page = await browser.openPage('options.html');
  // The install-time import of the bundled dataset is done once its version shows.
  await page.getByTestId('dataset-version').waitFor({ timeout: 60_000 });
  await page.setViewportSize({ width: 900, height: 900 });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.locator('section[aria-labelledby="dataset-heading"]').screenshot({ path: join(DOCS, 'settings-dataset.png') });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.locator('section[aria-labelledby="highlighting-heading"]').screenshot({ path: join(DOCS, 'settings-highlighting-dark.png') });
  console.log(`wrote ${DOCS}/settings-dataset.png and settings-highlighting-dark.png`);
} finally {
  await browser.close();
}
