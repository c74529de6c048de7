// MedQuAD's questions and answers, tidied for reading (scripts/dataset/text.ts).
import { describe, expect, test } from 'vitest';
import { tidyAnswer, tidyQuestion } from '../../../scripts/dataset/text';

describe('questions', () => {
  test.each([
    ['What is (are) Malaria ?', 'information', 'What is Malaria?'],
    ['What is (are) Varicose Veins ?', 'information', 'What are Varicose Veins?'],
    ['What is (are) Diabetes ?', 'information', 'What is Diabetes?'],
    ['Who is at risk for Stroke? ?', 'susceptibility', 'Who is at risk for Stroke?'],
    ['Do you have information about A1C', 'information', 'What is A1C?'],
    ['What are the symptoms of  Malaria ?', 'symptoms', 'What are the symptoms of Malaria?'],
  ])('%s', (question, type, tidy) => {
    expect(tidyQuestion(question, type)).toBe(tidy);
  });
});

describe('answers', () => {
  test('list items on lines of their own, a "Summary :" label and runs of spaces gone', () => {
    expect(tidyAnswer('Summary : A1C is a test.    - A normal level.    -  Another one.\n\nNext  para.')).toBe(
      'A1C is a test.\n• A normal level.\n• Another one.\nNext para.',
    );
    expect(tidyAnswer('Key Points\n       - Adult ALL is a cancer.    - It may affect cells.')).toBe('Key Points\n• Adult ALL is a cancer.\n• It may affect cells.');
  });
  test('a dash within a sentence stays', () => {
    expect(tidyAnswer('Doses of 5 - 10 mg - rarely more.')).toBe('Doses of 5 - 10 mg - rarely more.');
  });
});
