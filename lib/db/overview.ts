// A concept's evidence at a glance, answered from the `links` index without reading summaries (see
// lib/summaries/filter.ts for what it counts).
import { getEntry } from './buckets.ts';
import { getActive } from './active.ts';
import type { Database, SummaryRef } from './schema.ts';
import { overviewOf, type ConceptOverview } from '../summaries/filter.ts';

/**
 * A concept's summary refs, each research ref with its design. An index built before refs carried the
 * design is completed by reading those summaries, so an older installed dataset still answers correctly.
 */
export async function refsWithDesign(db: Database, conceptId: string): Promise<SummaryRef[] | undefined> {
  const active = await getActive(db);
  if (!active) return undefined;
  const tx = db.transaction('buckets');
  const link = await getEntry(tx, active.gen, 'links', conceptId);
  if (!link) return undefined;
  const refs = link[1];
  await Promise.all(
    refs.map(async (ref) => {
      if (ref[1] !== 'research' || ref[4] !== undefined) return;
      const summary = await getEntry(tx, active.gen, 'summaries', ref[0]);
      ref[4] = (summary?.kind === 'research' && summary.design?.design) || 'unknown';
    }),
  );
  return refs;
}

export async function getConceptOverview(db: Database, conceptId: string): Promise<ConceptOverview> {
  return overviewOf((await refsWithDesign(db, conceptId)) ?? []);
}
