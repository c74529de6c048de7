// The opening methods of an abstract's "METHODS AND RESULTS" section, parted from its results (scripts/dataset/findings.ts).
import { expect, test } from 'vitest';
import { METHODS_AND_RESULTS, partMethods } from '../../../scripts/dataset/findings';

test('labels that hold methods and results together', () => {
  for (const label of ['METHODS AND RESULTS', 'MEASUREMENTS AND MAIN RESULTS', 'MEASUREMENT AND RESULTS', 'PATIENTS AND RESULTS']) {
    expect(METHODS_AND_RESULTS.test(label)).toBe(true);
  }
  for (const label of ['RESULTS', 'MAIN RESULTS', 'METHODS', 'FINDINGS']) expect(METHODS_AND_RESULTS.test(label)).toBe(false);
});

test('sentences saying how the study was done, up to the first result, are methods', () => {
  const text =
    'We studied 38 055 Medicare beneficiaries who received a new CIED. The main outcome measure was variation of follow-up. ' +
    'Among eligible patients, 42.4% had an initial in-person visit within 2 to 12 weeks. We determined nothing more.';
  expect(partMethods(text)).toEqual({
    methods: 'We studied 38 055 Medicare beneficiaries who received a new CIED. The main outcome measure was variation of follow-up.',
    results: 'Among eligible patients, 42.4% had an initial in-person visit within 2 to 12 weeks. We determined nothing more.',
  });
});

test("a comparison's words in a sentence of methods do not make it a result; statistics do", () => {
  const text =
    'Outcomes were compared in patients with elevated cTnI levels vs patients with normal levels. ' +
    'Thirty-three patients (42%) had elevated cTnI levels.';
  expect(partMethods(text).methods).toBe('Outcomes were compared in patients with elevated cTnI levels vs patients with normal levels.');
  expect(partMethods('Samples were compared before and after (P<0.05 for all). Levels fell.').methods).toBeNull();
});

test('a section that opens with a result, has none, or opens with no sentence of methods stays whole', () => {
  for (const text of [
    'The mean optimal CPAP was 9.5 cm H2O. Patients were randomly assigned later.',
    'Patients were randomly assigned to two groups. Both groups were followed for a year.',
    'In all, 912 myomas were removed in 505 patients. The mean number removed was 1.85.',
  ]) {
    expect(partMethods(text)).toEqual({ methods: null, results: text });
  }
});
