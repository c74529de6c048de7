import './cleanup';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { OnThisPage, type PageState } from '../../../components/OnThisPage';

const TERMS = [
  { conceptId: 'MESH:D001943', name: 'Breast cancer', category: 'disease' as const, count: 3 },
  { conceptId: 'MESH:D014057', name: 'X-ray computed tomography', category: 'procedure' as const, count: 2 },
  { conceptId: 'MESH:D008327', name: 'Mammography', category: 'procedure' as const, count: 1 },
];

const show = (state: PageState, handlers: Partial<{ onOpenConcept(id: string): void; onPausedChange(p: boolean): void }> = {}) =>
  render(<OnThisPage state={state} onOpenConcept={handlers.onOpenConcept ?? (() => {})} onPausedChange={handlers.onPausedChange ?? (() => {})} />);

describe('on this page', () => {
  test('the terms found, in the order given (most relevant first), with their counts', () => {
    show({ kind: 'ready', site: 'example.org', paused: false, terms: TERMS });
    const rows = screen.getAllByRole('button', { name: /disease|procedure/ });
    // Shown "×3"; read as words, the name and category apart.
    expect(rows.map((r) => r.textContent!.includes(`×${TERMS[rows.indexOf(r)].count}`))).toEqual([true, true, true]);
    const named = ['Breast cancer, disease, 3 times on the page', 'X-ray computed tomography, procedure, 2 times on the page', 'Mammography, procedure, 1 time on the page'];
    // The accessible names (testing-library's spaces around inline elements aside).
    expect(named.map((name) => screen.getByRole('button', { name: (n) => n.replace(/\s+,/g, ',') === name }))).toEqual(rows);
  });

  test('each term says how many summaries opening it will show, or that it has none; unknown counts say nothing', () => {
    const counted = [{ ...TERMS[0], summaries: 36 }, { ...TERMS[1], summaries: 1 }, { ...TERMS[2], summaries: 0 }];
    show({ kind: 'ready', site: 'example.org', paused: false, terms: [...counted, { ...TERMS[0], conceptId: 'C:9', name: 'Unknown' }] });
    const named = [
      'Breast cancer, disease, 3 times on the page, 36 summaries',
      'X-ray computed tomography, procedure, 2 times on the page, 1 summary',
      'Mammography, procedure, 1 time on the page, no summary',
      'Unknown, disease, 3 times on the page',
    ];
    const rows = screen.getAllByRole('button', { name: /disease|procedure/ });
    expect(rows.map((r) => r.textContent!.replace(/\s+/g, ' '))).toEqual([
      'Breast cancer, disease · ×3, 3 times on the page · , 36 summaries',
      'X-ray computed tomography, procedure · ×2, 2 times on the page · , 1 summary',
      'Mammography, procedure · ×1, 1 time on the page · , no summary',
      'Unknown, disease · ×3, 3 times on the page',
    ]);
    expect(named.map((name) => screen.getByRole('button', { name: (n) => n.replace(/\s+,/g, ',') === name }))).toEqual(rows);
  });

  test('the list is one Tab stop: arrows move in it, and the item reached keeps the stop', () => {
    show({ kind: 'ready', site: 'example.org', paused: false, terms: TERMS });
    const rows = screen.getAllByRole('button', { name: /disease|procedure/ });
    expect(rows.map((r) => r.tabIndex)).toEqual([0, -1, -1]);
    rows[0].focus();
    fireEvent.keyDown(screen.getByTestId('term-list'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    expect(rows.map((r) => r.tabIndex)).toEqual([-1, 0, -1]);
  });

  test("terms are named in the reader's wording", () => {
    const terms = [{ conceptId: 'MESH:D009203', name: 'Heart attack', clinicalName: 'Myocardial infarction', category: 'disease' as const, count: 2 }];
    const state: PageState = { kind: 'ready', site: 'example.org', paused: false, terms };
    const { rerender } = render(<OnThisPage state={state} audience="clinician" onOpenConcept={() => {}} onPausedChange={() => {}} />);
    expect(screen.getByTestId('term-list').querySelector('.row-main')!.textContent).toBe('Myocardial infarction');
    rerender(<OnThisPage state={state} audience="patient" onOpenConcept={() => {}} onPausedChange={() => {}} />);
    expect(screen.getByTestId('term-list').querySelector('.row-main')!.textContent).toBe('Heart attack');
  });

  test('Enter or a click opens a term; arrow keys move between terms', () => {
    const onOpenConcept = vi.fn();
    show({ kind: 'ready', site: 'example.org', paused: false, terms: TERMS }, { onOpenConcept });
    const rows = screen.getByTestId('term-list').querySelectorAll<HTMLButtonElement>('button');
    rows[0].focus();
    fireEvent.keyDown(rows[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.keyDown(rows[1], { key: 'End' });
    expect(document.activeElement).toBe(rows[2]);
    fireEvent.keyDown(rows[2], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(rows[1]);
    fireEvent.click(rows[1]);
    expect(onOpenConcept).toHaveBeenCalledWith('MESH:D014057');
  });

  test('the pause switch says its state and reports a change', () => {
    const onPausedChange = vi.fn();
    show({ kind: 'ready', site: 'example.org', paused: false, terms: TERMS }, { onPausedChange });
    const toggle = screen.getByRole('switch', { name: /Pause on this site/ });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(onPausedChange).toHaveBeenCalledWith(true);
  });

  test('paused: says so instead of listing', () => {
    show({ kind: 'ready', site: 'example.org', paused: true, terms: TERMS });
    expect(screen.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(screen.getByText('Highlighting is paused on this site.')).toBeTruthy();
    expect(screen.queryByTestId('term-list')).toBeNull();
  });

  test('paused with a wider site: the switch names it, since turning it off resumes that site', () => {
    show({ kind: 'ready', site: 'www.nhs.uk', paused: true, pausedBy: 'nhs.uk', terms: null });
    const toggle = screen.getByRole('switch', { name: 'Pause on this site (with nhs.uk)' });
    expect(toggle.getAttribute('title')).toBe('Paused with nhs.uk: turning this off resumes nhs.uk and its subdomains');
  });

  test('a page with no terms', () => {
    show({ kind: 'ready', site: 'example.org', paused: false, terms: [] });
    expect(screen.getByTestId('page-no-terms').textContent).toBe('No medical terms found on this page.');
  });

  test('a page not looked at yet', () => {
    show({ kind: 'ready', site: 'example.org', paused: false, terms: null });
    expect(screen.getByText(/No terms found on this page yet/)).toBeTruthy();
  });

  test('a closed tab says so, with no switch', () => {
    show({ kind: 'closed' });
    expect(screen.getByTestId('page-closed').textContent).toMatch(/tab has been closed/);
    expect(screen.queryByRole('switch')).toBeNull();
  });

  test('a page the extension cannot read has no switch', () => {
    show({ kind: 'unreadable' });
    expect(screen.getByTestId('page-unreadable').textContent).toMatch(/cannot read this page/);
    expect(screen.queryByRole('switch')).toBeNull();
  });

  test('the popup in a tab of its own says where terms come from, with no switch', () => {
    show({ kind: 'own-page' });
    expect(screen.getByTestId('page-own').textContent).toMatch(/from the toolbar on an article/);
    expect(screen.queryByRole('switch')).toBeNull();
  });

  test('a dataset still importing shows its progress', () => {
    show({
      kind: 'importing',
      status: { importing: { version: '2026.11.25', origin: 'bundled', records: 1200, recordsTotal: 37162, filesDone: 3, filesTotal: 40 } as never },
    });
    expect(screen.getByTestId('page-importing').textContent).toContain('being set up');
    const progress = screen.getByRole('progressbar') as HTMLProgressElement;
    expect(progress.value).toBe(1200);
    expect(progress.max).toBe(37162);
    expect(screen.getByTestId('page-importing').textContent).toContain('1,200 of 37,162 records');
  });

  test('an import cut short and resuming shows files done', () => {
    show({ kind: 'importing', status: { pending: { version: 'v', origin: 'bundled', filesDone: 4, filesTotal: 40 } } });
    expect(screen.getByTestId('page-importing').textContent).toContain('4 of 40 files');
  });

  test('loading is announced as busy', () => {
    const { container } = show({ kind: 'loading' });
    expect(container.querySelector('[aria-busy="true"]')?.textContent).toBe('Looking at this page…');
  });

  test("a site the reader's browser keeps the extension off: why nothing was read, and a button that asks", () => {
    const onAllowSite = vi.fn();
    const { rerender } = render(
      <OnThisPage state={{ kind: 'not-allowed', site: 'www.nhs.uk', pattern: 'https://www.nhs.uk/*' }} onOpenConcept={() => {}} onPausedChange={() => {}} onAllowSite={onAllowSite} />,
    );
    expect(screen.getByTestId('page-not-allowed').textContent).toContain('keeps Evidence Lens off www.nhs.uk');
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'Allow on www.nhs.uk' }));
    expect(onAllowSite).toHaveBeenCalledTimes(1);
    // No pause switch: nothing runs there to pause.
    expect(screen.queryByRole('switch')).toBeNull();
    rerender(
      <OnThisPage state={{ kind: 'not-allowed', site: 'www.nhs.uk', pattern: 'https://www.nhs.uk/*', refused: true }} onOpenConcept={() => {}} onPausedChange={() => {}} onAllowSite={onAllowSite} />,
    );
    expect(screen.getByRole('status').textContent).toMatch(/^Not allowed\./);
    expect(screen.getByRole('button', { name: 'Allow on www.nhs.uk' })).toBeTruthy();
  });
});

describe('focus when the page is read after all', () => {
  const notAllowed: PageState = { kind: 'not-allowed', site: 'www.nhs.uk', pattern: 'https://www.nhs.uk/*' };
  const view = (state: PageState) => <OnThisPage state={state} onOpenConcept={() => {}} onPausedChange={() => {}} onAllowSite={() => {}} />;

  test('from the "Allow" button to the terms that replace it, not to the body', () => {
    const { rerender } = render(view(notAllowed));
    screen.getByRole('button', { name: 'Allow on www.nhs.uk' }).focus();
    rerender(view({ kind: 'ready', site: 'www.nhs.uk', paused: false, terms: TERMS }));
    expect(document.activeElement).toBe(screen.getAllByRole('button', { name: /disease|procedure/ })[0]);
  });

  test('to the section, read with its heading, while the page is still being read', () => {
    const { rerender } = render(view(notAllowed));
    screen.getByRole('button', { name: 'Allow on www.nhs.uk' }).focus();
    rerender(view({ kind: 'ready', site: 'www.nhs.uk', paused: false, terms: null, reading: true }));
    expect(document.activeElement).toBe(screen.getByTestId('on-this-page'));
    expect(screen.getByRole('region', { name: 'On this page' })).toBe(document.activeElement);
  });

  test('left where it is when the reader was elsewhere (the search box)', () => {
    const input = document.body.appendChild(document.createElement('input'));
    try {
      const { rerender } = render(view(notAllowed));
      input.focus();
      rerender(view({ kind: 'ready', site: 'www.nhs.uk', paused: false, terms: TERMS }));
      expect(document.activeElement).toBe(input);
    } finally {
      input.remove();
    }
  });
});
