// The concept view's data: its list of summaries as the reader's filter and "Show more" ask for it.
import './cleanup';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import type { SummaryPage } from '../../../lib/db/queries';
import { BREAST_CANCER, OVERVIEW, TRIAL } from './fixtures';

/** The concepts the view said the reader opened ("Recently opened"). */
const remembered: string[] = [];
/** Each getSummaries call, answered when the test says so. */
const asked: { offset: number; filter: unknown; answer(page: SummaryPage): void }[] = [];
vi.mock('../../../entrypoints/popup/data', () => ({
  getConcept: async () => BREAST_CANCER,
  getOverview: async () => OVERVIEW,
  getStatus: async () => ({}),
  rememberOpened: (id: string) => (remembered.push(id), Promise.resolve()),
  getSummaries: (_id: string, _audience: string, offset: number, _limit: number, filter?: unknown) =>
    new Promise<SummaryPage>((answer) => asked.push({ offset, filter, answer })),
}));
const { ConceptPage } = await import('../../../entrypoints/popup/ConceptPage');

/** Answers a request and lets the view take the answer in. */
const answer = (request: (typeof asked)[number], page: SummaryPage) =>
  act(async () => {
    request.answer(page);
    await new Promise((settled) => setTimeout(settled, 0));
  });

const page = (prefix: string, from: number, to: number, total: number): SummaryPage => ({
  total,
  items: Array.from({ length: to - from }, (_, i) => ({ ...TRIAL, id: `${prefix}:${from + i}`, question: `${prefix} ${from + i}?` })),
});

test('more summaries asked for before the filter changed are not added to the filtered list', async () => {
  render(<ConceptPage id={BREAST_CANCER.id} audience="clinician" onAudienceChange={vi.fn()} onOpenSummary={vi.fn()} onOpenConcept={vi.fn()} />);
  await waitFor(() => expect(asked).toHaveLength(1));
  await answer(asked[0], page('all', 0, 10, 30));
  fireEvent.click(await screen.findByTestId('show-more'));
  expect(asked.at(-1)).toMatchObject({ offset: 10 });
  const more = asked.at(-1)!;

  // The reader picks trials while the next 20 are on their way.
  const select = screen.getByTestId('filter-design') as HTMLSelectElement;
  select.value = 'rct';
  fireEvent.change(select);
  const filtered = asked.at(-1)!;
  expect(filtered).toMatchObject({ offset: 0, filter: { designs: ['rct'] } });
  await answer(filtered, page('rct', 0, 10, 12));
  await answer(more, page('all', 10, 30, 30));

  const items = screen.getAllByTestId('summary-item').map((item) => item.textContent);
  expect(items).toHaveLength(10);
  expect(items.every((text) => text?.includes('rct'))).toBe(true);
  // The filtered list's own "Show more" is not held by the request it replaced.
  expect(screen.getByTestId('show-more').textContent).toMatch(/^Show 2 more/);
});

test('a concept view, once its concept has loaded, is kept among the terms the reader opened', async () => {
  remembered.length = 0;
  render(<ConceptPage id={BREAST_CANCER.id} audience="clinician" onAudienceChange={vi.fn()} onOpenSummary={vi.fn()} onOpenConcept={vi.fn()} />);
  await waitFor(() => expect(remembered).toEqual([BREAST_CANCER.id]));
});
