import type { Category, Concept } from '../../../lib/dataset/types';
import { compileMatcher, loadMatcher, vocabularyFromConcepts, type Matcher } from '../../../lib/match/index';

export function concept(
  id: string,
  name: string,
  opts: { synonyms?: string[]; abbreviations?: [string, boolean][]; category?: Category; summaryCount?: number; treeNumbers?: string[] } = {},
): Concept {
  return {
    id,
    name,
    category: opts.category ?? 'disease',
    synonyms: opts.synonyms ?? [],
    abbreviations: (opts.abbreviations ?? []).map(([form, ambiguous]) => ({ form, ambiguous })),
    treeNumbers: opts.treeNumbers ?? [],
    summaryCount: opts.summaryCount ?? 0,
  };
}

export const CONCEPTS: Concept[] = [
  concept('D1', 'Wilson disease', { synonyms: ['Hepatolenticular Degeneration'] }),
  concept('D2', 'Breast cancer', { synonyms: ['Breast Neoplasms'] }),
  concept('P1', 'Computed tomography', { abbreviations: [['CT', false]], category: 'procedure' }),
  concept('D4', "Crohn's disease"),
  concept('D5', 'non-Hodgkin lymphoma'),
  concept('D6', 'Common cold', { synonyms: ['cold'] }),
  concept('D7', 'Multiple sclerosis', { abbreviations: [['MS', true]] }),
  concept('C1', 'Copper', { category: 'drug' }),
  concept('D9', 'hepatic copper accumulation'),
  concept('D10', 'Acute lymphoblastic leukemia', { abbreviations: [['ALL', true]] }),
  concept('D11', 'Lung cancer'),
  concept('D12', 'Cancer'),
  concept('D13', 'Sjögren syndrome'),
  concept('D14', 'Metastasis'),
  concept('D15', 'Alzheimer disease'),
  concept('D16', 'Myotonic dystrophy'),
  concept('D17', 'von Hippel-Lindau disease'),
  concept('D18', 'AIDS', { synonyms: ['Acquired immunodeficiency syndrome'] }),
  concept('D19', 'Diabetes mellitus'),
  concept('D20', 'Hemolysis'),
  concept('D21', 'Edema'),
];

/** A matcher compiled from these concepts, as the dataset build compiles the bundled one. */
export const matcherOf = (concepts: Concept[]): Matcher => loadMatcher(compileMatcher(vocabularyFromConcepts(concepts)));

let cached: Matcher | undefined;
export function testMatcher(): Matcher {
  cached ??= matcherOf(CONCEPTS);
  return cached;
}

/** "text=conceptId" for every match. */
export function found(text: string, m: Matcher = testMatcher()): string[] {
  return m.match(text).map((x) => `${text.slice(x.start, x.end)}=${x.conceptId}`);
}
