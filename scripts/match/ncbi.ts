/**
 * Exact-span evaluation of disease mentions on the NCBI disease corpus (tests/fixtures/ncbi-disease).
 * `npm run eval:ncbi` prints precision, recall and F1 on the dev set (and the training set, which is the
 * only one tuned on). `--errors` lists the commonest misses and false positives on the training set.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalForm, compileMatcher, loadMatcher, vocabularyFromConcepts, type Matcher } from '../../lib/match/index';
import { formVariants } from '../../lib/match/variants';
import { isShortAllCaps } from '../../lib/match/vocabulary';
import type { VocabularyEntry } from '../../lib/dataset/types';
import { readConcepts } from './concepts';
import { docText, parsePubtator, type PubtatorDoc } from './pubtator';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'ncbi-disease');
export const readSplit = (name: 'train' | 'dev') =>
  parsePubtator(readFileSync(join(FIXTURES, `${name}.pubtator.txt`), 'utf8'));

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  misses: Map<string, number>;
  falsePositives: Map<string, number>;
}

export function evaluate(matcher: Matcher, docs: PubtatorDoc[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses = new Map<string, number>();
  const falsePositives = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const d of docs) {
    const text = docText(d);
    const gold = new Set(d.mentions.map((m) => `${m.start}:${m.end}`));
    const found = new Set(
      matcher
        .session()
        .match(text)
        .filter((m) => m.category === 'disease')
        .map((m) => `${m.start}:${m.end}`),
    );
    for (const k of found) {
      if (gold.has(k)) tp++;
      else {
        fp++;
        const [a, b] = k.split(':').map(Number);
        bump(falsePositives, text.slice(a, b));
      }
    }
    for (const m of d.mentions) {
      if (!found.has(`${m.start}:${m.end}`)) {
        fn++;
        bump(misses, m.text);
      }
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  const f1 = (2 * precision * recall) / Math.max(1e-9, precision + recall);
  return { tp, fp, fn, precision, recall, f1, misses, falsePositives };
}

/** The bundled vocabulary: the dataset's concepts as the extension derives them. */
export function bundledVocabulary(): VocabularyEntry[] {
  return vocabularyFromConcepts(readConcepts());
}

/**
 * Tuning on the training set only: (1) a lexicon of its gold disease mentions (abbreviations left to the
 * in-text definitions), and (2) forms that the training set shows are mostly not disease mentions
 * (precision below 0.35 over at least 3 hits) left out.
 */
export function trainTunedVocabulary(base: VocabularyEntry[], train: PubtatorDoc[]): VocabularyEntry[] {
  const lexicon: VocabularyEntry[] = [];
  const seen = new Set(base.map((e) => canonicalForm(e.form)));
  for (const d of train) {
    for (const m of d.mentions) {
      const form = m.text.trim();
      const key = canonicalForm(form);
      if (key.length < 3 || isShortAllCaps(form) || seen.has(key)) continue;
      seen.add(key);
      lexicon.push({ form, conceptId: `MESH:${m.id.split(/[|+]/)[0]}`, category: 'disease' });
    }
  }
  let vocab = [...base, ...lexicon];
  // Per-form precision on the training set.
  const matcher = loadMatcher(compileMatcher(vocab));
  const tp = new Map<string, number>();
  const all = new Map<string, number>();
  for (const d of train) {
    const text = docText(d);
    const gold = new Set(d.mentions.map((m) => `${m.start}:${m.end}`));
    for (const m of matcher.session().match(text)) {
      if (m.category !== 'disease') continue;
      const key = canonicalForm(text.slice(m.start, m.end));
      all.set(key, (all.get(key) ?? 0) + 1);
      if (gold.has(`${m.start}:${m.end}`)) tp.set(key, (tp.get(key) ?? 0) + 1);
    }
  }
  const weak = new Set([...all].filter(([k, n]) => n >= 3 && (tp.get(k) ?? 0) / n < 0.35).map(([k]) => k));
  return vocab.filter((e) => {
    const key = canonicalForm(e.form);
    return ![key, ...formVariants(key)].some((v) => weak.has(v));
  });
}

const fmt = (s: Score) =>
  `P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

function top(m: Map<string, number>, n: number): string {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} (${v})`)
    .join(', ');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = bundledVocabulary();
  const trainDocs = readSplit('train');
  const devDocs = readSplit('dev');
  const matcher = loadMatcher(compileMatcher(base));
  const train0 = evaluate(matcher, trainDocs);
  const dev0 = evaluate(matcher, devDocs);
  console.log('NCBI disease corpus: exact spans of disease mentions (P, R, F1)');
  console.log('bundled vocabulary only:');
  console.log(`  train: ${fmt(train0)}`);
  console.log(`  dev:   ${fmt(dev0)}`);
  const tuned = loadMatcher(compileMatcher(trainTunedVocabulary(base, trainDocs)));
  const train = evaluate(tuned, trainDocs);
  const dev = evaluate(tuned, devDocs);
  console.log('bundled vocabulary + training-set lexicon and stop forms (tuned on train only):');
  console.log(`  train: ${fmt(train)}`);
  console.log(`  dev:   ${fmt(dev)}`);
  if (process.argv.includes('--errors')) {
    console.log(`\ntrain misses: ${top(train.misses, 150)}`);
    console.log(`\ntrain false positives: ${top(train.falsePositives, 150)}`);
  }
}
