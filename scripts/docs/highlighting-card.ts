// Redraws docs/highlighting-card.png (the README's first picture): a corpus health-news page with its terms
// highlighted and the card of one open, in the built extension in headless Chromium.
//   npm run build && npx tsx scripts/docs/highlighting-card.ts
import { join } from 'node:path';
import { openReadingPage } from '../../tests/e2e/pages.ts';

const OUT = join(import.meta.dirname, '..', '..', 'docs', 'highlighting-card.png');
const TERM = 'allergy';

const { browser, server, page } = await openReadingPage('webmd-1.html');
try {
  await page.setViewportSize({ width: 1100, height: 760 });
  // The term's centre, from its painted highlight (a click there opens the card, as a reader's would).
  const point = await page.evaluate(`(() => {
    for (const highlight of CSS.highlights.values()) for (const r of highlight) {
      if (r.startContainer !== r.endContainer || r.startContainer.data.slice(r.startOffset, r.endOffset) !== ${JSON.stringify(TERM)}) continue;
      if (r.startContainer.parentElement.closest('a')) continue; // a click on a link is the page's
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      range.startContainer.parentElement.scrollIntoView({ block: 'center' });
      const b = range.getBoundingClientRect();
      return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
    }
  })()`);
  if (!point) throw new Error(`"${TERM}" is not highlighted on the page`);
  const { x, y } = point as { x: number; y: number };
  await page.mouse.click(x, y);
  await page.getByTestId('evidence-card').getByTestId('card-citation').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: OUT });
  console.log(`wrote ${OUT}`);
} finally {
  await browser.close();
  server.close();
}
