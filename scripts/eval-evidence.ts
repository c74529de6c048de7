/**
 * `npm run eval`: measures lib/evidence on PubMedQA (data/pubmedqa/ori_pqal.json).
 *  - text-cue design classification against the MeSH-derived design (the reference);
 *  - sample-size coverage, with 50 seeded random extractions written to docs/sample-size-check.md;
 *  - rewrites the "## Study design and sample size" section of docs/benchmarks.md (only that one).
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { StudyDesign } from '../lib/dataset/types';
import { assessMesh, DESIGN_HEADINGS } from '../lib/evidence/mesh';
import { classifyByText, type Section } from '../lib/evidence/text-cues';
import { extractSampleSize } from '../lib/evidence/sample-size';
import { assessStudy, DESIGN_LABELS } from '../lib/evidence/index';

interface Article {
  QUESTION: string;
  CONTEXTS: string[];
  LABELS: string[];
  MESHES?: string[];
  YEAR?: string;
  LONG_ANSWER?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = JSON.parse(readFileSync(join(root, 'data/pubmedqa/ori_pqal.json'), 'utf8')) as Record<string, Article>;
const pmids = Object.keys(data).sort();

const CLASSES: StudyDesign[] = [
  'meta-analysis', 'rct', 'non-randomised-trial', 'prospective-cohort', 'retrospective-cohort', 'cohort',
  'case-control', 'cross-sectional', 'case-series', 'unknown',
];
const SHORT: Record<StudyDesign, string> = {
  'meta-analysis': 'MA', rct: 'RCT', 'non-randomised-trial': 'NRT', 'prospective-cohort': 'ProCo',
  'retrospective-cohort': 'RetCo', cohort: 'Co', 'case-control': 'CC', 'cross-sectional': 'XS', 'case-series': 'Series',
  unknown: 'unknown',
};

function sectionsOf(a: Article): Section[] {
  const s: Section[] = a.CONTEXTS.map((text, i) => ({ label: a.LABELS[i], text }));
  if (a.LONG_ANSWER) s.push({ label: 'CONCLUSIONS', text: a.LONG_ANSWER });
  return s;
}

// ---- Study design: text cues against MeSH ----------------------------------------------------------
const designHeadings = new Set(DESIGN_HEADINGS.map((h) => h.toLowerCase()));
const withDesignMesh = pmids.filter((p) => (data[p].MESHES ?? []).some((h) => designHeadings.has(h.replace(/\*/g, '').toLowerCase())));

// MeSH in PubMedQA has no heading for these designs, so they are checked by reading instead.
const UNREFERENCED: StudyDesign[] = ['meta-analysis', 'non-randomised-trial', 'case-series'];

type Row = StudyDesign | 'undecided';
const confusion = new Map<Row, Map<StudyDesign, number>>();
const bump = (r: Row, c: StudyDesign) => {
  const row = confusion.get(r) ?? new Map<StudyDesign, number>();
  row.set(c, (row.get(c) ?? 0) + 1);
  confusion.set(r, row);
};
const perClass = new Map<StudyDesign, { tp: number; fp: number; refined: number; ref: number }>();
const stat = (c: StudyDesign) => {
  let s = perClass.get(c);
  if (!s) perClass.set(c, (s = { tp: 0, fp: 0, refined: 0, ref: 0 }));
  return s;
};
const disagreements: string[] = [];

for (const p of withDesignMesh) {
  const a = data[p];
  const mesh = assessMesh(a.MESHES ?? []);
  const text = classifyByText(sectionsOf(a));
  const ref = mesh.info.design;
  bump(ref === 'unknown' ? 'undecided' : ref, text.design);
  if (ref === 'unknown') continue;
  stat(ref).ref++;
  if (text.design === 'unknown') continue;
  if (text.design === ref) stat(ref).tp++;
  else if (mesh.compatible.includes(text.design)) stat(text.design).refined++;
  else {
    stat(text.design).fp++;
    disagreements.push(`${p}: MeSH ${ref} (${mesh.info.evidence}) vs text ${text.design} ("${text.evidence}")`);
  }
}

const fmt = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : '–');
const decided = withDesignMesh.filter((p) => assessMesh(data[p].MESHES ?? []).info.design !== 'unknown').length;

const confusionLines: string[] = [];
const rows: Row[] = [...CLASSES.filter((c) => c !== 'unknown' && confusion.has(c)), 'undecided'];
confusionLines.push(`| MeSH \\ text | ${CLASSES.map((c) => SHORT[c]).join(' | ')} | total |`);
confusionLines.push(`|---|${CLASSES.map(() => '---:').join('|')}|---:|`);
for (const r of rows) {
  const row = confusion.get(r) ?? new Map();
  const total = [...row.values()].reduce((x, y) => x + y, 0);
  confusionLines.push(`| ${r === 'undecided' ? 'MeSH undecided' : SHORT[r]} | ${CLASSES.map((c) => row.get(c) ?? 0).join(' | ')} | ${total} |`);
}

const prLines: string[] = [];
prLines.push('| class | MeSH reference | text emitted (decided) | correct | wrong | refines MeSH | precision | recall |');
prLines.push('|---|---:|---:|---:|---:|---:|---:|---:|');
let allPass = true;
for (const c of CLASSES.filter((x) => x !== 'unknown' && !UNREFERENCED.includes(x))) {
  const s = stat(c);
  const precision = s.tp / (s.tp + s.fp);
  const recall = s.tp / s.ref;
  if (s.tp + s.fp > 0 && precision < 0.9) allPass = false;
  prLines.push(`| ${DESIGN_LABELS[c]} | ${s.ref} | ${s.tp + s.fp + s.refined} | ${s.tp} | ${s.fp} | ${s.refined} | ${fmt(precision)} | ${fmt(recall)} |`);
}
const measured = [...perClass.entries()].filter(([c]) => !UNREFERENCED.includes(c)).map(([, s]) => s);
const tpAll = measured.reduce((x, s) => x + s.tp, 0);
const fpAll = measured.reduce((x, s) => x + s.fp, 0);
const refAll = [...perClass.values()].reduce((x, s) => x + s.ref, 0);

// Designs MeSH cannot name at all (no publication types in PubMedQA): every emission across the
// 1,000 articles, with a reader's verdict recorded here after reading the abstract. A new emission
// shows as "unchecked" until someone reads it and adds it.
const REVIEWED: Record<string, [design: StudyDesign, correct: boolean, note: string]> = {
  '10223070': ['meta-analysis', true, 'systematic review of epidemiologic studies (MEDLINE 1966-97)'],
  '15489384': ['meta-analysis', true, 'pooled individual data of two RCTs; MeSH Double-Blind Method describes the trials'],
  '18041059': ['meta-analysis', true, 'meta-analysis of seven phase 3 RCTs'],
  '21457946': ['meta-analysis', true, 'systematic review with random-effects meta-analysis'],
  '23774337': ['meta-analysis', true, 'updated meta-analysis (structured review abstract)'],
  '24785562': ['meta-analysis', true, 'Medline search of trials and meta-analysis'],
  '10473855': ['non-randomised-trial', true, 'prospective non-randomised comparison of two reconstructions'],
  '17565137': ['non-randomised-trial', true, 'quasi-experimental study'],
  '26383908': ['non-randomised-trial', true, 'quasi-experimental crossover in two groups'],
  '26561905': ['non-randomised-trial', true, 'quasi-experimental comparison of two patient groups (MeSH: Retrospective Studies)'],
  '10375486': ['case-series', true, "consecutive case series of operations (the authors' design statement)"],
  '10401824': ['case-series', true, 'design: case series'],
  '15381614': ['case-series', true, 'design: case series'],
  '17279467': ['case-series', true, 'case report'],
  '22108230': ['case-series', true, 'single-centre prospective consecutive case series'],
  '25218577': ['case-series', true, 'two consecutive case series'],
};
const unreferenced: string[] = [];
const manual = new Map<StudyDesign, { right: number; wrong: number; unchecked: number }>();
for (const p of pmids) {
  const t = classifyByText(sectionsOf(data[p]));
  if (!UNREFERENCED.includes(t.design)) continue;
  const m = manual.get(t.design) ?? { right: 0, wrong: 0, unchecked: 0 };
  manual.set(t.design, m);
  const r = REVIEWED[p];
  const verdict = r && r[0] === t.design ? (r[1] ? 'correct' : 'wrong') : 'unchecked';
  if (verdict === 'correct') m.right++;
  else if (verdict === 'wrong') m.wrong++;
  else m.unchecked++;
  unreferenced.push(`| ${p} | ${DESIGN_LABELS[t.design]} | ${(t.evidence ?? '').replace(/\|/g, '/')} | ${verdict}${r ? `: ${r[2]}` : ''} |`);
}
const manualLines = UNREFERENCED.map((c) => {
  const m = manual.get(c) ?? { right: 0, wrong: 0, unchecked: 0 };
  const precision = m.right / (m.right + m.wrong);
  if (m.right + m.wrong > 0 && precision < 0.9) allPass = false;
  if (m.unchecked > 0) allPass = false;
  return `| ${DESIGN_LABELS[c]} | ${m.right + m.wrong + m.unchecked} | ${m.right} | ${m.wrong} | ${m.unchecked} | ${fmt(precision)} |`;
});

// Final designs as the dataset build will store them.
const finalCounts = new Map<string, number>();
const levelCounts = new Map<string, number>();
for (const p of pmids) {
  const a = data[p];
  const r = assessStudy({ meshHeadings: a.MESHES, sections: a.CONTEXTS.map((text, i) => ({ label: a.LABELS[i], text })), conclusion: a.LONG_ANSWER });
  const key = `${r.design.design} (${r.design.source})`;
  finalCounts.set(key, (finalCounts.get(key) ?? 0) + 1);
  const lk = r.design.level === undefined ? 'none' : String(r.design.level);
  levelCounts.set(lk, (levelCounts.get(lk) ?? 0) + 1);
}

// ---- Sample size -----------------------------------------------------------------------------------
const extracted = pmids.map((p) => {
  const a = data[p];
  return { pmid: p, s: extractSampleSize(a.CONTEXTS.map((text, i) => ({ label: a.LABELS[i], text }))) };
});
const found = extracted.filter((x) => x.s);
const coverage = found.length / pmids.length;

// Seeded (mulberry32) so the list is the same on every run.
function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const SEED = 8;
const rand = mulberry32(SEED);
const pool = [...found];
for (let i = pool.length - 1; i > 0; i--) {
  const j = Math.floor(rand() * (i + 1));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
const sample = pool.slice(0, 50).sort((a, b) => a.pmid.localeCompare(b.pmid));

const checkDoc = [
  '# Sample-size extractions to check',
  '',
  `Generated by \`npm run eval\` (scripts/eval-evidence.ts): 50 of the ${found.length} PubMedQA abstracts where`,
  '`extractSampleSize` (lib/evidence/sample-size.ts) found a sample size, drawn with a seeded shuffle',
  `(mulberry32, seed ${SEED}) so the list is the same on every run. Each row shows the number, what was`,
  'counted and the sentence it came from, so a reader can check it against the abstract.',
  '',
  '| # | PMID | n | unit | source sentence |',
  '|---:|---|---:|---|---|',
  ...sample.map(
    (x, i) =>
      `| ${i + 1} | [${x.pmid}](https://pubmed.ncbi.nlm.nih.gov/${x.pmid}/) | ${x.s!.n} | ${x.s!.unit} | ${x.s!.sentence.replace(/\|/g, '/')} |`,
  ),
  '',
].join('\n');
writeFileSync(join(root, 'docs/sample-size-check.md'), checkDoc);

// ---- Report ----------------------------------------------------------------------------------------
const section = [
  '## Study design and sample size',
  '',
  'Measured by `npm run eval` (scripts/eval-evidence.ts) on the 1,000 expert-labelled PubMedQA articles',
  '(data/pubmedqa/ori_pqal.json). Code in lib/evidence; hierarchy and MeSH mapping documented in',
  'lib/evidence/levels.ts and lib/evidence/mesh.ts.',
  '',
  '### Design from text cues, against the MeSH-derived design',
  '',
  `${withDesignMesh.length} articles carry at least one design-related MeSH heading; on ${decided} of them the`,
  'headings decide a design (the reference; "Cohort Studies" alone decides a cohort of no stated direction). The',
  'rest (follow-up or longitudinal studies, surveys, pilot projects, random allocation alone) are shown as "MeSH',
  'undecided" and not scored.',
  '',
  'PubMedQA keeps MeSH descriptors but not publication types, so MeSH cannot tell a randomised trial',
  'from a cohort when the only heading is "Prospective Studies", nor a case series from a cohort when it is',
  '"Retrospective Studies". Where the text names such a design the MeSH headings cannot rule out, it is',
  'counted under "refines MeSH" (neither right nor wrong; assessStudy uses the text\'s design there).',
  '',
  ...confusionLines,
  '',
  ...prLines,
  '',
  `Overall (classes MeSH can name): ${tpAll} correct, ${fpAll} wrong of ${refAll} MeSH-decided articles ` +
    `(precision ${fmt(tpAll / (tpAll + fpAll))}, recall ${fmt(tpAll / refAll)}).`,
  '',
  'Designs MeSH has no heading for are checked by reading every emission across the 1,000 articles',
  '(verdicts recorded in scripts/eval-evidence.ts; the table below lists them):',
  '',
  '| class | emitted | correct | wrong | unchecked | precision (manual) |',
  '|---|---:|---:|---:|---:|---:|',
  ...manualLines,
  '',
  `Target precision ≥ 0.90 for every emitted class: ${allPass ? 'met' : 'NOT met'}.`,
  '',
  'Disagreements with MeSH (each is a text-cue error or a MeSH indexing oddity):',
  '',
  ...(disagreements.length ? disagreements.map((d) => `- ${d}`) : ['- none']),
  '',
  'Every emission of a design MeSH cannot name, with its check:',
  '',
  '| PMID | design | cue | check |',
  '|---|---|---|---|',
  ...unreferenced,
  '',
  'Designs stored by `assessStudy` (MeSH first, then text), all 1,000 articles:',
  '',
  '| design (source) | articles |',
  '|---|---:|',
  ...[...finalCounts.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `| ${k} | ${v} |`),
  '',
  `Evidence levels: ${['1', '2', '3', '4', '5', 'none'].map((l) => `${l === 'none' ? 'no level' : `level ${l}`}: ${levelCounts.get(l) ?? 0}`).join(', ')}.`,
  '',
  '### Sample size',
  '',
  `Found in ${found.length} of ${pmids.length} abstracts (${(coverage * 100).toFixed(1)}%). ` +
    '50 seeded random extractions with their source sentences: [sample-size-check.md](sample-size-check.md).',
  '',
].join('\n');

const benchPath = join(root, 'docs/benchmarks.md');
const existing = existsSync(benchPath) ? readFileSync(benchPath, 'utf8') : '# Benchmarks\n';
const start = existing.indexOf('## Study design and sample size');
let updated: string;
if (start === -1) {
  updated = `${existing.trimEnd()}\n\n${section}`;
} else {
  const next = existing.slice(start + 3).search(/^## /m);
  const end = next === -1 ? existing.length : start + 3 + next;
  updated = `${existing.slice(0, start)}${section}\n${existing.slice(end)}`.replace(/\n{3,}/g, '\n\n');
}
writeFileSync(benchPath, updated.endsWith('\n') ? updated : `${updated}\n`);

console.log(`Design: ${withDesignMesh.length} articles with design MeSH headings, ${decided} decided by MeSH`);
console.log(confusionLines.join('\n'));
console.log();
console.log(prLines.join('\n'));
console.log(`overall precision ${fmt(tpAll / (tpAll + fpAll))} recall ${fmt(tpAll / refAll)}`);
console.log('\n| class | emitted | correct | wrong | unchecked | precision (manual) |');
console.log(manualLines.join('\n'));
console.log(`target (precision >= 0.90 for every emitted class): ${allPass ? 'met' : 'NOT met'}`);
console.log(`\nDisagreements (${disagreements.length}):\n${disagreements.join('\n')}`);
console.log(`\nUnreferenced emissions (${unreferenced.length}):\n${unreferenced.join('\n')}`);
console.log(`\nStored designs: ${[...finalCounts.entries()].map(([k, v]) => `${k}=${v}`).join(', ')}`);
console.log(`\nSample size: ${found.length}/${pmids.length} (${(coverage * 100).toFixed(1)}%)`);
console.log('Wrote docs/sample-size-check.md and the "Study design and sample size" section of docs/benchmarks.md');
