// MedQuAD lost the letters outside ASCII from eponyms: the build writes them as MeSH does.
import { expect, test } from 'vitest';
import { restoreLetters } from '../../../scripts/dataset/lost-letters';

test('eponyms MedQuAD mangled are written as MeSH writes them, a lost possessive with its apostrophe', () => {
  expect(restoreLetters('Sjgren syndrome, Mnires disease, Mntriers disease and Guillain-Barr syndrome')).toBe(
    "Sjogren syndrome, Meniere's disease, Menetrier's disease and Guillain-Barre syndrome",
  );
  // A name spelled right stays.
  expect(restoreLetters('Guillain-Barre syndrome and Behcet disease')).toBe('Guillain-Barre syndrome and Behcet disease');
});
