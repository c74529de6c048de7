import { describe, expect, it } from 'vitest';
import { assessStudy } from '../../../lib/evidence/index';

describe('assessStudy', () => {
  it('takes MeSH first when it decides a design', () => {
    const r = assessStudy({
      meshHeadings: ['Humans', 'Cross-Sectional Studies'],
      sections: [{ label: 'METHODS', text: 'We retrospectively reviewed the records of 400 patients of RCC.' }],
    });
    expect(r.design).toEqual({ design: 'cross-sectional', level: 4, source: 'mesh', evidence: 'Cross-Sectional Studies' });
    expect(r.sampleSize).toEqual({ n: 400, unit: 'patients', sentence: 'We retrospectively reviewed the records of 400 patients of RCC.' });
  });

  it('lets the abstract name a trial that "Prospective Studies" alone cannot rule out', () => {
    const r = assessStudy({
      meshHeadings: ['Prospective Studies'],
      sections: [{ label: 'DESIGN', text: 'Prospective randomized study.' }], // 12407608
    });
    expect(r.design.design).toBe('rct');
    expect(r.design.source).toBe('text');
    expect(r.design.level).toBe(2);
    expect(r.design.evidence).toContain('Prospective Studies');
  });

  it('keeps MeSH where the text contradicts it', () => {
    const r = assessStudy({
      meshHeadings: ['Case-Control Studies'],
      sections: [{ label: 'METHODS', text: 'The aim of this prospective study was to demonstrate dysfunction of the anal sphincter.' }],
    });
    expect(r.design.design).toBe('case-control');
    expect(r.design.source).toBe('mesh');
  });

  it('marks a study MeSH indexes in animals and not in people, keeping its design and dropping its level', () => {
    const sections = [{ label: 'METHODS', text: 'Rats were randomized to edaravone or saline.' }];
    const rats = assessStudy({ meshHeadings: ['Animals', 'Rats', 'Female', 'Random Allocation'], sections }); // 23899611
    expect(rats.design.subjects).toBe('animals');
    expect(rats.design.level).toBeUndefined();
    expect(rats.design.design).not.toBe('unknown');
    const both = assessStudy({ meshHeadings: ['Animals', 'Humans', 'Random Allocation'], sections });
    expect(both.design.subjects).toBeUndefined();
    expect(both.design.level).toBeDefined();
  });

  it('falls back to text cues without MeSH', () => {
    const r = assessStudy({ sections: [{ label: 'METHODS', text: 'Retrospective cohort study.' }] });
    expect(r.design).toEqual({ design: 'retrospective-cohort', level: 3, source: 'text', evidence: 'Retrospective cohort study' });
    expect(r.sampleSize).toBeUndefined();
  });

  it('does not let text contradict what undecided headings say', () => {
    const r = assessStudy({
      meshHeadings: ['Cohort Studies'],
      sections: [{ label: 'METHODS', text: 'We performed a case-control study.' }],
    });
    expect(r.design).toEqual({ design: 'unknown', source: 'none' });
  });

  it('a cohort MeSH names without a direction is a cohort study, unless the abstract gives one or calls it else', () => {
    const cohort = (text: string) => assessStudy({ meshHeadings: ['Cohort Studies'], sections: [{ label: 'METHODS', text }] }).design;
    expect(cohort('We followed 44 patients with idiopathic PD.')).toEqual({ design: 'cohort', level: 3, source: 'mesh', evidence: 'Cohort Studies' });
    expect(cohort('This was a retrospective cohort study of 200 patients.').design).toBe('retrospective-cohort');
    expect(cohort('A cross sectional study of 38 patients.').design).toBe('unknown'); // 17601244
    // The abstract alone: "This is a population-based cohort study." (25499207), "DESIGN: Inception cohort study."
    expect(assessStudy({ sections: [{ label: 'STUDY DESIGN', text: 'This is a population-based cohort study.' }] }).design.design).toBe('cohort');
    expect(assessStudy({ sections: [{ label: 'DESIGN', text: 'Inception cohort study.' }] }).design.design).toBe('cohort');
    // A design said beside it says more: a prospective cohort study, a case-control study nested in a cohort.
    expect(assessStudy({ sections: [{ label: 'METHODS', text: 'A prospective cohort study of 90 infants.' }] }).design.design).toBe('prospective-cohort');
    expect(assessStudy({ sections: [{ label: 'METHODS', text: 'A case-control study nested in a cohort study.' }] }).design.design).toBe('case-control');
    // Others' cohort studies are not this one.
    expect(assessStudy({ sections: [{ label: 'BACKGROUND', text: 'Previous cohort studies have shown a risk.' }] }).design.design).toBe('unknown');
  });

  it('reads the conclusion only where it speaks of this study', () => {
    expect(assessStudy({ sections: [], conclusion: 'Randomised trials are needed.' }).design.design).toBe('unknown');
    expect(assessStudy({ sections: [], conclusion: 'This retrospective study shows a benefit.' }).design.design).toBe('retrospective-cohort');
  });

  it('says unknown when nothing is known', () => {
    expect(assessStudy({ sections: [{ text: 'Vaccines were stored at varying temperatures.' }] })).toEqual({
      design: { design: 'unknown', source: 'none' },
    });
  });
});
