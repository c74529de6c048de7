// Which concepts an article's MeSH headings stand for (scripts/dataset/headings.ts).
import { describe, expect, test } from 'vitest';
import { headingConcepts } from '../../../scripts/dataset/headings';
import type { Concept } from '../../../lib/dataset/types';

const concept = (id: string, name: string, synonyms: string[] = []): Concept => ({
  id,
  name,
  category: 'disease',
  synonyms,
  abbreviations: [],
  treeNumbers: [],
  summaryCount: 0,
});
const concepts = [
  concept('MESH:D015415', 'Biological markers', ['Biomarker']),
  concept('MESH:D003866', 'Depression', ['Depressive disorder']),
  concept('MEDQUAD:smoking', 'Smoking'),
  concept('MEDQUAD:infliximab', 'Infliximab', ['Remicade']),
  concept('MESH:D008694', 'Methamphetamine', ['Glass']),
  concept('MEDQUAD:a', 'Shared name'),
  concept('MEDQUAD:b', 'Another', ['Shared name']),
];
const meshByName = new Map([['depressive disorder', 'MESH:D003866']]);

describe('headingConcepts', () => {
  const of = headingConcepts(concepts, meshByName, [
    { heading: 'Biomarkers', conceptIds: ['MESH:D015415'] },
    { heading: 'Glass', conceptIds: [] },
  ]);

  test('a MeSH 2015 heading is its own concept', () => {
    expect(of('Depressive Disorder')).toEqual(['MESH:D003866']);
  });

  test('a heading renamed since 2015 reaches the concept the curated row names', () => {
    expect(of('Biomarkers')).toEqual(['MESH:D015415']);
    expect(of('biomarkers')).toEqual(['MESH:D015415']);
  });

  test("a heading outside the highlighted branches reaches the one concept it names, inverted or not", () => {
    expect(of('Smoking')).toEqual(['MEDQUAD:smoking']);
    expect(of('Depression')).toEqual(['MESH:D003866']);
    expect(of('Infliximab')).toEqual(['MEDQUAD:infliximab']);
    expect(of('Disorder, Depressive')).toEqual(['MESH:D003866']);
  });

  test('a row with no concepts refuses a wrong join, and a name two concepts share joins neither', () => {
    expect(of('Glass')).toEqual([]);
    expect(of('Shared Name')).toEqual([]);
    expect(of('United Kingdom')).toEqual([]);
  });

  test('a row naming no concept, or a heading MeSH 2015 already has, is refused with the file named', () => {
    expect(() => headingConcepts(concepts, meshByName, [{ heading: 'Biomarkers', conceptIds: ['MESH:D999999'] }])).toThrow(
      /heading-concepts\.tsv: Biomarkers names MESH:D999999/,
    );
    expect(() => headingConcepts(concepts, meshByName, [{ heading: 'Depressive Disorder', conceptIds: ['MESH:D003866'] }])).toThrow(
      /MeSH 2015 concept already/,
    );
  });
});
