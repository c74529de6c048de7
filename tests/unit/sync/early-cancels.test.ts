// A Cancel that came before its update is remembered for a while, and only a few: any of the extension's pages may send one.
import { expect, test } from 'vitest';
import { EarlyCancels } from '../../../lib/sync/early-cancels';

test('an id is taken once', async () => {
  const early = new EarlyCancels();
  await early.remember('page-1');
  expect(await early.take('page-2')).toBe(false);
  expect(await early.take('page-1')).toBe(true);
  expect(await early.take('page-1')).toBe(false);
});

test('only the last 32 ids, each for two minutes, and no id longer than a page makes', async () => {
  let now = 1_000_000;
  const early = new EarlyCancels(() => now);
  for (let i = 0; i < 40; i++) await early.remember(`id-${i}`);
  expect(await early.take('id-7')).toBe(false);
  expect(await early.take('id-8')).toBe(true);
  await early.remember('x'.repeat(65));
  expect(await early.take('x'.repeat(65))).toBe(false);
  await early.remember({ not: 'an id' });
  now += 2 * 60_000;
  expect(await early.take('id-39')).toBe(false);
});

test("a worker started after the Cancel reads it from the session's storage", async () => {
  await new EarlyCancels().remember('page-1');
  expect(await new EarlyCancels().take('page-1')).toBe(true);
});
