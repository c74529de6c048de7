import './cleanup';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { ConceptView, groupSummaries, type ConceptViewProps } from '../../../components/ConceptView';
import { NO_FILTER } from '../../../components/SummaryFilters';
import { BREAST_CANCER, COHORT, CONSUMER, OVERVIEW, TRIAL } from './fixtures';

function show(props: Partial<ConceptViewProps> = {}) {
  const handlers = { onAudienceChange: vi.fn(), onFilterChange: vi.fn(), onOpenSummary: vi.fn(), onShowMore: vi.fn() };
  render(
    <ConceptView
      concept={BREAST_CANCER}
      overview={OVERVIEW}
      summaries={{ total: 3, items: [TRIAL, COHORT, CONSUMER] }}
      audience="clinician"
      filter={NO_FILTER}
      {...handlers}
      {...props}
    />,
  );
  return handlers;
}

describe('concept view', () => {
  test('the summaries the reader saved are marked in the list, research and plain language alike', () => {
    show({ savedIds: new Set([TRIAL.id, CONSUMER.id]) });
    const items = screen.getAllByTestId('summary-item');
    expect(items.map((item) => item.querySelector('[data-testid="saved-mark"]')?.textContent ?? null)).toEqual(
      items.map((item) => ([TRIAL.question, CONSUMER.topic].some((t) => item.textContent!.includes(t)) ? ' · ★ Saved' : null)),
    );
    expect(screen.getAllByTestId('saved-mark')).toHaveLength(2);
    cleanup();
    show();
    expect(screen.queryByTestId('saved-mark')).toBeNull();
  });

  test("its studies as a list: offered when it has studies, for the filters shown, with what was done said", () => {
    const onOpen = vi.fn();
    const onCopy = vi.fn();
    show({ studyList: { onOpen, onCopy } });
    const actions = screen.getByTestId('study-actions');
    expect(actions.textContent).toMatch(/^All its studies:/);
    fireEvent.click(within(actions).getByRole('button', { name: 'Open in PubMed' }));
    fireEvent.click(within(actions).getByRole('button', { name: 'Copy PubMed ids' }));
    expect([onOpen.mock.calls.length, onCopy.mock.calls.length]).toEqual([1, 1]);
    cleanup();
    show({ filter: { design: 'rct' }, studyList: { onOpen, onCopy, outcome: { kind: 'opened', count: 200, of: 1234 } } });
    expect(screen.getByTestId('study-actions').textContent).toMatch(/^The studies these filters show:/);
    expect(screen.getByTestId('studies-outcome').textContent).toBe('Opened the first 200 of 1,234 in PubMed; copy the ids to take them all.');
    cleanup();
    show({ studyList: { onOpen, onCopy, outcome: { kind: 'failed', doing: 'copy' } } });
    expect(screen.getByTestId('studies-outcome').textContent).toBe('Could not copy the ids: open the studies in PubMed instead.');
    cleanup();
    // A term with no studies (only plain-language pages) has no list to take.
    show({ overview: { ...OVERVIEW, research: 0, byDesign: {} }, studyList: { onOpen, onCopy } });
    expect(screen.queryByTestId('study-actions')).toBeNull();
  });

  test('beyond the dataset: PubMed searched by the clinical name, MedlinePlus by the plain one, first for whoever reads', () => {
    const mi = { ...BREAST_CANCER, id: 'MESH:D009203', name: 'Heart attack', clinicalName: 'Myocardial infarction' };
    show({ concept: mi });
    const links = within(screen.getByTestId('literature-links')).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['all articles', 'systematic reviews', 'randomised trials', 'plain-language pages']);
    expect(new URL(links[0].getAttribute('href')!).searchParams.get('term')).toBe('Myocardial infarction');
    expect(new URL(links[1].getAttribute('href')!).searchParams.get('term')).toBe('(Myocardial infarction) AND systematic[sb]');
    expect(new URL(links[3].getAttribute('href')!).searchParams.get('query')).toBe('Heart attack');
    // Each opens a tab of its own, telling the site nothing of the page it came from.
    for (const a of links) expect([a.getAttribute('target'), a.getAttribute('rel')]).toEqual(['_blank', 'noopener noreferrer']);
    cleanup();
    show({ concept: mi, audience: 'patient' });
    expect(within(screen.getByTestId('literature-links')).getAllByRole('link')[0].textContent).toBe('plain-language pages');
  });

  test("a list item reads a short excerpt of a long bottom line or answer, as it shows it, not the whole text", () => {
    const long = 'Inhaled steroids reduced exacerbations in children with persistent asthma, ' + 'with fewer nights woken and fewer days off school, '.repeat(6);
    show({ summaries: { total: 2, items: [{ ...TRIAL, bottomLine: long }, { ...CONSUMER, sections: [{ ...CONSUMER.sections[0], answer: long }] }] } });
    const texts = screen.getAllByTestId('summary-item').map((item) => item.querySelector('.clamp')!.textContent!);
    for (const text of texts) {
      expect(text.length).toBeLessThanOrEqual(201);
      expect(text.endsWith('…')).toBe(true);
      expect(long.startsWith(text.slice(0, -1))).toBe(true);
    }
  });

  test('a concept without evidence offers its narrower and broader terms that have some', () => {
    const onOpenConcept = vi.fn();
    const bare = {
      ...BREAST_CANCER,
      summaryCount: 0,
      narrowerTerms: [{ id: 'MESH:D018270', name: 'Ductal carcinoma', summaryCount: 2 }],
      broaderTerms: [{ id: 'MESH:D009369', name: 'Cancer', summaryCount: 19 }],
    };
    show({ concept: bare, overview: { ...OVERVIEW, research: 0, consumer: 0 }, summaries: { total: 0, items: [] }, onOpenConcept });
    expect(screen.getByTestId('narrower').textContent).toBe('Narrower terms that have some:Ductal carcinoma (2 summaries)');
    const broader = screen.getByTestId('broader');
    expect(broader.textContent).toBe('Broader terms that have some:Cancer (19 summaries)');
    fireEvent.click(within(broader).getByRole('button', { name: 'Cancer' }));
    expect(onOpenConcept).toHaveBeenCalledWith('MESH:D009369');
    fireEvent.click(within(screen.getByTestId('narrower')).getByRole('button', { name: 'Ductal carcinoma' }));
    expect(onOpenConcept).toHaveBeenCalledWith('MESH:D018270');
  });

  test('a concept with evidence names, after its summaries, the narrower terms with evidence of their own', () => {
    const onOpenConcept = vi.fn();
    show({ concept: { ...BREAST_CANCER, narrowerTerms: [{ id: 'MESH:D018270', name: 'Ductal carcinoma', summaryCount: 2 }] }, onOpenConcept });
    const narrower = screen.getByTestId('narrower');
    expect(narrower.textContent).toBe('Narrower terms with evidence of their own:Ductal carcinoma (2 summaries)');
    // After the list: the concept's own evidence comes first.
    expect(screen.getByTestId('summary-list').compareDocumentPosition(narrower) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    fireEvent.click(within(narrower).getByRole('button', { name: 'Ductal carcinoma' }));
    expect(onOpenConcept).toHaveBeenCalledWith('MESH:D018270');
    expect(screen.queryByTestId('broader')).toBeNull();
  });

  test('clinicians read the clinical name, patients the everyday one, each with the other among its other names', () => {
    const heartAttack = { ...BREAST_CANCER, id: 'MESH:D009203', name: 'Heart attack', clinicalName: 'Myocardial infarction', synonyms: ['Myocardial infarction'], abbreviations: [{ form: 'MI', ambiguous: true }] };
    show({ concept: heartAttack });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Myocardial infarction');
    expect(screen.getByTestId('synonyms').textContent).toBe('Also called: Heart attack, MI');
    cleanup();
    show({ concept: heartAttack, audience: 'patient' });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Heart attack');
    expect(screen.getByTestId('synonyms').textContent).toBe('Also called: Myocardial infarction, MI');
  });

  test('name, category, other names, definition with its source', () => {
    show();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Breast cancer');
    expect(screen.getByText('disease')).toBeTruthy();
    expect(screen.getByTestId('synonyms').textContent).toBe('Also called: Breast neoplasms, mammary cancer');
    expect(screen.getByTestId('definition').textContent).toBe(BREAST_CANCER.definition);
    expect(screen.getByRole('link', { name: 'MedlinePlus' }).getAttribute('href')).toBe('https://medlineplus.gov/breastcancer.html');
  });

  test('a definition no source gave says it was written for Evidence Lens', () => {
    show({ concept: { ...BREAST_CANCER, definitionSource: undefined } });
    expect(screen.getByTestId('definition-source').textContent).toBe('Written for Evidence Lens, not taken from a cited source.');
    expect(screen.queryByRole('link', { name: 'MedlinePlus' })).toBeNull();
  });

  test("in a synced dataset, a definition no source gave is the dataset's, not ours", () => {
    show({ concept: { ...BREAST_CANCER, definitionSource: undefined }, syncedFrom: 'https://example.org/manifest.json' });
    expect(screen.getByTestId('definition-source').textContent).toBe('No source given: from the dataset installed from https://example.org/manifest.json.');
  });

  test('clinician wording: each research summary with verdict, level of evidence, question, bottom line, year and sample size', () => {
    show();
    const items = screen.getAllByTestId('summary-item');
    expect(items.map((i) => i.dataset.kind)).toEqual(['research', 'research', 'consumer']);
    const first = within(items[0]);
    expect(first.getByTestId('verdict').textContent).toBe('Verdict: Yes');
    expect(first.getByTestId('design-badge').textContent).toContain('Randomised trial');
    expect(first.getByRole('button').textContent).toBe(TRIAL.question);
    expect(items[0].textContent).toContain(TRIAL.bottomLine);
    expect(items[0].textContent).toContain('2008 · n = 85 patients');
    expect(within(items[1]).getByTestId('design-badge').textContent).toContain('Retrospective cohort');
  });

  test('a study whose question names another of its concepts is marked as related; one about it, or naming none, is not', () => {
    const unsaid = { ...COHORT, id: 'pmid:3', about: [] };
    show({ summaries: { total: 3, items: [{ ...TRIAL, about: [BREAST_CANCER.id] }, { ...COHORT, about: ['MESH:D999999'] }, unsaid] } });
    const items = screen.getAllByTestId('summary-item');
    expect(within(items[0]).queryByTestId('related-study')).toBeNull();
    expect(within(items[1]).getByTestId('related-study').textContent).toBe(' · Related study: about something else');
    expect(within(items[2]).queryByTestId('related-study')).toBeNull();
  });

  test('a concept with no summary of its own lists those that mention it, each marked, and says how many', () => {
    const mention = { ...COHORT, conceptIds: ['MESH:D009369'], mentions: [BREAST_CANCER.id] };
    show({ overview: { research: 0, consumer: 0, byDesign: {}, mentions: 1 }, summaries: { total: 1, items: [mention] } });
    expect(screen.getByTestId('overview-mentions').textContent).toBe('1 summary about other things mentions it.');
    const item = screen.getByTestId('summary-item');
    expect(within(item).getByTestId('mentions-only').textContent).toBe(' · Mentions this term');
    expect(within(item).queryByTestId('related-study')).toBeNull();
    // Its verdict answers its own question, not one on this term: not shown here.
    expect(within(item).queryByTestId('verdict')).toBeNull();
  });

  test('patient wording: the plain-language explanation comes first, as the list is given', () => {
    show({ audience: 'patient', summaries: { total: 3, items: [CONSUMER, TRIAL, COHORT] } });
    const items = screen.getAllByTestId('summary-item');
    expect(items[0].dataset.kind).toBe('consumer');
    expect(items[0].textContent).toContain('Breast cancer is a disease in which cells');
    expect((screen.getByLabelText('Patient or carer') as HTMLInputElement).checked).toBe(true);
  });

  test('patient wording with no plain-language explanation says so; with one, or for clinicians, nothing is said', () => {
    const researchOnly = { ...OVERVIEW, consumer: 0 };
    show({ audience: 'patient', overview: researchOnly, summaries: { total: 2, items: [TRIAL, COHORT] } });
    expect(screen.getByTestId('no-plain-language').textContent).toBe('No plain-language explanation of this term yet: the studies below are written for clinicians.');
    cleanup();
    show({ audience: 'clinician', overview: researchOnly, summaries: { total: 2, items: [TRIAL, COHORT] } });
    expect(screen.queryByTestId('no-plain-language')).toBeNull();
    cleanup();
    show({ audience: 'patient' });
    expect(screen.queryByTestId('no-plain-language')).toBeNull();
  });

  test('the audience switch asks "Which best describes you?" and reports the choice', () => {
    const { onAudienceChange } = show();
    expect(screen.getByRole('group', { name: 'Which best describes you?' })).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Patient or carer'));
    expect(onAudienceChange).toHaveBeenCalledWith('patient');
  });

  test('overview above the filters and the list; opening a summary', () => {
    const { onOpenSummary } = show();
    expect(screen.getByTestId('overview-designs').textContent).toBe('9 studies: 1 randomised trial, 3 prospective cohorts, 5 retrospective cohorts');
    expect(screen.getByTestId('filters')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: COHORT.question }));
    expect(onOpenSummary).toHaveBeenCalledWith(COHORT.id);
  });

  test('the list in groups, as it comes: from the research, in plain language, indexed with it, related, mentioning it', () => {
    const indexed = { ...COHORT, id: 'pmid:3', about: [] };
    const related = { ...COHORT, id: 'pmid:4', conceptIds: [BREAST_CANCER.id, 'MESH:D000001'], about: ['MESH:D000001'] };
    const mentioning = { ...CONSUMER, id: 'medquad:9', conceptIds: ['MESH:D000001'] };
    show({ summaries: { total: 6, items: [TRIAL, CONSUMER, indexed, related, mentioning] } });
    const groups = screen.getAllByTestId('summary-group');
    expect(groups.map((h) => h.textContent)).toEqual([
      'From the research',
      'In plain language',
      'Research indexed with this term',
      'Related research, about something else',
      'Pages that mention this term',
    ]);
    // Each group is a list named by its heading; each item's title is a heading one level below.
    const first = screen.getByRole('list', { name: 'From the research' });
    expect(first.querySelector('h4')!.textContent).toBe(TRIAL.question);
    // Newest first mixes the research by date: only the kinds are grouped then.
    expect(groupSummaries([TRIAL, related, indexed, CONSUMER], BREAST_CANCER.id, true).map((g) => [g.label, g.items.length])).toEqual([
      ['From the research', 3],
      ['In plain language', 1],
    ]);
  });

  test('arrow keys move between summaries, from one group on to the next', () => {
    show();
    const buttons = screen.getByTestId('summary-list').querySelectorAll<HTMLButtonElement>('[data-list-item]');
    expect(screen.getAllByTestId('summary-group').map((h) => h.textContent)).toEqual(['From the research', 'In plain language']);
    fireEvent.focusIn(buttons[1]);
    buttons[1].focus();
    fireEvent.keyDown(buttons[1], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[2]);
    // One Tab stop for the whole list.
    expect([...buttons].filter((b) => b.tabIndex === 0)).toEqual([buttons[2]]);
  });

  test('arrow keys move between summaries', () => {
    show();
    const buttons = screen.getByTestId('summary-list').querySelectorAll<HTMLButtonElement>('[data-list-item]');
    buttons[0].focus();
    fireEvent.keyDown(buttons[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
  });

  test('more than one page: a "show more" button', () => {
    const { onShowMore } = show({ summaries: { total: 43, items: [TRIAL, COHORT] } });
    fireEvent.click(screen.getByTestId('show-more'));
    expect(screen.getByTestId('show-more').textContent).toBe('Show 20 more · 2 of 43 shown');
    expect(onShowMore).toHaveBeenCalled();
  });

  test('the last page: the button counts what is left', () => {
    show({ summaries: { total: 15, items: [TRIAL, COHORT] } });
    expect(screen.getByTestId('show-more').textContent).toBe('Show 13 more · 2 of 15 shown');
  });

  test('filters that match nothing say so', () => {
    show({ summaries: { total: 0, items: [] }, filter: { design: 'rct', fromYear: 2020 } });
    expect(screen.getByText('No research summaries match these filters.')).toBeTruthy();
  });

  test('while the list loads, its space is held', () => {
    const { container } = render(
      <ConceptView concept={BREAST_CANCER} audience="clinician" filter={NO_FILTER} onAudienceChange={() => {}} onFilterChange={() => {}} onOpenSummary={() => {}} onShowMore={() => {}} />,
    );
    expect(container.querySelectorAll('[aria-busy="true"]').length).toBe(2);
  });

  test('dataset text is text: markup in a record is shown, never run', () => {
    const hostile = { ...BREAST_CANCER, name: '<img src=x onerror=alert(1)>', definition: '<b>bold</b> claim' };
    const { container } = render(
      <ConceptView concept={hostile} audience="clinician" filter={NO_FILTER} onAudienceChange={() => {}} onFilterChange={() => {}} onOpenSummary={() => {}} onShowMore={() => {}} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
