/**
 * A matching session's state as it travels (see Matcher.session): the abbreviations a document defined and the
 * concepts it named, small and plain, so that a session outlives the MV3 worker that held it. The background
 * sends it to the page with each answer and gets it back with the page's next request, so it is untrusted
 * input: read only when it is well-formed, within bounds and made by the same matcher, else ignored.
 */
import { isShortForm } from './abbreviations';
import { SHADOWED_WORDS } from './shadowing';
import type { MatcherData } from './serialise';

export interface SessionState {
  /** The fingerprint of the matcher that made it: its entry and concept numbers mean nothing to another. */
  matcher: string;
  /** Short forms in the order the document defined them: [short form, entry number, tail?]; -1 means "not a term we know". */
  abbreviations: ([string, number] | [string, number, string])[];
  /** Concept numbers the document named, ascending. */
  seen: number[];
  /** Words phrases took for themselves (a mask over SHADOWED_WORDS, shadowing.ts); absent for none. */
  shadowed?: number;
}

/**
 * What a state may hold. A page that defines more abbreviations or names more concepts than this keeps the first
 * ones after a worker restart; the bounds keep each message small and what a page can make the background read.
 */
export const MAX_STATE_ABBREVIATIONS = 256;
export const MAX_STATE_SEEN = 4096;
/** A tail is the few words after the parenthesis; short forms are bounded by their shape (isShortForm). */
const MAX_TAIL = 64;

/** What a state is checked against: the matcher that reads it. */
export interface StateReader {
  fingerprint: string;
  entryCount: number;
  conceptCount: number;
}

/**
 * The state's contents when it is well-formed and this matcher's, else null. Never throws. An abbreviation that fails
 * its own checks is left out, not the others: one item the reader and the definitions disagree on (as they did on
 * "ʼAK") must not cost the page every abbreviation. The envelope (fingerprint, arrays within bounds, `seen`
 * ascending) is what makes the state ours, so it is taken whole or not at all.
 */
export function readSessionState(state: unknown, reader: StateReader): Pick<SessionState, 'abbreviations' | 'seen' | 'shadowed'> | null {
  if (typeof state !== 'object' || state === null) return null;
  const { matcher, abbreviations, seen, shadowed = 0 } = state as Record<string, unknown>;
  if (!Number.isInteger(shadowed) || (shadowed as number) < 0 || (shadowed as number) >= 1 << SHADOWED_WORDS.length) return null;
  if (matcher !== reader.fingerprint) return null;
  if (!Array.isArray(abbreviations) || abbreviations.length > MAX_STATE_ABBREVIATIONS) return null;
  if (!Array.isArray(seen) || seen.length > MAX_STATE_SEEN) return null;
  // Strictly ascending: no repeats, and one comparison bounds them all.
  let previous = -1;
  for (const concept of seen) {
    if (!Number.isInteger(concept) || (concept as number) <= previous || (concept as number) >= reader.conceptCount) return null;
    previous = concept as number;
  }
  const read = { abbreviations: abbreviations.filter((item) => isAbbreviation(item, reader)), seen: seen as number[] };
  return shadowed === 0 ? read : { ...read, shadowed: shadowed as number };
}

/** Whether an item is [short form, entry number, tail?] as Session.state writes it, in range for this matcher. */
function isAbbreviation(item: unknown, reader: StateReader): item is SessionState['abbreviations'][number] {
  if (!Array.isArray(item) || item.length < 2 || item.length > 3) return false;
  const [shortForm, entry, tail] = item as unknown[];
  // The shape findDefinitions gives its short forms, no stricter: what a session writes, it reads back.
  if (typeof shortForm !== 'string' || !isShortForm(shortForm)) return false;
  if (!Number.isInteger(entry) || (entry as number) < -1 || (entry as number) >= reader.entryCount) return false;
  return item.length === 2 || (typeof tail === 'string' && tail.length <= MAX_TAIL && /^\s/.test(tail) && entry !== -1);
}

/**
 * A fingerprint of what a state's numbers mean in a matcher: each entry's concept, flags and category, and the
 * concepts' ids (two 32-bit hashes, and the counts). A dataset that adds, drops or renumbers a concept or an entry
 * gets another; two matchers that agree on these read a state alike, whatever their tries (6 MB to hash, and they
 * decide only which entries a text finds, not what an entry means). About 800 KB: a few milliseconds, once per matcher.
 */
export function fingerprint(d: Pick<MatcherData, 'entryConcept' | 'entryFlags' | 'entryCategory' | 'concepts'>): string {
  // Read as 32-bit words in one loop: asked once per worker, the loop runs mostly before the engine compiles it.
  const ids = new TextEncoder().encode(d.concepts.join('\n'));
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (const part of [d.entryConcept, d.entryFlags, d.entryCategory, ids]) {
    const bytes = new Uint8Array(part.buffer, part.byteOffset, part.byteLength);
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const words = new Uint32Array(aligned.buffer, aligned.byteOffset, aligned.byteLength >>> 2);
    for (let i = 0; i < words.length; i++) {
      a = Math.imul(a ^ words[i], 0x01000193);
      b = Math.imul(b ^ words[i], 0x5bd1e995);
      b ^= b >>> 15;
    }
    for (let i = words.length * 4; i < aligned.length; i++) a = Math.imul(a ^ aligned[i], 0x01000193);
  }
  const base36 = (h: number) => (h >>> 0).toString(36);
  return `${d.entryConcept.length.toString(36)}-${d.concepts.length.toString(36)}-${base36(a)}-${base36(b)}`;
}
