// The context menu's "Look up in Evidence Lens": the mouse's way to a highlighted term inside a link (whose click
// is the page's) and to any words the reader selects. A test cannot click the browser's own menu: the reader
// right-clicks or selects, then the test runs the menu item's action in the background, as the menu would.
import { expect, test } from 'vitest';
import { useReadingPage } from './pages';

const reader = useReadingPage('abstract.html');

/** What choosing "Look up in Evidence Lens" does: the background asks the tab, with the selected text if any. */
async function chooseLookUp(selected = ''): Promise<void> {
  const address = reader.page.url().replace(/#.*$/, '');
  await reader.browser.worker.evaluate(
    async ([address, selected]) => {
      const [tab] = await (globalThis as any).chrome.tabs.query({ url: address });
      await (globalThis as any).evidenceLens.lookupMenu.lookUp(tab.id, 0, selected);
    },
    [address, selected] as const,
  );
}

const card = () => reader.page.getByTestId('evidence-card');
const closeCard = async () => {
  await reader.page.keyboard.press('Escape');
  await expect.poll(() => reader.page.locator('evidence-lens-card').count()).toBe(0);
};

test("a highlighted term inside a link: a click follows the link, Look up opens the term's card", async () => {
  // "Asthma guidelines" is a link; "Asthma" in it is highlighted.
  const box = (await reader.page.locator('#link').boundingBox())!;
  const onAsthma = { x: box.x + 12, y: box.y + box.height / 2 };
  await reader.page.mouse.click(onAsthma.x, onAsthma.y);
  await expect.poll(() => reader.page.evaluate(() => location.hash)).toBe('#asthma');
  await reader.page.waitForTimeout(500);
  expect(await reader.page.locator('evidence-lens-card').count()).toBe(0);

  await reader.page.mouse.click(onAsthma.x, onAsthma.y, { button: 'right' });
  await chooseLookUp();
  await card().waitFor({ timeout: 10_000 });
  await expect.poll(() => card().locator('#el-card-title').textContent()).toBe('Asthma');
  expect(await card().getByTestId('card-more').textContent()).toMatch(/^More/);
  await closeCard();
});

/** Select `word`s in the element `id` (from the first occurrence of `from` to the start of `to`) and right-click it. */
async function selectAndRightClick(id: string, from: string, to: string): Promise<string> {
  const box = await reader.page.evaluate(
    ([id, from, to]) => {
      const text = [...document.getElementById(id)!.childNodes].find((n) => n.nodeType === 3 && (n as Text).data.includes(from)) as Text;
      const range = document.createRange();
      range.setStart(text, text.data.indexOf(from));
      range.setEnd(text, text.data.indexOf(to, text.data.indexOf(from)));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const r = range.getClientRects()[0];
      return { x: r.left + Math.min(r.width / 2, 30), y: r.top + r.height / 2, text: range.toString() };
    },
    [id, from, to] as const,
  );
  await reader.page.mouse.click(box.x, box.y, { button: 'right' });
  return box.text;
}

test('a selection opens the highlighted term it holds; words no highlight covers are looked up by name', async () => {
  // "underwent computed tomography (CT) of the": the term it holds.
  await chooseLookUp(await selectAndRightClick('imaging', 'underwent', 'abdomen'));
  await expect.poll(() => card().locator('#el-card-title').textContent(), { timeout: 10_000 }).toBe('Computed tomography');
  await closeCard();

  // Words the page leaves unlit (in a text field) that name a concept: its card.
  await reader.page.evaluate(() => {
    const field = document.getElementById('ta') as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(0, 'breast cancer'.length);
  });
  const field = (await reader.page.locator('#ta').boundingBox())!;
  await reader.page.mouse.click(field.x + 20, field.y + 8, { button: 'right' });
  await chooseLookUp('breast cancer');
  await expect.poll(() => card().locator('#el-card-title').textContent(), { timeout: 10_000 }).toBe('Breast cancer');
  await closeCard();

  // Words that name nothing: the card says so, with no full view to go on to.
  await chooseLookUp(await selectAndRightClick('intro', 'coppersmith', "'s act"));
  await expect.poll(() => card().locator('#el-card-body').textContent(), { timeout: 10_000 }).toContain('No term in the dataset by this name.');
  expect(await card().getByTestId('card-more').count()).toBe(0);
  await closeCard();
});
