// The everyday-word list is generated (scripts/match/everyday-words.ts) and committed: it must be what the
// script makes from today's sources, and it must keep medical words out and everyday ones in.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { EVERYDAY_FILE, everydayFile, everydayWords } from '../../../scripts/match/everyday-words';

test('the committed list is what the script makes from the sources (npm run everyday-words)', () => {
  const words = everydayWords();
  expect(readFileSync(EVERYDAY_FILE, 'utf8')).toBe(everydayFile(words));
  for (const w of ['snow', 'crown', 'operation', 'california', 'fire', 'gold', 'speed']) expect(words, w).toContain(w);
  for (const w of ['cancer', 'asthma', 'brain', 'depression', 'stroke', 'diabetes', 'pregnancy', 'india']) expect(words, w).not.toContain(w);
}, 30_000);
