/**
 * Command-line annotator on the extension's own engine:
 *   npm run annotate -- [--format pubtator|json] [--matcher public/dataset/matcher.bin] FILE...
 * PubTator input (`PMID|t|title`, `PMID|a|abstract`) gives PubTator mention lines
 * `PMID<TAB>start<TAB>end<TAB>text<TAB>Category<TAB>concept id`, offsets into title + " " + abstract.
 * Plain text gives JSON: [{ file, matches: [{ start, end, text, category, conceptId }] }].
 * The format defaults to pubtator for files that look like PubTator, json otherwise. "-" reads stdin.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Category } from '../lib/dataset/types';
import { compileMatcher, loadMatcher, type Matcher } from '../lib/match/index';
import { vocabularyFromConcepts } from '../lib/match/vocabulary';
import { DATASET_DIR, readConcepts } from './match/concepts';
import { docText, parsePubtator } from './match/pubtator';

const PUBTATOR_CATEGORY: Record<Category, string> = {
  disease: 'Disease',
  drug: 'Chemical',
  procedure: 'Procedure',
  anatomy: 'Anatomy',
  other: 'Other',
};

function usage(code: number): never {
  console.error('usage: npm run annotate -- [--format pubtator|json] [--matcher FILE] FILE...');
  process.exit(code);
}

function loadEngine(path?: string): Matcher {
  const bin = path ?? join(DATASET_DIR, 'matcher.bin');
  if (existsSync(bin)) return loadMatcher(readFileSync(bin));
  if (path) throw new Error(`no matcher at ${path}`);
  return loadMatcher(compileMatcher(vocabularyFromConcepts(readConcepts())));
}

const looksLikePubtator = (src: string) => /^[^|\t\n]+\|t\|/.test(src.trimStart());

function main(argv: string[]): void {
  let format: 'pubtator' | 'json' | undefined;
  let matcherPath: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const f = argv[++i];
      if (f !== 'pubtator' && f !== 'json') usage(2);
      format = f;
    } else if (a === '--matcher') matcherPath = argv[++i];
    else if (a === '-h' || a === '--help') usage(0);
    else files.push(a);
  }
  if (files.length === 0) usage(2);
  const matcher = loadEngine(matcherPath);
  const json: unknown[] = [];
  const out: string[] = [];
  for (const file of files) {
    const src = readFileSync(file === '-' ? 0 : file, 'utf8');
    const fmt = format ?? (looksLikePubtator(src) ? 'pubtator' : 'json');
    if (fmt === 'pubtator') {
      for (const doc of parsePubtator(src)) {
        const text = docText(doc);
        out.push(`${doc.pmid}|t|${doc.title}`, `${doc.pmid}|a|${doc.abstract}`);
        for (const m of matcher.session().match(text)) {
          const cat = PUBTATOR_CATEGORY[m.category];
          out.push([doc.pmid, m.start, m.end, text.slice(m.start, m.end), cat, m.conceptId].join('\t'));
        }
        out.push('');
      }
    } else {
      const matches = matcher
        .session()
        .match(src)
        .map((m) => ({ ...m, text: src.slice(m.start, m.end) }));
      json.push({ file, matches });
    }
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  if (json.length > 0) process.stdout.write(JSON.stringify(json, null, 2) + '\n');
}

main(process.argv.slice(2));
