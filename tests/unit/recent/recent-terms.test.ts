// "Recently opened" as values: one more term first, each concept once, the oldest dropped past the limit, and any
// stored value read back as a clean list.
import { expect, test } from 'vitest';
import { normaliseRecent, RECENT_LIMIT, withRecent, type RecentTerm } from '../../../lib/recent/recent-terms';

const concept = (n: number) => ({ id: `MESH:D${n}`, name: `Term ${n}`, category: 'disease' as const });

test('the term opened goes first; opened again it moves up, not in twice', () => {
  let list: RecentTerm[] = [];
  list = withRecent(list, concept(1), 100);
  list = withRecent(list, { ...concept(2), clinicalName: 'Clinical 2' }, 200);
  expect(list.map((t) => t.id)).toEqual(['MESH:D2', 'MESH:D1']);
  expect(list[0]).toEqual({ id: 'MESH:D2', name: 'Term 2', clinicalName: 'Clinical 2', category: 'disease', at: 200 });
  expect('clinicalName' in list[1]).toBe(false);
  list = withRecent(list, concept(1), 300);
  expect(list.map((t) => [t.id, t.at])).toEqual([['MESH:D1', 300], ['MESH:D2', 200]]);
});

test(`at most ${RECENT_LIMIT}: the oldest goes`, () => {
  let list: RecentTerm[] = [];
  for (let n = 1; n <= RECENT_LIMIT + 3; n++) list = withRecent(list, concept(n), n);
  expect(list).toHaveLength(RECENT_LIMIT);
  expect(list[0].id).toBe(`MESH:D${RECENT_LIMIT + 3}`);
  expect(list.at(-1)!.id).toBe('MESH:D4');
});

test('a stored value read back: junk and damaged entries dropped, repeats once, newest first, within the limit', () => {
  expect(normaliseRecent(undefined)).toEqual([]);
  expect(normaliseRecent('MESH:D1')).toEqual([]);
  expect(normaliseRecent({ 0: concept(1) })).toEqual([]);
  const good = { ...concept(1), at: 10 };
  const stored = [
    null,
    7,
    { ...concept(2), at: 'yesterday' },
    { ...concept(3), category: 'spell', at: 1 },
    { ...concept(4), name: '', at: 1 },
    { ...concept(5), id: 'x'.repeat(301), at: 1 },
    { ...concept(6), name: 'y'.repeat(5_000_000), at: 1 },
    { ...concept(7), at: Infinity },
    good,
    { ...concept(8), clinicalName: 42, at: 20 },
    { ...good, name: 'An older copy', at: 5 },
  ];
  expect(normaliseRecent(stored)).toEqual([{ ...concept(8), at: 20 }, good]);
  const many = Array.from({ length: 50 }, (_, n) => ({ ...concept(n), at: n }));
  expect(normaliseRecent(many).map((t) => t.at)).toEqual([49, 48, 47, 46, 45, 44, 43, 42]);
});
