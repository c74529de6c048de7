// Sample-size patterns on real PubMedQA sentences (PMIDs noted), and counts that must not be taken.
import { describe, expect, it } from 'vitest';
import { extractSampleSize, parseCount } from '../../../lib/evidence/sample-size';

const methods = (...text: string[]) => text.map((t) => ({ label: 'METHODS', text: t }));
const size = (...text: string[]) => {
  const s = extractSampleSize(methods(...text));
  return s && { n: s.n, unit: s.unit };
};

describe('parseCount', () => {
  it.each([
    ['120', 120],
    ['1,024', 1024],
    ['12 537', 12537],
    ['Sixty-two', 62],
    ['One hundred and eight', 108],
    ['Three hundred and seventeen', 317],
    ['One thousand one', 1001],
    ['twelve', 12],
  ])('%s = %d', (raw, n) => expect(parseCount(raw)).toBe(n));
});

describe('extractSampleSize: clear statements', () => {
  it.each([
    ['A total of 185 patients underwent tonsillectomy with or without adenoidectomy.', 185, 'patients'], // 12070552
    ['Ambulatory residents meeting DSM-IV criteria for dementia (N = 181) were studied.', 181, 'residents'], // 18378554
    ['Patients (N=44) with idiopathic PD.', 44, 'patients'], // 20382292
    ['The sample comprised all residents over age 44 years in Switzerland (n=2,440,242).', 2440242, 'residents'], // 22012962
    ['In this nationally representative sample of 1,418 women who were sterile from a tubal sterilization, 78% had a history of unintended pregnancy.', 1418, 'women'], // 23621776
    ['A total of 12 537 participants with dysglycaemia and high CV-risk were randomized to basal insulin glargine.', 12537, 'participants'], // 23999452
    ['Sixty-two patients (19 men and 43 women; mean age, 54 years) with heartburn were studied in a randomized, double-blind trial.', 62, 'patients'], // 11500608
    ['One hundred and eight patients were analyzed.', 108, 'patients'], // 26079501
    ['Twenty-six ASA I-III patients scheduled for elective lower limb surgery were randomized to receive a parasacral sciatic block.', 26, 'patients'], // 17578985
    ['We retrospectively reviewed 163 patients who had undergone unilateral ACL reconstruction from January 2002 to August 2009.', 163, 'patients'], // 24695920
    ['Of the initial 417 subjects, 355 patients met our inclusion criteria.', 355, 'patients'], // 24630333
    ['Nationwide population-based prospective cohort study in Denmark, based on a random sample of 51 090 women aged 20 years or older.', 51090, 'women'], // 27216167
  ])('%s', (sentence, n, unit) => {
    const s = extractSampleSize(methods(sentence));
    expect(s).toEqual({ n, unit, sentence });
  });

  it('takes the whole sample, not the arms that follow it', () => {
    expect(size('Forty patients with tuberculous enterocolitis were randomized prospectively: 22 patients into a 9-month and 18 into a 15-month group.')).toEqual({ n: 40, unit: 'patients' }); // 12848629
  });

  it('prefers methods to results and skips the background', () => {
    const s = extractSampleSize([
      { label: 'BACKGROUND', text: 'A previous study of 5,000 women found no effect.' },
      { label: 'RESULTS', text: 'Of the 312 patients, 40 patients had a complication.' },
      { label: 'METHODS', text: 'We enrolled 320 consecutive patients undergoing elective PCI.' },
    ]);
    expect(s?.n).toBe(320);
  });
});

describe('extractSampleSize: counts that must not be taken', () => {
  it.each([
    ['lab replicates', 'Each assay was run in triplicate (n = 3 replicates).'],
    ['lab replicates, no unit', 'Values are means of n = 3 independent experiments.'],
    ['group sizes', 'Patients were randomized in an immediate-start therapy group (n = 19) and a 6-week delayed-start therapy group (n = 19).'], // 27592038
    ['a subgroup with a percentage', 'Overall, 25 (33%) patients concluded the study early.'], // 11035130
    ['subgroup of whom', 'Of whom 12 patients developed sepsis.'],
    ['a part of a larger count', 'Eighteen of 815 patients received breathlessness symptom control with opioid PCT.'], // 26578404
    ['one group only', 'Group 1 (recurrent spontaneous abortion) consisted of 357 women with 2 or more spontaneous losses.'], // 17403428
    ['cases and controls counted apart', 'Cases were 507 subjects with a first episode of nonfatal acute MI, and controls were 478 patients admitted to hospitals for other acute diseases.'], // 15475728
    ['two groups side by side', '13 CLBP patients and 15 healthy subjects performed a hand-function task in three conditions.'], // 21951591
    ['a planned size', 'Power calculation stipulated a study population of 323 patients.'], // 26163474
    ['a control group', 'One hundred sixty-two patients, the control group for this study, were evaluated at Henry Ford Hospital.'], // 9191526
    ['a count of surveys', 'Two nationally representative cross-sectional households surveys conducted in 2003 and 2007 were the main sources of data.'], // 22233470
    ['a year, not a count', 'In 2005 patients were recruited from three clinics.'],
    ['an age range', 'Patients aged 18-65 patients were eligible.'],
    ['no people counted', 'Intraepithelial cells were counted in a blind review of 42 randomly selected biopsies.'],
  ])('%s', (_why, sentence) => {
    expect(extractSampleSize(methods(sentence))).toBeUndefined();
  });

  it('ignores numbers in background and conclusions', () => {
    expect(
      extractSampleSize([
        { label: 'BACKGROUND', text: 'A total of 500 patients were studied in an earlier trial.' },
        { label: 'CONCLUSIONS', text: 'A total of 90 patients were included.' },
      ]),
    ).toBeUndefined();
  });
});

describe('extractSampleSize: groups and matching ratios', () => {
  it.each([
    ['a lettered group', 'Seventy patients composed the group A, whose operations were completed with placement of nasogastric tube.'], // 24476003
    ['a numbered group with n =', 'Group 3 (spontaneous abortion) women (n = 81) were recruited at the time of an ultrasound diagnosis.'], // 17403428
    ['a matching ratio', 'In this retrospective cohort study we included two controls for each MAS patient, matched on diagnosis, sex and age.'], // 21194998
    // It was read as "n = 2 patients".
    // It was read as "n = 2 newborns".
    ['a count in words with a plural hundred', 'Two hundreds newborns were screened in the first week.'],
    // It was read as "n = 85 patients" (the meta-analysis had 19,818).
    ['a number needed to harm', 'The use of AIs was associated with an NNH value of 85 patients treated.'],
    ['referents per case, with both groups counted', 'We conducted a population-based case-referent study of 25- to 74-year-old stroke patients with, for each case of a patient who was on statin treatment at the onset of stroke (n=125), 2 referent patients who were not treated with statins but were matched for age, gender, year of onset, and stroke subtype (n=250).'], // 11340218
  ])('%s', (_why, sentence) => {
    expect(extractSampleSize([{ label: 'METHODS', text: sentence }])).toBeUndefined();
  });
});

describe('extractSampleSize: what readings of 210 abstracts found (session 28)', () => {
  it.each([
    // A year and its comma is no list of counts ("12, 15 and 20 patients"): it had been read as "15 patients" from the results.
    ['a count after a period of years', 'Between January 1995 and March 2001, 43 consecutive patients underwent operations for acute aortic dissection.', 43, 'patients'], // 12607666
    ['a count after a range of months', 'From July 2004 to June 2005, 18 patients underwent LPN with warm ischemia time>30 min.', 18, 'patients'], // 17445978
    ['who took part, after what they had', 'Twenty children who had spina bifida and were ambulatory participated.', 20, 'children'], // 19482903
    ['a participle right after the count', 'Among 93 subjects studied, OM was the most frequent disorder (n = 16; 17.2%), followed by orthostatic tremor (13.9%).', 93, 'subjects'], // 23916653
    ['the patients a physician count was for', 'A cross-sectional assessment of the medication history documented by 123 physicians for 900 randomly selected patients.', 900, 'patients'], // 18537964
    ['a share that is the sample', 'Only overweight children (n=271, 24.7%) are included in this study.', 271, 'children'], // 25079920
    ['the children studied, not the population they were drawn from', 'Of a population of 313 children who had a 99mTc-WBC scan, 130 children were studied exclusively to rule out IBD.', 130, 'children'], // 10811329
    ['the verb before a second count', 'Three hundred eighty-one surgeons responded to this survey and 351 were used for the analysis.', 381, 'surgeons'], // 19854401
    ['an age between the count and its verb', 'Seventeen children with ARDS and malignancy aged 10.5 +/- 5.1 years were identified.', 17, 'children'], // 11481599
    ['a breakdown in percentages, not a share', 'Nine hundred and ninety-three US adults (60% male, 80% American European, mean age=31 years) completed self-report measures of habitual plate clearing.', 993, 'adults'], // 25521278
    ['beneficiaries, with a space between thousands', 'We studied 38 055 Medicare beneficiaries who received a new CIED between January 1, 2005, and June 30, 2009.', 38055, 'beneficiaries'], // 23264436
    ['a total, its groups after a semicolon', 'A total of 18,605 patients met inclusion criteria; 2067 patients were in the long-distance/high-volume group and 1362 in the short-distance/low-volume group.', 18605, 'patients'], // 29112560
  ])('%s', (_why, sentence, n, unit) => {
    expect(size(sentence)).toEqual({ n, unit });
  });

  it.each([
    ['a subgroup added', 'Additionally, two patients underwent DBE to exclude Crohn\'s disease and lymphoma of the small bowel.'], // 17593459
    ['a part given with its share', 'OM was the most frequent disorder among the subjects (n = 16; 17.2%).'], // 23916653
    ['one arm matched to another', 'Data from 42 elderly (age> 65 years) patients receiving surgery plus radiotherapy (S + RT) were matched to 84 patients (1:2) receiving radiotherapy alone (RT).'], // 22349635
    ['one group of a study with a control group', 'In this retrospective study, 483 patients with BPPV were included in the study group.'], // 26601554
    ['two groups, the second not a counted unit', 'Twenty-eight patients suffering from ET (10 males plus 18 females) and 28 NV (12 males and 16 females) were enroled in this study.'], // 22382608
    ['the pool before exclusions', 'Of 118 volunteers, 32 were excluded because they withdrew for personal reasons.'], // 8199520
    ['the second group, after "and in"', 'We assessed beta E levels in a consecutive sample of 60 alcoholics on days 1, 7 and 14 of withdrawal and in 30 healthy volunteers.'], // 12172698
    ['a part of the sample', 'Out of this sample 199 patients were treated with U-blade (RC) lag screws.'], // 27832831
    ['a part of a group named before', 'Of these, 154 respondents identified themselves as resident in London and were included in this analysis.'], // 25793749
    ['the physicians who saw the patients', 'We analyzed data concerning patients with PUD or NUD seen by 80 Italian primary care physicians.'], // 11978239
    ['"a total of" one of two groups', 'A total of 23 subjects with chronically raised alanine transaminase and a liver biopsy in whom all known causes of liver disease had been excluded, and 40 subjects with hepatitis C virus-related chronic liver disease.'], // 11926574
    ['a share of the sample', 'Forty patients (80%) had a complication.'],
    ['a pool beside its groups and controls', 'From 2000 to 2007, 344 patients underwent pancreatoduodenectomy for PA. Fifty-three patients had elevated serum CA 19-9 levels. Fifty patients with normal preoperative serum CA 19-9 levels (<37 IU/ml) comprised the control group.'], // 19459018
  ])('%s', (_why, sentence) => {
    expect(extractSampleSize(methods(sentence))).toBeUndefined();
  });

  it('a total in the methods, not a subgroup the results add', () => {
    const s = extractSampleSize([
      { label: 'PATIENTS AND METHODS', text: 'Forty-four patients (20 women, 24 men; mean age 53.5 years-old, range 21-89 years) with chronic gastrointestinal bleeding, diarrhea, polyposis, weight-loss, Roux-en-Y surgery, and other indications underwent DBE.' },
      { label: 'RESULTS', text: 'Twenty patients had occult or obscure gastrointestinal bleeding. Additionally, two patients underwent DBE to exclude Crohn\'s disease.' },
    ]); // 17593459
    expect(s?.n).toBe(44);
  });

  it.each([
    ['healthy volunteers counted apart', 'The present study included 45 patients with end-stage renal disease (ESRD) on regular HD. In addition, 15 healthy volunteers were included as a control group.'], // 18568290
    ['controls counted apart, in words', 'We identified 102 consecutive infants with surgically confirmed IHPS. Fifty-one infants who did not have pyloric stenosis served as controls.'], // 11566686
    ['controls counted apart, n =', 'A retrospective review was performed on 52 cases with a histologic diagnosis of acute chorioamnionitis. Third-trimester placentas without histologic chorioamnionitis (n = 52) served as controls.'], // 18251357
  ])('one group, when controls are counted in another sentence: %s', (_why, text) => {
    expect(extractSampleSize(methods(text))).toBeUndefined();
  });

  it('healthy volunteers who are the sample, and a total stated beside its controls, are kept', () => {
    expect(size('Seven healthy volunteers received 50-250 mg/day of amoxapine for 5 days and then had PET scans.')).toEqual({ n: 7, unit: 'volunteers' }); // 10331115
    expect(size('A total of 104 patients were enrolled.', 'Controls (n = 52) were recruited from the same clinic.')).toEqual({ n: 104, unit: 'patients' });
  });

  it('a count that is its cases and controls together is the sample', () => {
    expect(size('Three hundred patients were enrolled in the study. Ninety were hypertensive patients with CKD taken as cases, whereas 210 hypertensive patients without CKD were taken as controls.')).toEqual({ n: 300, unit: 'patients' }); // 27050505
    // Two groups of one size: 52 and 52 make 104, one 52 alone does not make 104 (nor 52 the total).
    expect(size('We studied 104 women.', 'Fifty-two women with preeclampsia were cases and 52 healthy women served as controls.')).toEqual({ n: 104, unit: 'women' });
    expect(size('We studied 104 women.', 'Fifty-two healthy women served as controls.')).toBeUndefined();
  });

  it('still takes a sample whose breakdown follows ("of whom 21 ... and 25 ...")', () => {
    expect(size('We studied 46 consecutive patients, of whom 21 were male and 25 were female.')).toEqual({ n: 46, unit: 'patients' });
  });
});

describe('extractSampleSize: split samples', () => {
  it.each([
    ['two age groups', '300 elderly (>60 years) and 300 young (<35 years) persons from five Austrian cities were recruited.'],
    ['a named group', 'Fifty-three patients (elevated group) had preoperatively elevated serum CA 19-9 levels.'],
  ])('%s', (_why, sentence) => {
    expect(extractSampleSize([{ label: 'METHODS', text: sentence }])).toBeUndefined();
  });
});

describe('extractSampleSize: what a check of all 1,000 found (session 30)', () => {
  it('a year before a count in words is no count', () => {
    expect(size('From December 1990 through December 1998 thirty patients were studied (22 males and 8 females).')).toEqual({ n: 30, unit: 'patients' }); // 11149643
  });

  it.each([
    ['the pool, then who was included', 'One hundred sixteen patients with PE were identified, and 77 of them (66%) were included in the study.'], // 17276801
    ['the pool, then who returned the questionnaire', 'Three hundred twelve physicians were contacted, and 154 returned questionnaires that could be analyzed.'], // 16100194
    ['one group compared with another', 'Outcomes of 43 primary LRT patients were compared with those of 49 primary SLT patients (14 ex situ, 35 in situ).'], // 11729377
    ['one group compared with controls', 'Thirty-two ex-ELBW subjects (11 males and 21 females, aged 17-29 years) were compared with 25 C (7 M and 18F).'], // 21420186
    ['cases, with their controls in the same sentence', 'This case-control study included 30 term severely macrosomic neonates; 90 appropriate-for-gestational age (AGA) neonates served as controls.'], // 18570208
  ])('%s', (_why, sentence) => {
    expect(extractSampleSize(methods(sentence))).toBeUndefined();
  });

  it('a year after "and" is no second count', () => {
    expect(size('A total of 648 breast cancer patients treated between 2004 and 2005 were included in the study.')).toEqual({ n: 648, unit: 'patients' }); // 23234860
  });
});

describe('extractSampleSize: who was left after exclusions (session 31)', () => {
  it('the count left to study, said after the pool, is the sample', () => {
    expect(
      size(
        'Between May 2011 and April 2013, LSG was performed in 102 consecutive patients undergoing bariatric surgery.',
        'Two patients were excluded, and data from the remaining 100 patients were analyzed in this study.',
      ),
    ).toEqual({ n: 100, unit: 'patients' }); // 24827404
    const reviewed = extractSampleSize([
      { label: 'METHODS', text: 'We reviewed 500 consecutive cases with acute aSAH with surgical indication for aneurysm repair.' },
      { label: 'RESULTS', text: '69 cases were included in this study (ranged 80-98, male:female=9:60). 56 cases (81.2%) had an aneurysm.' },
    ]); // 24153338
    expect(reviewed).toEqual({ n: 69, unit: 'cases', sentence: '69 cases were included in this study (ranged 80-98, male:female=9:60).' });
  });

  it('a subgroup called "the remaining", or one group "included in the study group", is not', () => {
    expect(
      size(
        'A total of 240 patients were enrolled.',
        'In the remaining 52 respiratory jugular venodilation-unidentified patients, the access rate was better.',
        '40 patients were included in the study group.',
      ),
    ).toEqual({ n: 240, unit: 'patients' }); // 12407608
  });
});
