/**
 * The term matcher: compile a vocabulary to bytes, load the bytes, find terms in text.
 *
 * Matching is leftmost-longest over word starts: from each word start the double-array trie is walked over
 * folded characters (one table read per char, see normalise.ts) and the last accepting position that ends on
 * a word boundary wins (scanner.ts). A per-document session adds abbreviations defined in the text and the
 * context rule for stop-listed forms (session.ts). No browser or Node API here: this runs in the background,
 * the dataset build and Node.
 */
import type { Category, VocabularyEntry } from '../dataset/types';
import { compileData } from './compile';
import { deserialise, serialise } from './serialise';
import { CompiledMatcher } from './scanner';
import type { SessionState } from './session-state';

export { vocabularyFromConcepts } from './vocabulary';
export { canonicalForm } from './normalise';
export type { SessionState } from './session-state';

export interface TermMatch {
  start: number;
  end: number;
  conceptId: string;
  category: Category;
}

export interface MatchSession {
  /** Matches in one text block; abbreviations defined and concepts seen in earlier blocks still apply. */
  match(text: string): TermMatch[];
  /** What the session knows, small and plain, to go on from with `Matcher.session(state)` (a new worker). */
  state(): SessionState;
}

export interface Matcher {
  /** Matches in one standalone text. */
  match(text: string): TermMatch[];
  /**
   * A per-document session: feed the page's text blocks in order. Given a `state` this matcher's session made,
   * it goes on from there; the state is untrusted (it travels through the page), so a malformed one, or one from
   * another matcher, is ignored and the session starts afresh.
   */
  session(state?: unknown): MatchSession;
  /** Serialised size, concept count and trie size, for the benchmarks. */
  readonly stats: { bytes: number; slots: number; concepts: number; entries: number };
}

export function compileMatcher(entries: VocabularyEntry[]): Uint8Array {
  return serialise(compileData(entries));
}

export function loadMatcher(bytes: Uint8Array | ArrayBuffer): Matcher {
  return new CompiledMatcher(deserialise(bytes), bytes.byteLength);
}
