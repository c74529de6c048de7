// Untrusted manifests and records: refused with one short sentence that never repeats the value it refuses.
import { describe, expect, test } from 'vitest';
import { validateManifest, validateRecord } from '../../../lib/dataset/validate';

const manifest = (patch: Record<string, unknown> = {}) => ({
  format: 1,
  version: '2026.11.27',
  created: '2026-11-27',
  counts: { concepts: 2, surfaceForms: 5, researchSummaries: 1, consumerSummaries: 1 },
  sources: [],
  files: [
    { path: 'concepts-0000.jsonl', kind: 'concepts', bytes: 10, records: 2, sha256: 'a'.repeat(64) },
    { path: 'summaries-0000.jsonl', kind: 'summaries', bytes: 10, records: 2, sha256: 'b'.repeat(64) },
  ],
  ...patch,
});

describe('a manifest', () => {
  test('that would install no concepts is refused, and so are counts its files do not hold', () => {
    expect(validateManifest(manifest()).version).toBe('2026.11.27');
    const empty = manifest({ files: [{ path: 'concepts-0000.jsonl', kind: 'concepts', bytes: 0, records: 0, sha256: 'a'.repeat(64) }], counts: { concepts: 0, surfaceForms: 0, researchSummaries: 0, consumerSummaries: 0 } });
    expect(() => validateManifest(empty)).toThrow('This dataset holds no concepts, so it was not installed: every term would be lost.');
    const summariesOnly = manifest({ files: [manifest().files[1]] });
    expect(() => validateManifest(summariesOnly)).toThrow(/holds no concepts/);
    expect(() => validateManifest(manifest({ counts: { concepts: 999_999_999, surfaceForms: 5, researchSummaries: 1, consumerSummaries: 1 } }))).toThrow(
      "The dataset manifest's counts do not match the records its files list, so it was not installed.",
    );
  });

  test('whose version or date could scramble the page, or says nothing, is refused', () => {
    expect(() => validateManifest(manifest({ version: '1.0\u202e\n\n2.0' }))).toThrow('The dataset manifest is not valid (version: must be plain text, without control or direction characters).');
    expect(() => validateManifest(manifest({ version: '   ' }))).toThrow('(version: must not be empty)');
    expect(() => validateManifest(manifest({ created: 'not a date' }))).toThrow('(created: must be a date (YYYY-MM-DD))');
  });

  test('in a newer format says to update the extension', () => {
    expect(() => validateManifest(manifest({ format: 2 }))).toThrow('This dataset is in a newer format (2) than this version of Evidence Lens reads: update the extension to install it.');
  });
});

describe('a record', () => {
  const concept = { id: 'C:1', name: 'Asthma', category: 'disease', synonyms: [], abbreviations: [], treeNumbers: [], summaryCount: 0 };
  test('is refused in a few words, without its value: a megabyte of it would be shown and kept', () => {
    const huge = 'X'.repeat(1_000_000);
    let message = '';
    try {
      validateRecord('concepts', { ...concept, category: huge }, 'concepts-0006.jsonl, record 1130');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toBe('concepts-0006.jsonl, record 1130 is not valid (category: not one of the values the format allows).');
    expect(() => validateRecord('concepts', { ...concept, name: huge }, 'r')).toThrow('r is not valid (name: too long (at most 300)).');
    const { name: _, ...nameless } = concept;
    expect(() => validateRecord('concepts', nameless, 'r')).toThrow('r is not valid (name: missing).');
    expect(() => validateRecord('concepts', { ...concept, summaryCount: 'many' }, 'r')).toThrow('r is not valid (summaryCount: should be a number).');
  });

  test('text that would reorder the view around it, or a count no dataset reaches, is refused', () => {
    // "Asthma" then a right-to-left override: everything after it on the line would read backwards.
    expect(() => validateRecord('concepts', { ...concept, name: 'Asthma\u202e' }, 'r')).toThrow(
      'r is not valid (name: must not hold characters that reorder the text around them).',
    );
    expect(() => validateRecord('concepts', { ...concept, synonyms: ['a\u2067b'] }, 'r')).toThrow(/synonyms\.0: must not hold characters that reorder/);
    // Written forms are matched on pages, so the same rules hold for them, and their count is bounded too.
    expect(validateRecord('concepts', { ...concept, writtenForms: ['asthmatic attack'] }, 'r')).toMatchObject({ writtenForms: ['asthmatic attack'] });
    expect(() => validateRecord('concepts', { ...concept, writtenForms: ['a\u202eb'] }, 'r')).toThrow(/writtenForms\.0: must not hold characters that reorder/);
    expect(() => validateRecord('concepts', { ...concept, writtenForms: Array.from({ length: 501 }, (_, i) => `form ${i}`) }, 'r')).toThrow(/writtenForms/);
    expect(() => validateRecord('concepts', { ...concept, summaryCount: 1e300 }, 'r')).toThrow(/summaryCount/);
    // A summary tied to hundreds of concepts would make the links index many times the dataset's size.
    const research = { id: 'pmid:1', kind: 'research', question: 'Q?', verdict: 'yes', bottomLine: 'B.', findings: [], citation: { pmid: '1', url: 'https://pubmed.ncbi.nlm.nih.gov/1/' } };
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `C:${i}`);
    expect(validateRecord('summaries', { ...research, conceptIds: ids(100) }, 'r')).toMatchObject({ id: 'pmid:1' });
    expect(() => validateRecord('summaries', { ...research, conceptIds: ids(101) }, 'r')).toThrow(/conceptIds/);
    expect(() => validateRecord('summaries', { ...research, conceptIds: ['C:1'], mentions: ids(101) }, 'r')).toThrow(/mentions/);
    // A study in animals keeps that mark through the import; whom else a study was done on is not a mark we know.
    const design = { design: 'rct', source: 'mesh', subjects: 'animals' };
    expect(validateRecord('summaries', { ...research, conceptIds: ['C:1'], design }, 'r')).toMatchObject({ design: { subjects: 'animals' } });
    expect(() => validateRecord('summaries', { ...research, conceptIds: ['C:1'], design: { ...design, subjects: 'plants' } }, 'r')).toThrow(/subjects/);
    // Right-to-left text itself, and the marks that only place neutral characters, are welcome.
    expect(validateRecord('concepts', { ...concept, synonyms: ['\u0631\u0628\u0648', 'a\u200fb'] }, 'r')).toMatchObject({ name: 'Asthma' });
  });

  test('a consumer summary that would show an empty card, or text from nowhere, is refused', () => {
    const consumer = {
      id: 'Q:1',
      kind: 'consumer',
      conceptIds: ['C:1'],
      topic: 'Asthma',
      sections: [{ type: 'information', question: 'What is asthma?', answer: 'A disease of the airways.' }],
      source: { name: 'MedlinePlus', url: 'https://medlineplus.gov/asthma.html' },
    };
    expect(validateRecord('summaries', consumer, 'r')).toEqual(consumer);
    const where = 'summaries-0003.jsonl, record 12';
    expect(() => validateRecord('summaries', { ...consumer, sections: [] }, where)).toThrow(`${where} is not valid (sections: empty).`);
    const blankAnswer = [{ ...consumer.sections[0], answer: ' \n ' }];
    expect(() => validateRecord('summaries', { ...consumer, sections: blankAnswer }, 'r')).toThrow('r is not valid (sections.0.answer: must not be empty).');
    const { source: _, ...sourceless } = consumer;
    expect(() => validateRecord('summaries', sourceless, 'r')).toThrow('r is not valid (source: missing).');
    expect(() => validateRecord('summaries', { ...consumer, source: { ...consumer.source, name: '' } }, 'r')).toThrow('r is not valid (source.name: must not be empty).');
    expect(() => validateRecord('summaries', { ...consumer, source: { ...consumer.source, url: '' } }, 'r')).toThrow('r is not valid (source.url: must not be empty).');
  });
});
