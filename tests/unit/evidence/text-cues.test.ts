// Design cues on real PubMedQA abstract sentences (PMIDs noted), and sentences that must not match.
import { describe, expect, it } from 'vitest';
import { classifyByText, sentences } from '../../../lib/evidence/text-cues';

const methods = (...text: string[]) => text.map((t) => ({ label: 'METHODS', text: t }));
const design = (...text: string[]) => classifyByText(methods(...text)).design;

describe('classifyByText: cues that decide a design', () => {
  it.each([
    ['meta-analysis', 'Twenty-seven studies were included in the meta-analysis, with 928 patients and 867 control subjects.'], // 21457946
    ['meta-analysis', 'A systematic review of longitudinal volumetric studies using region-of-interest structural magnetic resonance imaging.'],
    ['rct', 'This study was a double-blind, multi-centre, randomized, placebo-controlled trial.'], // 21593045
    ['rct', 'Patients were randomly assigned into one of three groups.'], // 24698298
    ['rct', 'Forty patients undergoing AAA repair were randomised to have either first clamping of the proximal aorta or the iliac vessels.'], // 14652839
    ['rct', 'Prospective, randomized, double-blind clinical trial.'], // 18179827
    ['non-randomised-trial', 'This prospective, non-randomized study was undertaken to determine whether the incidence of DGE may be reduced.'], // 10473855
    ['non-randomised-trial', 'Quasi-experimental study of patrons, surveyed after having viewed a movie.'], // 17565137
    ['prospective-cohort', 'Prospective observational study.'],
    ['prospective-cohort', 'Patients with SCD presenting to the emergency department were prospectively evaluated using a physician-completed questionnaire.'], // 10381996
    ['retrospective-cohort', 'Retrospective chart review of all ELBW (<1,000 g) infants admitted to a level III NICU from January 2003 to December 2003.'], // 16465002
    ['retrospective-cohort', 'A retrospective cohort study was performed in all couples with unexplained non-conception undergoing COS-IUI.'], // 16253970
    ['case-control', 'Therefore we performed this case control study to estimate the real risk for bleeding complications of these patients.'], // 10973547
    ['case-control', 'Free and total PSA were analyzed in stored serum samples taken prior to diagnosis in 429 cases and 1,640 controls.'], // 15466981
    ['cross-sectional', 'This is a cross sectional study of 248 women with stage II POP or greater.'], // 21394762
    ['cross-sectional', 'We conducted a cross-sectional survey among adult patients with asthma cared for in 15 managed care organizations.'], // 17453263
    ['cross-sectional', 'Cross-sectional.'], // 11413427, a design section's whole text
    ['cross-sectional', 'Cross-sectional data were obtained by a postal questionnaire.'], // 18801797
    // A survey done once, said no other way.
    ['cross-sectional', 'An online survey was conducted to elicit the relative importance placed on preventing harms.'], // 22867778
    ['cross-sectional', 'Questionnaire-based survey.'], // 20121683, a design section's whole text
    ['cross-sectional', 'A self-administered questionnaire was distributed to all surgeons attending the meeting.'], // 15041506
    ['case-series', 'Single-center, prospective, consecutive case series.'], // 22108230
    ['case-series', 'This case report presents bone densitometry data before, during and after bisphosphonate treatment.'], // 17279467
  ])('%s: %s', (expected, sentence) => {
    const info = classifyByText(methods(sentence));
    expect(info.design).toBe(expected);
    expect(info.source).toBe('text');
    expect(info.evidence).toBeTruthy();
    expect(sentence).toContain(info.evidence!);
  });

  it('a more specific design absorbs a direction: retrospective case-control is case-control', () => {
    expect(design('A retrospective case-control study of patients admitted with sepsis.')).toBe('case-control');
    expect(design('We conducted a retrospective cross-sectional study on 833 asthmatics.')).toBe('cross-sectional'); // 27044366
    expect(design('In this prospective, randomized, double-blind study, we compared the tibial and the peroneal response.')).toBe('rct'); // 17578985
  });

  it('a meta-analysis of trials stays a meta-analysis', () => {
    const sections = [
      { label: 'METHODS', text: 'Phase 3 randomized clinical trials (RCTs) comparing AI with tamoxifen in early breast cancer were considered eligible for this review.' },
      { label: 'CONCLUSIONS', text: 'According to the results from this meta-analysis, the risk of grade 3 and 4 CVAEs was higher.' },
    ]; // 18041059
    expect(classifyByText(sections).design).toBe('meta-analysis');
  });

  it('recognises structured-review headings', () => {
    expect(classifyByText([{ label: 'STUDY SELECTION', text: 'Clinical trials that reported the correlation coefficient.' }]).design).toBe('meta-analysis');
  });
});

describe('classifyByText: sentences that must not decide a design', () => {
  it.each([
    ['random sampling', 'Intraepithelial cells were counted in a blind review of 42 randomly selected biopsies.'], // 9199905
    ['randomly selected charts', 'Two hundred randomly selected charts were abstracted by two nurses.'],
    ['random simulations', 'The observed distribution was compared to the expected distribution determined by averaging 1,000 randomly generated simulations.'], // 11481172
    ['a recommendation', 'Careful prospective studies of this issue are needed.'], // 11481172
    ['a recommendation about our findings', 'Randomized controlled trials are necessary to confirm our findings.'], // 25985014
    ['anatomy, not design', 'Alcohol intake also predicted central systolic BP and carotid cross-sectional wall area (CSWA) at follow-up.'], // 22825590
    ['a cross-section as imaging', 'Cross-sectional images were taken at the apex.'],
    ['how data were kept', 'We reviewed 259 pediatric type II SCHFs that were enrolled in a prospective registry of elbow fractures.'], // 22955530
    ['a prospectively maintained database', 'Data were obtained from a prospectively maintained database.'],
    ['other research', 'However, as most existing research has been retrospective or cross-sectional in design, very little is known.'], // 12920330
    ['a bare control group', 'Patients in the control group received standard care.'],
    ['case reports as material', 'Forty-five case reports were randomly selected by an independent observer from peer-reviewed medical journals.'], // 19664156
  ])('%s', (_why, sentence) => {
    expect(design(sentence)).toBe('unknown');
  });

  it('ignores background sentences about others’ trials', () => {
    const sections = [{ label: 'BACKGROUND', text: 'In randomized secondary prevention trials, fish or fish oil have been demonstrated to reduce total and CHD mortality.' }]; // 15208005
    expect(classifyByText(sections)).toEqual({ design: 'unknown', source: 'none' });
  });

  it('does not call a secondary analysis of trial data a trial', () => {
    expect(design('Thirty-nine stroke patients randomized to the intervention arm of a trial of home BP monitoring were included.')).toBe('unknown'); // 21084567
    expect(design('Therefore, we examined whether patient coaching could reduce disparities in a secondary analysis of a randomized controlled trial.')).toBe('unknown'); // 17244100
  });

  it('a non-randomised observational cohort is a cohort, not a trial', () => {
    expect(design('In this prospective non randomized observational cohort study we have evaluated the influence of age.')).toBe('prospective-cohort'); // 24267613
  });

  it('a survey says less than any design named beside it, and an imaging survey is no survey of people', () => {
    expect(design('A prospective cohort of 300 mothers.', 'A questionnaire was administered at 6 and 12 months.')).toBe('prospective-cohort');
    expect(design('The surveys were performed as part of a randomized trial of two regimens.')).toBe('rct');
    expect(design('Follow-up fetal anatomic surveys were performed on 437 sonograms.')).toBe('unknown'); // 17715311
  });

  it('contradictory cues give unknown rather than a guess', () => {
    expect(design('Patients were randomized to two arms.', 'A retrospective review of the charts was performed.')).toBe('unknown');
    expect(design('Prospective study.', 'DNA was isolated from peripheral blood samples of the cases and controls.')).toBe('unknown'); // 24995509
  });

  it('own data pooled with the literature is not called a review', () => {
    expect(
      design(
        'Subsequently, we quantitatively combined the results with those from the published literature in a meta-analysis after searching several databases.',
      ),
    ).toBe('unknown'); // 28006766
  });
});

describe('sentences', () => {
  it('end at a stop before a capital or a number, not after an abbreviation', () => {
    // 17113061: the sample size's sentence was quoted as "…lower HDL cholesterol (0.67 vs."
    expect(sentences('Levels were lower (0.67 vs. 1.58 mmol/l) (P<0.05). Others, e.g. Crohn disease, as Smith et al. 2004 found. Done.')).toEqual([
      'Levels were lower (0.67 vs. 1.58 mmol/l) (P<0.05).',
      'Others, e.g. Crohn disease, as Smith et al. 2004 found.',
      'Done.',
    ]);
    expect(sentences('The rate was 0.05. 13 patients died.AIM: To see.')).toEqual(['The rate was 0.05.', '13 patients died.', 'AIM: To see.']);
  });
});
