import { createHash } from 'node:crypto';
// A small dataset held in memory, in the published format, for tests of import, queries and sync.
import { chunkRecords } from '../../lib/dataset/format.ts';
import type { Concept, DatasetManifest, Summary } from '../../lib/dataset/types.ts';
import type { DatasetSource } from '../../lib/db/import.ts';

export function concept(id: string, name: string, extra: Partial<Concept> = {}): Concept {
  return { id, name, category: 'disease', synonyms: [], abbreviations: [], treeNumbers: [], summaryCount: 0, ...extra };
}

export function research(pmid: string, conceptIds: string[], year: number, extra: Partial<Summary> = {}): Summary {
  return {
    id: `pmid:${pmid}`,
    kind: 'research',
    conceptIds,
    question: `Question ${pmid}?`,
    verdict: 'yes',
    bottomLine: `Conclusion of ${pmid}.`,
    findings: [`Results of ${pmid}.`],
    year,
    citation: { pmid, year, url: `https://pubmed.ncbi.nlm.nih.gov/${pmid}/` },
    ...extra,
  } as Summary;
}

export function consumer(id: string, conceptIds: string[], topic: string): Summary {
  return {
    id: `medquad:${id}`,
    kind: 'consumer',
    conceptIds,
    topic,
    sections: [{ type: 'information', question: `What is ${topic}?`, answer: `${topic} is a condition.` }],
    source: { name: 'MedlinePlus', url: 'https://medlineplus.gov/x.html' },
  };
}

export interface MemoryDataset extends DatasetSource {
  files: Map<string, string>;
  reads: string[];
}

/** Build a source; `target` small so that even a tiny dataset spans several files. */
export function memoryDataset(
  version: string,
  concepts: Concept[],
  summaries: Summary[],
  { origin = 'test', target = 300 }: { origin?: string; target?: number } = {},
): MemoryDataset {
  const sorted = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  const chunks = [...chunkRecords('concepts', sorted(concepts), target), ...chunkRecords('summaries', sorted(summaries), target)];
  const manifest: DatasetManifest = {
    format: 1,
    version,
    created: '2026-01-01',
    counts: {
      concepts: concepts.length,
      surfaceForms: concepts.length,
      researchSummaries: summaries.filter((s) => s.kind === 'research').length,
      consumerSummaries: summaries.filter((s) => s.kind === 'consumer').length,
    },
    sources: [],
    files: chunks.map((c) => ({ path: c.path, kind: c.kind, bytes: c.text.length, records: c.records, sha256: createHash('sha256').update(c.text).digest('hex') })),
  };
  const files = new Map(chunks.map((c) => [c.path, c.text]));
  const reads: string[] = [];
  return {
    origin,
    manifest,
    files,
    reads,
    async readFile(path) {
      reads.push(path);
      const text = files.get(path);
      if (text === undefined) throw new Error(`no file ${path}`);
      return text;
    },
  };
}
