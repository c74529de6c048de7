import { describe, expect, test } from 'vitest';
import { AbbreviationFinder, summaryAbbreviations } from '../../../lib/summaries/abbreviations';

// Modelled on a meta-analysis abstract: its short forms are defined in the background and methods, which the
// summary view folds, and used undefined in the bottom line and findings.
const STUDY = {
  question: 'Do adjuvant aromatase inhibitors increase the cardiovascular risk?',
  context: [
    'Background: Aromatase inhibitors (AIs) were followed by more grade 3 and 4 cardiovascular adverse events (CVAEs) than tamoxifen.',
    'Methods: Randomized controlled trials (RCTs) were pooled; risk ratios (RRs) and absolute differences (ADs) were derived.',
  ],
  findings: ['Seven RCTs reported CVAE results. The AD was significant (RR, 1.31; 95% CI, 1.07-1.60) and the NNH was 189.'],
  bottomLine: 'CVAEs were more frequent with AIs, but the AD was small.',
};

const pairs = (list: ReturnType<typeof summaryAbbreviations>) => list.map((a) => [a.shortForm, a.longForm, a.defined]);

describe("a research summary's abbreviations", () => {
  test("those its shown text uses, in the order they appear there: the abstract's own definitions, then the statistics it leaves undefined", () => {
    expect(pairs(summaryAbbreviations(STUDY))).toEqual([
      ['CVAEs', 'cardiovascular adverse events', true],
      ['AIs', 'Aromatase inhibitors', true],
      ['ADs', 'absolute differences', true],
      ['RCTs', 'Randomized controlled trials', true],
      ['RRs', 'risk ratios', true],
      ['CI', 'confidence interval', false],
      ['NNH', 'number needed to harm', false],
    ]);
  });

  test('a short form defined but never used where the reader sees it is not listed; nor is one used nowhere', () => {
    const list = summaryAbbreviations({ ...STUDY, findings: ['Seven trials reported results.'], bottomLine: 'Events were more frequent with AIs.' });
    // As the abstract writes it, a capital where its sentence starts.
    expect(pairs(list)).toEqual([['AIs', 'Aromatase inhibitors', true]]);
    expect(summaryAbbreviations({ question: 'Does it work?', bottomLine: 'It does.', findings: [] })).toEqual([]);
  });

  test("the abstract's meaning wins over the statistics list: SD for sudden deafness in a hearing study", () => {
    const hearing = {
      question: 'Is sudden deafness (SD) linked to stroke?',
      bottomLine: 'Patients with SD had a higher risk of stroke.',
      findings: [],
    };
    expect(pairs(summaryAbbreviations(hearing))).toEqual([['SD', 'sudden deafness', true]]);
    const undefinedSd = { question: 'Does age matter?', bottomLine: 'The mean (SD) age was 61 (10) years.', findings: [] };
    expect(pairs(summaryAbbreviations(undefinedSd))).toEqual([['SD', 'standard deviation', false]]);
  });

  test('a ratio counts only before a decimal value: "OR" in a question is the word, "HR 72" a heart rate', () => {
    const text = { question: 'Surgery OR watchful waiting?', bottomLine: 'The HR was 72 beats per minute at rest.', findings: ['Mortality fell (OR = 0.61).'] };
    expect(pairs(summaryAbbreviations(text))).toEqual([['OR', 'odds ratio', false]]);
  });

  test('neither a measure written out ("95% CI") nor a name in parentheses is taken as the abstract defining a short form', () => {
    const text = {
      question: 'Does the Sami language law (Sami) matter?',
      context: ['Methods: Odds with 95% confidence intervals (95% CI) were computed.'],
      bottomLine: 'Sami speakers did better (95% CI 1.1-2.0).',
      findings: [],
    };
    expect(pairs(summaryAbbreviations(text))).toEqual([['CI', 'confidence interval', false]]);
  });
});

describe('finding the uses in a text', () => {
  const finder = new AbbreviationFinder([
    { shortForm: 'AIs', longForm: 'aromatase inhibitors', defined: true },
    { shortForm: 'CVAE', longForm: 'cardiovascular adverse event', defined: true },
    { shortForm: 'CT', longForm: 'computed tomography', defined: true },
  ]);
  const uses = (text: string) => finder.uses(text).map((u) => text.slice(u.start, u.end));

  test('whole words only, case as written, plural and singular forms', () => {
    expect(uses('An AI or two AIs; CVAE and CVAEs; a CT, CTs and CTA; act, Ct, AIS, CVAEss.')).toEqual(['AI', 'AIs', 'CVAE', 'CVAEs', 'CT', 'CTs']);
  });

  test('offsets are exact, also after characters outside the BMP', () => {
    const text = '𝛼-blockade then CT.';
    const [use] = finder.uses(text);
    expect(text.slice(use.start, use.end)).toBe('CT');
    expect(use.abbreviation.longForm).toBe('computed tomography');
  });

  test('a finder of no abbreviations finds nothing', () => {
    expect(new AbbreviationFinder([]).uses('CT and MRI')).toEqual([]);
  });
});
