// NIHSeniorHealth's pages lost the line break before a list's first item: "Common symptoms may include - fevers  -
// frequent infections  - weight loss." The later items keep the wider run of spaces that marks an item
// (tidyAnswer in answers.ts); the first is marked so too, where items follow it.
import type { MedQuadTopic } from './sources.ts';

const SOURCES = new Set(['NIHSeniorHealth']);

/**
 * A dash after a word, a colon, a stop or a bracket ("may include any of the following. - stinging or burning"), with
 * an item's mark (two spaces or more, then a dash) soon after it.
 */
const FIRST_ITEM = /([A-Za-z:,.)]) -\s+(?=[^\s-])(?=[^]{1,800}?\s{2,}-\s)/g;

export function markFirstItems(answer: string): string {
  return answer.replace(FIRST_ITEM, '$1    - ');
}

export function withFirstItemsMarked(topics: MedQuadTopic[]): MedQuadTopic[] {
  return topics.map((t) => (SOURCES.has(t.source) ? { ...t, qa: t.qa.map((qa) => ({ ...qa, answer: markFirstItems(qa.answer) })) } : t));
}
