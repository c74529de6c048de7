// Dataset records are untrusted text from a file or a server: check every field's type, length and
// count before it reaches the database, and allow links only to the sites the dataset is meant to cite.
import * as v from 'valibot';
import type { Concept, DatasetFileKind, DatasetManifest, Summary } from './types.ts';
import { isAllowedLink } from './links.ts';

/**
 * The controls that reorder the text after them (embeddings, overrides, isolates): a record's name or answer shown in
 * the popup, the card or the settings would scramble the reader's view to its end ("right-to-left override").
 */
const REORDERING = /[\u202a-\u202e\u2066-\u2069]/;
const bounded = (max: number) => v.pipe(v.string(), v.maxLength(max));
const text = (max: number) => v.pipe(bounded(max), v.check((s) => !REORDERING.test(s), 'must not hold characters that reorder the text around them'));
/**
 * Concepts a summary is about, and those it mentions, each: the bundled summaries have at most 23. Each is an entry in
 * the links index, which the import builds in the worker's memory: 500 let a file expand sevenfold there.
 */
const MAX_LINKED = 100;
/** Counts shown as they stand: one past any dataset's (a number of 300 digits) is refused. */
const MAX_COUNT = 1_000_000_000;
const link = v.pipe(v.string(), v.maxLength(2000), v.check(isAllowedLink, 'links must be https to a cited source site'));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const category = v.picklist(['disease', 'drug', 'procedure', 'anatomy', 'other']);
/**
 * A field the store fills in when it reads a record (the views read it): a file's own would be stored with the
 * record's line and reach the views as it is, of whatever type.
 */
const filledByStore = v.optional(v.never('filled in by the extension, not allowed in a dataset file'));
/** Text shown as the whole of something (a credit's name, a section's answer): white space alone would show nothing. */
const filled = (max: number) => v.pipe(text(max), v.regex(/\S/, 'must not be empty'));
/** A credit: an empty name or link would show the reader text from nowhere. */
const source = v.object({ name: filled(300), url: v.pipe(filled(2000), link) });

const ConceptSchema = v.object({
  id,
  name: v.pipe(text(300), v.minLength(1)),
  category,
  clinicalName: v.optional(v.pipe(text(300), v.minLength(1))),
  synonyms: list(text(300), 500),
  writtenForms: v.optional(list(text(300), 500)),
  abbreviations: list(v.object({ form: v.pipe(text(40), v.minLength(1)), ambiguous: v.boolean() }), 50),
  definition: v.optional(text(5000)),
  definitionSource: v.optional(source),
  treeNumbers: list(text(100), 100),
  // Shown as they are: a count no dataset reaches is refused, not printed with 300 digits.
  summaryCount: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_COUNT)),
  broader: v.optional(list(id, 3)),
  narrower: v.optional(list(id, 5)),
  broaderTerms: filledByStore,
  narrowerTerms: filledByStore,
});

const design = v.object({
  design: v.picklist([
    'meta-analysis', 'rct', 'non-randomised-trial', 'prospective-cohort', 'retrospective-cohort', 'cohort',
    'case-control', 'cross-sectional', 'case-series', 'unknown',
  ]),
  level: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9))),
  source: v.picklist(['mesh', 'text', 'none']),
  evidence: v.optional(text(1000)),
  subjects: v.optional(v.picklist(['animals'])),
});

const year = v.pipe(v.number(), v.integer(), v.minValue(1800), v.maxValue(2200));

const ResearchSchema = v.object({
  id,
  kind: v.literal('research'),
  conceptIds: list(id, MAX_LINKED),
  about: v.optional(list(id, 500)),
  mentions: v.optional(list(id, MAX_LINKED)),
  question: v.pipe(text(2000), v.minLength(1)),
  verdict: v.optional(v.picklist(['yes', 'no', 'maybe'])),
  bottomLine: text(10_000),
  findings: list(text(20_000), 50),
  context: v.optional(list(text(20_000), 50)),
  year: v.optional(year),
  citation: v.object({ pmid: v.pipe(v.string(), v.regex(/^\d{1,10}$/)), year: v.optional(year), url: link }),
  design: v.optional(design),
  sampleSize: v.optional(
    v.object({ n: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_COUNT)), unit: text(100), sentence: text(3000) }),
  ),
});

const ConsumerSchema = v.object({
  id,
  kind: v.literal('consumer'),
  conceptIds: list(id, MAX_LINKED),
  mentions: v.optional(list(id, MAX_LINKED)),
  topic: v.pipe(text(300), v.minLength(1)),
  // The card shows the first section's answer: a summary with none would be an empty card.
  sections: v.pipe(
    list(v.object({ type: text(100), question: text(1000), answer: filled(50_000), truncated: v.optional(v.boolean()) }), 100),
    v.minLength(1),
  ),
  source,
});

const SummarySchema = v.variant('kind', [ResearchSchema, ConsumerSchema]);

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const MAX_FILE_BYTES = 20_000_000;

/**
 * Control characters and the marks that reorder text (a right-to-left override) have no place in a version or a
 * date: shown in the page's own sentences, they would scramble them ("Updated to version 1.0…").
 */
const PLAIN = /^[^\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/;
const plainText = (max: number) => v.pipe(bounded(max), v.regex(PLAIN, 'must be plain text, without control or direction characters'));

/** The format this build reads; a newer one needs a newer extension. */
export const DATASET_FORMAT = 1;

const ManifestSchema = v.object({
  format: v.literal(DATASET_FORMAT),
  version: v.pipe(plainText(100), v.regex(/\S/, 'must not be empty')),
  created: v.pipe(plainText(40), v.regex(/^\d{4}-\d{2}-\d{2}/, 'must be a date (YYYY-MM-DD)')),
  counts: v.object({ concepts: count, surfaceForms: count, researchSummaries: count, consumerSummaries: count }),
  sources: list(v.object({ name: text(200), licence: text(200), attribution: text(2000), url: v.pipe(text(2000), v.url()) }), 50),
  files: v.pipe(
    list(
      v.object({
        // Plain file names only: a manifest must not point outside its own folder.
        path: v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/), v.check((p) => !p.includes('..'))),
        kind: v.picklist(['concepts', 'summaries']),
        bytes: v.pipe(count, v.maxValue(MAX_FILE_BYTES)),
        records: count,
        sha256,
      }),
      10_000,
    ),
    v.minLength(1),
  ),
});

/**
 * What is wrong, in a few words: where, and why, but never the value itself (untrusted, and maybe a megabyte long;
 * the message is shown and kept).
 */
function describe(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  const field = path ? `${path}: ` : '';
  if (issue.input === undefined && issue.kind === 'schema') return `${field}missing`;
  switch (issue.type) {
    case 'max_length':
      return `${field}too long (at most ${String(issue.requirement)})`;
    case 'min_length':
      return `${field}${issue.requirement === 1 ? 'empty' : `too short (at least ${String(issue.requirement)})`}`;
    case 'picklist':
    case 'literal':
    case 'variant':
      return `${field}not one of the values the format allows`;
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
    case 'object':
      return `${field}should be ${issue.expected === 'Object' ? 'an object' : issue.type === 'array' ? 'a list' : `a ${issue.type}`}`;
    case 'regex':
    case 'check':
    case 'url':
    case 'never':
      // Our own messages say what the field must be; valibot's would quote the pattern.
      return `${field}${issue.message.startsWith('Invalid') ? 'not in the form the format requires' : issue.message}`;
    default:
      return `${field}not valid`;
  }
}

/** Check one record; the error names where it is and what is wrong. */
export function validateRecord(kind: DatasetFileKind, record: unknown, where: string): Concept | Summary {
  const result = v.safeParse(kind === 'concepts' ? ConceptSchema : SummarySchema, record);
  if (!result.success) throw new Error(`${where} is not valid (${describe(result.issues)}).`);
  return result.output as Concept | Summary;
}

export function validateManifest(manifest: unknown): DatasetManifest {
  const format = (manifest as { format?: unknown } | null)?.format;
  if (typeof format === 'number' && format > DATASET_FORMAT) {
    throw new Error(`This dataset is in a newer format (${format}) than this version of Evidence Lens reads: update the extension to install it.`);
  }
  const result = v.safeParse(ManifestSchema, manifest);
  if (!result.success) throw new Error(`The dataset manifest is not valid (${describe(result.issues)}).`);
  const checked = result.output as DatasetManifest;
  // The counts shown in the settings are the records the files hold (each file's count is checked on import): a
  // dataset with no concepts would leave every page without a term, and counts that claim more would mislead.
  const held = (kind: DatasetFileKind) => checked.files.filter((f) => f.kind === kind).reduce((n, f) => n + f.records, 0);
  if (held('concepts') === 0) throw new Error('This dataset holds no concepts, so it was not installed: every term would be lost.');
  const { concepts, researchSummaries, consumerSummaries } = checked.counts;
  if (concepts !== held('concepts') || researchSummaries + consumerSummaries !== held('summaries')) {
    throw new Error("The dataset manifest's counts do not match the records its files list, so it was not installed.");
  }
  return checked;
}
