// One change at a time: the second starts after the first settles, and a failure does not stop the queue.
import { expect, test } from 'vitest';
import { oneAtATime } from '../../../lib/async/one-at-a-time';

test('tasks run one after another in the order given, each seeing what the one before wrote; a failure is its own', async () => {
  const queue = oneAtATime();
  let stored = 0;
  const add = (n: number, wait: number) =>
    queue(async () => {
      const read = stored;
      await new Promise((r) => setTimeout(r, wait));
      stored = read + n;
      return stored;
    });
  const failing = queue(async () => {
    throw new Error('full disk');
  });
  const results = await Promise.allSettled([add(1, 20), failing, add(10, 0)]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([1, 'full disk', 11]);
  expect(stored).toBe(11);
});
