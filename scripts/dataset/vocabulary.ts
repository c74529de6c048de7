// The term matcher's vocabulary and compiled automaton, from the concepts (lib/match does the work).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Concept } from '../../lib/dataset/types.ts';

export async function compileVocabulary(concepts: Concept[]): Promise<{ matcher?: Uint8Array; surfaceForms: number }> {
  const lib = join(import.meta.dirname, '..', '..', 'lib', 'match');
  if (!existsSync(join(lib, 'vocabulary.ts')) || !existsSync(join(lib, 'index.ts'))) {
    // Until the matcher lands: count the names the vocabulary will hold.
    const surfaceForms = concepts.reduce((n, c) => n + 1 + c.synonyms.length + c.abbreviations.length, 0);
    return { surfaceForms };
  }
  const { vocabularyFromConcepts } = await import('../../lib/match/vocabulary.ts');
  const { compileMatcher } = await import('../../lib/match/index.ts');
  const entries = vocabularyFromConcepts(concepts);
  return { matcher: compileMatcher(entries), surfaceForms: entries.length };
}
