// Where the background gets the compiled term matcher: the bundled dataset ships one (built with it);
// a synced dataset's is compiled here from its concepts, once, and kept in IndexedDB.
import { allBuckets } from '../db/buckets.ts';
import { getActive } from '../db/active.ts';
import type { Database, MatcherCache } from '../db/schema.ts';
import type { Concept } from '../dataset/types.ts';
import { compileMatcher, vocabularyFromConcepts } from '../match/index.ts';
import { FORMAT_VERSION } from '../match/serialise.ts';

export async function matcherBytes(db: Database | undefined, fetchBundled: () => Promise<ArrayBuffer>): Promise<ArrayBuffer | Uint8Array> {
  const active = db && (await getActive(db));
  if (!db || !active || active.meta.origin === 'bundled') return fetchBundled();
  // Keyed by the matcher's format too: a new extension version that changed it compiles the matcher again. And by the
  // files' checksums: a dataset republished under the same version with other files is another vocabulary.
  const version = `${active.meta.origin}#${active.meta.version}#${active.meta.filesKey ?? ''}#format${FORMAT_VERSION}`;
  const cached = (await db.get('meta', 'matcher')) as MatcherCache | undefined;
  if (cached?.version === version) return cached.bytes;
  const concepts: Concept[] = [];
  for await (const bucket of allBuckets(db, active.gen, 'concepts')) for (const item of bucket.items) concepts.push(JSON.parse(item));
  const bytes = compileMatcher(vocabularyFromConcepts(concepts));
  await db.put('meta', { version, bytes } satisfies MatcherCache, 'matcher');
  return bytes;
}
