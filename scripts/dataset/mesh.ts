// What a MeSH descriptor means for a reader: its category, the words people write for it,
// and whether it is a concept at all (indexing tags such as "Humans" or "Retrospective Studies" are not).
import type { Category } from '../../lib/dataset/types.ts';
import type { MeshDescriptor } from './sources.ts';

/**
 * Tree branches whose descriptors readers want highlighted, with the category each gives.
 * Checked in order: a descriptor in several branches takes the first category that applies.
 */
const BRANCHES: [prefix: string, category: Category][] = [
  ['C', 'disease'],
  ['F03', 'disease'], // mental disorders
  ['D', 'drug'],
  ['E01', 'procedure'], // diagnosis
  ['E02', 'procedure'], // therapeutics
  ['E03', 'procedure'], // anesthesia and analgesia
  ['E04', 'procedure'], // surgical procedures
  ['E05', 'procedure'], // investigative techniques
  ['E06', 'procedure'], // dentistry
  ['A01', 'anatomy'],
  ['A02', 'anatomy'],
  ['A03', 'anatomy'],
  ['A04', 'anatomy'],
  ['A05', 'anatomy'],
  ['A06', 'anatomy'],
  ['A07', 'anatomy'],
  ['A08', 'anatomy'],
  ['A09', 'anatomy'],
  ['A10', 'anatomy'],
  ['A12', 'anatomy'], // body fluids
  ['A14', 'anatomy'],
  ['A15', 'anatomy'],
  ['A17', 'anatomy'],
  ['B03', 'other'], // bacteria
  ['B04', 'other'], // viruses
  ['B05', 'other'], // fungi
];

/** Subtrees that hold methods and bookkeeping rather than things a reader looks up. */
const EXCLUDED_SUBTREES = [
  'E05.318', // epidemiologic methods: study designs, statistics, questionnaires
  'E05.581', // models, theoretical
  'E05.599', // models, animal
  'E01.789', // prognosis, treatment outcome
  'E05.337', // reproducibility, data interpretation
];

/** Headings NLM uses to index articles (check tags and the like), never concepts to highlight. */
export const INDEXING_TAGS = new Set(
  [
    'Humans', 'Animals', 'Male', 'Female', 'Adult', 'Aged', 'Aged, 80 and over', 'Middle Aged', 'Adolescent',
    'Child', 'Child, Preschool', 'Infant', 'Infant, Newborn', 'Young Adult', 'Pregnancy', 'Acute Disease',
    'Chronic Disease', 'Disease Progression', 'Recurrence', 'Diagnosis, Differential', 'Syndrome', 'Disease',
    'Time Factors', 'Risk Factors', 'Age Factors', 'Sex Factors', 'Treatment Outcome', 'Prognosis',
    'Follow-Up Studies', 'Retrospective Studies', 'Prospective Studies', 'Cohort Studies', 'Case-Control Studies',
    'Cross-Sectional Studies', 'Longitudinal Studies', 'Surveys and Questionnaires', 'Questionnaires',
    'Reproducibility of Results', 'Sensitivity and Specificity', 'Predictive Value of Tests', 'Risk Assessment',
    'Prevalence', 'Incidence', 'Severity of Illness Index', 'Survival Rate', 'Survival Analysis', 'Logistic Models',
    'Multivariate Analysis', 'Odds Ratio', 'Chi-Square Distribution', 'Pilot Projects', 'Double-Blind Method',
    'Single-Blind Method', 'Placebos', 'Cells, Cultured', 'Body Weight', 'Body Height', 'Emergencies',
  ].map((s) => s.toLowerCase()),
);

export function isIndexingTag(name: string): boolean {
  return INDEXING_TAGS.has(name.toLowerCase());
}

/** The category of a descriptor, or null when it is not a concept for readers. */
export function categoryOf(descriptor: MeshDescriptor): Category | null {
  if (isIndexingTag(descriptor.name)) return null;
  const trees = descriptor.treeNumbers.filter((t) => !EXCLUDED_SUBTREES.some((x) => t.startsWith(x)));
  for (const [prefix, category] of BRANCHES) {
    if (trees.some((t) => t === prefix || t.startsWith(prefix + '.') || (prefix.length === 1 && t.startsWith(prefix))))
      return category;
  }
  return null;
}

/**
 * MeSH writes names inverted ("Tomography, X-Ray Computed", "Leukemia, Myeloid, Acute"); readers write
 * them in natural order ("X-Ray Computed Tomography", "Acute Myeloid Leukemia"). Only ", " inverts: commas
 * inside chemical names ("1,2-Dihydroxybenzene") carry no space.
 */
export function uninvert(name: string): string {
  const parts = name.split(', ');
  if (parts.length === 1) return name;
  // A list is no inverted name: "Sensory ataxic neuropathy, dysarthria, and ophthalmoparesis" stays as written,
  // but for MeSH's neoplasms listed by kind ("Neoplasms, Ductal, Lobular, and Medullary"); a list of drugs
  // ("Aspirin, Butalbital, and Caffeine") has no head.
  if (parts.length > 2 && /^(and|or) /i.test(parts[parts.length - 1])) {
    return parts[0] === 'Neoplasms' ? `${parts.slice(1).join(', ')} ${parts[0]}` : name;
  }
  // Qualifiers go before the head in reverse order; prepositional ones ("of infancy") stay after it:
  // "Epilepsy, severe myoclonic, of infancy" → "severe myoclonic Epilepsy of infancy".
  // "Lipid Metabolism, Inborn Errors" → "Inborn Errors of Lipid Metabolism".
  if (parts.length === 2 && parts[1] === 'Inborn Errors') return `${parts[1]} of ${parts[0]}`;
  const [head, ...rest] = parts;
  const after = rest.filter((p) => PREPOSITION.test(p));
  const before = rest.filter((p) => !PREPOSITION.test(p)).reverse();
  return [...before, head, ...after].join(' ');
}

const PREPOSITION = /^(of|with|without|in|and|or|due|for|to|by|from|at|on|associated|type)\b/i;

/**
 * Readable casing for a MeSH name: words in plain title case are lower-cased ("Postoperative Pain" →
 * "Postoperative pain"); acronyms, words with inner capitals or digits and the first word keep theirs.
 */
export function readableCase(name: string): string {
  // "Adams-Stokes syndrome", "Wolff-Parkinson-White syndrome": names joined by hyphens before a syndrome's word.
  const eponyms = /^[A-Z][a-z]{2,}(-[A-Z][a-z]{2,})+ /.test(name) && EPONYMOUS_HEAD.test(name);
  const words = name.split(' ');
  return words
    .map((word, i) => {
      // A genus before its species keeps its capital: MeSH writes every other word capitalised, so a capitalised
      // word before a small one that is no function word is one ("Methicillin-Resistant Staphylococcus aureus").
      if (i > 0 && /^[A-Z][a-z]{4,}$/.test(word) && SPECIES.test(words[i + 1] ?? '') && !FUNCTION_WORD.test(words[i + 1])) return word;
      // The first word keeps its capital, but not the parts after its hyphens ("Glucagon-like", "T-lymphocytes").
      if (i === 0) {
        if (eponyms) return word;
        return word.replace(/-([A-Z][a-z]+)\b/g, (m, part: string) => (EPONYM_HINT.test(part) ? m : `-${part.toLowerCase()}`));
      }
      // A clotting factor's activated form: "Factor Xa", "Factor Va", like "Factor VIIa".
      if (/^[IVX]+a$/.test(word) && /^factor$/i.test(words[i - 1])) return word;
      // Each part of a hyphenated word on its own: "Non-Hodgkin" → "non-Hodgkin". A word may end a list's item
      // ("Amino Acids, Peptides, and Proteins").
      if (/^[A-Z][a-z]+(-[A-Z]?[a-z]+)*,?$/.test(word)) {
        return word.split('-').map((part) => (EPONYM_HINT.test(part.replace(/,$/, '')) ? part : part.toLowerCase())).join('-');
      }
      return word;
    })
    .join(' ');
}

// A species epithet's Latin endings ("aureus", "coli", "meningitidis", "pneumoniae", "albicans"), not a Greek
// letter ("alpha subunits").
const SPECIES = /^(?!(?:alpha|beta|gamma|delta|epsilon|kappa|sigma|zeta|theta|lambda|omega|iota)$)[a-z]{3,}(?:us|um|i|ii|ae|is|es|ans|ens|ica|ensis|oides|ium)$/;
const FUNCTION_WORD = /^(?:and|or|of|in|on|at|to|by|for|from|with|without|the|as|due|not|than|into|via|per|this|its|is)$/;

const EPONYMOUS_HEAD = / (syndrome|disease|sign|test|reaction|anomaly|tumor|phenomenon|operation|fracture|palsy|paralysis|purpura|fever)s?\b/i;

// Words that are usually proper names in MeSH disease names; keep their capital.
// Peoples and places keep theirs too ("African American health", "Finnish type").
const EPONYM_HINT = /^(American|African|Asian|Hispanic|Latino|Alaska|Hawaiian|Pacific|Islander|Indian|European|Mediterranean|Finnish|Canadian|French|Ashkenazi|Jewish|Crohn|Parkinson|Alzheimer|Hodgkin|Wilson|Huntington|Down|Graves|Hashimoto|Cushing|Addison|Kaposi|Burkitt|Guillain|Barre|Tourette|Marfan|Raynaud|Sjogren|Meniere|Paget|Bell|Lyme|Ebola|Zika|West|Nile|Epstein|Barr|Creutzfeldt|Jakob|Duchenne|Becker|Turner|Klinefelter|Asperger|Wernicke|Korsakoff|Reye|Kawasaki|Behcet|Whipple|Hirschsprung|Ewing|Wilms|Barrett|Stevens|Johnson|Legionnaires|Chagas|Bright|Hirsch|Romberg|Calmette|Guerin|Mibelli|Brocq|Siberian|Clostridium)s?$/;
