/**
 * The records of an Evidence Lens dataset. The same shapes are produced by the dataset build,
 * published for sync, validated on import, stored in IndexedDB and rendered by the UI.
 * Everything here is plain JSON (no Maps, Dates or class instances): it crosses message boundaries.
 */

export type Category = 'disease' | 'drug' | 'procedure' | 'anatomy' | 'other';

export const CATEGORIES: readonly Category[] = ['disease', 'drug', 'procedure', 'anatomy', 'other'];

/** A thing a reader may meet on a page: a disease, a drug, a test... */
export interface Concept {
  /** Stable id: `MESH:D001943` where MeSH has the concept, else `DOID:...`, `MEDQUAD:...` or `CURATED:...`. */
  id: string;
  /** Display name, in the words readers use ("Breast cancer" rather than "Breast Neoplasms"). */
  name: string;
  category: Category;
  /**
   * The name clinicians use where `name` is the patients' word ("Myocardial infarction" for "Heart attack"):
   * shown to readers who chose clinician wording (components/format.ts `nameFor`). Also among `synonyms`.
   */
  clinicalName?: string;
  /**
   * Every other name a reader may meet (synonyms, MeSH name un-inverted, Disease Ontology label, plurals
   * that are not regular). The term matcher's vocabulary is derived from name + synonyms + written forms +
   * abbreviations.
   */
  synonyms: string[];
  /**
   * Other ways research abstracts write the concept, as NLM's curators marked them ("type II GD", "adrenocortical
   * insufficiency", "G6PD deficient"): for the matcher only, neither shown as names nor searched.
   */
  writtenForms?: string[];
  /** Well-known abbreviations, with whether they are ambiguous out of context (e.g. "MS"). */
  abbreviations: Abbreviation[];
  /** A plain-language definition where a source has one. */
  definition?: string;
  /** Where the definition came from (source name and URL), for attribution. */
  definitionSource?: SourceRef;
  /** MeSH tree numbers, which place the concept in the hierarchy. */
  treeNumbers: string[];
  /** How many summaries are about this concept, for ranking search results. */
  summaryCount: number;
  /**
   * For a concept with no summary of its own: the nearest broader concepts in MeSH that have some (at most two),
   * so that a reader who meets "Thyroid hormones" can go on to what the evidence says about hormones.
   */
  broader?: string[];
  /** `broader` with the names and counts a view shows; filled by the store when read, never in published files. */
  broaderTerms?: BroaderTerm[];
  /**
   * The concepts just under it in MeSH that have summaries (at most three, most evidence first): "Oral
   * contraceptives", which has none, leads on to hormonal oral contraceptives; chronic kidney disease to chronic
   * kidney failure, where the dialysis studies are.
   */
  narrower?: string[];
  /** `narrower` with names and counts, as `broaderTerms`. */
  narrowerTerms?: BroaderTerm[];
}

export interface BroaderTerm {
  id: string;
  name: string;
  summaryCount: number;
}

export interface Abbreviation {
  form: string;
  /** True where the short form commonly means something else (MS, ALL, PE): match only with context. */
  ambiguous: boolean;
}

export interface SourceRef {
  name: string;
  url: string;
}

export type Verdict = 'yes' | 'no' | 'maybe';

/** The study designs we recognise, from strongest to weakest evidence (see lib/evidence). */
export type StudyDesign =
  | 'meta-analysis'
  | 'rct'
  | 'non-randomised-trial'
  | 'prospective-cohort'
  | 'retrospective-cohort'
  /** A cohort study whose abstract and headings do not say whether it looked forward or back. */
  | 'cohort'
  | 'case-control'
  | 'cross-sectional'
  | 'case-series'
  | 'unknown';

export interface DesignInfo {
  design: StudyDesign;
  /** 1 (strongest) .. 5 (weakest); undefined for unknown. */
  level?: number;
  /** How we know: MeSH indexing terms of the article, or cues in its abstract. */
  source: 'mesh' | 'text' | 'none';
  /** The MeSH heading or text cue that decided it, for the reader to check. */
  evidence?: string;
  /**
   * Whom the study was done on, where it was not people: "animals" when MeSH indexes it with Animals and not Humans.
   * Such a study has no level: the hierarchy ranks evidence in people.
   */
  subjects?: 'animals';
}

export interface SampleSize {
  n: number;
  /** What was counted ("patients", "women", "children"). */
  unit: string;
  /** The sentence it came from. */
  sentence: string;
}

/** A research summary: one PubMed article answering one clinical question. */
export interface ResearchSummary {
  id: string; // `pmid:21645374`
  kind: 'research';
  conceptIds: string[];
  /**
   * Those of `conceptIds` that the question itself names: what the study is about, rather than what it was
   * also indexed with (a diabetes study's "Stroke" heading). They lead a concept's list.
   */
  about?: string[];
  /**
   * Concepts with no summary of their own that the text names, beyond `conceptIds`: a reader who meets such a
   * term is shown the summaries that mention it, marked as only mentioning it (components/format.ts).
   */
  mentions?: string[];
  question: string;
  verdict?: Verdict;
  /** The article's conclusion. */
  bottomLine: string;
  /** The results section(s) of the abstract. */
  findings: string[];
  /** Background and methods, for readers who want the context. */
  context?: string[];
  year?: number;
  citation: { pmid: string; year?: number; url: string };
  design?: DesignInfo;
  sampleSize?: SampleSize;
}

/** A consumer (patient-facing) summary: plain-language answers about one topic. */
export interface ConsumerSummary {
  id: string; // `medquad:0000123`
  kind: 'consumer';
  conceptIds: string[];
  /** As for research: concepts with no summary of their own that the answers name. */
  mentions?: string[];
  topic: string;
  sections: ConsumerSection[];
  source: SourceRef;
}

export interface ConsumerSection {
  /** information, symptoms, causes, treatment, ... */
  type: string;
  question: string;
  answer: string;
  /** The bundled answer was cut at a sentence end; the full text is at the source. */
  truncated?: boolean;
}

export type Summary = ResearchSummary | ConsumerSummary;

/** One entry of the matcher's vocabulary: a surface form and what it means. */
export interface VocabularyEntry {
  form: string;
  conceptId: string;
  category: Category;
  /** Match only this exact capitalisation (short all-capital abbreviations). */
  caseSensitive?: boolean;
  /** A common word or an ambiguous abbreviation: do not match without context. */
  stop?: boolean;
  /**
   * A name that is the disease only with its possessive ending: "Alzheimer's" alone is the disease, "Alzheimer" alone
   * the man, and "Michael Parkinson" is no one's Parkinson's.
   */
  possessive?: boolean;
}

export interface DatasetCounts {
  concepts: number;
  surfaceForms: number;
  researchSummaries: number;
  consumerSummaries: number;
}

/** The published dataset's table of contents (see docs/dataset-format.md). */
export interface DatasetManifest {
  format: 1;
  /** The dataset's own version, e.g. `2026.11.25-1`. */
  version: string;
  /** ISO date the dataset was built. */
  created: string;
  counts: DatasetCounts;
  sources: SourceCredit[];
  files: DatasetFile[];
}

export type DatasetFileKind = 'concepts' | 'summaries';

export interface DatasetFile {
  path: string;
  kind: DatasetFileKind;
  bytes: number;
  records: number;
  sha256: string;
}

export interface SourceCredit {
  name: string;
  licence: string;
  attribution: string;
  url: string;
}

/** What the database knows about the installed dataset. */
export interface DatasetMeta {
  version: string;
  created: string;
  counts: DatasetCounts;
  sources: SourceCredit[];
  /** `bundled`, or the URL / file name it was synced from. */
  origin: string;
  installedAt: string;
  /** The files' checksums, in short (`filesKey` in lib/db/import.ts): the same version with other files is new. */
  filesKey?: string;
  /** The size of its data files as published (the manifest's `bytes`, summed): what the dataset is, whatever the browser's storage counts. */
  bytes?: number;
}
