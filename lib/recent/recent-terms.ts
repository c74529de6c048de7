// The terms a reader opened lately, as values: their shape, how one more is added, and how any stored value is read
// back. No storage here (storage.ts), so views and tests use it without a browser.
import { CATEGORIES, type Category, type Concept } from '../dataset/types.ts';

/** What the popup's "Recently opened" shows of a concept without asking the database: its names, as nameFor reads them. */
export interface RecentTerm {
  id: string;
  name: string;
  clinicalName?: string;
  category: Category;
  /** When the reader last opened it (ms since the epoch). */
  at: number;
}

/** Enough to find one's way back to this morning's terms; few enough to read at a glance. */
export const RECENT_LIMIT = 8;

/** The longest id or name kept: a damaged or hostile stored value cannot make the popup render megabytes. */
const MAX_TEXT = 300;

type Named = Pick<Concept, 'id' | 'name' | 'clinicalName' | 'category'>;

/** The entry for `concept`, opened at `at`: only what the popup shows of it. */
export function recentTerm(concept: Named, at: number): RecentTerm {
  return { id: concept.id, name: concept.name, ...(concept.clinicalName ? { clinicalName: concept.clinicalName } : {}), category: concept.category, at };
}

/** `concept`, opened at `at`, first in `list`; an earlier entry for it goes, and the oldest beyond the limit. */
export function withRecent(list: readonly RecentTerm[], concept: Named, at: number): RecentTerm[] {
  return [recentTerm(concept, at), ...list.filter((t) => t.id !== concept.id)].slice(0, RECENT_LIMIT);
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT;

/** Any stored value (another version's, or damaged) as a clean list: valid entries only, each concept once, newest first. */
export function normaliseRecent(raw: unknown): RecentTerm[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const terms: RecentTerm[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const { id, name, clinicalName, category, at } = item as Record<string, unknown>;
    if (!text(id) || !text(name) || !CATEGORIES.includes(category as Category) || typeof at !== 'number' || !Number.isFinite(at)) continue;
    if (seen.has(id)) continue;
    seen.add(id);
    terms.push({ id, name, ...(text(clinicalName) ? { clinicalName } : {}), category: category as Category, at });
  }
  return terms.sort((a, b) => b.at - a.at).slice(0, RECENT_LIMIT);
}
