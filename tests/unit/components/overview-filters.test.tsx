import './cleanup';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { EvidenceOverview, overviewSentence } from '../../../components/EvidenceOverview';
import { narrows, NO_FILTER, SummaryFilters, toSummaryFilter } from '../../../components/SummaryFilters';
import { OVERVIEW } from './fixtures';

describe('evidence overview', () => {
  test('counts by design, strongest first, with the year range', () => {
    expect(overviewSentence(OVERVIEW)).toBe('9 studies: 1 randomised trial, 3 prospective cohorts, 5 retrospective cohorts');
    render(<EvidenceOverview overview={OVERVIEW} />);
    const box = screen.getByTestId('overview');
    expect(box.textContent).toContain('9 studies: 1 randomised trial, 3 prospective cohorts, 5 retrospective cohorts, 2004–2018.');
    expect(box.textContent).toContain('1 plain-language explanation.');
  });

  test('says why there is no pooled verdict', () => {
    render(<EvidenceOverview overview={OVERVIEW} />);
    expect(screen.getByTestId('overview').textContent).toContain('Each study answers its own question, so their verdicts are not pooled.');
  });

  test('one study, one year; unknown designs worded as such', () => {
    expect(overviewSentence({ research: 1, consumer: 0, byDesign: { unknown: 1 }, years: { from: 2011, to: 2011 } })).toBe('1 study: 1 with design not stated');
    render(<EvidenceOverview overview={{ research: 1, consumer: 0, byDesign: { 'case-control': 1 }, years: { from: 2011, to: 2011 } }} />);
    expect(screen.getByTestId('overview').textContent).toBe('1 study: 1 case-control study, 2011.');
  });

  test('says how many of the studies were done in animals', () => {
    render(<EvidenceOverview overview={{ ...OVERVIEW, inAnimals: 2 }} />);
    expect(screen.getByTestId('overview-animals').textContent).toBe('2 of them were done in animals, not people.');
    render(<EvidenceOverview overview={{ research: 1, consumer: 0, byDesign: { rct: 1 }, inAnimals: 1 }} />);
    expect(screen.getAllByTestId('overview-animals')[1].textContent).toBe('It was done in animals, not people.');
  });

  test('no evidence at all', () => {
    render(<EvidenceOverview overview={{ research: 0, consumer: 0, byDesign: {} }} />);
    expect(screen.getByTestId('overview').textContent).toContain('No evidence summaries');
  });

  test('while loading it holds its place', () => {
    const { container } = render(<EvidenceOverview overview={undefined} />);
    expect(container.querySelector('[aria-busy="true"]')).not.toBeNull();
  });
});

describe('summary filters', () => {
  test('offers all, trials and reviews only, and each design present with its count', () => {
    render(<SummaryFilters overview={OVERVIEW} choice={NO_FILTER} onChange={() => {}} />);
    const options = [...(screen.getByTestId('filter-design') as HTMLSelectElement).options].map((o) => o.textContent);
    expect(options).toEqual(['All summaries', 'Trials and reviews only', 'Randomised trial (1)', 'Prospective cohort (3)', 'Retrospective cohort (5)']);
    const years = [...(screen.getByTestId('filter-from') as HTMLSelectElement).options].map((o) => o.value);
    expect(years[0]).toBe('');
    expect(years.slice(1)).toEqual(Array.from({ length: 15 }, (_, i) => String(2004 + i)));
  });

  test('reports the reader’s choice', () => {
    const onChange = vi.fn();
    render(<SummaryFilters overview={OVERVIEW} choice={NO_FILTER} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('filter-design'), { target: { value: 'trials-reviews' } });
    expect(onChange).toHaveBeenLastCalledWith({ design: 'trials-reviews' });
    fireEvent.change(screen.getByTestId('filter-from'), { target: { value: '2010' } });
    expect(onChange).toHaveBeenLastCalledWith({ design: 'all', fromYear: 2010 });
  });

  test('the choice becomes the query’s filter', () => {
    expect(toSummaryFilter(NO_FILTER)).toBeUndefined();
    expect(toSummaryFilter({ design: 'trials-reviews' })).toEqual({ designs: ['meta-analysis', 'rct', 'non-randomised-trial'] });
    expect(toSummaryFilter({ design: 'prospective-cohort', fromYear: 2010, toYear: 2015 })).toEqual({ designs: ['prospective-cohort'], fromYear: 2010, toYear: 2015 });
  });

  test('the order: strongest evidence first unless the reader asks for the newest; an order narrows nothing', () => {
    const onChange = vi.fn();
    const { rerender } = render(<SummaryFilters overview={OVERVIEW} choice={{ design: 'rct' }} onChange={onChange} />);
    const order = screen.getByTestId('filter-order') as HTMLSelectElement;
    expect([...order.options].map((o) => o.textContent)).toEqual(['Strongest evidence first', 'Newest first']);
    expect(order.value).toBe('strongest');
    fireEvent.change(order, { target: { value: 'newest' } });
    expect(onChange).toHaveBeenLastCalledWith({ design: 'rct', order: 'newest' });
    rerender(<SummaryFilters overview={OVERVIEW} choice={{ design: 'rct', order: 'newest' }} onChange={onChange} />);
    fireEvent.change(screen.getByTestId('filter-order'), { target: { value: 'strongest' } });
    expect(onChange).toHaveBeenLastCalledWith({ design: 'rct' });
    expect(toSummaryFilter({ design: 'all', order: 'newest' })).toEqual({ order: 'newest' });
    expect([narrows({ design: 'all', order: 'newest' }), narrows({ design: 'rct', order: 'newest' })]).toEqual([false, true]);
  });

  test('a single year needs no year filter', () => {
    render(<SummaryFilters overview={{ ...OVERVIEW, years: { from: 2011, to: 2011 } }} choice={NO_FILTER} onChange={() => {}} />);
    expect(screen.queryByTestId('filter-from')).toBeNull();
  });
});
