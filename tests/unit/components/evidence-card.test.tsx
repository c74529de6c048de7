// The in-page card as a pure view: what it shows for a term, and its "More" link, which asks the content
// script to open the full view (a page's own link to the extension's pages is blocked by the browser).
import './cleanup';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { EvidenceCard } from '../../../components/card/EvidenceCard';
import { BREAST_CANCER, CONSUMER, TRIAL } from './fixtures';

const CARD_CSS = readFileSync(resolve(import.meta.dirname, '../../../components/card/card.css'), 'utf8');

const more = () => {};
const open = () => {};

describe('the in-page card', () => {
  test('the concept, its top summary with verdict and a numbered PubMed citation, and the disclaimer', () => {
    render(<EvidenceCard term="breast cancers" concept={BREAST_CANCER} summary={TRIAL} total={3} onMore={more} onClose={() => {}} />);
    expect(screen.getByRole('dialog').getAttribute('aria-labelledby')).toBe('el-card-title');
    expect(document.getElementById('el-card-title')!.textContent).toBe(BREAST_CANCER.name);
    expect(screen.getByText(TRIAL.bottomLine)).toBeTruthy();
    // Its design and how many took part, side by side.
    expect(screen.getByTestId('sample-size').textContent).toBe('n = 85 patients');
    expect(screen.getByTestId('sample-size').parentElement!.querySelector('[data-testid="design-badge"]')).not.toBeNull();
    expect(screen.getByTestId('card-citation').getAttribute('href')).toBe(TRIAL.citation.url);
    expect(screen.getByTestId('card-more').textContent).toBe('More (3 summaries)');
    expect(screen.getByText('Educational, not a substitute for clinical judgement.')).toBeTruthy();
  });

  test("the abbreviations its study's abstract defined say what they stand for, in the question and the bottom line", () => {
    const study = {
      ...TRIAL,
      question: 'Do AIs raise the cardiovascular risk?',
      context: ['Methods: Aromatase inhibitors (AIs) were compared; cardiovascular adverse events (CVAEs) were counted.'],
      bottomLine: 'CVAEs were more frequent with AIs.',
    };
    render(<EvidenceCard term="aromatase inhibitors" concept={BREAST_CANCER} summary={study} total={1} onMore={more} onClose={() => {}} />);
    const marked = [...document.querySelectorAll('abbr')].map((a) => [a.closest('p')!.className, a.textContent, a.title]);
    expect(marked).toEqual([
      ['question', 'AIs', 'Aromatase inhibitors'],
      ['bottom-line', 'CVAEs', 'cardiovascular adverse events'],
      ['bottom-line', 'AIs', 'Aromatase inhibitors'],
    ]);
    expect(document.querySelector('.bottom-line')!.textContent).toBe(study.bottomLine);
  });

  test('"Save for later" on its own evidence: one button, unusable until the list is read, that says where to find it once saved', () => {
    const onSave = vi.fn();
    const card = (save: { saved?: boolean; error?: string }) => <EvidenceCard term="breast cancer" concept={BREAST_CANCER} summary={TRIAL} total={1} onMore={more} onClose={() => {}} save={{ ...save, onSave }} />;
    const { rerender } = render(card({}));
    const button = () => screen.getByTestId('card-save') as HTMLButtonElement;
    expect(button().disabled).toBe(true);
    rerender(card({ saved: false }));
    expect(button().textContent).toBe('☆ Save for later');
    fireEvent.click(button());
    expect(onSave).toHaveBeenCalledTimes(1);
    rerender(card({ saved: true }));
    expect(button().textContent).toBe('★ Saved, under “Saved” in the popup');
    expect(button().getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button());
    expect(onSave).toHaveBeenCalledTimes(1);
    rerender(card({ saved: false, error: 'You have 500 saved summaries: remove some to save more.' }));
    expect(screen.getByRole('alert').textContent).toContain('You have 500 saved summaries');
  });

  test('no "Save for later" for a summary that only mentions the term', () => {
    const mention = { ...TRIAL, conceptIds: ['MESH:D000001'], mentions: [BREAST_CANCER.id] };
    render(<EvidenceCard term="breast cancer" concept={{ ...BREAST_CANCER, definition: undefined }} summary={mention} total={1} onMore={more} onClose={() => {}} save={{ saved: false, onSave: vi.fn() }} />);
    expect(screen.queryByTestId('card-save')).toBeNull();
  });

  test("the card names the concept in the reader's wording", () => {
    const heartAttack = { ...BREAST_CANCER, name: 'Heart attack', clinicalName: 'Myocardial infarction' };
    const { rerender } = render(<EvidenceCard term="MI" concept={heartAttack} audience="clinician" onMore={more} onClose={() => {}} />);
    expect(document.getElementById('el-card-title')!.textContent).toBe('Myocardial infarction');
    rerender(<EvidenceCard term="MI" concept={heartAttack} audience="patient" onMore={more} onClose={() => {}} />);
    expect(document.getElementById('el-card-title')!.textContent).toBe('Heart attack');
  });

  test('a long definition above a summary is the excerpt the card shows, for a screen reader too', () => {
    const definition = 'Asthma is a long-term disease of the airways of the lungs. ' + 'The airways narrow and swell, and make extra mucus, which can make breathing hard. '.repeat(5);
    render(<EvidenceCard term="asthma" concept={{ ...BREAST_CANCER, definition }} summary={TRIAL} onMore={more} onClose={() => {}} />);
    const shown = screen.getByTestId('card-definition').textContent!;
    expect(shown.length).toBeLessThanOrEqual(171);
    expect(definition.startsWith(shown.replace(/…$/, ''))).toBe(true);
    expect(shown).toMatch(/(\.|…)$/);
  });

  test('a top study that is only indexed with the concept says so, after the definition', () => {
    const concept = { ...BREAST_CANCER, definition: 'A cancer of the breast.' };
    const { rerender } = render(
      <EvidenceCard term="breast cancer" concept={concept} summary={{ ...TRIAL, about: ['MESH:D999999'] }} onMore={more} onClose={() => {}} />,
    );
    expect(screen.getByTestId('card-definition').textContent).toBe('A cancer of the breast.');
    expect(screen.getByTestId('card-related').textContent).toBe('A related study, about something else:');
    // About the concept, or a dataset that does not say what its studies are about: no such line.
    rerender(<EvidenceCard term="breast cancer" concept={concept} summary={{ ...TRIAL, about: [BREAST_CANCER.id] }} onMore={more} onClose={() => {}} />);
    expect(screen.queryByTestId('card-related')).toBeNull();
    rerender(<EvidenceCard term="breast cancer" concept={concept} summary={{ ...TRIAL, about: undefined }} onMore={more} onClose={() => {}} />);
    expect(screen.queryByTestId('card-related')).toBeNull();
    // A question that names none of the study's concepts: the definition first, and what the study is to the term.
    rerender(<EvidenceCard term="breast cancer" concept={concept} summary={{ ...TRIAL, about: [] }} onMore={more} onClose={() => {}} />);
    expect(screen.getByTestId('card-related').textContent).toBe('A study indexed with this term:');
  });

  test('what the term is comes before its top evidence, and is said once', () => {
    const concept = { ...BREAST_CANCER, definition: 'A cancer of the breast.' };
    const { rerender } = render(
      <EvidenceCard term="breast cancer" concept={concept} summary={{ ...TRIAL, about: [BREAST_CANCER.id] }} onMore={more} onClose={() => {}} />,
    );
    const body = document.getElementById('el-card-body')!.textContent!;
    expect(screen.getByTestId('card-definition').textContent).toBe('A cancer of the breast.');
    expect(body.indexOf('A cancer of the breast.')).toBeLessThan(body.indexOf(TRIAL.question));
    // A consumer page that opens with the same words as the definition says them once; another page's answer
    // keeps the definition above it.
    const page = (answer: string) => ({ ...CONSUMER, sections: [{ ...CONSUMER.sections[0], answer }] });
    rerender(<EvidenceCard term="breast cancer" concept={concept} summary={page('A cancer of the breast.  It is common.')} onMore={more} onClose={() => {}} />);
    expect(screen.queryByTestId('card-definition')).toBeNull();
    expect(screen.getByText('A cancer of the breast. It is common.', { normalizer: (t) => t.replace(/\s+/g, ' ').trim() })).toBeTruthy();
    rerender(<EvidenceCard term="breast cancer" concept={concept} summary={page('Screening finds it early.')} onMore={more} onClose={() => {}} />);
    expect(screen.getByTestId('card-definition').textContent).toBe('A cancer of the breast.');
  });

  test("a plain-language answer keeps its page's list and the paragraph after it, as text", () => {
    const answer = 'Substances that often cause reactions are\n• Pollen\n• <b>Dust</b> mites\nNormally, your immune system fights germs.';
    render(<EvidenceCard term="allergy" concept={BREAST_CANCER} summary={{ ...CONSUMER, sections: [{ ...CONSUMER.sections[0], answer }] }} onMore={more} onClose={() => {}} />);
    const items = [...document.querySelectorAll('.answer li')].map((li) => li.textContent);
    expect(items).toEqual(['Pollen', '<b>Dust</b> mites']);
    expect(screen.getByText('Normally, your immune system fights germs.').tagName).toBe('P');
    expect(document.getElementById('el-card-body')!.textContent).not.toContain('•');
  });

  test('a term without evidence links to its broader terms that have some, opened like More', () => {
    const onOpenConcept = vi.fn();
    const bare = { ...BREAST_CANCER, definition: undefined, summaryCount: 0, broaderTerms: [{ id: 'MESH:D009369', name: 'Cancer', summaryCount: 1 }] };
    render(<EvidenceCard term="mammary tumours" concept={bare} onMore={more} onOpenConcept={onOpenConcept} onClose={() => {}} />);
    expect(screen.getByTestId('card-broader').textContent).toBe('Broader terms that have some:Cancer (1 summary)');
    const link = screen.getByRole('button', { name: 'Cancer' });
    expect(fireEvent.click(link)).toBe(false);
    expect(onOpenConcept).toHaveBeenCalledWith('MESH:D009369');
  });

  test('a term with no summary of its own shows one that mentions it, without its verdict, after its broader terms', () => {
    const bare = { ...BREAST_CANCER, definition: undefined, summaryCount: 0, broaderTerms: [{ id: 'MESH:D009369', name: 'Cancer', summaryCount: 1 }] };
    const mention = { ...TRIAL, conceptIds: ['MESH:D009369'], mentions: [BREAST_CANCER.id] };
    const { rerender } = render(<EvidenceCard term="mammary tumours" concept={bare} summary={mention} onMore={more} onOpenConcept={open} onClose={() => {}} />);
    expect(screen.getByTestId('card-broader').textContent).toBe('No evidence summary for this term yet; broader terms that have some:Cancer (1 summary)');
    expect(screen.getByText('A summary that mentions it:')).toBeTruthy();
    expect(screen.getByTestId('card-mention').textContent).toBe(TRIAL.question);
    expect(screen.getByTestId('card-citation').getAttribute('href')).toBe(TRIAL.citation.url);
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.queryByText(TRIAL.bottomLine)).toBeNull();
    // Without broader terms, the line says there is no summary about it.
    rerender(<EvidenceCard term="mammary tumours" concept={{ ...bare, broaderTerms: [] }} summary={mention} onMore={more} onOpenConcept={open} onClose={() => {}} />);
    expect(screen.getByText('No summary is filed under this term yet; one that mentions it:')).toBeTruthy();
    // "More" counts them as what they are.
    rerender(<EvidenceCard term="mammary tumours" concept={bare} summary={mention} total={7} onMore={more} onOpenConcept={open} onClose={() => {}} />);
    expect(screen.getByTestId('card-more').textContent).toBe('More (7 that mention it)');
  });

  test('a patient shown a study is told it is written for clinicians; a clinician is not', () => {
    const { rerender } = render(<EvidenceCard term="breast cancer" concept={BREAST_CANCER} audience="patient" summary={TRIAL} onMore={more} onClose={() => {}} />);
    expect(screen.getByTestId('card-no-plain-language').textContent).toBe('No plain-language explanation of this term yet: the study below is written for clinicians.');
    rerender(<EvidenceCard term="breast cancer" concept={BREAST_CANCER} audience="clinician" summary={TRIAL} onMore={more} onClose={() => {}} />);
    expect(screen.queryByTestId('card-no-plain-language')).toBeNull();
    rerender(<EvidenceCard term="breast cancer" concept={BREAST_CANCER} audience="patient" summary={CONSUMER} onMore={more} onClose={() => {}} />);
    expect(screen.queryByTestId('card-no-plain-language')).toBeNull();
  });

  test('a term with a definition is not shown a summary that merely mentions it, in either wording', () => {
    const defined = { ...BREAST_CANCER, summaryCount: 0 };
    const mention = { ...TRIAL, conceptIds: ['MESH:D009369'], mentions: [BREAST_CANCER.id] };
    const { rerender } = render(<EvidenceCard term="breast" concept={defined} audience="patient" summary={mention} total={7} onMore={more} onClose={() => {}} />);
    expect(screen.getByTestId('card-definition').textContent).toBe(BREAST_CANCER.definition);
    expect(screen.queryByTestId('card-mention')).toBeNull();
    expect(screen.queryByText(/mentions it:$/)).toBeNull();
    expect(screen.getByTestId('card-more').textContent).toBe('More (7 that mention it)');
    rerender(<EvidenceCard term="breast" concept={defined} audience="clinician" summary={mention} total={7} onMore={more} onClose={() => {}} />);
    expect(screen.queryByTestId('card-mention')).toBeNull();
    // Without a definition the mention is all there is.
    rerender(<EvidenceCard term="breast" concept={{ ...defined, definition: undefined }} audience="patient" summary={mention} total={7} onMore={more} onClose={() => {}} />);
    expect(screen.getByTestId('card-mention').textContent).toBe(TRIAL.question);
  });

  test('a term without evidence offers the narrower terms that have some first, then the broader', () => {
    const bare = {
      ...BREAST_CANCER,
      definition: 'Pills that prevent pregnancy.',
      summaryCount: 0,
      narrowerTerms: [{ id: 'MESH:D003278', name: 'Hormonal oral contraceptives', summaryCount: 2 }],
      broaderTerms: [{ id: 'MESH:D003270', name: 'Contraceptive agents', summaryCount: 5 }],
    };
    render(<EvidenceCard term="oral contraceptives" concept={bare} onMore={more} onOpenConcept={open} onClose={() => {}} />);
    expect(screen.getByTestId('card-narrower').textContent).toBe('No evidence summary for this term yet; narrower terms that have some:Hormonal oral contraceptives (2 summaries)');
    expect(screen.getByTestId('card-broader').textContent).toBe('Broader terms that have some:Contraceptive agents (5 summaries)');
    expect(screen.getByRole('button', { name: 'Hormonal oral contraceptives' })).toBeTruthy();
  });

  test('More asks for the full view, on a click and on a middle click; no address of the extension is in the card', () => {
    const onMore = vi.fn();
    const { container } = render(<EvidenceCard term="breast cancer" concept={BREAST_CANCER} summary={TRIAL} onMore={onMore} onClose={() => {}} />);
    const link = screen.getByTestId('card-more');
    // The page can read the card: Firefox's per-install address would be an identifier every site could read.
    expect(container.innerHTML).not.toMatch(/extension:|popup\.html/);
    expect(fireEvent.click(link)).toBe(false); // default prevented: no blocked navigation
    expect(onMore).toHaveBeenCalledTimes(1);
    expect(fireEvent(link, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 1 }))).toBe(false);
    expect(onMore).toHaveBeenCalledTimes(2);
    // A right click's auxclick (the context menu) is the browser's.
    expect(fireEvent(link, new MouseEvent('auxclick', { bubbles: true, cancelable: true, button: 2 }))).toBe(true);
    expect(onMore).toHaveBeenCalledTimes(2);
  });

  test('words looked up that name no concept: the card says so and offers no full view', () => {
    render(<EvidenceCard term="coppersmith" concept={null} onClose={() => {}} />);
    expect(document.getElementById('el-card-title')!.textContent).toBe('coppersmith');
    expect(screen.getByText('No term in the dataset by this name.')).toBeTruthy();
    expect(screen.queryByTestId('card-more')).toBeNull();
    // The literature may know them: the words looked up, searched on PubMed or MedlinePlus.
    expect(screen.getByTestId('card-elsewhere').textContent).toBe('Search PubMed or MedlinePlus for it.');
    expect(screen.getByTestId('card-search-pubmed').getAttribute('href')).toBe('https://pubmed.ncbi.nlm.nih.gov/?term=coppersmith');
  });

  test('a term without evidence offers it searched on PubMed by its clinical name and on MedlinePlus by its plain one', () => {
    const mi = { ...BREAST_CANCER, name: 'Heart attack', clinicalName: 'Myocardial infarction', summaryCount: 0 };
    render(<EvidenceCard term="heart attack" concept={mi} onMore={more} onClose={() => {}} />);
    expect(new URL(screen.getByTestId('card-search-pubmed').getAttribute('href')!).searchParams.get('term')).toBe('Myocardial infarction');
    expect(new URL(screen.getByTestId('card-search-medlineplus').getAttribute('href')!).searchParams.get('query')).toBe('Heart attack');
    expect(screen.getByTestId('card-search-pubmed').getAttribute('rel')).toBe('noopener noreferrer');
  });

  test('a term with evidence shows it, not a search elsewhere', () => {
    render(<EvidenceCard term="breast cancer" concept={BREAST_CANCER} summary={TRIAL} total={3} onMore={more} onClose={() => {}} />);
    expect(screen.queryByTestId('card-elsewhere')).toBeNull();
  });

  test('while loading, and when the term has no summary: its definition', () => {
    const { rerender } = render(<EvidenceCard term="breast cancer" loading onMore={more} onClose={() => {}} />);
    expect(screen.getByText('Loading the evidence…')).toBeTruthy();
    rerender(<EvidenceCard term="breast cancer" concept={{ ...BREAST_CANCER, definition: 'A cancer of the breast.' }} onMore={more} onClose={() => {}} />);
    expect(screen.getByText('A cancer of the breast.')).toBeTruthy();
  });

  test("a long name without a space breaks inside the card rather than overflow it, and so does the dataset's other text", () => {
    const name = 'Dimethylaminoethylmethacrylatebutylmethacrylatecopolymerdrug'; // 60 letters, no space
    render(<EvidenceCard term={name} concept={{ ...BREAST_CANCER, name, definition: `${name} is a coating.` }} summary={CONSUMER} onMore={more} onClose={() => {}} />);
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    document.head.append(style);
    const title = document.getElementById('el-card-title')!;
    expect(title.textContent).toBe(name);
    // Set on the card, which every line of text inherits it from (happy-dom does not compute that inheritance).
    const card = screen.getByTestId('evidence-card');
    expect(getComputedStyle(card).overflowWrap).toBe('anywhere');
    for (const text of [title, screen.getByTestId('card-definition'), screen.getByTestId('card-citation')]) {
      expect(text.closest('.card'), text.textContent!).toBe(card);
      expect(getComputedStyle(text).overflowWrap, text.textContent!).not.toBe('normal');
    }
    style.remove();
  });
});
