// Which concepts an article's MeSH headings stand for.
//
// PubMedQA's articles were indexed with the MeSH of their year, the bundled vocabulary is MeSH 2015: headings
// renamed since ("Biomarkers", once "Biological Markers"; "Sleep Wake Disorders", once "Sleep Disorders") or added
// since ("Infliximab", "ST Elevation Myocardial Infarction") named no concept, and neither did headings MeSH files
// outside the branches the extension highlights, though a consumer page is about them ("Smoking", "Suicide"). Their
// studies reached no term a reader clicks.
import type { Concept } from '../../lib/dataset/types.ts';
import { uninvert } from './mesh.ts';
import { joinKey } from './text.ts';

/** data/curated/heading-concepts.tsv: a heading's concepts, or none where its name would join the wrong one. */
export interface HeadingRow {
  heading: string;
  conceptIds: string[];
}

/**
 * The concepts a heading stands for, in order of trust: the MeSH 2015 concept of that name; the curated row
 * (a renamed or newer heading and the concepts MeSH 2015 indexed it under, a heading and the concept readers reach
 * for it; or none, a refused join); the one
 * concept whose name or other name the heading is, un-inverted or as written ("Smoking" → the consumer page on
 * smoking). An indexing tag never reaches here (summaries.ts leaves them out).
 */
export function headingConcepts(
  concepts: Concept[],
  meshByName: Map<string, string>,
  rows: HeadingRow[],
): (heading: string) => string[] {
  const ids = new Set(concepts.map((c) => c.id));
  const curated = new Map<string, string[]>();
  for (const { heading, conceptIds } of rows) {
    const missing = conceptIds.filter((id) => !ids.has(id));
    if (missing.length > 0) throw new Error(`data/curated/heading-concepts.tsv: ${heading} names ${missing.join(', ')}, not a concept`);
    if (meshByName.has(heading.toLowerCase())) throw new Error(`data/curated/heading-concepts.tsv: ${heading} is a MeSH 2015 concept already`);
    curated.set(heading.toLowerCase(), conceptIds);
  }
  // A name two concepts share joins neither.
  const byName = new Map<string, string | null>();
  for (const c of concepts) {
    for (const form of new Set([c.name, ...c.synonyms].map(joinKey))) {
      byName.set(form, byName.has(form) && byName.get(form) !== c.id ? null : c.id);
    }
  }
  return (heading) => {
    const mesh = meshByName.get(heading.toLowerCase());
    if (mesh) return [mesh];
    const rowIds = curated.get(heading.toLowerCase());
    if (rowIds) return rowIds;
    const named = byName.get(joinKey(uninvert(heading))) ?? byName.get(joinKey(heading));
    return named ? [named] : [];
  };
}
