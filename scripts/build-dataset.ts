// `npm run dataset`: turn the sources in data/ into the bundled dataset in public/dataset/
// (manifest.json, concepts-*.jsonl, summaries-*.jsonl, matcher.bin, and the sources' licence texts under
// licences/). Deterministic: the same sources give the same bytes, so the output is generated, never committed.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { byCodeUnit, FORMAT_VERSION, type ChunkedFile } from '../lib/dataset/format.ts';
import type { Concept, DatasetManifest, ResearchSummary, Summary } from '../lib/dataset/types.ts';
import type { BundledCredit } from '../lib/dataset/licences.ts';
import { loadMatcher, type Matcher } from '../lib/match/index.ts';
import { buildConcepts } from './dataset/concepts.ts';
import { headingConcepts } from './dataset/headings.ts';
import {
  DATA_DIR,
  readCuratedAbbreviations,
  readConceptNotes,
  readCuratedMoreHeadings,
  readCuratedHeadingConcepts,
  readCuratedWrongNames,
  readCuratedConcepts,
  readCuratedOtherNames,
  readDiseaseOntology,
  withCorrectedLinks,
  withCorrectedTopics,
  readMedQuad,
  readMesh,
  readNcbiTrainingMentions,
  readWeakForms,
  readPubMedQa,
  readEnglishWords,
  readMeshWords,
} from './dataset/sources.ts';
import { findLostDashes, withDashesRestored } from './dataset/lost-dashes.ts';
import { withFirstItemsMarked } from './dataset/list-starts.ts';
import { withLettersRestored } from './dataset/lost-letters.ts';
import { buildConsumerSummaries, buildResearchSummaries, type AssessStudy } from './dataset/summaries.ts';
import { compileVocabulary } from './dataset/vocabulary.ts';
import { chunkStable } from './dataset/chunks.ts';
import { markWaysOn } from './dataset/ways-on.ts';
import { describeFiles } from './dataset/files.ts';
import { licenceTexts, type LicenceText } from './dataset/licences.ts';

/** The package's root: WXT copies what is here into the extension. */
const PUBLIC_DIR = join(import.meta.dirname, '..', 'public');
export const OUT_DIR = join(PUBLIC_DIR, 'dataset');

export interface BuiltDataset {
  concepts: Concept[];
  summaries: Summary[];
  manifest: DatasetManifest;
  files: ChunkedFile[];
  /** The serialised term matcher, once lib/match can compile one. */
  matcher?: Uint8Array;
  /** The sources' licence texts, for the package (the settings link each credit to its own). */
  licences: LicenceText[];
}

async function loadAssessStudy(): Promise<AssessStudy | undefined> {
  // Study design and sample size (lib/evidence) enrich research summaries where that module exists.
  if (!existsSync(join(import.meta.dirname, '..', 'lib', 'evidence', 'index.ts'))) return undefined;
  const { assessStudy } = await import('../lib/evidence/index.ts');
  return (a) =>
    assessStudy({
      meshHeadings: a.MESHES,
      sections: a.CONTEXTS.map((text, i) => ({ label: a.LABELS[i], text })),
      conclusion: a.LONG_ANSWER,
    });
}

export async function buildDataset(): Promise<BuiltDataset> {
  const meta = JSON.parse(readFileSync(join(DATA_DIR, 'dataset.json'), 'utf8')) as {
    version: string;
    created: string;
    sources: BundledCredit[];
  };
  // MedQuAD as corrected, with what its crawl lost put back before any page is read: eponyms' letters, dashes (a
  // joined pair is found among words no English or MeSH word list holds), lists' first items.
  const corrected = withLettersRestored(withCorrectedTopics(readMedQuad()));
  const knownWords = new Set([...readEnglishWords(), ...readMeshWords()]);
  const medquad = withFirstItemsMarked(withDashesRestored(corrected, findLostDashes(corrected, knownWords)));
  const { concepts, topicLinks, meshByName } = buildConcepts(
    readMesh(),
    withCorrectedLinks(readDiseaseOntology()),
    medquad,
    readCuratedAbbreviations(),
    readNcbiTrainingMentions(),
    readWeakForms(),
    readCuratedOtherNames(),
    readCuratedConcepts(),
    readConceptNotes(),
    readCuratedMoreHeadings(),
    readCuratedWrongNames(),
  );
  const conceptsOf = headingConcepts(concepts, meshByName, readCuratedHeadingConcepts());
  const research = buildResearchSummaries(readPubMedQa(), conceptsOf, await loadAssessStudy());
  const consumer = buildConsumerSummaries(medquad, topicLinks);
  // Sorted by id in code-unit order, the order the importer's lookups rely on (docs/dataset-format.md).
  const summaries: Summary[] = [...research, ...consumer].sort((a, b) => byCodeUnit(a.id, b.id));
  concepts.sort((a, b) => byCodeUnit(a.id, b.id));

  const counts = new Map<string, number>();
  for (const s of summaries) for (const id of s.conceptIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const c of concepts) c.summaryCount = counts.get(c.id) ?? 0;
  markWaysOn(concepts);

  const { matcher, surfaceForms } = await compileVocabulary(concepts);
  if (matcher) {
    const loaded = loadMatcher(matcher);
    markWhatQuestionsName(research, loaded, concepts);
    markMentions(summaries, loaded, concepts);
  }
  const files = [...chunkStable('concepts', concepts), ...chunkStable('summaries', summaries)];
  const manifest: DatasetManifest = {
    format: FORMAT_VERSION,
    version: meta.version,
    created: meta.created,
    counts: {
      concepts: concepts.length,
      surfaceForms,
      researchSummaries: research.length,
      consumerSummaries: consumer.length,
    },
    // Where a licence text lies in this package is no part of the published format.
    sources: meta.sources.map(({ licenceFile: _, ...credit }) => credit),
    files: describeFiles(files),
  };
  return { concepts, summaries, manifest, files, matcher, licences: licenceTexts(meta.sources) };
}

/**
 * Each research summary's `about`: the concepts among its own that its question names, itself, by a narrower
 * concept under it in MeSH ("renal cell carcinoma" is about kidney cancer), by one at most two levels above
 * it, or by one of its names inside a longer term or an organ's adjective ("solitary kidney", "renal"), so that readers are told it is only
 * related to its others (components/format.ts, isOnlyRelated); empty where it names none of them.
 */
function markWhatQuestionsName(research: ResearchSummary[], matcher: Matcher, concepts: Concept[]): void {
  const trees = new Map(concepts.map((c) => [c.id, c.treeNumbers]));
  /** `narrow` lies under `broad` in MeSH's tree, at most `levels` below it. */
  const under = (narrow: string, broad: string, levels = Infinity) =>
    (trees.get(narrow) ?? []).some((t) =>
      (trees.get(broad) ?? []).some((b) => t.startsWith(`${b}.`) && t.split('.').length - b.split('.').length <= levels),
    );
  const byId = new Map(concepts.map((c) => [c.id, c]));
  /** Whether the question's words (spaced, lower-case) hold one of the concept's names, inside a longer term too ("solitary kidney"). */
  const saysName = (words: string, id: string) => {
    const c = byId.get(id);
    return !!c && [c.name, ...c.synonyms, ...(ORGAN_ADJECTIVES[id] ?? [])].some((n) => n.length > 3 && words.includes(` ${n.toLowerCase()} `));
  };
  for (const s of research) {
    const named = [...new Set(matcher.match(s.question).map((m) => m.conceptId))];
    const words = ` ${s.question.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    // A question may also name the concept by the class just above it: "rates of depression in women" is
    // indexed with major depressive disorder, "thrombosis prophylaxis" with venous thrombosis.
    s.about = s.conceptIds.filter((id) => named.some((n) => n === id || under(n, id) || under(id, n, 2)) || saysName(words, id));
  }
}

/** The adjectives questions name organs by ("renal warm ischemia" is about the kidney). */
const ORGAN_ADJECTIVES: Record<string, string[]> = {
  'MESH:D007668': ['renal'],
  'MESH:D008099': ['hepatic'],
  'MESH:D006321': ['cardiac'],
  'MESH:D008168': ['pulmonary'],
  'MESH:D013270': ['gastric'],
  'MESH:D001921': ['cerebral'],
  'MESH:D005123': ['ocular'],
  'MESH:D012867': ['cutaneous', 'dermal'],
  'MESH:D001808': ['vascular'],
};

/** How many summaries a concept with none of its own is shown as mentioned in, at most. */
export const MENTIONS_PER_CONCEPT = 20;

/**
 * Each summary's `mentions`: the concepts with no summary of their own that its text names ("rituximab" in a
 * lymphoma treatment page), so that a reader who meets such a term finds where the evidence speaks of it. Per
 * concept, the summaries whose question or topic names it come first, then those that name it most often; at most
 * MENTIONS_PER_CONCEPT.
 */
function markMentions(summaries: Summary[], matcher: Matcher, concepts: Concept[]): void {
  const bare = new Set(concepts.filter((c) => c.summaryCount === 0).map((c) => c.id));
  const found = new Map<string, { summary: Summary; inTitle: boolean; times: number }[]>();
  for (const s of summaries) {
    const title = s.kind === 'research' ? s.question : `${s.topic}\n${s.sections.map((x) => x.question).join('\n')}`;
    const body = s.kind === 'research' ? [s.bottomLine, ...s.findings].join('\n') : s.sections.map((x) => x.answer).join('\n');
    const times = new Map<string, { inTitle: boolean; times: number }>();
    const session = matcher.session();
    for (const [text, inTitle] of [[title, true], [body, false]] as const) {
      for (const m of session.match(text)) {
        if (!bare.has(m.conceptId)) continue;
        const t = times.get(m.conceptId) ?? { inTitle: false, times: 0 };
        t.inTitle ||= inTitle;
        t.times++;
        times.set(m.conceptId, t);
      }
    }
    for (const [id, t] of times) {
      const list = found.get(id) ?? [];
      list.push({ summary: s, ...t });
      found.set(id, list);
    }
  }
  const mentions = new Map<Summary, string[]>();
  for (const [id, list] of found) {
    list.sort((a, b) => Number(b.inTitle) - Number(a.inTitle) || b.times - a.times || byCodeUnit(a.summary.id, b.summary.id));
    for (const { summary } of list.slice(0, MENTIONS_PER_CONCEPT)) {
      const ids = mentions.get(summary);
      if (ids) ids.push(id);
      else mentions.set(summary, [id]);
    }
  }
  for (const [summary, ids] of mentions) summary.mentions = ids.sort(byCodeUnit);
}

async function main() {
  const started = performance.now();
  const built = await buildDataset();
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  for (const f of built.files) writeFileSync(join(OUT_DIR, f.path), f.text);
  if (built.matcher) writeFileSync(join(OUT_DIR, 'matcher.bin'), built.matcher);
  writeFileSync(join(OUT_DIR, 'manifest.json'), JSON.stringify(built.manifest, null, 2) + '\n');
  for (const l of built.licences) {
    mkdirSync(dirname(join(PUBLIC_DIR, l.path)), { recursive: true });
    writeFileSync(join(PUBLIC_DIR, l.path), l.text);
  }
  const bytes = built.manifest.files.reduce((n, f) => n + f.bytes, 0);
  const c = built.manifest.counts;
  console.log(
    `dataset ${built.manifest.version}: ${c.concepts} concepts, ${c.surfaceForms} surface forms, ` +
      `${c.researchSummaries} research + ${c.consumerSummaries} consumer summaries; ` +
      `${built.manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB` +
      (built.matcher ? `, matcher ${(built.matcher.length / 1e6).toFixed(2)} MB` : ', no matcher yet') +
      ` (${Math.round(performance.now() - started)} ms)`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main();
