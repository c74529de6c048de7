// NIHSeniorHealth's pages lost the line break before a list's first item: the build marks it as the later items are.
import { expect, test } from 'vitest';
import { markFirstItems } from '../../../scripts/dataset/list-starts';
import { tidyAnswer } from '../../../scripts/dataset/answers';

test("a list's first item after a lead-in's dash is an item when items follow it", () => {
  const answer = 'Common symptoms may include - fevers  - frequent infections  - weight loss.';
  expect(tidyAnswer(markFirstItems(answer))).toBe('Common symptoms may include\n• fevers\n• frequent infections\n• weight loss.');
  expect(tidyAnswer(markFirstItems('Symptoms may include any of the following. - stinging of the eye  - eye fatigue.'))).toBe(
    'Symptoms may include any of the following.\n• stinging of the eye\n• eye fatigue.',
  );
  // A dash within a sentence, with no item after it, stays.
  expect(markFirstItems('Doses of 5 - 10 mg - rarely more.')).toBe('Doses of 5 - 10 mg - rarely more.');
});
