import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { excerpt, groupDigits, longDate, nameFor, otherNamesFor, plural } from '../../../components/format';

test('whole numbers get the same separators as en-US formatting, without the number formatter', () => {
  fc.assert(fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => groupDigits(n) === n.toLocaleString('en-US')));
  expect([0, 7, 999, 1000, 12345, -1234567].map(groupDigits)).toEqual(['0', '7', '999', '1,000', '12,345', '-1,234,567']);
  // Anything else still goes to the formatter.
  expect(groupDigits(1234.5)).toBe('1,234.5');
  expect(plural(1, 'study', 'studies')).toBe('1 study');
  expect(plural(12000, 'study', 'studies')).toBe('12,000 studies');
});

test('dates read one way everywhere: a calendar day as is, a moment with its time', () => {
  expect(longDate('2026-11-26')).toBe('November 26, 2026');
  expect(longDate(new Date(2026, 10, 26, 13, 24, 8), true)).toBe('November 26, 2026, 1:24 PM');
  expect(longDate(new Date(2026, 0, 2, 0, 5), true)).toBe('January 2, 2026, 12:05 AM');
  expect(longDate('not a date')).toBe('not a date');
});

test('a concept is named as the reader speaks: the clinical name for clinicians, the everyday one for patients', () => {
  const heartAttack = {
    name: 'Heart attack',
    clinicalName: 'Myocardial infarction',
    synonyms: ['Myocardial infarction', 'heart attacks'],
    abbreviations: [{ form: 'AMI', ambiguous: false }],
  };
  expect(nameFor(heartAttack, 'clinician')).toBe('Myocardial infarction');
  expect(nameFor(heartAttack, 'patient')).toBe('Heart attack');
  // The other audience's name comes first among the other names, and the name shown is never repeated.
  expect(otherNamesFor(heartAttack, 'clinician')).toEqual(['Heart attack', 'AMI', 'heart attacks']);
  expect(otherNamesFor(heartAttack, 'patient')).toEqual(['Myocardial infarction', 'AMI', 'heart attacks']);
  // A name the matcher keeps in two cases is said once.
  expect(otherNamesFor({ name: 'COVID-19', synonyms: ['COVID', 'covid', 'Covid-19'], abbreviations: [] }, 'clinician')).toEqual(['COVID']);
  // So is a short form's plural, which the matcher needs and a reader does not; a plural alone stays.
  const icu = { name: 'Intensive care', synonyms: ['STDs'], abbreviations: ['ICU', 'ICUs', 'PICU', 'NICUs'].map((form) => ({ form, ambiguous: false })) };
  expect(otherNamesFor(icu, 'clinician')).toEqual(['ICU', 'PICU', 'NICUs', 'STDs']);
  // Without a clinical name both audiences read the one name.
  const asthma = { name: 'Asthma', synonyms: ['bronchial asthma'], abbreviations: [] };
  expect(nameFor(asthma, 'clinician')).toBe('Asthma');
  expect(otherNamesFor(asthma, 'clinician')).toEqual(['bronchial asthma']);
  expect(otherNamesFor(asthma, 'patient')).toEqual(['bronchial asthma']);
});

describe('excerpt', () => {
  test('a short text is whole; a long one ends at its last sentence in the second half of the room, else after a whole word', () => {
    expect(excerpt('Asthma is common.', 200)).toBe('Asthma is common.');
    const sentences = 'Cough was less frequent with the new inhaler. ' + 'Wheeze and night waking fell in both groups of children over the year. '.repeat(4);
    expect(excerpt(sentences, 200)).toBe(sentences.slice(0, sentences.lastIndexOf('.', 200) + 1));
    const oneLong = 'In adults with moderate asthma, adding a long-acting bronchodilator to inhaled steroids, ' + 'reduced exacerbations and, '.repeat(10);
    const cut = excerpt(oneLong, 120);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(121);
    expect(oneLong.startsWith(cut.slice(0, -1))).toBe(true);
    // Cut after a whole word, without the comma before the cut.
    expect(cut).toMatch(/[a-z]…$/);
    expect(oneLong[cut.length - 1]).toMatch(/[ ,]/);
  });

  test('a text with no space in its room is cut at the room', () => {
    expect(excerpt('x'.repeat(300), 100)).toBe(`${'x'.repeat(100)}…`);
  });
});
