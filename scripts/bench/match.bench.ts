/**
 * Term matcher benchmarks: `npx tsx scripts/bench/match.bench.ts [--mb N]`.
 * Throughput over plain English (MedQuAD answers) with the bundled vocabulary, beside two peers measured in
 * the same run on the same text and vocabulary: one RegExp alternation of all surface forms, and the npm
 * Aho-Corasick package modern-ahocorasick (leftmost-longest, Unicode word boundaries, on lower-cased text).
 * Also matcher build time, serialised size, load time and memory.
 */
import AhoCorasick from 'modern-ahocorasick';
import { compileMatcher, loadMatcher } from '../../lib/match/index';
import { vocabularyFromConcepts } from '../../lib/match/vocabulary';
import { readConcepts } from '../match/concepts';
import { englishText } from '../match/corpus';
import { medianTime } from './table';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg('--mb', 4);
const RUNS = 5;

const time = (fn: () => unknown, runs = RUNS) => medianTime(fn, runs);

const concepts = readConcepts();
const vocab = vocabularyFromConcepts(concepts);
const text = englishText(MB << 20);
const textMB = Buffer.byteLength(text, 'utf8') / 1e6;

// Ours.
let bytes = compileMatcher(vocab);
const buildMs = time(() => (bytes = compileMatcher(vocab)), 2);
const loadMs = time(() => loadMatcher(bytes), 20);
const before = process.memoryUsage();
const matcher = loadMatcher(bytes);
const after = process.memoryUsage();
// Retained by a loaded matcher: the byte buffer (its arrays are views), the unit->symbol table, the strings.
const strings = matcher.stats.concepts * 2 * 16;
const memMB = (bytes.byteLength + 0x10000 * 2 + strings) / 1e6;
let ours = 0;
const oursMs = time(() => (ours = matcher.match(text).length));
// The trie pass alone (no in-text abbreviations, no stop-word context): what a page without "(SF)" costs.
const scanOnly = (matcher as unknown as { scan(t: string, o: number[]): void }).scan.bind(matcher);
const scanMs = time(() => scanOnly(text, []));

// Peer 1: one RegExp alternation, longest forms first, case-insensitive, on word boundaries.
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const forms = [...new Set(vocab.map((e) => e.form))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
let regex: RegExp | undefined;
const regexBuildMs = time(() => (regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'giu')), 1);
/**
 * A slow peer runs on a prefix of the same text, doubled from 64 KB until one pass takes over 2 s (or the
 * whole text): its MB/s is over that prefix. Returns [ms per pass, MB of the prefix, result].
 */
function timePrefix(fn: (t: string) => number): [number, number, number] {
  let size = 64 << 10;
  for (;;) {
    const t = text.slice(0, Math.min(size, text.length));
    const t0 = performance.now();
    const count = fn(t);
    const ms = performance.now() - t0;
    if (ms > 2000 || t.length === text.length) {
      const median = ms > 2000 ? ms : time(() => fn(t), 3);
      return [median, Buffer.byteLength(t, 'utf8') / 1e6, count];
    }
    size *= 4;
  }
}
const [regexMs, regexMB, regexCount] = timePrefix((t) => {
  let n = 0;
  for (const _ of t.matchAll(regex!)) n++;
  return n;
});

// Peer 2: Aho-Corasick from npm over the lower-cased forms and text.
let ac: AhoCorasick | undefined;
const lowerForms = [...new Set(vocab.map((e) => e.form.toLowerCase()))];
const acBuildMs = time(() => (ac = new AhoCorasick(lowerForms, { boundary: 'unicode' })), 1);
const [acMs, acMB, acCount] = timePrefix((t) => ac!.search(t.toLowerCase(), { strategy: 'leftmost-longest' }).length);

const mbps = (ms: number, mb = textMB) => mb / (ms / 1000);
const row = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
const f1 = (x: number) => (x >= 10 ? x.toFixed(1) : x.toPrecision(2));
const lines = [
  `Term matcher: ${concepts.length} concepts, ${vocab.length} surface forms; text ${textMB.toFixed(1)} MB of English (MedQuAD answers)`,
  '',
  row(['measure', 'Evidence Lens matcher', 'RegExp alternation', 'modern-ahocorasick 3.3.0', 'target']),
  row(['---', '---:', '---:', '---:', '---']),
  row(['throughput (MB/s)', f1(mbps(oursMs)), f1(mbps(regexMs, regexMB)), f1(mbps(acMs, acMB)), '>= 100, faster than both peers']),
  row(['  of which the trie pass (MB/s)', f1(mbps(scanMs)), '-', '-', '-']),
  row(['text measured (MB)', textMB.toFixed(2), regexMB.toFixed(2), acMB.toFixed(2), '-']),
  row(['matches in that text', ours, regexCount, acCount, '-']),
  row(['build time (ms)', buildMs.toFixed(0), regexBuildMs.toFixed(0), acBuildMs.toFixed(0), '-']),
  row(['serialised size (MB)', (bytes.byteLength / 1e6).toFixed(2), '-', '-', '-']),
  row(['load time (ms)', loadMs.toFixed(2), '-', '-', '< 20']),
  row(['memory (MB)', memMB.toFixed(1), '-', '-', '< 10']),
  '',
  `memory: the serialised buffer (the loaded matcher's arrays are views on it) + a 128 KB unit table + strings;` +
    ` process arrayBuffers grew by ${((after.arrayBuffers - before.arrayBuffers) / 1e6).toFixed(1)} MB on load.`,
  `trie slots ${matcher.stats.slots}, vocabulary entries (with inflections) ${matcher.stats.entries}.`,
];
console.log(lines.join('\n'));
