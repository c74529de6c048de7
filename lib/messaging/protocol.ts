// Every message between the extension's parts, in one typed map: request and response of each.
// Messages cross as JSON in Chrome (structured clone in Firefox), so only plain data goes in them.
import type { BlockMatches } from '../terms/service.ts';
import type { PageText } from '../terms/page-text.ts';
import type { SessionState } from '../match/session-state.ts';
import type { Concept, DatasetMeta, Summary } from '../dataset/types.ts';
import type { ImportProgress } from '../db/import.ts';
import type { ConceptOverview, SummaryFilter } from '../summaries/filter.ts';
import type { PageFindings, ReportedTerm } from '../tabs/findings.ts';
import type { Audience, DatasetStatus, SummaryPage } from '../db/queries.ts';
import type { ConceptHit } from '../search/rank.ts';
import type { NarrowSet } from '../search/rank.ts';
import type { ConceptCard } from '../search/keys.ts';
import type { NextAnswers } from '../db/search.ts';

export interface Protocol {
  /** `poll`: asked on a timer (the settings page), not by a reader about to look something up. */
  'dataset/status': { request: void | { poll?: boolean }; response: DatasetStatusReport };
  /** Re-import the dataset shipped with the extension, replacing whatever is installed. */
  'dataset/restore-bundled': { request: void; response: { meta: DatasetMeta; ms: number } };
  /**
   * Download the dataset published at `url` (its manifest.json) and switch to it if it is new. `id`, made up by
   * the page, names this sync for a later `dataset/cancel`.
   */
  'dataset/sync': { request: { url: string; id?: string }; response: { status: 'imported' | 'unchanged'; meta: DatasetMeta; ms: number; filesRead?: number; filesReused?: number } };
  /** Import the files the settings page staged under the id `staging` (lib/sync/staged.ts); `name` is what the reader picked. */
  'dataset/import-staged': { request: { name: string; staging: string }; response: { status: 'imported' | 'unchanged'; meta: DatasetMeta; ms: number; filesRead?: number; filesReused?: number } };
  /** Stop the update named, running or queued, and no other; the installed dataset stays as it was. */
  'dataset/cancel': { request: CancelTarget; response: { cancelled: boolean } };
  /**
   * Find the medical terms in a page's text blocks. `page` names one document load (the content script
   * makes one up), so that abbreviations the page defines carry over between its requests. `session` is the
   * state the last answer for this page carried: a restarted worker goes on from it (untrusted, checked).
   */
  'page/match': { request: { page: string; session?: SessionState } & PageText; response: BlockMatches };
  'concept/get': { request: { id: string }; response: Concept | null };
  'concept/search': { request: { query: string; limit?: number }; response: ConceptHit[] };
  /** What a list shows of each of these concepts (names, category, summary count), for those the dataset has, in order. */
  'concept/cards': { request: { ids: string[] }; response: (ConceptCard & { id: string })[] };
  /** The answers for each one-letter or one-digit query. */
  'concept/search-openers': { request: { limit?: number }; response: Record<string, ConceptHit[]> };
  /** A search, with the entries under the query's key when they are few, to narrow further without asking. */
  'concept/search-narrowable': { request: { query: string; limit?: number }; response: { hits: ConceptHit[]; narrow?: NarrowSet } };
  /** The answers for every key one character longer than `prefix` (a search key, see lib/search/keys.ts nextPrefix). */
  'concept/search-next': { request: { prefix: string; limit?: number }; response: NextAnswers };
  'summaries/for-concept': {
    /** `filter` narrows the list to research summaries of some designs or years (the concept view's filters). */
    request: { conceptId: string; audience?: Audience; offset?: number; limit?: number; filter?: SummaryFilter };
    response: SummaryPage;
  };
  /** The PubMed ids of a concept's studies that pass `filter`, in reading order (lib/db/queries.ts getStudyPmids). */
  'summaries/study-pmids': { request: { conceptId: string; filter?: SummaryFilter }; response: string[] };
  /** A concept's research summaries counted by study design, their year range, and totals by kind. */
  'summaries/overview': { request: { conceptId: string }; response: ConceptOverview };
  /**
   * The content script reports the terms it found on its page, and (the top frame) the PubMed id of the article the
   * page is, where it says; the tab is the sender's.
   */
  'page/findings': { request: { url: string; terms: ReportedTerm[]; pmid?: string }; response: void };
  /**
   * The card's "More": open the concept's full view (popup.html?concept=) in a new tab beside the sender's.
   * A page may not open the extension's pages itself (the browser blocks the link), so the background does.
   */
  'concept/open-view': { request: { conceptId: string }; response: void };
  /**
   * The reader opened this concept (a popup view, a card opened by click or key): first in "Recently opened", unless
   * the reader keeps no list or the sender is a private window's tab.
   */
  'recent/remember': { request: { conceptId: string }; response: void };
  /** Empty "Recently opened". */
  'recent/clear': { request: void; response: void };
  /**
   * Save a summary for later (lib/saved), read from the installed dataset; `at` puts back one just removed in its
   * place. Refused with a sentence when the list is full; nothing is dropped to make room. Cards send it too; removing
   * and clearing are the extension's pages' only.
   */
  'saved/add': { request: { summaryId: string; at?: number }; response: void };
  'saved/remove': { request: { summaryId: string }; response: void };
  'saved/clear': { request: void; response: void };
  /** What the content script of a tab last reported, or null if nothing (yet) or since it navigated. */
  'tab/findings': { request: { tabId: number }; response: PageFindings | null };
  'summary/get': { request: { id: string }; response: Summary | null };
}

/**
 * What a Cancel stops: one update, by its job's name (lib/sync/state.ts syncJobId: a file import's staging id, the id a
 * page gave its URL sync, as the settings show it from the job in storage), or the restore of the bundled dataset.
 */
export type CancelTarget = { update: string } | { restore: true };

export interface DatasetStatusReport extends DatasetStatus {
  /** Live progress of the import running now, if any. */
  importing?: ImportProgress & { version: string; origin: string };
  /** The last import's failure, in one sentence for the reader. */
  lastError?: string;
  /** How long the last completed import took, since the worker started. */
  lastImport?: { version: string; origin: string; records: number; ms: number };
  /** Present when IndexedDB is unavailable or full and the evidence is held in memory; `reason` is one sentence. */
  storage?: { kind: 'memory'; reason: string };
}

export type MessageType = keyof Protocol;

/**
 * What a content script may ask: it runs inside web pages, so a hostile page's renderer could send anything it can.
 * Its text to match, its findings, and what the card shows; never a sync, a restore, another tab's findings.
 */
export const PAGE_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  'page/match',
  'page/findings',
  'concept/get',
  'concept/search',
  'summaries/for-concept',
  'concept/open-view',
  'recent/remember',
  // A card's "Save for later" (only the reader's own click reaches it): a page can add to the list, never take from it.
  'saved/add',
]);
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  request: RequestOf<T>;
}

/** Errors cross as text: a thrown Error does not survive the message channel in every browser. */
export type Reply<T extends MessageType = MessageType> = { ok: true; value: ResponseOf<T> } | { ok: false; error: string };
