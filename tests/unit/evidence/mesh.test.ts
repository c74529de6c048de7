import { describe, expect, it } from 'vitest';
import { assessMesh } from '../../../lib/evidence/mesh';

describe('assessMesh: the design MeSH decides', () => {
  it.each([
    [['Humans', 'Double-Blind Method', 'Prospective Studies'], 'rct', 'Double-Blind Method'],
    [['Single-Blind Method', 'Random Allocation'], 'rct', 'Single-Blind Method; Random Allocation'],
    [['Case-Control Studies', 'Retrospective Studies'], 'case-control', 'Case-Control Studies'],
    [['Cross-Sectional Studies', 'Retrospective Studies'], 'cross-sectional', 'Cross-Sectional Studies'],
    [['Retrospective Studies', 'Follow-Up Studies'], 'retrospective-cohort', 'Retrospective Studies'],
    [['Cohort Studies', 'Retrospective Studies'], 'retrospective-cohort', 'Retrospective Studies; Cohort Studies'],
    [['Prospective Studies'], 'prospective-cohort', 'Prospective Studies'],
    [['Cohort Studies'], 'cohort', 'Cohort Studies'], // direction not said
    [['Cohort Studies', 'Retrospective Studies', 'Prospective Studies'], 'cohort', 'Cohort Studies'], // both
    [['Retrospective Studies*'], 'retrospective-cohort', 'Retrospective Studies'],
  ])('%j -> %s', (headings, design, evidence) => {
    const info = assessMesh(headings).info;
    expect(info.design).toBe(design);
    expect(info.source).toBe('mesh');
    expect(info.evidence).toBe(evidence);
    expect(info.level).toBeGreaterThan(0);
  });

  it.each([
    [['Randomized Controlled Trials as Topic']], // about trials, not a trial
    [['Random Allocation']], // also used for random sampling
    [['Single-Blind Method', 'Prospective Studies']], // blinded, randomisation unknown
    [['Cohort Studies', 'Random Allocation']], // a trial's arms may be called a cohort
    [['Cohort Studies', 'Cross-Sectional Studies', 'Longitudinal Studies']], // one of two designs
    [['Follow-Up Studies']],
    [['Surveys and Questionnaires']], // a tool, not a design
    [['Pilot Projects']],
    [['Retrospective Studies', 'Prospective Studies']], // conflicting
    [['Cross-Sectional Studies', 'Longitudinal Studies']],
    [['Humans', 'Female', 'Breast Neoplasms']],
    [[]],
  ])('%j -> unknown', (headings) => {
    expect(assessMesh(headings).info).toEqual({ design: 'unknown', source: 'none' });
  });

  it('random allocation with a retrospective heading is random sampling, not a trial', () => {
    expect(assessMesh(['Random Allocation', 'Retrospective Studies']).info.design).toBe('retrospective-cohort');
  });

  it('says which designs the abstract may refine a MeSH design into', () => {
    expect(assessMesh(['Prospective Studies']).compatible).toContain('rct');
    expect(assessMesh(['Prospective Studies', 'Cohort Studies']).compatible).toEqual([]);
    expect(assessMesh(['Retrospective Studies']).compatible).toEqual(['case-control', 'case-series']);
    expect(assessMesh(['Cohort Studies']).compatible).toEqual(['prospective-cohort', 'retrospective-cohort']);
    expect(assessMesh(['Double-Blind Method']).compatible).toEqual([]);
  });
});
