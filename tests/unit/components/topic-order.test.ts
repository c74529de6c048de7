// A summary's topics: what its question names first, in the question's order, then the rest by name.
import { expect, test } from 'vitest';
import { topicOrder } from '../../../entrypoints/popup/SummaryPage';
import { CONSUMER, TRIAL } from './fixtures';

const topic = (id: string, name: string) => ({ id, name, category: 'disease' as const });

test("the question's own terms first, then the rest alphabetically", () => {
  const study = { ...TRIAL, about: ['C:3', 'C:1'] };
  const topics = [topic('C:1', 'Zoster'), topic('C:2', 'Bronchitis'), topic('C:3', 'Measles'), topic('C:4', 'Asthma')];
  expect(topicOrder(study, topics).map((t) => t.id)).toEqual(['C:3', 'C:1', 'C:4', 'C:2']);
  // A plain-language page names none in a question: by name.
  expect(topicOrder(CONSUMER, topics).map((t) => t.name)).toEqual(['Asthma', 'Bronchitis', 'Measles', 'Zoster']);
});
