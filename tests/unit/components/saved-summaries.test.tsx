import './cleanup';
import { fireEvent, render, screen } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { SaveButton } from '../../../components/SaveButton';
import { SavedSummariesList, SavedSummariesPreview } from '../../../components/SavedSummaries';
import { savedEntry } from '../../../lib/saved/saved-summaries';
import { CONSUMER, TRIAL } from './fixtures';

const STUDY = savedEntry(TRIAL, 3);
const PAGE = savedEntry(CONSUMER, 2);
const GONE = { ...savedEntry({ ...TRIAL, id: 'pmid:11111111', question: 'Is an old question still asked?', citation: { pmid: '11111111', url: 'https://pubmed.ncbi.nlm.nih.gov/11111111/' } }, 1), missing: true as const };

test("the first page's section: the newest three, each opening its summary, and the way to all of them", () => {
  const onOpen = vi.fn();
  const onShowAll = vi.fn();
  const more = [STUDY, PAGE, GONE, { ...STUDY, id: 'pmid:4', at: 0 }];
  render(<SavedSummariesPreview items={more} onOpen={onOpen} onShowAll={onShowAll} />);
  const rows = screen.getByRole('list', { name: 'Summaries you saved' }).querySelectorAll('[data-list-item]');
  expect([...rows].map((r) => r.textContent)).toEqual([
    `${TRIAL.question}, Yes · 2008`,
    'Breast Cancer, In plain language, MedlinePlus',
    'Is an old question still asked?, No longer in the installed dataset: opens at its source',
  ]);
  fireEvent.click(rows[0]);
  expect(onOpen).toHaveBeenCalledWith(STUDY.id);
  // One the dataset no longer holds links to its source, in a tab of its own.
  expect(rows[2].tagName).toBe('A');
  expect(rows[2].getAttribute('href')).toBe('https://pubmed.ncbi.nlm.nih.gov/11111111/');
  expect(rows[2].getAttribute('rel')).toBe('noopener noreferrer');
  fireEvent.click(screen.getByRole('button', { name: 'All 4 saved summaries' }));
  expect(onShowAll).toHaveBeenCalled();
});

test('nothing saved: no section on the first page', () => {
  render(<SavedSummariesPreview items={[]} onOpen={vi.fn()} onShowAll={vi.fn()} />);
  expect(screen.queryByTestId('saved-preview')).toBeNull();
});

test("the saved view's list: each with Remove, named by its title for a screen reader", () => {
  const onRemove = vi.fn();
  render(<SavedSummariesList items={[STUDY, PAGE]} onOpen={vi.fn()} onRemove={onRemove} />);
  expect(screen.getByRole('list', { name: '2 saved summaries' })).toBeTruthy();
  fireEvent.click(screen.getByRole('button', { name: 'Remove “Breast Cancer”' }));
  expect(onRemove).toHaveBeenCalledWith(PAGE);
});

test('"Save for later" names what it will do, says what a click did, and shows a refusal in its words; unseen until the list is read', () => {
  const onToggle = vi.fn();
  const { rerender } = render(<SaveButton onToggle={onToggle} />);
  // Not known yet: the row keeps its place, but nothing in it can be used or heard.
  expect(screen.getByTestId('save-row').className).toContain('unknown');
  expect((screen.getByTestId('save-summary') as HTMLButtonElement).disabled).toBe(true);
  rerender(<SaveButton saved={false} onToggle={onToggle} />);
  fireEvent.click(screen.getByRole('button', { name: 'Save for later' }));
  expect(onToggle).toHaveBeenCalledTimes(1);
  expect(screen.getByRole('status').textContent).toBe('');
  rerender(<SaveButton saved said="Saved: it is listed under “Saved” on the popup’s first page." onToggle={onToggle} />);
  expect(screen.getByRole('button', { name: 'Remove from saved' })).toBeTruthy();
  expect(screen.getByRole('status').textContent).toMatch(/^Saved/);
  rerender(<SaveButton saved={false} error="You have 500 saved summaries: remove some to save more." onToggle={onToggle} />);
  expect(screen.getByRole('alert').textContent).toContain('You have 500 saved summaries');
});
