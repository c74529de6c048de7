// Dataset records are untrusted text from a file or a server: check every field's type, length and
// count before it reaches the database, and allow links only to the sites the dataset is meant to cite.
import * as v from 'valibot';
import type { Concept, DatasetFileKind, DatasetManifest, Summary } from './types.ts';

const LINK_HOSTS = [
  'pubmed.ncbi.nlm.nih.gov',
  'www.ncbi.nlm.nih.gov',
  'ncbi.nlm.nih.gov',
  'medlineplus.gov',
  'www.nlm.nih.gov',
  'nlm.nih.gov',
  'ghr.nlm.nih.gov',
  'rarediseases.info.nih.gov',
  'www.cancer.gov',
  'www.niddk.nih.gov',
  'www.ninds.nih.gov',
  'nihseniorhealth.gov',
  'www.nhlbi.nih.gov',
  'www.cdc.gov',
  'doi.org',
];

/** True for an https link to a host (or a subdomain of a host) the dataset may cite. */
export function isAllowedLink(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return false;
  return LINK_HOSTS.some((h) => parsed.hostname === h) || parsed.hostname.endsWith('.nih.gov');
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const link = v.pipe(v.string(), v.maxLength(2000), v.check(isAllowedLink, 'links must be https to a cited source site'));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const category = v.picklist(['disease', 'drug', 'procedure', 'anatomy', 'other']);
const source = v.object({ name: text(300), url: link });

const ConceptSchema = v.object({
  id,
  name: v.pipe(text(300), v.minLength(1)),
  category,
  clinicalName: v.optional(v.pipe(text(300), v.minLength(1))),
  synonyms: list(text(300), 500),
  abbreviations: list(v.object({ form: v.pipe(text(40), v.minLength(1)), ambiguous: v.boolean() }), 50),
  definition: v.optional(text(5000)),
  definitionSource: v.optional(source),
  treeNumbers: list(text(100), 100),
  summaryCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  broader: v.optional(list(id, 3)),
  narrower: v.optional(list(id, 5)),
});

const design = v.object({
  design: v.picklist([
    'meta-analysis', 'rct', 'non-randomised-trial', 'prospective-cohort', 'retrospective-cohort', 'case-control',
    'cross-sectional', 'case-series', 'unknown',
  ]),
  level: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(9))),
  source: v.picklist(['mesh', 'text', 'none']),
  evidence: v.optional(text(1000)),
});

const year = v.pipe(v.number(), v.integer(), v.minValue(1800), v.maxValue(2200));

const ResearchSchema = v.object({
  id,
  kind: v.literal('research'),
  conceptIds: list(id, 500),
  about: v.optional(list(id, 500)),
  mentions: v.optional(list(id, 500)),
  question: v.pipe(text(2000), v.minLength(1)),
  verdict: v.optional(v.picklist(['yes', 'no', 'maybe'])),
  bottomLine: text(10_000),
  findings: list(text(20_000), 50),
  context: v.optional(list(text(20_000), 50)),
  year: v.optional(year),
  citation: v.object({ pmid: v.pipe(v.string(), v.regex(/^\d{1,10}$/)), year: v.optional(year), url: link }),
  design: v.optional(design),
  sampleSize: v.optional(
    v.object({ n: v.pipe(v.number(), v.integer(), v.minValue(1)), unit: text(100), sentence: text(3000) }),
  ),
});

const ConsumerSchema = v.object({
  id,
  kind: v.literal('consumer'),
  conceptIds: list(id, 500),
  mentions: v.optional(list(id, 500)),
  topic: v.pipe(text(300), v.minLength(1)),
  sections: list(
    v.object({ type: text(100), question: text(1000), answer: text(50_000), truncated: v.optional(v.boolean()) }),
    100,
  ),
  source,
});

const SummarySchema = v.variant('kind', [ResearchSchema, ConsumerSchema]);

const sha256 = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const MAX_FILE_BYTES = 20_000_000;

const ManifestSchema = v.object({
  format: v.literal(1),
  version: v.pipe(text(100), v.minLength(1)),
  created: text(40),
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

function describe(issues: v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  const path = issue.path?.map((p) => p.key).join('.') ?? '';
  return `${path ? path + ': ' : ''}${issue.message}`;
}

/** Check one record; the error names where it is and what is wrong. */
export function validateRecord(kind: DatasetFileKind, record: unknown, where: string): Concept | Summary {
  const result = v.safeParse(kind === 'concepts' ? ConceptSchema : SummarySchema, record);
  if (!result.success) throw new Error(`${where} is not valid (${describe(result.issues)}).`);
  return result.output as Concept | Summary;
}

export function validateManifest(manifest: unknown): DatasetManifest {
  const result = v.safeParse(ManifestSchema, manifest);
  if (!result.success) throw new Error(`The dataset manifest is not valid (${describe(result.issues)}).`);
  return result.output as DatasetManifest;
}
