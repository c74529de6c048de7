// MedQuAD's crawl dropped the letters outside ASCII from eponyms: "Sjgren syndrome", "Mnire's disease", "Guillain-Barr
// syndrome". They came back as a reader's name ("Also called: Sjgren syndrome"), and a page named only so could not
// join its heading ("Mntriers disease" stood apart from MeSH's Menetrier disease). They are written as MeSH writes
// them, in ASCII ("Sjogren", "Meniere"), before the pages are read.
import type { MedQuadTopic } from './sources.ts';

const LOST: [RegExp, string][] = [
  // The possessive lost its apostrophe too: "Mntriers disease" is Menetrier's.
  [/\b(Sjgren|Mnire|Mntrier)s\b/g, "$1's"],
  [/\bSjgren/g, 'Sjogren'],
  [/\bMnire/g, 'Meniere'],
  [/\bSzary/g, 'Sezary'],
  [/\bMntrier/g, 'Menetrier'],
  [/\bBehet/g, 'Behcet'],
  [/\bWaldenstrm/g, 'Waldenstrom'],
  [/\bAlstrm/g, 'Alstrom'],
  [/\bZweymller/g, 'Zweymuller'],
  [/\bBjrnstad/g, 'Bjornstad'],
  [/\bGrsbeck/g, 'Grasbeck'],
  [/\bGuillain-Barr(?![a-z])/g, 'Guillain-Barre'],
];

export function restoreLetters(text: string): string {
  return LOST.reduce((t, [lost, name]) => t.replace(lost, name), text);
}

export function withLettersRestored(topics: MedQuadTopic[]): MedQuadTopic[] {
  return topics.map((t) => ({
    ...t,
    focus: restoreLetters(t.focus),
    synonyms: t.synonyms.map(restoreLetters),
    qa: t.qa.map((qa) => ({ ...qa, question: restoreLetters(qa.question), answer: restoreLetters(qa.answer) })),
  }));
}
