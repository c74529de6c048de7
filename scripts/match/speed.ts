/**
 * Quick matcher speed and output check, for work on lib/match: `npx tsx scripts/match/speed.ts [--mb N] [--runs N]`.
 * Prints a hash of every match (start, end, conceptId, category) of `match` and of a session fed 60,000-char
 * chunks over the bench text, and the throughput of match, the trie pass, and the chunked session (first
 * chunk, cold, reported apart). The output hash must not change when the matcher only gets faster.
 */
import { createHash } from 'node:crypto';
import { compileMatcher, loadMatcher, type TermMatch } from '../../lib/match/index';
import { vocabularyFromConcepts } from '../../lib/match/vocabulary';
import { readConcepts } from './concepts';
import { englishText } from './corpus';
import { medianTime } from '../bench/table';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const MB = arg('--mb', 4);
const RUNS = arg('--runs', 7);
const CHUNK = 60_000;

const text = englishText(MB << 20);
const textMB = Buffer.byteLength(text, 'utf8') / 1e6;
const t0 = performance.now();
const bytes = compileMatcher(vocabularyFromConcepts(readConcepts()));
const compileMs = performance.now() - t0;
const t1 = performance.now();
const matcher = loadMatcher(bytes);
const loadMs = performance.now() - t1;

const chunks: string[] = [];
for (let i = 0; i < text.length; i += CHUNK) chunks.push(text.slice(i, i + CHUNK));
// As the extension sends a page: one text per block (paragraph), in requests of up to 60,000 chars.
const paragraphs = text.split('\n\n');

const hashOf = (ms: TermMatch[][]) => {
  const h = createHash('sha256');
  for (const list of ms) {
    for (const m of list) h.update(`${m.start},${m.end},${m.conceptId},${m.category};`);
    h.update('|');
  }
  return h.digest('hex').slice(0, 16);
};

// Cold: the very first chunk through a fresh session, before anything else ran the matcher.
let s = matcher.session();
let c0 = performance.now();
const first = s.match(chunks[0]);
const coldMs = performance.now() - c0;
c0 = performance.now();
s.match(chunks[1]);
const secondMs = performance.now() - c0;

const whole = matcher.match(text);
s = matcher.session();
const chunked = chunks.map((c) => s.match(c));
s = matcher.session();
const perBlock = paragraphs.map((p) => s.match(p));
void first;

const median = (fn: () => unknown) => medianTime(fn, RUNS);
const scan = (matcher as unknown as { scan(t: string, o: number[]): void }).scan.bind(matcher);
const matchMs = median(() => matcher.match(text));
const scanMs = median(() => scan(text, []));
const chunkMs = median(() => {
  const ss = matcher.session();
  for (const c of chunks) ss.match(c);
});
const blockMs = median(() => {
  const ss = matcher.session();
  for (const p of paragraphs) ss.match(p);
});
const mbps = (ms: number, mb = textMB) => (mb / (ms / 1000)).toFixed(1);
const chunkMB = Buffer.byteLength(chunks[0], 'utf8') / 1e6;
console.log(
  [
    `text ${textMB.toFixed(2)} MB, ${whole.length} matches; hash match ${hashOf([whole])}, chunked ${hashOf(chunked)} (${chunked.reduce((a, l) => a + l.length, 0)} matches), per block ${hashOf(perBlock)} (${paragraphs.length} blocks)`,
    `bytes ${(bytes.byteLength / 1e6).toFixed(2)} MB, compile ${compileMs.toFixed(0)} ms, load ${loadMs.toFixed(2)} ms`,
    `match ${mbps(matchMs)} MB/s, scan ${mbps(scanMs)} MB/s, 60k-chunk session ${mbps(chunkMs)} MB/s, a session fed block by block ${mbps(blockMs)} MB/s`,
    `cold first 60k chunk ${coldMs.toFixed(1)} ms (${mbps(coldMs, chunkMB)} MB/s), second ${secondMs.toFixed(1)} ms (${mbps(secondMs, chunkMB)} MB/s)`,
  ].join('\n'),
);
