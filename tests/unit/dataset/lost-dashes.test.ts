// MedQuAD lost the dashes of NIDDK's, NHLBI's and NIHSeniorHealth's pages: the build puts back what the text shows.
import { describe, expect, test } from 'vitest';
import { findLostDashes, restoreRanges, withDashesRestored } from '../../../scripts/dataset/lost-dashes';
import type { MedQuadTopic } from '../../../scripts/dataset/sources';

const topic = (source: string, ...answers: string[]): MedQuadTopic => ({
  key: `${source}-${answers[0].slice(0, 8)}`,
  id: source,
  source,
  url: 'https://example.org/',
  focus: 'Topic',
  synonyms: [],
  category: null,
  cuis: [],
  semanticGroup: null,
  qa: answers.map((answer, i) => ({ qid: String(i), qtype: 'information', question: 'What is it?', answer })),
});

const ENGLISH = new Set(['the', 'such', 'as', 'male', 'organ', 'risk', 'factors', 'age', 'stressor', 'detector']);
// Words the corpus uses often enough to be the first half of a joined pair.
const COMMON = 'penis penis penis penis penis factors factors factors factors factors stress stress stress stress stress stressed';

describe('dashes MedQuAD lost', () => {
  test('a rare joined word that is a word and what follows a dash is split again, on the sites that lost them', () => {
    const topics = [
      topic('NIDDK', 'It affects the penisthe male organ. Risk factorssuch as age. The atria (AY-tree-uh)to fibrillate; disease(s).', COMMON),
      topic('GHR', 'A stressor, a detector and the centrosome. It affects the penisthe male organ.'),
    ];
    const repairs = findLostDashes(topics, ENGLISH);
    expect(repairs.words.get('penisthe')).toBe('penis\u2014the');
    expect(repairs.words.get('factorssuch')).toBe('factors\u2014such');
    // English words, a verb's doer and words of other sites' pages are left as they are.
    expect(repairs.words.has('stressor')).toBe(false);
    expect(repairs.words.has('detector')).toBe(false);
    expect(repairs.words.has('centrosome')).toBe(false);
    const [niddk, ghr] = withDashesRestored(topics, repairs);
    expect(niddk.qa[0].answer).toBe('It affects the penis\u2014the male organ. Risk factors\u2014such as age. The atria (AY-tree-uh)\u2014to fibrillate; disease(s).');
    expect(ghr.qa[0].answer).toBe(topics[1].qa[0].answer);
  });

  test('a space lost beside a small word or inside a phrase the corpus writes apart comes back; words made of two halves stay', () => {
    const phrase = 'heart disease. heart disease. heart disease. fluid pills. fluid pills. fluid pills. finger like. finger like. finger like. in attention. in attention. in attention.';
    const topics = [topic('NHLBI', 'Risk of CHD andheart attack; coronary heartdisease; Diuretics (fluidpills); fingerlike bumps; inattention.', phrase, COMMON)];
    const { words } = findLostDashes(topics, new Set([...ENGLISH, 'heart', 'disease', 'fluid', 'pills', 'finger', 'like', 'in', 'attention']));
    expect(words.get('andheart')).toBe('and heart');
    expect(words.get('heartdisease')).toBe('heart disease');
    expect(words.get('fluidpills')).toBe('fluid pills');
    expect(words.has('fingerlike')).toBe(false);
    expect(words.has('inattention')).toBe(false);
  });

  test('a joined word seen often is split only where its first half is far more common alone', () => {
    const radiologist = Array(60).fill('A radiologist reads it.').join(' ');
    const topics = [
      topic('NIDDK', ...Array(20).fill('and a radiologista doctor who reads images. A statin lowers cholesterol; stat.'), radiologist, 'stat stat stat stat stat', COMMON),
    ];
    const { words } = findLostDashes(topics, ENGLISH);
    expect(words.get('radiologista')).toBe('radiologist\u2014a');
    expect(words.has('statin')).toBe(false);
  });

  test("on NIDDK's pages two common words joined a few times lost a dash, whatever the second; compounds and addresses stay", () => {
    const common = Array(25).fill('edema, swelling, calcium, containing, breast, feeds, cancer, topics.').join(' ');
    const page = 'Signs are edemaswelling in the legs, calciumcontaining antacids and breastfeeds. See www.cancer.gov/cancertopics/tobacco.';
    // The same sentence on thirteen pages.
    const topics = [topic('NIDDK', page, common), topic('NHLBI', 'Watch for edemaswelling.', common), ...Array.from({ length: 11 }, () => topic('NIDDK', 'It causes edemaswelling.'))];
    const repairs = findLostDashes(topics, ENGLISH);
    expect(repairs.words.get('edemaswelling')).toBe('edema\u2014swelling');
    expect(repairs.words.has('calciumcontaining')).toBe(false);
    expect(repairs.words.has('breastfeeds')).toBe(false);
    const [niddk] = withDashesRestored(topics, { ...repairs, words: new Map([...repairs.words, ['cancertopics', 'cancer\u2014topics']]) });
    expect(niddk.qa[0].answer).toBe('Signs are edema\u2014swelling in the legs, calciumcontaining antacids and breastfeeds. See www.cancer.gov/cancertopics/tobacco.');
  });

  test("NINDS's pages lost dashes too; a Latin name's adjective and a plural are no pairs, and a bracket there lost a space", () => {
    const common = 'disease disease disease disease disease chorea chorea chorea chorea chorea encephalitis lethargic lethargic lethargic lethargic lethargic';
    const page = "Crohn's diseasecan cause it. Two choreas differ. Encephalitis lethargica is rare. Drugs (ganciclovir and others)can help.";
    const repairs = findLostDashes([topic('NINDS', page, common, 'A patient with encephalitis lethargica.')], ENGLISH);
    expect(repairs.words.get('diseasecan')).toBe('disease\u2014can');
    expect(repairs.words.has('choreas')).toBe(false);
    expect(repairs.words.has('lethargica')).toBe(false);
    const [ninds] = withDashesRestored([topic('NINDS', page)], repairs);
    expect(ninds.qa[0].answer).toBe("Crohn's disease\u2014can cause it. Two choreas differ. Encephalitis lethargica is rare. Drugs (ganciclovir and others) can help.");
  });
  test('a word said again after a lost dash gets its dash back; a known word of two alike halves stays', () => {
    const common = Array(5).fill('salt diseases').join(' ');
    const page = 'Choose iodized saltsalt supplemented with iodine. Congenital diseasesdiseases present at birth. A murmur; tartar.';
    const repairs = findLostDashes([topic('NIDDK', page, common)], new Set(['murmur', 'tartar']));
    expect(repairs.words.get('saltsalt')).toBe('salt\u2014salt');
    expect(repairs.words.get('diseasesdiseases')).toBe('diseases\u2014diseases');
    expect(repairs.words.has('murmur')).toBe(false);
    expect(repairs.words.has('tartar')).toBe(false);
  });
  test('a word run onto a number gets its space back, or its dash before a word that follows dashes; units and ordinals stay', () => {
    const page = 'Risk of type 2diabetes; it lasts 30minutes. UI after age 3the age when most children are dry. Take 5mg on the 2nd day. See www.x.gov/2diabetes.';
    const topics = [topic('NHLBI', page)];
    const repairs = findLostDashes(topics, new Set([...ENGLISH, 'diabetes', 'minutes']));
    const [nhlbi] = withDashesRestored(topics, repairs);
    expect(nhlbi.qa[0].answer).toBe('Risk of type 2 diabetes; it lasts 30 minutes. UI after age 3\u2014the age when most children are dry. Take 5mg on the 2nd day. See www.x.gov/2diabetes.');
  });
  test("NHLBI's ranges get their dash back only where the joined number cannot be meant", () => {
    expect(restoreRanges('RLS affects about 515 percent of Americans; in 20092010 about 70 percent were seen.')).toBe(
      'RLS affects about 5\u201315 percent of Americans; in 2009\u20132010 about 70 percent were seen.',
    );
    expect(restoreRanges('Borderline high (150199 mg/dL).')).toBe('Borderline high (150\u2013199 mg/dL).');
    // A share of 100 percent or less, a time, or halves that do not rise stay.
    expect(restoreRanges('It rose 1005 percent, then 100 percent; within 24 hours; 20102009; 200150 mg/dL.')).toBe(
      'It rose 1005 percent, then 100 percent; within 24 hours; 20102009; 200150 mg/dL.',
    );
  });

  test('only NHLBI pages get their ranges back', () => {
    const [nhlbi, niddk] = withDashesRestored([topic('NHLBI', 'About 510 percent of women.'), topic('NIDDK', 'About 510 percent of women.')], { words: new Map(), afterNumbers: new Set() });
    expect(nhlbi.qa[0].answer).toBe('About 5\u201310 percent of women.');
    expect(niddk.qa[0].answer).toBe('About 510 percent of women.');
  });
});
