// The arrows between the project's folders (docs/architecture.md), checked on every import so that a change
// that crosses one fails here rather than in review.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = resolve(__dirname, '../..');

interface Import {
  file: string;
  /** The import's target as a path from the project's root, or the package name. */
  target: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => {
    const spec = m[3] ?? m[4];
    const target = spec.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec)) : spec;
    return { file, target, typeOnly: Boolean(m[2]) };
  });
}

const all = (dirs: string[]) => dirs.flatMap(sourceFiles).flatMap(importsOf);
const show = (list: Import[]) => list.map((i) => `${i.file} -> ${i.target}`);

describe('the arrows between folders', () => {
  test('the reader finds imports to check (the scan itself works)', () => {
    const lib = all(['lib']);
    expect(lib.length).toBeGreaterThan(200);
    expect(lib).toContainEqual({ file: 'lib/db/search.ts', target: 'lib/search/rank.ts', typeOnly: false });
  });

  test('lib never imports entrypoints or components', () => {
    const wrong = all(['lib']).filter((i) => /^(entrypoints|components)\//.test(i.target));
    expect(show(wrong)).toEqual([]);
  });

  test('components are views: no browser API, storage, database, sync, matcher or messaging at run time', () => {
    const forbidden = /^(wxt\/browser|webextension-polyfill|@wxt-dev\/storage|idb)$|^lib\/(db|sync|terms|tabs|messaging)\/|^lib\/settings\/preferences(\.ts)?$/;
    const wrong = all(['components']).filter((i) => !i.typeOnly && forbidden.test(i.target));
    expect(show(wrong)).toEqual([]);
  });

  test('the engine, the formats and search run anywhere: no browser or Node API imported', () => {
    const wrong = all(['lib/match', 'lib/dataset', 'lib/search', 'lib/summaries', 'lib/evidence']).filter(
      (i) => /^(node:|fs$|path$|wxt|webextension-polyfill|@wxt-dev\/|idb$)/.test(i.target) || /^lib\/(db|sync|terms|tabs|messaging|highlight|settings)\//.test(i.target),
    );
    expect(show(wrong)).toEqual([]);
  });

  test('the content script never reaches the database or the sync code', () => {
    const wrong = all(['entrypoints/content', 'lib/highlight']).filter((i) => !i.typeOnly && /^lib\/(db|sync)\/|^idb$/.test(i.target));
    expect(show(wrong)).toEqual([]);
  });
});
