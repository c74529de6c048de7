// The summaries a reader saved to come back to (a reading list), as values: their shape, how one is added or taken
// out, and how any stored value is read back. No storage here (storage.ts), so views and tests use it without a
// browser. An entry keeps what the list shows and what a citation needs, so that it still reads, cites and links
// to its source after a dataset update that no longer holds the summary.
import { amaReference } from '../citation/ama.ts';
import type { Summary, Verdict } from '../dataset/types.ts';

export interface SavedSummary {
  /** The summary's id (`pmid:…`, `medquad:…`). */
  id: string;
  kind: 'research' | 'consumer';
  /** A study's question, or a plain-language page's topic. */
  title: string;
  verdict?: Verdict;
  year?: number;
  pmid?: string;
  /** The study's PubMed record, or the page at its source. */
  url: string;
  /** A plain-language page's source ("MedlinePlus"). */
  source?: string;
  /** When the reader saved it (ms since the epoch). */
  at: number;
  /** Set once the installed dataset no longer holds it: kept, with its title, citation and link. */
  missing?: true;
}

/** More than a literature review gathers; a bound, so that a damaged or hostile value cannot fill the popup. */
export const SAVED_LIMIT = 500;

/** Said when the list is full: nothing is dropped to make room. */
export const SAVED_FULL = `You have ${SAVED_LIMIT} saved summaries: remove some to save more.`;

/** The longest text kept of any field: questions run to a few hundred characters. */
const MAX_TEXT = 1000;
const VERDICTS: readonly Verdict[] = ['yes', 'no', 'maybe'];

/** The entry for `summary`, saved at `at`. */
export function savedEntry(summary: Summary, at: number): SavedSummary {
  if (summary.kind === 'consumer') {
    return { id: summary.id, kind: 'consumer', title: summary.topic, url: summary.source.url, source: summary.source.name, at };
  }
  const year = summary.citation.year ?? summary.year;
  return {
    id: summary.id,
    kind: 'research',
    title: summary.question,
    ...(summary.verdict ? { verdict: summary.verdict } : {}),
    ...(year ? { year } : {}),
    pmid: summary.citation.pmid,
    url: summary.citation.url,
    at,
  };
}

/** `entry` first in `list` (newest first); an earlier entry for the same summary goes. */
export function withSaved(list: readonly SavedSummary[], entry: SavedSummary): SavedSummary[] {
  return [entry, ...list.filter((s) => s.id !== entry.id)].sort((a, b) => b.at - a.at);
}

export function withoutSaved(list: readonly SavedSummary[], id: string): SavedSummary[] {
  return list.filter((s) => s.id !== id);
}

/** The PubMed ids of the saved studies, in the list's order. */
export function savedPmids(list: readonly SavedSummary[]): string[] {
  return list.flatMap((s) => (s.pmid ? [s.pmid] : []));
}

/** Every saved summary as AMA references (lib/citation/ama.ts), numbered, one a line. */
export function savedCitations(list: readonly SavedSummary[], accessed: Date): string {
  return list.map((s, i) => `${i + 1}. ${amaReference(s, accessed)}`).join('\n');
}

const text = (v: unknown, max = MAX_TEXT): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
/** Only web addresses: a stored "javascript:" or extension address never becomes a link. */
const webAddress = (v: unknown): v is string => text(v, 2000) && /^https?:\/\//i.test(v);

/** Any stored value (another version's, or damaged) as a clean list: valid entries only, each summary once, newest first. */
export function normaliseSaved(raw: unknown): SavedSummary[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const list: SavedSummary[] = [];
  for (const item of raw) {
    if (!item || typeof item !== 'object') continue;
    const { id, kind, title, verdict, year, pmid, url, source, at, missing } = item as Record<string, unknown>;
    if (!text(id, 200) || (kind !== 'research' && kind !== 'consumer') || !text(title) || !webAddress(url)) continue;
    if (typeof at !== 'number' || !Number.isFinite(at) || seen.has(id)) continue;
    seen.add(id);
    list.push({
      id,
      kind,
      title,
      ...(VERDICTS.includes(verdict as Verdict) ? { verdict: verdict as Verdict } : {}),
      ...(Number.isInteger(year) && (year as number) > 1800 && (year as number) < 3000 ? { year: year as number } : {}),
      ...(typeof pmid === 'string' && /^\d{1,9}$/.test(pmid) ? { pmid } : {}),
      url,
      ...(text(source, 200) ? { source } : {}),
      at,
      ...(missing === true ? { missing: true as const } : {}),
    });
  }
  return list.sort((a, b) => b.at - a.at).slice(0, SAVED_LIMIT);
}
