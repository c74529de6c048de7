import { describe, expect, it } from 'vitest';
import { DESIGN_LABELS, EVIDENCE_LEVELS, evidenceLevel, levelOf } from '../../../lib/evidence/levels';

describe('evidence levels', () => {
  it('orders the designs from pooled trials down to case series', () => {
    expect(levelOf('meta-analysis')).toBe(1);
    expect(levelOf('rct')).toBe(2);
    expect(levelOf('prospective-cohort')).toBe(3);
    expect(levelOf('retrospective-cohort')).toBe(3);
    expect(levelOf('cohort')).toBe(3); // a cohort study that does not say which way it looked
    expect(levelOf('non-randomised-trial')).toBe(3);
    expect(levelOf('case-control')).toBe(4);
    expect(levelOf('cross-sectional')).toBe(4);
    expect(levelOf('case-series')).toBe(5);
    expect(levelOf('unknown')).toBeUndefined();
    expect(Object.values(EVIDENCE_LEVELS).every((l) => l >= 1 && l <= 5)).toBe(true);
  });

  it('gives a study in animals no level, whatever its design', () => {
    expect(evidenceLevel({ design: 'rct', source: 'mesh' })).toBe(2);
    expect(evidenceLevel({ design: 'rct', source: 'mesh', subjects: 'animals' })).toBeUndefined();
    expect(evidenceLevel(undefined)).toBeUndefined();
  });

  it('has a short label for every design', () => {
    expect(DESIGN_LABELS.rct).toBe('Randomised trial');
    expect(DESIGN_LABELS['retrospective-cohort']).toBe('Retrospective cohort');
    expect(DESIGN_LABELS.cohort).toBe('Cohort study');
    for (const label of Object.values(DESIGN_LABELS)) expect(label.length).toBeLessThanOrEqual(24);
  });
});
