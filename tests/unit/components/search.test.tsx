import './cleanup';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { SearchPanel } from '../../../components/SearchPanel';
import type { ConceptHit } from '../../../lib/search/rank';

const HITS: ConceptHit[] = [
  { id: 'MESH:D014057', name: 'X-ray computed tomography', category: 'procedure', summaryCount: 12, matched: 'CT', match: 'exact' },
  { id: 'MESH:D055032', name: 'Electron microscope tomography', category: 'procedure', summaryCount: 0, matched: 'CT scan', match: 'prefix' },
];

function setup(query: string, results: ConceptHit[] | undefined) {
  const onQueryChange = vi.fn();
  const onOpenConcept = vi.fn();
  render(<SearchPanel query={query} results={results} autoFocus onQueryChange={onQueryChange} onOpenConcept={onOpenConcept} />);
  return { onQueryChange, onOpenConcept, input: screen.getByRole('combobox') as HTMLInputElement };
}

describe('search', () => {
  test('focused on open, labelled, and reports what the reader types', () => {
    const { input, onQueryChange } = setup('', undefined);
    expect(document.activeElement).toBe(input);
    expect(screen.getByLabelText('Search medical terms')).toBe(input);
    fireEvent.input(input, { target: { value: 'hepato' } });
    expect(onQueryChange).toHaveBeenCalledWith('hepato');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });

  test('results show the name, the form that matched, the category and evidence count', () => {
    setup('CT', HITS);
    const options = screen.getAllByRole('option');
    expect(options[0].textContent).toBe('X-ray computed tomography“CT” · procedure · 12 summaries');
    expect(options[1].textContent).toContain('0 summaries');
    expect(screen.getByRole('combobox').getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('2 results');
  });

  test("results are named in the reader's wording, with what matched where it differs", () => {
    const hit: ConceptHit = { id: 'MESH:D009203', name: 'Heart attack', clinicalName: 'Myocardial infarction', category: 'disease', summaryCount: 22, matched: 'Heart attack', match: 'exact' };
    const { rerender } = render(<SearchPanel query="heart attack" results={[hit]} audience="clinician" onQueryChange={() => {}} onOpenConcept={() => {}} />);
    expect(screen.getByRole('option').textContent).toBe('Myocardial infarction“Heart attack” · disease · 22 summaries');
    rerender(<SearchPanel query="heart attack" results={[hit]} audience="patient" onQueryChange={() => {}} onOpenConcept={() => {}} />);
    expect(screen.getByRole('option').textContent).toBe('Heart attackdisease · 22 summaries');
  });

  test('arrow keys move the active result, Enter opens it', () => {
    const { input, onOpenConcept } = setup('CT', HITS);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe('search-result-1');
    expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpenConcept).toHaveBeenCalledWith('MESH:D014057');
  });

  test('a second answer with the same results keeps the selection; new results for a new query start unselected', () => {
    const props = { query: 'CT', resultsFor: 'CT', autoFocus: true, onQueryChange: vi.fn(), onOpenConcept: vi.fn() };
    const { rerender } = render(<SearchPanel {...props} results={HITS} />);
    const input = screen.getByRole('combobox');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    // The worker's answer follows the popup's own: the same names, a new array.
    rerender(<SearchPanel {...props} results={HITS.map((hit) => ({ ...hit }))} />);
    expect(input.getAttribute('aria-activedescendant')).toBe('search-result-1');
    // Ranked anew, the chosen result stays chosen where it now stands.
    rerender(<SearchPanel {...props} results={[HITS[1], HITS[0]].map((hit) => ({ ...hit }))} />);
    expect(input.getAttribute('aria-activedescendant')).toBe('search-result-0');
    expect(screen.getAllByRole('option')[0].getAttribute('aria-selected')).toBe('true');
    rerender(<SearchPanel {...props} query="CT " resultsFor="CT " results={HITS.map((hit) => ({ ...hit }))} />);
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
  });

  test('Enter with no active result opens the first; a click opens any', () => {
    const { input, onOpenConcept } = setup('CT', HITS);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onOpenConcept).toHaveBeenLastCalledWith('MESH:D014057');
    fireEvent.click(screen.getAllByRole('option')[1]);
    expect(onOpenConcept).toHaveBeenLastCalledWith('MESH:D055032');
  });

  test('Escape clears the box first (and does not reach the popup)', () => {
    const { input, onQueryChange } = setup('CT', HITS);
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    fireEvent.keyDown(input, { key: 'Escape' });
    document.removeEventListener('keydown', outer);
    expect(onQueryChange).toHaveBeenCalledWith('');
    expect(outer).not.toHaveBeenCalled();
  });

  test('names found for a misspelling are said to be spelled alike, not an answer to what was typed', () => {
    setup('superbug', HITS.map((h) => ({ ...h, spelledAlike: true as const })));
    expect(screen.getByTestId('search-spelling').textContent).toBe('No name starts with “superbug”. Names spelled alike:');
    expect(screen.getByRole('status').textContent).toBe('Spelled alike: 2 results');
  });

  test('names found inside a question are said to be terms in it', () => {
    setup('is CT safe in pregnancy', HITS.map((h) => ({ ...h, inPhrase: true as const })));
    expect(screen.getByTestId('search-phrase').textContent).toBe('No name starts with “is CT safe in pregnancy”. Terms in it:');
    expect(screen.getByRole('status').textContent).toBe('Terms in it: 2 results');
    expect(screen.queryByTestId('search-spelling')).toBeNull();
  });

  test('names found for what was typed carry no such note', () => {
    setup('CT', HITS);
    expect(screen.queryByTestId('search-phrase')).toBeNull();
    expect(screen.queryByTestId('search-spelling')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('2 results');
  });

  test('nothing found: the words typed can be searched on PubMed or MedlinePlus, by a link the reader follows', () => {
    setup('zzzz [x] ', []);
    expect(screen.getByTestId('search-empty').textContent).toBe('Nothing found for “zzzz [x] ” in this dataset. Search PubMed or MedlinePlus for it.');
    expect(screen.getByTestId('search-empty-pubmed').getAttribute('href')).toBe('https://pubmed.ncbi.nlm.nih.gov/?term=zzzz%20x');
    expect(new URL(screen.getByTestId('search-empty-medlineplus').getAttribute('href')!).searchParams.get('query')).toBe('zzzz x');
  });
});
