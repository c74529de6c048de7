// Misspelled searches: the names one edit away, or that sound alike.
import { expect, test } from 'vitest';
import type { ConceptHit } from '../../../lib/search/rank';
import fc from 'fast-check';
import { oneEditAway, searchSpellings, soundAlikePrefixes, soundFold } from '../../../lib/search/spelling';

test('one edit away: a letter left out, added, changed, or two swapped; never the query itself', () => {
  const near = oneEditAway('astma');
  for (const key of ['asthma', 'asma', 'atsma', 'asrma']) expect(near).toContain(key);
  expect(near).not.toContain('astma');
  expect(near).not.toContain('asthmaa'); // two edits
  expect(new Set(near).size).toBe(near.length);
  expect(near.every((k) => k.trim() === k)).toBe(true); // no leading or trailing space
});

test('the names of every near key, a whole name first, then by evidence; short queries are not guessed at', () => {
  const hit = (id: string, name: string, summaryCount: number, match: ConceptHit['match']): ConceptHit => ({ id, name, category: 'disease', summaryCount, matched: name, match });
  const index: Record<string, ConceptHit[]> = {
    asthma: [hit('A', 'Asthma', 14, 'exact'), hit('C', 'Asthma in children', 1, 'prefix')],
    asma: [hit('B', 'Asmara fever', 30, 'prefix')],
  };
  const found = searchSpellings('astma', (k) => index[k] ?? [], 10);
  expect(found.map((h) => h.id)).toEqual(['A', 'B', 'C']);
  expect(searchSpellings('astma', (k) => index[k] ?? [], 1).map((h) => h.id)).toEqual(['A']);
  expect(searchSpellings('ast', () => [hit('A', 'Asthma', 14, 'prefix')], 10)).toEqual([]);
});

test('a key as it sounds: ph, ae, oe, rh, th, y, k, z, x, doubled letters and a silent first letter, with where each letter ends', () => {
  expect(soundFold('mammography').text).toBe('mamografi');
  expect(soundFold('mamografy').text).toBe('mamografi');
  expect(soundFold('haemorrhage').text).toBe('hemorage');
  expect(soundFold('bronkitis').text).toBe('broncitis');
  expect(soundFold('oesophagus').text).toBe('esofagus');
  expect(soundFold('sleep  apnea').text).toBe('slep  apnea'); // spaces are not letters to fold
  expect(soundFold('pneumonia').text).toBe('neumonia');
  expect(soundFold('psoriasis').text).toBe('soriasis');
  expect(soundFold('excema').text).toBe('escema'); // "ecsema" with two letters swapped
  expect(soundFold('athsma').text).toBe('atsma'); // "astma" with two letters swapped
  expect(soundFold('ptosis').ends[0]).toBe(2); // "pt" is its first letter, cut as one
  const { text, ends } = soundFold('mammography');
  expect(ends.length).toBe(text.length);
  expect('mammography'.slice(0, ends[2])).toBe('mamm'); // the third letter, "m", is both of "mm"
});

/** Fewest edits (optimal string alignment) from `a` to any prefix of `b`, the plain way. */
function prefixDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return Math.min(...d[a.length]);
}

// 1,500 generated cases take about 0.6 s alone, but passed 5 s once beside the other test files on two cores.
test('sound-alike prefixes: what a plain edit table over every key finds, nearest first', { timeout: 60_000 }, () => {
  const letter = fc.constantFrom(...'aehkmopyzcnstx ');
  // Keys made from the query by a few edits (and some tail), so that many are near it.
  const edit = fc.tuple(fc.constantFrom('insert', 'delete', 'change', 'swap'), fc.nat(), letter);
  const nearKey = (q: string) =>
    fc.tuple(fc.array(edit, { maxLength: 3 }), fc.stringMatching(/^[aehkmopyzcnstx ]{0,4}$/)).map(([edits, tail]) => {
      let k = q;
      for (const [kind, at, c] of edits) {
        const i = at % (k.length + 1);
        if (kind === 'insert') k = k.slice(0, i) + c + k.slice(i);
        else if (kind === 'delete') k = k.slice(0, i) + k.slice(i + 1);
        else if (kind === 'change') k = k.slice(0, i) + c + k.slice(i + 1);
        else if (i + 1 < k.length) k = k.slice(0, i) + k[i + 1] + k[i] + k.slice(i + 2);
      }
      return k + tail;
    });
  const query = fc.stringMatching(/^[aehkmopyzcnstx]{5,9}$/);
  const case_ = query.chain((q) => fc.tuple(fc.constant(q), fc.array(fc.oneof(nearKey(q), fc.stringMatching(/^[aehkmopyzcnstx ]{1,9}$/)), { maxLength: 40 })));
  fc.assert(
    fc.property(case_, ([q, list]) => {
      const keys = [...new Set(list.filter((k) => k !== '' && k.trim() === k && !k.includes('  ')))].sort();
      const a = soundFold(q).text;
      const max = a.length >= 8 ? 2 : 1;
      const got = soundAlikePrefixes(keys, q, 1000);
      // Every key that starts like q and sounds within the edits has a prefix found, at its distance or nearer.
      for (const key of keys) {
        if (key[0] !== q[0] || a.length < 5) continue;
        const want = prefixDistance(a, soundFold(key.slice(0, 2 * (a.length + max))).text);
        const mine = got.filter((p) => key.startsWith(p.prefix));
        if (want <= max) expect(Math.min(...mine.map((p) => p.edits)), `${q} ~ ${key}`).toBeLessThanOrEqual(want);
      }
      // Everything found is a prefix of some key, within the edits, and listed nearest first.
      for (const p of got) {
        // A key that starts with q's letter, or sounds as if it did ("pneumonia" for "numonia").
        expect(keys.some((k) => k.startsWith(p.prefix) && (k[0] === q[0] || soundFold(k).text[0] === a[0]))).toBe(true);
        expect(prefixDistance(a, soundFold(p.prefix).text)).toBe(p.edits);
        expect(p.edits).toBeLessThanOrEqual(max);
      }
      expect(got.map((p) => p.edits)).toEqual([...got.map((p) => p.edits)].sort((x, y) => x - y));
    }),
    { numRuns: 1500 },
  );
});

test('a key is not passed over because one before it was hopeless at a letter it sounds together with the next', () => {
  // Found by the property above: "onozzxaa…" sounds hopeless at its "a" ("onosa"), but in "onozzxae" that "a"
  // is heard with the "e" ("onose", one letter from "onsose").
  expect(soundAlikePrefixes(['onozzxaae', 'onozzxae'], 'onzozzxae')).toContainEqual({ prefix: 'onozzxae', edits: 1 });
});

test('a misspelling that starts with another letter than the name finds it', () => {
  const keys = ['asthma', 'cirrhosis', 'eczema', 'haemorrhage', 'knee', 'neuritis', 'pneumonia', 'psoriasis', 'soriasis x'].sort();
  const first = (q: string) => soundAlikePrefixes(keys, q)[0]?.prefix;
  expect(first('numonia')).toBe('pneumonia');
  expect(first('sorisis')).toBe('soriasis'); // the key that starts with "s" is as near
  expect(soundAlikePrefixes(keys, 'sorisis').map((p) => p.prefix)).toContain('psoriasis');
  expect(first('excema')).toBe('eczema');
  expect(first('athsma')).toBe('asthma');
  expect(first('hemmorage')).toBe('haemorrhage');
});

test('a search that no one edit answers takes the names that sound alike, nearest first', () => {
  const hit = (id: string, name: string, summaryCount: number, match: ConceptHit['match']): ConceptHit => ({ id, name, category: 'procedure', summaryCount, matched: name, match });
  const index: Record<string, ConceptHit[]> = {
    mammography: [hit('M', 'Mammography', 3, 'exact')],
    myography: [hit('Y', 'Myography', 9, 'exact')],
  };
  const keys = ['mammography', 'mammography screening', 'myography', 'myopia'];
  expect(searchSpellings('mamografy', (k) => index[k] ?? [], 10, keys).map((h) => h.id)).toEqual(['M', 'Y']);
  // Without the keys (before the index is in memory), only one edit.
  expect(searchSpellings('mamografy', (k) => index[k] ?? [], 10)).toEqual([]);
});
