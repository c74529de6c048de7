// The background's term matcher: loaded once per worker (the content script never holds the 8 MB
// matcher, so a tab costs only its own text and ranges), answering `page/match` for every tab.
// Each page gets a matching session, so an abbreviation defined early on the page ("Wilson disease
// (WD)") applies to the text blocks sent later.
import { loadMatcher, type MatchSession, type Matcher } from '../match/index.ts';
import type { Router } from '../messaging/router.ts';
import type { Category } from '../dataset/types.ts';

/** Matches of one text block, flat: start, end, index into `concepts`, repeated. */
export interface BlockMatches {
  concepts: [id: string, category: Category][];
  blocks: number[][];
}

export interface TermServiceOptions {
  /** The compiled matcher for the installed dataset. */
  loadBytes: () => Promise<ArrayBuffer | Uint8Array>;
  /** How many page sessions to keep (least recently used are dropped). */
  maxSessions?: number;
}

/** Text a single request may carry: bounds the work one page can ask of the background. */
export const MAX_REQUEST_CHARS = 2_000_000;

export class TermService {
  private matcherPromise?: Promise<Matcher>;
  private sessions = new Map<string, MatchSession>();

  constructor(private options: TermServiceOptions) {}

  matcher(): Promise<Matcher> {
    this.matcherPromise ??= this.options.loadBytes().then(loadMatcher);
    this.matcherPromise.catch(() => (this.matcherPromise = undefined));
    return this.matcherPromise;
  }

  /** After a dataset change: the next request loads the new matcher; sessions start afresh. */
  reset(): void {
    this.matcherPromise = undefined;
    this.sessions.clear();
  }

  forgetTab(tabId: number): void {
    for (const key of this.sessions.keys()) if (key.startsWith(`${tabId}:`)) this.sessions.delete(key);
  }

  async match(sessionKey: string, texts: string[]): Promise<BlockMatches> {
    const total = texts.reduce((n, t) => n + t.length, 0);
    if (total > MAX_REQUEST_CHARS) throw new Error('Too much text in one request.');
    const matcher = await this.matcher();
    let session = this.sessions.get(sessionKey);
    if (session) this.sessions.delete(sessionKey); // re-insert: the Map's order is recency
    session ??= matcher.session();
    this.sessions.set(sessionKey, session);
    const max = this.options.maxSessions ?? 200;
    while (this.sessions.size > max) this.sessions.delete(this.sessions.keys().next().value!);

    const index = new Map<string, number>();
    const concepts: BlockMatches['concepts'] = [];
    const blocks = texts.map((text) => {
      const flat: number[] = [];
      for (const m of session.match(text)) {
        let i = index.get(m.conceptId);
        if (i === undefined) {
          i = concepts.push([m.conceptId, m.category]) - 1;
          index.set(m.conceptId, i);
        }
        flat.push(m.start, m.end, i);
      }
      return flat;
    });
    return { concepts, blocks };
  }

  register(router: Router): void {
    router.on('page/match', ({ page, texts }, sender) => {
      const tab = (sender as { tab?: { id?: number }; frameId?: number } | undefined)?.tab?.id ?? -1;
      const frame = (sender as { frameId?: number } | undefined)?.frameId ?? 0;
      return this.match(`${tab}:${frame}:${String(page).slice(0, 100)}`, texts);
    });
  }
}
