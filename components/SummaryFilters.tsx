// Narrow a concept's research summaries by study design (or trials and reviews only) and by year, and order them by
// strength of evidence or by date.
import type { StudyDesign } from '../lib/dataset/types';
import { isFiltered, TRIALS_AND_REVIEWS, type ConceptOverview, type SummaryFilter } from '../lib/summaries/filter';
import { DESIGN_LABELS } from '../lib/evidence/levels';
import { DESIGN_ORDER } from './format';

export interface FilterChoice {
  /** 'all', 'trials-reviews', or one design. */
  design: 'all' | 'trials-reviews' | StudyDesign;
  fromYear?: number;
  toYear?: number;
  /** Newest first rather than strongest evidence first (SummaryFilter.order). */
  order?: 'newest';
}

export const NO_FILTER: FilterChoice = { design: 'all' };

/** What the reader chose, as the query's filter (undefined: the whole list, consumer summaries included). */
export function toSummaryFilter(choice: FilterChoice): SummaryFilter | undefined {
  const filter: SummaryFilter = {};
  if (choice.design === 'trials-reviews') filter.designs = [...TRIALS_AND_REVIEWS];
  else if (choice.design !== 'all') filter.designs = [choice.design];
  if (choice.fromYear !== undefined) filter.fromYear = choice.fromYear;
  if (choice.toYear !== undefined) filter.toYear = choice.toYear;
  if (choice.order) filter.order = choice.order;
  return Object.keys(filter).length ? filter : undefined;
}

/** Whether the choice narrows the list (an order alone does not). */
export const narrows = (choice: FilterChoice) => isFiltered(toSummaryFilter(choice));

export interface SummaryFiltersProps {
  overview: ConceptOverview;
  choice: FilterChoice;
  onChange(choice: FilterChoice): void;
}

export function SummaryFilters({ overview, choice, onChange }: SummaryFiltersProps) {
  const designs = DESIGN_ORDER.filter((d) => overview.byDesign[d]);
  const years = overview.years ? range(overview.years.from, overview.years.to) : [];
  return (
    <fieldset class="filters" data-testid="filters">
      <legend class="visually-hidden">Filter research summaries</legend>
      <label>
        <span class="visually-hidden">Study design</span>
        <select
          value={choice.design}
          onChange={(e) => onChange({ ...choice, design: (e.currentTarget as HTMLSelectElement).value as FilterChoice['design'] })}
          data-testid="filter-design"
        >
          <option value="all">All summaries</option>
          <option value="trials-reviews">Trials and reviews only</option>
          {designs.map((d) => (
            <option key={d} value={d}>
              {DESIGN_LABELS[d]} ({overview.byDesign[d]})
            </option>
          ))}
        </select>
      </label>
      <label class="order">
        <span class="visually-hidden">Order</span>
        <select
          value={choice.order ?? 'strongest'}
          onChange={(e) => {
            const { order: _order, ...rest } = choice;
            onChange((e.currentTarget as HTMLSelectElement).value === 'newest' ? { ...rest, order: 'newest' } : rest);
          }}
          data-testid="filter-order"
        >
          <option value="strongest">Strongest evidence first</option>
          <option value="newest">Newest first</option>
        </select>
      </label>
      {years.length > 1 && (
        <span class="years">
          <span aria-hidden="true">Years</span>
          <YearSelect label="From year" testId="filter-from" years={years} value={choice.fromYear} onChange={(fromYear) => onChange({ ...choice, fromYear })} />
          <span aria-hidden="true">–</span>
          <YearSelect label="To year" testId="filter-to" years={years} value={choice.toYear} onChange={(toYear) => onChange({ ...choice, toYear })} />
        </span>
      )}
    </fieldset>
  );
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** A year chosen in a select: none for "Any". */
const year = (value: string) => (value === '' ? undefined : Number(value));

function YearSelect(props: { label: string; testId: string; years: number[]; value: number | undefined; onChange(year: number | undefined): void }) {
  return (
    <label>
      <span class="visually-hidden">{props.label}</span>
      <select value={props.value ?? ''} onChange={(e) => props.onChange(year((e.currentTarget as HTMLSelectElement).value))} data-testid={props.testId}>
        <option value="">Any</option>
        {props.years.map((y) => (
          <option key={y} value={y}>
            {y}
          </option>
        ))}
      </select>
    </label>
  );
}
