// Every concept's card (name, category, evidence count) in the worker's memory, per dataset generation: search
// ranks by them and a concept names its broader and narrower terms from them.
import { parseCard } from '../search/keys.ts';
import { allBuckets } from './buckets.ts';
import type { ConceptCard, Database } from './schema.ts';

/**
 * Every concept's card, read once per dataset generation and kept while the worker lives (about 30,000
 * short entries): ranking a search needs the evidence count of every candidate, and one read of a few
 * buckets beats hundreds of lookups per keystroke.
 */
let cardCache: { db: Database; gen: number; cards: Promise<Map<string, ConceptCard>> } | undefined;

export function conceptCards(db: Database, gen: number): Promise<Map<string, ConceptCard>> {
  if (cardCache?.db !== db || cardCache.gen !== gen) {
    const cards = (async () => {
      const map = new Map<string, ConceptCard>();
      for await (const bucket of allBuckets(db, gen, 'cards')) {
        bucket.keys.forEach((id, i) => map.set(id, parseCard(bucket.items[i])));
      }
      return map;
    })();
    cardCache = { db, gen, cards };
    cards.catch(() => (cardCache = undefined));
  }
  return cardCache!.cards;
}

/** The generation whose cards are held (or being read), if any. */
export function heldCardsGen(): number | undefined {
  return cardCache?.gen;
}
