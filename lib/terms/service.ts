// The background's term matcher: loaded once per worker (the content script never holds the 8 MB
// matcher, so a tab costs only its own text and ranges), answering `page/match` for every tab.
// Each page gets a matching session, so an abbreviation defined early on the page ("Wilson disease
// (WD)") applies to the text blocks sent later; it starts afresh when the page moves to another address
// (a single-page app's navigation), so one page's session holds one article's definitions, not all of them.
// Sessions are kept per frame: a frame shows one document at a time, so a new one (an iframe's next ad, a
// frame's navigation) replaces the last one's session, and a tab that closes or loads another page drops all.
// The MV3 worker is stopped when idle (after about 30 s) and its sessions with it, so each answer carries the
// session's state and the page sends the latest back with its next request: a new worker goes on from it.
import { loadMatcher, type MatchSession, type Matcher, type SessionState } from '../match/index.ts';
import type { Router } from '../messaging/router.ts';
import type { Category } from '../dataset/types.ts';
import { splitBlocks } from './page-text.ts';
import { warmUp } from './warm-up.ts';

/** The matches of a request's blocks, flat: block index, start, end, index into `concepts`, repeated. */
export interface BlockMatches {
  concepts: [id: string, category: Category][];
  matches: number[];
  /** The page's session after these blocks, for the page to send back with its next request (see above). */
  session?: SessionState;
}

export interface TermServiceOptions {
  /** The compiled matcher for the installed dataset. */
  loadBytes: () => Promise<ArrayBuffer | Uint8Array>;
  /** How many page sessions to keep (least recently used are dropped). */
  maxSessions?: number;
  /** Warm the matcher up after it loads (see warm-up.ts); off in unit tests, where it is only time. */
  warmUp?: boolean;
  /** The clock, for the wait after a failed load (tests). */
  now?: () => number;
}

/** Text a single request may carry: bounds the work one page can ask of the background. */
export const MAX_REQUEST_CHARS = 2_000_000;
/** Of a page's key (its document's id and address, page-key.ts), what is kept to compare with the next request's. */
const MAX_PAGE_CHARS = 2_200;

/**
 * After a failed load, pages are answered with that failure for this long before the next try: a synced dataset's
 * matcher is compiled in the worker (seconds), and a load that fails the same way would be tried on every page.
 */
export const RETRY_LOAD_MS = 60_000;

export class TermService {
  private matcherPromise?: Promise<Matcher>;
  private failed?: { at: number; error: unknown };
  private sessions = new Map<string, { page: string; matcher: Matcher; session: MatchSession }>();

  constructor(private options: TermServiceOptions) {}

  /** Set while a warm-up runs, for tests and the worker's console. */
  warming?: Promise<number>;

  matcher(): Promise<Matcher> {
    if (this.matcherPromise) return this.matcherPromise;
    const now = this.options.now ?? Date.now;
    if (this.failed && now() - this.failed.at < RETRY_LOAD_MS) return Promise.reject(this.failed.error);
    const loading = this.options.loadBytes().then(loadMatcher);
    this.matcherPromise = loading;
    loading.then(
      (matcher) => {
        this.failed = undefined;
        if (this.options.warmUp) this.warming = warmUp(matcher, () => this.matcherPromise === loading);
      },
      (error: unknown) => {
        if (this.matcherPromise !== loading) return;
        this.matcherPromise = undefined;
        this.failed = { at: now(), error };
      },
    );
    return loading;
  }

  /** Whether the matcher is loaded or loading (a `prepare` would do nothing). */
  get prepared(): boolean {
    return this.matcherPromise !== undefined;
  }

  /** A tab started loading a page: load the matcher and warm it up before the page's text arrives. */
  prepare(): void {
    this.matcher().catch(() => undefined);
  }

  /** After a dataset change: the next request loads the new matcher; sessions start afresh. */
  reset(): void {
    this.matcherPromise = undefined;
    this.failed = undefined;
    this.sessions.clear();
  }

  /** The tab closed or started loading another page: its frames' documents are gone, and their sessions go too. */
  forgetTab(tabId: number): void {
    for (const key of this.sessions.keys()) if (key.startsWith(`${tabId}:`)) this.sessions.delete(key);
  }

  /**
   * Match a page's blocks in the session kept under `key` (where the page is: a tab's frame); a request for
   * another `page` than the key's last (another document, or the same at another address) starts a new one.
   * `state` is the session's state the page last got back: it is taken up only when this worker holds no session
   * for the page (it restarted, or dropped the session), and only if it is valid and this matcher's.
   */
  async match(key: string, texts: string[], page = '', state?: unknown): Promise<BlockMatches> {
    const total = texts.reduce((n, t) => n + t.length, 0);
    if (total > MAX_REQUEST_CHARS) throw new Error('Too much text in one request.');
    // A dataset installed while the matcher loaded (reset) makes that one stale: wait for the new dataset's.
    let matcher: Matcher;
    for (;;) {
      const loading = this.matcher();
      matcher = await loading;
      if (this.matcherPromise === loading) break;
    }
    let entry = this.sessions.get(key);
    if (entry) this.sessions.delete(key); // re-insert: the Map's order is recency
    page = page.slice(0, MAX_PAGE_CHARS);
    // A session holds its matcher's concepts: one begun before a dataset change is not carried over.
    if (entry?.page !== page || entry.matcher !== matcher) entry = { page, matcher, session: matcher.session(state) };
    this.sessions.set(key, entry);
    const { session } = entry;
    const max = this.options.maxSessions ?? 200;
    while (this.sessions.size > max) this.sessions.delete(this.sessions.keys().next().value!);

    const index = new Map<string, number>();
    const concepts: BlockMatches['concepts'] = [];
    const matches: number[] = [];
    texts.forEach((text, block) => {
      for (const m of session.match(text)) {
        let i = index.get(m.conceptId);
        if (i === undefined) {
          i = concepts.push([m.conceptId, m.category]) - 1;
          index.set(m.conceptId, i);
        }
        matches.push(block, m.start, m.end, i);
      }
    });
    return { concepts, matches, session: session.state() };
  }

  register(router: Router): void {
    router.on('page/match', ({ page, text, ends, session }, sender) => {
      const tab = (sender as { tab?: { id?: number }; frameId?: number } | undefined)?.tab?.id ?? -1;
      const frame = (sender as { frameId?: number } | undefined)?.frameId ?? 0;
      return this.match(`${tab}:${frame}`, splitBlocks({ text, ends }), String(page), session);
    });
  }
}
