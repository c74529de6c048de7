// Reading without a mouse: moving between terms, opening and closing the card, what a screen reader hears.
import { expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { useReadingPage } from './pages';

const reader = useReadingPage('abstract.html');

/** The text of the term marked current, and every term's text in document order. */
const state = () =>
  reader.page.evaluate(() => {
    const text = (r: StaticRange) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return { text: range.toString(), range };
    };
    const all: { text: string; range: Range }[] = [];
    for (const [name, h] of (CSS as any).highlights as Map<string, Set<StaticRange>>) {
      if (name.startsWith('evidence-lens-underline-')) for (const r of h) all.push(text(r));
    }
    all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    const current = [...(((CSS as any).highlights.get('evidence-lens-current') as Set<StaticRange>) ?? [])].map((r) => text(r).text);
    return { current, order: all.map((x) => x.text) };
  });

const liveRegion = () =>
  reader.page.evaluate(() => document.querySelector('evidence-lens-status')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? null);

test('the live region says what was highlighted, without taking focus', async () => {
  await expect.poll(liveRegion, { timeout: 10_000 }).toMatch(/^\d+ medical terms? highlighted/);
  // Terms, and the places moving between them counts ("3 of N").
  const said = (await liveRegion())!;
  const places = Number(/in (\d+) places/.exec(said)?.[1] ?? /^(\d+)/.exec(said)![1]);
  await reader.page.keyboard.press('Alt+Shift+KeyP'); // from no term, back: the last
  await expect.poll(liveRegion).toMatch(new RegExp(`, ${places} of ${places}\\. Enter opens its card\\.$`));
  expect(await reader.page.evaluate(() => document.activeElement === document.body)).toBe(true);
  expect(await reader.page.evaluate(() => document.body.querySelector('evidence-lens-status'))).toBeNull();
});

test('from the keyboard alone: reach the third term, open its card, see its citation, close it, focus back', async () => {
  await reader.page.bringToFront();
  for (let i = 0; i < 3; i++) await reader.page.keyboard.press('Alt+Shift+KeyN');
  const { current, order } = await state();
  expect(current).toEqual([order[2]]);
  await expect.poll(liveRegion).toMatch(new RegExp(`^${order[2]}, .*, 3 of \\d+\\. Enter opens its card\\.$`));

  await reader.page.keyboard.press('Enter');
  const card = reader.page.getByTestId('evidence-card');
  await card.waitFor({ timeout: 10_000 });
  // Focus is in the card (a labelled dialog), and Tab reaches its links.
  expect(await card.getAttribute('role')).toBe('dialog');
  expect(await reader.page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('evidence-lens-card');
  await card.getByTestId('card-more').waitFor();
  await reader.page.keyboard.press('Tab');
  const focused = await reader.page.evaluate(() => {
    const host = document.activeElement as HTMLElement;
    const inner = host.shadowRoot?.activeElement as HTMLElement | null;
    return { tag: inner?.tagName.toLowerCase(), href: inner?.getAttribute('href') };
  });
  expect(focused.tag).toMatch(/^(a|button)$/);
  await expect.poll(liveRegion).toMatch(/^Card opened: /);
  expect(await seriousViolations(reader.page, 'evidence-lens-card')).toEqual([]);

  await reader.page.keyboard.press('Escape');
  await expect.poll(() => reader.page.locator('evidence-lens-card').count()).toBe(0);
  expect(await reader.page.evaluate(() => document.activeElement === document.body)).toBe(true);

  // Back one: the second term.
  await reader.page.keyboard.press('Alt+Shift+KeyP');
  expect((await state()).current).toEqual([order[1]]);
});

test('right after a move, Enter opens the card even with focus on a link; once focus moves, the link has Enter', async () => {
  await reader.page.focus('#link');
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  await reader.page.keyboard.press('Enter');
  await reader.page.getByTestId('evidence-card').waitFor({ timeout: 10_000 });
  expect(new URL(reader.page.url()).hash).toBe(''); // the link was not followed
  await reader.page.keyboard.press('Escape');
  await expect.poll(() => reader.page.locator('evidence-lens-card').count()).toBe(0);
  await expect.poll(() => reader.page.evaluate(() => document.activeElement?.id)).toBe('link'); // focus back on the link
  await reader.page.keyboard.press('Enter');
  await expect.poll(() => new URL(reader.page.url()).hash).toBe('#asthma');
  expect(await reader.page.locator('evidence-lens-card').count()).toBe(0);
  await reader.page.evaluate(() => {
    history.replaceState(null, '', location.pathname);
    (document.activeElement as HTMLElement | null)?.blur();
  });
});

test('the shortcuts do nothing while the reader types', async () => {
  const before = (await state()).current;
  await reader.page.focus('#ta');
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  await reader.page.keyboard.press('Enter');
  expect((await state()).current).toEqual(before);
  expect(await reader.page.locator('evidence-lens-card').count()).toBe(0);
  expect(await reader.page.inputValue('#ta')).toContain('\n'); // Enter went to the textarea
});

test('a field in a web component is typing too; a checkbox is not', async () => {
  await reader.page.evaluate(() => {
    const host = document.createElement('div');
    host.id = 'shadow-host';
    host.attachShadow({ mode: 'open' }).innerHTML = '<input id="inner" value="">';
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: 'cb' });
    document.getElementById('later')!.append(host, box);
  });
  const before = (await state()).current;
  await reader.page.locator('#shadow-host #inner').focus();
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  await reader.page.keyboard.press('Enter');
  expect((await state()).current).toEqual(before);
  expect(await reader.page.locator('evidence-lens-card').count()).toBe(0);

  await reader.page.focus('#cb');
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  expect((await state()).current).not.toEqual(before);
  await reader.page.evaluate(() => {
    document.getElementById('later')!.replaceChildren();
    (document.activeElement as HTMLElement | null)?.blur();
  });
});

test('with a card open, a move then Enter opens the new term; Escape hands focus back where the first card took it', async () => {
  await reader.page.bringToFront();
  await reader.page.focus('#link');
  await reader.page.keyboard.press('Alt+Shift+KeyP'); // from the link, back: the last term before it
  await reader.page.keyboard.press('Enter');
  const card = reader.page.getByTestId('evidence-card');
  await card.getByTestId('card-more').waitFor({ timeout: 10_000 });
  // Named by its concept once loaded (the words on the page until then).
  await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 10_000 }).toBe('false');
  const first = await card.locator('h2').textContent();
  // The card is announced once, by the concept's name, and holds no landmarks of the page's.
  await expect.poll(liveRegion).toBe(`Card opened: ${first}.`);
  expect(await reader.page.locator('evidence-lens-card').evaluate((host) => host.shadowRoot!.querySelectorAll('header, footer, [aria-live]').length)).toBe(0);

  await reader.page.keyboard.press('Alt+Shift+KeyP');
  await expect.poll(liveRegion).toMatch(/Enter opens its card\.$/);
  await reader.page.keyboard.press('Enter');
  await expect.poll(async () => (await card.locator('h2').textContent()) !== first && (await card.getByTestId('card-more').count()) === 1, { timeout: 10_000 }).toBe(true);
  expect(await reader.page.locator('evidence-lens-card').count()).toBe(1);
  await reader.page.keyboard.press('Escape');
  await expect.poll(() => reader.page.locator('evidence-lens-card').count()).toBe(0);
  await expect.poll(() => reader.page.evaluate(() => document.activeElement?.id)).toBe('link');
  await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
});

test('Tab out of a card closes it, and leaves focus where the reader took it; a pinned card stays', async () => {
  await reader.page.bringToFront();
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  await reader.page.keyboard.press('Enter');
  const card = reader.page.getByTestId('evidence-card');
  await card.getByTestId('card-more').waitFor({ timeout: 10_000 });
  // The card's host is the page's last element: Shift+Tab from the dialog reaches the page's last field.
  await reader.page.keyboard.press('Shift+Tab');
  await expect.poll(() => reader.page.locator('evidence-lens-card').count()).toBe(0);
  expect(await reader.page.evaluate(() => document.activeElement?.id)).toBe('ce');

  await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  await reader.page.keyboard.press('Enter');
  await card.getByTestId('card-pin').click();
  await card.getByTestId('card-pin').focus();
  await reader.page.keyboard.press('Shift+Tab');
  await reader.page.waitForTimeout(200);
  expect(await reader.page.locator('evidence-lens-card').count()).toBe(1);
  await card.getByRole('button', { name: 'Close' }).click();
  await expect.poll(() => reader.page.locator('evidence-lens-card').count()).toBe(0);
  await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
});

test('a move goes on from where the reader moved focus', async () => {
  const { order } = await state();
  await reader.page.keyboard.press('Alt+Shift+KeyN'); // somewhere
  await reader.page.focus('#link'); // "Asthma guidelines": the link holds a term, and "asthma" follows it
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  expect((await state()).current).toEqual(['Asthma']);
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  const [next] = (await state()).current;
  expect(next).toMatch(/^asthma/);
  expect(order.indexOf(next)).toBe(order.indexOf('Asthma') + 1);
  await reader.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
});

test('a move skips terms the page keeps out of sight: a logo at font-size 0, a closed details, text moved off the page', async () => {
  await reader.page.evaluate(() => {
    const section = document.createElement('section');
    section.id = 'hidden-terms';
    section.innerHTML = `<p id="seen-first" tabindex="-1">Pneumonia is common.</p>
      <div style="font-size: 0">Tuberculosis</div>
      <details><summary>More</summary><p>Migraine is common.</p></details>
      <p style="position: absolute; left: -9999px">Hypertension is common.</p>
      <p>Osteoporosis is common.</p>`;
    document.body.append(section);
  });
  // All five are terms the page holds, and all are highlighted: only the walk leaves the hidden ones out.
  await expect.poll(async () => (await state()).order.filter((t) => /^(Pneumonia|Tuberculosis|Migraine|Hypertension|Osteoporosis)$/.test(t)), { timeout: 10_000 }).toEqual([
    'Pneumonia', 'Tuberculosis', 'Migraine', 'Hypertension', 'Osteoporosis',
  ]);
  await reader.page.focus('#seen-first');
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  expect((await state()).current).toEqual(['Pneumonia']);
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  expect((await state()).current).toEqual(['Osteoporosis']);
  await reader.page.keyboard.press('Alt+Shift+KeyP');
  expect((await state()).current).toEqual(['Pneumonia']);
  // Opened, the details' term is a stop again.
  await reader.page.evaluate(() => document.querySelector<HTMLDetailsElement>('#hidden-terms details')!.open = true);
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  expect((await state()).current).toEqual(['Migraine']);
  await reader.page.evaluate(() => document.getElementById('hidden-terms')!.remove());
});

test('the toggle command says highlighting went off, and a shortcut then says why nothing moves', async () => {
  const toggle = () =>
    reader.browser.worker.evaluate(async () => {
      const c = (globalThis as any).chrome;
      const [tab] = await c.tabs.query({ url: 'http://127.0.0.1/*abstract.html' });
      return c.tabs.sendMessage(tab.id, { type: 'highlights/toggle' });
    });
  await reader.page.bringToFront();
  expect(await toggle()).toEqual({ on: false });
  await expect.poll(liveRegion).toBe("Highlighting is off in this tab. The same command turns it back on.");
  await reader.page.keyboard.press('Alt+Shift+KeyN');
  await expect.poll(liveRegion).toMatch(/^Highlighting is off in this tab\./);
  expect(await toggle()).toEqual({ on: true });
  await expect.poll(liveRegion, { timeout: 10_000 }).toMatch(/^\d+ medical terms? highlighted/);
});

test('shortcuts chosen in the settings apply on the open page at once; turned off, they do nothing', async () => {
  const options = await reader.browser.openPage('options.html');
  await options.getByTestId('shortcut-next').click();
  await options.keyboard.press('Shift+KeyJ'); // would type a character: refused with a reason
  await expect.poll(() => options.getByRole('alert').textContent()).toMatch(/never types a character/);
  await options.keyboard.press('Alt+KeyJ');
  await expect.poll(() => options.getByTestId('shortcut-next').textContent()).toBe('Alt+J');

  await reader.page.bringToFront();
  const before = await state();
  const at = before.order.indexOf(before.current[0]);
  await reader.page.keyboard.press('Alt+KeyJ');
  expect((await state()).current).toEqual([before.order[at + 1]]);
  await reader.page.keyboard.press('Alt+Shift+KeyN'); // the old shortcut is free again
  expect((await state()).current).toEqual([before.order[at + 1]]);

  await options.bringToFront();
  await options.getByLabel(/Move between highlighted terms from the keyboard/).uncheck();
  await reader.page.bringToFront();
  await expect.poll(async () => {
    await reader.page.keyboard.press('Alt+KeyJ');
    return (await state()).current;
  }).toEqual([before.order[at + 1]]);

  // Back to the defaults for whoever reads next.
  await options.bringToFront();
  await options.getByLabel(/Move between highlighted terms from the keyboard/).check();
  await options.getByRole('button', { name: 'Restore the default shortcuts' }).click();
  await expect.poll(() => options.getByTestId('shortcut-next').textContent()).toBe('Alt+Shift+N');
  await options.close();
});
