// Records as the views receive them, with the shapes of the real dataset.
import type { Concept, ConsumerSummary, ResearchSummary } from '../../../lib/dataset/types';
import type { ConceptOverview } from '../../../lib/summaries/filter';

export const BREAST_CANCER: Concept = {
  id: 'MESH:D001943',
  name: 'Breast cancer',
  category: 'disease',
  synonyms: ['Breast neoplasms', 'mammary cancer'],
  abbreviations: [],
  treeNumbers: ['C04.588.180'],
  summaryCount: 3,
  definition: 'Breast cancer affects one in eight women during their lives.',
  definitionSource: { name: 'MedlinePlus', url: 'https://medlineplus.gov/breastcancer.html' },
};

export const TRIAL: ResearchSummary = {
  id: 'pmid:18000001',
  kind: 'research',
  conceptIds: ['MESH:D001943'],
  question: 'Do adjuvant aromatase inhibitors increase the cardiovascular risk?',
  verdict: 'yes',
  bottomLine: 'The risk of grade 3 and 4 events was higher with aromatase inhibitors.',
  findings: ['Seven eligible trials (19,818 patients) reported events.'],
  year: 2008,
  citation: { pmid: '18000001', year: 2008, url: 'https://pubmed.ncbi.nlm.nih.gov/18000001/' },
  design: { design: 'rct', level: 2, source: 'mesh', evidence: 'Randomized Controlled Trial' },
  sampleSize: { n: 85, unit: 'patients', sentence: 'We enrolled 85 patients.' },
};

export const COHORT: ResearchSummary = {
  ...TRIAL,
  id: 'pmid:15000002',
  question: 'Is screening with mammography useful after 75?',
  verdict: 'maybe',
  year: 2015,
  citation: { pmid: '15000002', year: 2015, url: 'https://pubmed.ncbi.nlm.nih.gov/15000002/' },
  design: { design: 'retrospective-cohort', level: 3, source: 'text', evidence: 'retrospectively' },
  sampleSize: undefined,
};

export const CONSUMER: ConsumerSummary = {
  id: 'medquad:0001',
  kind: 'consumer',
  conceptIds: ['MESH:D001943'],
  topic: 'Breast Cancer',
  sections: [
    { type: 'information', question: 'What is breast cancer?', answer: 'Breast cancer is a disease in which cells in the breast grow out of control.' },
    { type: 'treatment', question: 'How is breast cancer treated?', answer: 'Surgery, radiation and medicines.', truncated: true },
  ],
  source: { name: 'MedlinePlus', url: 'https://medlineplus.gov/breastcancer.html' },
};

export const OVERVIEW: ConceptOverview = {
  research: 9,
  consumer: 1,
  byDesign: { rct: 1, 'prospective-cohort': 3, 'retrospective-cohort': 5 },
  years: { from: 2004, to: 2018 },
};
