import { expect, test } from 'vitest';
import { compileMatcher, vocabularyFromConcepts } from '../../../lib/match';
import { MAX_REQUEST_CHARS, RETRY_LOAD_MS, TermService } from '../../../lib/terms/service';
import { concept } from '../../helpers/memory-dataset';

const bytes = compileMatcher(
  vocabularyFromConcepts([
    concept('MESH:D006527', 'Wilson disease'),
    concept('MESH:D001249', 'Asthma', { summaryCount: 3 }),
  ]),
);

const texts = (r: Awaited<ReturnType<TermService['match']>>, input: string[]) => {
  const out: string[][] = input.map(() => []);
  const m = r.matches;
  for (let k = 0; k < m.length; k += 4) out[m[k]].push(`${input[m[k]].slice(m[k + 1], m[k + 2])}=${r.concepts[m[k + 3]][0]}`);
  return out;
};

test('matches blocks, and an abbreviation a page defines applies to its later requests only', async () => {
  let loads = 0;
  const service = new TermService({ loadBytes: async () => (loads++, bytes) });
  const first = ['Wilson disease (WD) is rare.', 'Asthma is common.'];
  expect(texts(await service.match('1:0:a', first), first)).toEqual([
    ['Wilson disease=MESH:D006527', 'WD=MESH:D006527'],
    ['Asthma=MESH:D001249'],
  ]);
  const later = ['In WD, copper builds up.'];
  expect(texts(await service.match('1:0:a', later), later)).toEqual([['WD=MESH:D006527']]);
  // Another page has not defined WD.
  expect(texts(await service.match('2:0:b', later), later)).toEqual([[]]);
  expect(loads).toBe(1);
  // A dataset change: the matcher is loaded again and sessions start afresh.
  service.reset();
  expect(texts(await service.match('1:0:a', later), later)).toEqual([[]]);
  expect(loads).toBe(2);
});

test('a dataset installed while the matcher loads: the page is matched with the new one, and keeps no old session', async () => {
  const renamed = compileMatcher(vocabularyFromConcepts([concept('NEW:1', 'Wilson disease'), concept('MESH:D001249', 'Asthma')]));
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let loads = 0;
  const service = new TermService({ loadBytes: async () => (++loads === 1 ? (await held, bytes) : renamed) });
  const input = ['Wilson disease (WD) is rare.'];
  const answer = service.match('1:0:a', input);
  service.reset(); // the sync lands before the first matcher has loaded
  release();
  expect(texts(await answer, input)).toEqual([['Wilson disease=NEW:1', 'WD=NEW:1']]);
  const later = ['In WD, copper builds up.'];
  expect(texts(await service.match('1:0:a', later), later)).toEqual([['WD=NEW:1']]);
  expect(loads).toBe(2);
});

test('the oldest page sessions are dropped, and a tab forgets its own', async () => {
  const service = new TermService({ loadBytes: async () => bytes, maxSessions: 2 });
  const define = ['Wilson disease (WD).'];
  const use = ['WD again.'];
  await service.match('1:0:a', define);
  await service.match('2:0:b', define);
  await service.match('3:0:c', define); // drops 1:0:a
  expect(texts(await service.match('1:0:a', use), use)).toEqual([[]]);
  service.forgetTab(3);
  expect(texts(await service.match('3:0:c', use), use)).toEqual([[]]);
});

test('one request cannot ask for unbounded work', async () => {
  const service = new TermService({ loadBytes: async () => bytes });
  await expect(service.match('1:0:a', ['x'.repeat(MAX_REQUEST_CHARS + 1)])).rejects.toThrow(/Too much text/);
});

test('a warm-up runs over the made-up passage after the matcher loads, and stops when the matcher is replaced', async () => {
  const service = new TermService({ loadBytes: async () => bytes, warmUp: true });
  service.prepare();
  await service.matcher();
  expect(await service.warming).toBeGreaterThanOrEqual(180_000);
  // The passage names terms of this vocabulary, so the warm-up took the matching paths, not only the scan.
  const session = (await service.matcher()).session();
  const { WARM_UP_TEXT } = await import('../../../lib/terms/warm-up');
  expect(session.match(WARM_UP_TEXT).map((m) => WARM_UP_TEXT.slice(m.start, m.end))).toEqual(expect.arrayContaining(['Wilson disease', 'WD', 'asthma']));

  service.reset();
  await service.matcher();
  const stopped = service.warming!;
  service.reset();
  expect(await stopped).toBeLessThan(180_000);
  // Without the option nothing runs in the background.
  const plain = new TermService({ loadBytes: async () => bytes });
  await plain.matcher();
  expect(plain.warming).toBeUndefined();
});

test('a matcher that fails to load is not tried again for every page, only after a while or a new dataset', async () => {
  let clock = 0;
  let tries = 0;
  let broken = true;
  const good = compileMatcher(vocabularyFromConcepts([concept('MESH:D006527', 'Wilson disease')]));
  const service = new TermService({
    now: () => clock,
    loadBytes: async () => {
      tries++;
      if (broken) throw new Error('compile error');
      return good;
    },
  });
  await expect(service.match('1:0', ['Wilson disease'], 'p')).rejects.toThrow('compile error');
  // Page after page within the minute: the same answer, no new compile.
  for (let i = 0; i < 5; i++) await expect(service.match(`${i + 2}:0`, ['Wilson disease'], 'p')).rejects.toThrow('compile error');
  expect(tries).toBe(1);
  clock += RETRY_LOAD_MS;
  await expect(service.match('9:0', ['Wilson disease'], 'p')).rejects.toThrow('compile error');
  expect(tries).toBe(2);
  // A new dataset is tried at once.
  broken = false;
  service.reset();
  expect((await service.match('9:0', ['Wilson disease'], 'p')).matches.length).toBeGreaterThan(0);
  expect(tries).toBe(3);
});
