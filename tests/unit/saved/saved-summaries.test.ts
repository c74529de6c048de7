import { describe, expect, test } from 'vitest';
import { normaliseSaved, SAVED_LIMIT, savedCitations, savedEntry, savedPmids, withSaved, withoutSaved } from '../../../lib/saved/saved-summaries';
import { CONSUMER, TRIAL } from '../components/fixtures';

describe('a saved summary', () => {
  test("a study keeps what its row and its citation need: question, verdict, year, PubMed id and address", () => {
    expect(savedEntry(TRIAL, 5)).toEqual({
      id: 'pmid:18000001',
      kind: 'research',
      title: TRIAL.question,
      verdict: 'yes',
      year: 2008,
      pmid: '18000001',
      url: 'https://pubmed.ncbi.nlm.nih.gov/18000001/',
      at: 5,
    });
  });

  test('a plain-language page keeps its topic, its site and its address', () => {
    expect(savedEntry(CONSUMER, 6)).toEqual({ id: 'medquad:0001', kind: 'consumer', title: 'Breast Cancer', url: 'https://medlineplus.gov/breastcancer.html', source: 'MedlinePlus', at: 6 });
  });

  test('newest first, each summary once; removing one leaves the rest in order', () => {
    let list = withSaved([], savedEntry(TRIAL, 1));
    list = withSaved(list, savedEntry(CONSUMER, 2));
    list = withSaved(list, savedEntry(TRIAL, 3));
    expect(list.map((s) => [s.id, s.at])).toEqual([
      ['pmid:18000001', 3],
      ['medquad:0001', 2],
    ]);
    // One put back with its old time (Undo) takes its old place.
    expect(withSaved([savedEntry(TRIAL, 9), savedEntry({ ...TRIAL, id: 'pmid:1' }, 3)], savedEntry(CONSUMER, 5)).map((s) => s.at)).toEqual([9, 5, 3]);
    expect(withoutSaved(list, 'pmid:18000001').map((s) => s.id)).toEqual(['medquad:0001']);
    expect(savedPmids(list)).toEqual(['18000001']);
  });

  test('citations: numbered AMA references, a study by its PubMed id and a page by its site', () => {
    const text = savedCitations([savedEntry(TRIAL, 2), savedEntry(CONSUMER, 1)], new Date(2026, 10, 29));
    expect(text.split('\n')).toEqual([
      `1. ${TRIAL.question} PubMed. Published 2008. PMID: 18000001. Accessed November 29, 2026. https://pubmed.ncbi.nlm.nih.gov/18000001/`,
      '2. Breast Cancer. MedlinePlus. Accessed November 29, 2026. https://medlineplus.gov/breastcancer.html',
    ]);
  });
});

describe('a stored list read back', () => {
  test('a damaged or hostile value gives only clean entries, each once, newest first, within the limit', () => {
    const good = savedEntry(TRIAL, 2);
    const raw = [
      good,
      { ...good, at: 1 }, // the same summary again
      { ...savedEntry(CONSUMER, 3), url: 'javascript:alert(1)' }, // never a link that is not the web's
      { ...savedEntry(CONSUMER, 4), verdict: 'definitely', year: 'soon', pmid: '12; DROP', missing: 'yes' },
      { id: 'x', kind: 'other', title: 't', url: 'https://a.example', at: 1 },
      { id: '', kind: 'research', title: 't', url: 'https://a.example', at: 1 },
      { ...good, id: 'pmid:2', title: 'x'.repeat(5000) },
      null,
      'text',
    ];
    expect(normaliseSaved(raw)).toEqual([savedEntry(CONSUMER, 4), good]);
    expect(normaliseSaved({ not: 'a list' })).toEqual([]);
    const many = Array.from({ length: SAVED_LIMIT + 20 }, (_, i) => ({ ...good, id: `pmid:${i}`, at: i }));
    const read = normaliseSaved(many);
    expect(read).toHaveLength(SAVED_LIMIT);
    expect(read[0].at).toBe(SAVED_LIMIT + 19);
  });

  test('one the dataset no longer holds stays marked so', () => {
    expect(normaliseSaved([{ ...savedEntry(TRIAL, 1), missing: true }])[0].missing).toBe(true);
  });
});
