import { expect, test } from 'vitest';
import { summaryText } from '../../../lib/citation/summary-text';
import { CONSUMER, TRIAL } from '../components/fixtures';

const DAY = new Date(2026, 10, 29);

test('a study: question, answer, design and level, year and size, bottom line and findings, its reference, and where it came from', () => {
  expect(summaryText(TRIAL, DAY, { version: '2026.11.28.17', origin: 'bundled' }).split('\n\n')).toEqual([
    TRIAL.question,
    'Answer: Yes · Randomised trial (level 2 evidence) · 2008 · n = 85 patients',
    `Bottom line: ${TRIAL.bottomLine} [1]`,
    `Key findings: ${TRIAL.findings[0]}`,
    `Reference: [1] ${TRIAL.question} PubMed. Published 2008. PMID: 18000001. Accessed November 29, 2026. https://pubmed.ncbi.nlm.nih.gov/18000001/`,
    'Summarised from the Evidence Lens dataset, version 2026.11.28.17. For education; not medical advice.',
  ]);
});

test('what a study lacks is left out, not written as blank; a synced dataset is named by its address', () => {
  const bare = { ...TRIAL, verdict: undefined, design: undefined, sampleSize: undefined, year: undefined, findings: [], citation: { ...TRIAL.citation, year: undefined } };
  const text = summaryText(bare, DAY, { version: 'v2', origin: 'https://data.example/manifest.json' });
  expect(text.split('\n\n')).toEqual([
    TRIAL.question,
    `Bottom line: ${TRIAL.bottomLine} [1]`,
    `Reference: [1] ${TRIAL.question} PubMed. PMID: 18000001. Accessed November 29, 2026. https://pubmed.ncbi.nlm.nih.gov/18000001/`,
    'Summarised from the dataset at https://data.example/manifest.json, version v2. For education; not medical advice.',
  ]);
});

test('a plain-language page: its topic, each question with its answer, its source', () => {
  const text = summaryText(CONSUMER, DAY);
  expect(text.split('\n\n')).toEqual([
    'Breast Cancer',
    `What is breast cancer?\n${CONSUMER.sections[0].answer}`,
    `How is breast cancer treated?\n${CONSUMER.sections[1].answer}`,
    'Source: [1] Breast Cancer. MedlinePlus. Accessed November 29, 2026. https://medlineplus.gov/breastcancer.html',
    'For education; not medical advice.',
  ]);
});
