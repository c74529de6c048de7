import { describe, expect, it } from 'vitest';
import type { DesignInfo, StudyDesign } from '../../../lib/dataset/types';
import { compareResearch, DESIGN_LABELS, EVIDENCE_LEVELS, levelOf } from '../../../lib/evidence/levels';

const d = (design: StudyDesign, level?: number): DesignInfo => ({ design, source: 'mesh', ...(level ? { level } : {}) });

describe('evidence levels', () => {
  it('orders the designs from pooled trials down to case series', () => {
    expect(levelOf('meta-analysis')).toBe(1);
    expect(levelOf('rct')).toBe(2);
    expect(levelOf('prospective-cohort')).toBe(3);
    expect(levelOf('retrospective-cohort')).toBe(3);
    expect(levelOf('non-randomised-trial')).toBe(3);
    expect(levelOf('case-control')).toBe(4);
    expect(levelOf('cross-sectional')).toBe(4);
    expect(levelOf('case-series')).toBe(5);
    expect(levelOf('unknown')).toBeUndefined();
    expect(Object.values(EVIDENCE_LEVELS).every((l) => l >= 1 && l <= 5)).toBe(true);
  });

  it('has a short label for every design', () => {
    expect(DESIGN_LABELS.rct).toBe('Randomised trial');
    expect(DESIGN_LABELS['retrospective-cohort']).toBe('Retrospective cohort');
    for (const label of Object.values(DESIGN_LABELS)) expect(label.length).toBeLessThanOrEqual(24);
  });
});

describe('compareResearch', () => {
  it('sorts by level first, unknown and missing designs last, then newest year', () => {
    const items = [
      { id: 'none-2020', year: 2020 },
      { id: 'unknown-2019', design: { design: 'unknown', source: 'none' } as DesignInfo, year: 2019 },
      { id: 'cohort-2001', design: d('retrospective-cohort', 3), year: 2001 },
      { id: 'series-2015', design: d('case-series', 5), year: 2015 },
      { id: 'rct-1999', design: d('rct', 2), year: 1999 },
      { id: 'cohort-2010', design: d('prospective-cohort', 3), year: 2010 },
      { id: 'rct-2008', design: d('rct', 2), year: 2008 },
      { id: 'rct-noyear', design: d('rct', 2) },
      { id: 'ma-1995', design: d('meta-analysis', 1), year: 1995 },
    ];
    expect(items.sort(compareResearch).map((x) => x.id)).toEqual([
      'ma-1995',
      'rct-2008',
      'rct-1999',
      'rct-noyear',
      'cohort-2010',
      'cohort-2001',
      'series-2015',
      'none-2020',
      'unknown-2019',
    ]);
  });

  it('uses the design, not a stale level field', () => {
    const stale = { design: { design: 'case-series', level: 1, source: 'text' } as DesignInfo, year: 2020 };
    expect(compareResearch({ design: d('rct', 2), year: 2000 }, stale)).toBeLessThan(0);
  });
});
