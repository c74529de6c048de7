import './cleanup';
import { render, screen } from '@testing-library/preact';
import { describe, expect, test } from 'vitest';
import { EvidenceBadge } from '../../../components/EvidenceBadge';
import { SampleSizeText } from '../../../components/SampleSizeText';
import { VerdictBadge } from '../../../components/VerdictBadge';

describe('verdict badge', () => {
  test.each([
    ['yes', 'Yes'],
    ['no', 'No'],
    ['maybe', 'Maybe'],
  ] as const)('%s reads "Verdict: %s"', (verdict, label) => {
    render(<VerdictBadge verdict={verdict} />);
    const badge = screen.getByTestId('verdict');
    expect(badge.textContent).toBe(`Verdict: ${label}`);
    expect(badge.className).toContain(`verdict-${verdict}`);
  });

  test('no verdict, no badge', () => {
    const { container } = render(<VerdictBadge verdict={undefined} />);
    expect(container.textContent).toBe('');
  });
});

describe('level-of-evidence badge', () => {
  test('shows the level and design, and what decided it', () => {
    render(<EvidenceBadge design={{ design: 'rct', level: 2, source: 'mesh', evidence: 'Randomized Controlled Trial' }} />);
    const badge = screen.getByTestId('design-badge');
    expect(badge.textContent).toBe('Level of evidence L2 · , Randomised trial');
    expect(badge.title).toBe('From MeSH indexing: Randomized Controlled Trial');
    expect(badge.className).toContain('level-2');
  });

  test('takes the level from the design, not a stale field', () => {
    render(<EvidenceBadge design={{ design: 'meta-analysis', level: 4, source: 'text', evidence: 'meta-analysis' }} />);
    expect(screen.getByTestId('design-badge').textContent).toContain('L1');
    expect(screen.getByTestId('design-badge').title).toBe('From the abstract: meta-analysis');
  });

  test('a study in animals says so first, keeps its design and has no level', () => {
    render(<EvidenceBadge design={{ design: 'rct', source: 'text', evidence: 'randomized', subjects: 'animals' }} />);
    const badge = screen.getByTestId('design-badge');
    expect(badge.textContent).toBe('Animal study · Randomised trial');
    expect(badge.title).toBe('From the abstract: randomized. Indexed in MeSH as a study in animals, not in people');
    expect(badge.className).toContain('level-none');
    render(<EvidenceBadge design={{ design: 'unknown', source: 'none', subjects: 'animals' }} />);
    expect(screen.getAllByTestId('design-badge')[1].textContent).toBe('Animal study');
  });

  test('an unknown or missing design says so, without a level', () => {
    render(<EvidenceBadge design={undefined} />);
    expect(screen.getByTestId('design-badge').textContent).toBe('Design not stated');
  });
});

describe('sample size', () => {
  test('n and unit, with the sentence it came from as a tooltip', () => {
    render(<SampleSizeText sampleSize={{ n: 1250, unit: 'women', sentence: 'We studied 1250 women.' }} />);
    expect(screen.getByTestId('sample-size').textContent).toBe('n = 1,250 women');
    expect(screen.getByTestId('sample-size').title).toBe('We studied 1250 women.');
  });

  test('unknown: nothing shown', () => {
    const { container } = render(<SampleSizeText sampleSize={undefined} />);
    expect(container.textContent).toBe('');
  });
});
