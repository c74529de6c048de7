import './cleanup';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, test, vi } from 'vitest';
import { SummaryView } from '../../../components/SummaryView';
import { amaCitation, amaDate } from '../../../lib/citation/ama';
import { CONSUMER, TRIAL } from './fixtures';

const DATASET = { version: '2026.11.25', created: '2026-11-25', origin: 'bundled' };

describe('summary view, research', () => {
  test("its topics, in the reader's wording, each opening its term; Left and Right move between them; none without a way to open", () => {
    const topics = [
      { id: 'MESH:D009203', name: 'Heart attack', clinicalName: 'Myocardial infarction', category: 'disease' as const },
      { id: 'MESH:D001241', name: 'Aspirin', category: 'drug' as const },
    ];
    const onOpenConcept = vi.fn();
    render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={() => {}} topics={topics} audience="patient" onOpenConcept={onOpenConcept} />);
    const buttons = screen.getAllByRole('button', { name: /, (disease|drug)$/ });
    expect(buttons.map((b) => b.textContent)).toEqual(['Heart attack, disease', 'Aspirin, drug']);
    // One Tab stop for the row.
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1]);
    buttons[0].focus();
    fireEvent.keyDown(buttons[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.click(buttons[1]);
    expect(onOpenConcept).toHaveBeenCalledWith('MESH:D001241');
    cleanup();
    render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={() => {}} topics={topics} />);
    expect(screen.queryByTestId('topics')).toBeNull();
  });

  test('question, verdict, level of evidence, bottom line, key findings', () => {
    render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(TRIAL.question);
    expect(screen.getByTestId('verdict').textContent).toBe('Verdict: Yes');
    expect(screen.getByTestId('design-badge').textContent).toContain('Randomised trial');
    expect(screen.getByTestId('sample-size').textContent).toBe('n = 85 patients');
    expect(screen.getByTestId('bottom-line').textContent).toBe(`${TRIAL.bottomLine} [1]`);
    expect(screen.getByRole('heading', { name: 'Key findings' })).toBeTruthy();
    expect(screen.getByText(TRIAL.findings[0])).toBeTruthy();
  });

  test("abbreviations the abstract defined in its folded methods: each use marked with what it stands for, and listed under the findings", () => {
    const study = {
      ...TRIAL,
      context: ['Methods: Aromatase inhibitors (AIs) were compared in randomised trials; cardiovascular adverse events (CVAEs) were counted.'],
      bottomLine: 'CVAEs were more frequent with AIs.',
      findings: ['The risk was higher with AIs (RR, 1.31; 95% CI, 1.07-1.60).'],
    };
    render(<SummaryView summary={study} dataset={DATASET} onCopyCitation={() => {}} />);
    const marked = [...screen.getByTestId('bottom-line').querySelectorAll('abbr')].map((a) => [a.textContent, a.title]);
    expect(marked).toEqual([
      ['CVAEs', 'cardiovascular adverse events'],
      ['AIs', 'Aromatase inhibitors'],
    ]);
    // The text itself reads as before.
    expect(screen.getByTestId('bottom-line').textContent).toBe(`${study.bottomLine} [1]`);
    const list = screen.getByTestId('abbreviations');
    expect(list.querySelector('h2')?.textContent).toBe('Abbreviations');
    expect([...list.querySelectorAll('dt')].map((d) => `${d.textContent} = ${d.nextElementSibling?.textContent}`)).toEqual([
      'CVAEs = cardiovascular adverse events',
      'AIs = Aromatase inhibitors',
      'RR = relative risk',
      'CI = confidence interval',
    ]);
    cleanup();
    // None used: no list.
    render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={() => {}} />);
    expect(screen.queryByTestId('abbreviations')).toBeNull();
    expect(document.querySelector('abbr')).toBeNull();
  });

  test('a hostile abstract: what it defines is shown as text, never as markup', () => {
    const hostile = {
      ...TRIAL,
      context: ['Methods: <img src=x onerror=alert(1)> computed tomography (CT) was used.'],
      bottomLine: 'CT <b>found</b> more.',
    };
    render(<SummaryView summary={hostile} dataset={DATASET} onCopyCitation={() => {}} />);
    expect(document.querySelector('img, b')).toBeNull();
    expect(screen.getByTestId('bottom-line').textContent).toBe(`${hostile.bottomLine} [1]`);
    expect(screen.getByTestId('abbreviations').querySelector('dd')?.textContent).toBe('computed tomography');
  });

  test("the abstract's background and methods, folded under the findings; none shown where the source has none", () => {
    const withContext = { ...TRIAL, context: ['Background: Aromatase inhibitors are used after surgery.', 'Patients were randomly assigned to two arms.'] };
    render(<SummaryView summary={withContext} dataset={DATASET} onCopyCitation={() => {}} />);
    const details = screen.getByTestId('study-context') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    expect(details.querySelector('summary')?.textContent).toBe('Background and methods');
    expect([...details.querySelectorAll('p')].map((p) => p.textContent)).toEqual(withContext.context);
    // The section's name, where the paragraph opens with one, in bold.
    expect([...details.querySelectorAll('strong')].map((s) => s.textContent)).toEqual(['Background:']);
    cleanup();
    render(<SummaryView summary={{ ...TRIAL, context: [] }} dataset={DATASET} onCopyCitation={() => {}} />);
    expect(screen.queryByTestId('study-context')).toBeNull();
  });

  test('the numbered citation: PMID, year and a PubMed link; the reference mark points at it', () => {
    render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={() => {}} />);
    const item = document.getElementById('citation-1')!;
    expect(item.textContent).toBe('PMID 18000001 · 2008 · View on PubMed');
    expect(screen.getByTestId('citation-link').getAttribute('href')).toBe('https://pubmed.ncbi.nlm.nih.gov/18000001/');
    expect(screen.getByTestId('citation-link').getAttribute('rel')).toContain('noopener');
    expect(screen.getByRole('link', { name: 'Citation 1' }).getAttribute('href')).toBe('#citation-1');
  });

  test('copy citation, and its confirmation', () => {
    const onCopy = vi.fn();
    const { rerender } = render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={onCopy} />);
    fireEvent.click(screen.getByTestId('copy-citation'));
    expect(onCopy).toHaveBeenCalled();
    rerender(<SummaryView summary={TRIAL} dataset={DATASET} copyState="copied" onCopyCitation={onCopy} />);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Citation copied (AMA style, with the article’s PMID; its authors and journal are on PubMed).');
  });

  test('copy summary, beside copy citation, and its confirmation; not offered without a way to copy', () => {
    const onCopySummary = vi.fn();
    const { rerender } = render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={vi.fn()} onCopySummary={onCopySummary} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy summary' }));
    expect(onCopySummary).toHaveBeenCalledTimes(1);
    rerender(<SummaryView summary={TRIAL} dataset={DATASET} copyState="summary-copied" onCopyCitation={vi.fn()} onCopySummary={onCopySummary} />);
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Summary copied as plain text, with its reference, for notes or a message.');
    cleanup();
    render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Copy summary' })).toBeNull();
  });

  test('the dataset it comes from, and the disclaimer', () => {
    render(<SummaryView summary={TRIAL} dataset={DATASET} onCopyCitation={() => {}} />);
    expect(screen.getByTestId('dataset-line').textContent).toBe('From the Evidence Lens dataset 2026.11.25, made November 25, 2026.');
    // A synced dataset's text is its publisher's, never credited to Evidence Lens.
    cleanup();
    render(<SummaryView summary={TRIAL} dataset={{ ...DATASET, origin: 'https://example.org/data/manifest.json' }} onCopyCitation={() => {}} />);
    expect(screen.getByTestId('dataset-line').textContent).toBe('From the dataset installed from https://example.org/data/manifest.json, version 2026.11.25, made November 25, 2026.');
    expect(screen.getByTestId('disclaimer').textContent).toMatch(/not a substitute for clinical judgement/);
  });
});

describe('summary view, consumer', () => {
  test('each section in plain language, the source site and its address', () => {
    render(<SummaryView summary={CONSUMER} dataset={DATASET} onCopyCitation={() => {}} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Breast Cancer');
    expect(screen.getByRole('heading', { name: 'How is breast cancer treated?' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'read the full text at MedlinePlus' })).toBeTruthy();
    expect(document.getElementById('citation-1')!.textContent).toBe('MedlinePlus · https://medlineplus.gov/breastcancer.html');
    expect(screen.getByTestId('citation-link').getAttribute('href')).toBe(CONSUMER.source.url);
    expect(screen.queryByTestId('verdict')).toBeNull();
    expect(screen.getByTestId('disclaimer')).toBeTruthy();
  });

  test("an answer's list items are a list, its other lines paragraphs", () => {
    const listed = { ...CONSUMER, sections: [{ type: 'symptoms', question: 'Q?', answer: 'Check with your doctor if you have:\n• Fever.\n• Night sweats.\nOr both.' }] };
    const { container } = render(<SummaryView summary={listed} onCopyCitation={() => {}} />);
    const section = container.querySelector('section')!;
    expect([...section.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['Fever.', 'Night sweats.']);
    expect([...section.querySelectorAll(':scope > p')].map((p) => p.textContent)).toEqual(['Check with your doctor if you have:', 'Or both.']);
  });

  test("a page's subheading is a heading under the section's question; a list's lead-in and the closing credit are not", () => {
    const answer =
      'Common Symptoms\nThe most common symptoms are pain and swelling.\nSigns include\n• Fever\nWhat Is Diabetes?\nIt is high blood sugar.\nOr\nRest.\nNIH: National Cancer Institute';
    const { container } = render(<SummaryView summary={{ ...CONSUMER, sections: [{ type: 'symptoms', question: 'Q?', answer }] }} onCopyCitation={() => {}} />);
    const section = container.querySelector('section')!;
    expect([...section.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Common Symptoms', 'What Is Diabetes?']);
    expect([...section.querySelectorAll(':scope > p')].map((p) => p.textContent)).toEqual([
      'The most common symptoms are pain and swelling.',
      'Signs include',
      'It is high blood sugar.',
      'Or',
      'Rest.',
      'NIH: National Cancer Institute',
    ]);
  });

  test('the agency credited at the end of an answer is drawn as its source, apart from the answer', () => {
    const answer = 'Allergies are common.\nWritten by NIH: National Institute of Allergy and Infectious Diseases';
    const { container } = render(<SummaryView summary={{ ...CONSUMER, sections: [{ type: 'information', question: 'Q?', answer }] }} onCopyCitation={() => {}} />);
    const section = container.querySelector('section')!;
    expect(section.querySelector('.answer-credit')?.textContent).toBe('Written by NIH: National Institute of Allergy and Infectious Diseases');
    expect([...section.querySelectorAll(':scope > p:not(.answer-credit)')].map((p) => p.textContent)).toEqual(['Allergies are common.']);
  });

  test("a list within a list item is that item's own list", () => {
    const answer = 'Key points:\n• Two types of treatment are used:\n◦ Surgery\n◦ Chemotherapy\n• Patients may join a trial.';
    const { container } = render(<SummaryView summary={{ ...CONSUMER, sections: [{ type: 'treatment', question: 'Q?', answer }] }} onCopyCitation={() => {}} />);
    const section = container.querySelector('section')!;
    expect([...section.querySelectorAll(':scope > ul > li > ul > li')].map((li) => li.textContent)).toEqual(['Surgery', 'Chemotherapy']);
    expect(section.querySelectorAll(':scope > ul > li').length).toBe(2);
    expect(section.textContent).not.toContain('◦');
  });

  test("the addresses an answer gives on cited sites are links; others, and look-alike hosts, stay text", () => {
    const answer = [
      'For more, see www.cdc.gov/vaccines/vpd-vac/rotavirus.',
      '• GeneReviews (http://www.ncbi.nlm.nih.gov/books/NBK1152/#achondroplasia).',
      'Also http://www.mayoclinic.com/health/x and www.nih.gov.example.com/y, https://user@www.cdc.gov/z.',
    ].join('\n');
    const { container } = render(<SummaryView summary={{ ...CONSUMER, sections: [{ type: 'information', question: 'Q?', answer }] }} onCopyCitation={() => {}} />);
    const links = [...container.querySelectorAll<HTMLAnchorElement>('section a.answer-link')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['www.cdc.gov/vaccines/vpd-vac/rotavirus', 'https://www.cdc.gov/vaccines/vpd-vac/rotavirus'],
      ['http://www.ncbi.nlm.nih.gov/books/NBK1152/#achondroplasia', 'https://www.ncbi.nlm.nih.gov/books/NBK1152/#achondroplasia'],
    ]);
    for (const a of links) expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    // The sentence reads as before, its punctuation outside the link.
    const paragraphs = [...container.querySelector('section')!.querySelectorAll('p, li')].map((p) => p.textContent);
    expect(paragraphs).toEqual([
      'For more, see www.cdc.gov/vaccines/vpd-vac/rotavirus.',
      'GeneReviews (http://www.ncbi.nlm.nih.gov/books/NBK1152/#achondroplasia).',
      'Also http://www.mayoclinic.com/health/x and www.nih.gov.example.com/y, https://user@www.cdc.gov/z.',
    ]);
  });

  test('markup in an answer is shown as text', () => {
    const hostile = { ...CONSUMER, sections: [{ type: 'information', question: 'Q?', answer: '<script>alert(1)</script><a href="javascript:x">x</a>' }] };
    const { container } = render(<SummaryView summary={hostile} onCopyCitation={() => {}} />);
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelectorAll('a[href^="javascript"]').length).toBe(0);
    expect(container.textContent).toContain('<script>alert(1)</script>');
  });
});

describe('AMA citation text', () => {
  const accessed = new Date(2026, 10, 25);
  test('dates as AMA writes them', () => {
    expect(amaDate(accessed)).toBe('November 25, 2026');
  });

  test('research: title, PubMed, year, PMID, accessed date, address', () => {
    expect(amaCitation(TRIAL, accessed)).toBe(
      'Do adjuvant aromatase inhibitors increase the cardiovascular risk? PubMed. Published 2008. PMID: 18000001. Accessed November 25, 2026. https://pubmed.ncbi.nlm.nih.gov/18000001/',
    );
  });

  test('research without a year', () => {
    const undated = { ...TRIAL, year: undefined, citation: { pmid: '1', url: 'https://pubmed.ncbi.nlm.nih.gov/1/' }, question: 'A title' };
    expect(amaCitation(undated, accessed)).toBe('A title. PubMed. PMID: 1. Accessed November 25, 2026. https://pubmed.ncbi.nlm.nih.gov/1/');
  });

  test('consumer: topic, site, accessed date, address', () => {
    expect(amaCitation(CONSUMER, accessed)).toBe('Breast Cancer. MedlinePlus. Accessed November 25, 2026. https://medlineplus.gov/breastcancer.html');
  });
});
