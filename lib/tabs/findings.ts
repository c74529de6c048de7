// The terms each tab's content script found on its page, kept by the background for the popup's
// "On this page". Kept in memory and mirrored to storage.session, because an MV3 worker is stopped when idle
// and the popup may ask long after the report.
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '../dataset/types.ts';
import type { Router } from '../messaging/router.ts';
import type { ConceptCard } from '../search/keys.ts';

export interface ReportedTerm {
  conceptId: string;
  name: string;
  /** The name clinicians use, where the dataset gives one (set by the background, never by the page). */
  clinicalName?: string;
  category: Category;
  /** How many times the term appears on the page. */
  count: number;
  /** How many summaries the dataset has on the concept (set by the background from the dataset, never by the page). */
  summaries?: number;
  /** The page's title or main heading names it. */
  headline?: boolean;
}

export interface PageFindings {
  url: string;
  /** The PubMed id of the article the top frame's page is, where it says (lib/highlight/article.ts). */
  pmid?: string;
  /** Most relevant first (named by the page's title or heading, then most frequent, then by name). */
  terms: ReportedTerm[];
  /** When the report arrived (ms since the epoch). */
  at: number;
}

/** The part of a storage area the service uses (storage.session, or a fake in tests). */
export interface SessionArea {
  /** One key's item, or every item for `null`. */
  get(key: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A report comes from a content script running inside an arbitrary page: bound what is kept. */
const MAX_TERMS = 500;
const MAX_TEXT = 300;
/** A PubMed id, as the page reported it (lib/highlight/article.ts takes no other). */
const PMID = /^[1-9]\d{0,8}$/;
/** Longer than any concept id (ids are a source's prefix and number). */
const MAX_ID = 100;
/** Frames kept per tab besides the top one: a page of a thousand ad frames must not grow the worker without end. */
const MAX_FRAMES = 32;
/**
 * Terms kept per tab, all its frames together: storage.session holds 10 MB for every tab, and 33 frames of 500 long
 * terms would fill it for all of them. The oldest other frames go first, then the one reporting; the top frame's stay.
 */
const MAX_TAB_TERMS = 1500;

const PREFIX = 'findings:';
const keyOf = (tabId: number) => `${PREFIX}${tabId}`;

/** Whether a change of storage.session stores or forgets a tab's findings (the popup waits for a first report). */
export const touchesFindings = (changes: Record<string, unknown>) => Object.keys(changes).some((key) => key.startsWith(PREFIX));

/**
 * What is kept per tab: each frame's report (the content script runs in every frame, and each reports on its own
 * document), by frame id; 0 is the top frame. The tab's findings are their sum.
 */
type FrameReports = Record<number, PageFindings>;

export class TabFindings {
  private byTab = new Map<number, FrameReports>();
  /**
   * A token for the page each tab shows, dropped when the tab is forgotten: a report (or a read) whose wait spans a
   * forget holds a token the tab no longer has, and describes the page the tab left. Only tabs that reported since
   * their last navigation have one, and closing a tab drops it; a report that arrives after its tab closed (sent
   * just before) makes one again, a few bytes, as it did before tokens.
   */
  private pages = new Map<number, object>();
  /** How many times a tab was forgotten: a read of all of storage.session that spans one may hold a page a tab left. */
  private forgets = 0;

  constructor(
    private session?: SessionArea,
    private now: () => number = Date.now,
    private hooks: {
      /**
       * The concept's card, where the dataset knows it: its own names (the page reports the words as they stood there)
       * and how many summaries it has.
       */
      conceptCard?: (conceptId: string) => Promise<Pick<ConceptCard, 'name' | 'clinicalName' | 'summaryCount'> | undefined>;
      /** Told of the tab's findings, all its frames together, after each report (the toolbar badge follows them). */
      onReport?: (tabId: number, findings: PageFindings) => void;
      /** Told when a tab closes or starts loading another page: what else is kept for its pages goes too (matching sessions). */
      onForget?: (tabId: number) => void;
    } = {},
  ) {}

  /**
   * One frame's report replaces that frame's last one; an empty report (its highlighting stopped: turned off,
   * paused) takes the frame's terms away. A frame never overwrites another's, so an empty ad frame that
   * reports last leaves the article's terms in place.
   */
  async report(tabId: number, url: string, terms: unknown, frameId = 0, pmid?: unknown): Promise<PageFindings | null> {
    const page = this.pageOf(tabId);
    const left = () => this.pages.get(tabId) !== page;
    const cleaned = cleanTerms(terms);
    const { conceptCard, onReport } = this.hooks;
    if (conceptCard) {
      const cards = await Promise.all(cleaned.map((t) => conceptCard(t.conceptId).catch(() => undefined)));
      cleaned.forEach((t, i) => {
        const card = cards[i];
        if (card) Object.assign(t, { name: card.name, ...(card.clinicalName ? { clinicalName: card.clinicalName } : {}), summaries: card.summaryCount });
      });
      // Ties are ordered by the names the reader sees, not the words as they stood on the page.
      orderTerms(cleaned);
    }
    const loaded = await this.frames(tabId);
    // The names can wait for the first import after install, seconds during which the tab may load another page.
    if (left()) return mergeFrames(this.byTab.get(tabId));
    // Read again after the wait: two frames reporting at once must both be kept.
    const frames: FrameReports = this.byTab.get(tabId) ?? loaded ?? {};
    const frame = Number.isSafeInteger(frameId) && frameId >= 0 ? frameId : 0;
    // Only the top page says which article the tab shows (the content script of a frame sends none).
    const article = frame === 0 && typeof pmid === 'string' && PMID.test(pmid) ? { pmid } : {};
    frames[frame] = { url: String(url).slice(0, 2048), ...article, terms: cleaned, at: this.now() };
    // Frame ids grow as a tab makes frames (and integer keys list in ascending order): the newest are kept.
    const others = Object.keys(frames).map(Number).filter((id) => id !== 0);
    for (const id of others.slice(0, Math.max(0, others.length - MAX_FRAMES))) delete frames[id];
    let total = Object.values(frames).reduce((n, f) => n + f.terms.length, 0);
    for (const id of [...others.filter((id) => id !== frame && frames[id]), frame]) {
      if (total <= MAX_TAB_TERMS) break;
      total -= frames[id].terms.length;
      delete frames[id];
    }
    this.byTab.set(tabId, frames);
    // A copy that cannot be stored (storage full) leaves the report in memory and the badge counting it: it is lost
    // only if the worker stops.
    await this.session?.set({ [keyOf(tabId)]: frames }).catch((error: unknown) => console.warn('Evidence Lens: a page\'s terms were not stored:', error));
    if (left()) return mergeFrames(this.byTab.get(tabId));
    const findings = mergeFrames(frames)!;
    onReport?.(tabId, findings);
    return findings;
  }

  async get(tabId: number): Promise<PageFindings | null> {
    return mergeFrames(await this.frames(tabId));
  }

  /** How many distinct terms each tab with a report holds (read back from storage.session after a worker restart). */
  async termCounts(): Promise<Map<number, number>> {
    const forgets = this.forgets;
    const items = (await this.session?.get(null)) ?? {};
    const stored = Object.keys(items)
      .filter((key) => key.startsWith(PREFIX))
      .map((key) => Number(key.slice(PREFIX.length)));
    const counts = new Map<number, number>();
    for (const tabId of new Set([...this.byTab.keys(), ...stored.filter(Number.isSafeInteger)])) {
      // The copies come from the one read, unless a tab was forgotten meanwhile: then each is read again, as `get` does.
      const findings =
        this.forgets === forgets ? mergeFrames(this.byTab.get(tabId) ?? this.adopt(tabId, items[keyOf(tabId)])) : await this.get(tabId);
      if (findings) counts.set(tabId, findings.terms.length);
    }
    return counts;
  }

  private async frames(tabId: number): Promise<FrameReports | undefined> {
    const known = this.byTab.get(tabId);
    if (known) return known;
    // After a worker restart the memory is empty, but the session copy is not.
    const page = this.pageOf(tabId);
    const stored = (await this.session?.get(keyOf(tabId)))?.[keyOf(tabId)];
    // A copy read as the tab was forgotten is the page it left.
    return this.pages.get(tabId) === page ? this.adopt(tabId, stored) : this.byTab.get(tabId);
  }

  /** Takes up a tab's copy read back from storage.session (none: what memory holds). */
  private adopt(tabId: number, stored: unknown): FrameReports | undefined {
    // A report that came while the copy was read holds it already, with the frame it added: that one is newer.
    const known = this.byTab.get(tabId);
    if (known) return known;
    const copy = stored as FrameReports | PageFindings | undefined;
    if (!copy) return this.byTab.get(tabId);
    // A copy kept by a version that stored one report per tab: it was the top frame's.
    const frames: FrameReports = 'terms' in copy && Array.isArray(copy.terms) ? { 0: copy as PageFindings } : (copy as FrameReports);
    this.byTab.set(tabId, frames);
    return frames;
  }

  /** The token of the page the tab shows now (see `pages`). */
  private pageOf(tabId: number): object {
    let page = this.pages.get(tabId);
    if (!page) this.pages.set(tabId, (page = {}));
    return page;
  }

  async forget(tabId: number): Promise<void> {
    this.forgets++;
    this.pages.delete(tabId);
    this.byTab.delete(tabId);
    this.hooks.onForget?.(tabId);
    await this.session?.remove(keyOf(tabId));
  }

  /** Answers the messages and forgets a tab when it closes or starts loading another page. */
  register(router: Router): void {
    router
      .on('page/findings', async ({ url, terms, pmid }, sender) => {
        const from = sender as { tab?: { id?: number; pendingUrl?: string }; frameId?: number; documentLifecycle?: string } | undefined;
        const tabId = from?.tab?.id;
        if (typeof tabId !== 'number' || tabId < 0) throw new Error('Findings can only be reported from a tab.');
        // Chrome says when the sender is a document the tab is not showing: another page is on its way (the tab's
        // "loading" has already forgotten this one), or the document is unloading, cached or prerendered (the
        // content script waits until it is shown; this is for one that did not).
        if (from?.tab?.pendingUrl || NOT_SHOWN.has(from?.documentLifecycle ?? '')) return;
        await this.report(tabId, url, terms, from?.frameId ?? 0, pmid);
      })
      .on('tab/findings', ({ tabId }) => this.get(tabId));
    browser.tabs.onRemoved.addListener((tabId) => void this.forget(tabId));
    browser.tabs.onUpdated.addListener((tabId, change) => {
      // A new document is loading: the old page's terms no longer describe the tab. The new page's content
      // script reports again once it has looked.
      if (change.status === 'loading') void this.forget(tabId);
    });
  }
}

/** Document lifecycles (MessageSender.documentLifecycle) whose findings do not describe what the tab shows. */
const NOT_SHOWN = new Set(['pending_deletion', 'cached', 'prerender']);

/** The tab's findings: the top frame's address, every frame's terms summed by concept, in the popup's order. */
function mergeFrames(frames: FrameReports | undefined): PageFindings | null {
  const reports = Object.entries(frames ?? {});
  if (reports.length === 0) return null;
  const top = frames![0] ?? reports[0][1];
  if (reports.length === 1) return top;
  const merged = new Map<string, ReportedTerm>();
  for (const [id, report] of reports) {
    for (const t of report.terms) {
      const had = merged.get(t.conceptId);
      // Only the top page's title and heading say what the page is about.
      const headline = Number(id) === 0 && t.headline === true;
      if (had) {
        had.count += t.count;
        if (headline) had.headline = true;
      } else {
        const { headline: _, ...term } = t;
        merged.set(t.conceptId, headline ? { ...term, headline } : term);
      }
    }
  }
  // Which article the tab shows is its top page's to say, not a frame's.
  const article = frames![0]?.pmid ? { pmid: frames![0].pmid } : {};
  return { url: top.url, ...article, at: Math.max(...reports.map(([, r]) => r.at)), terms: orderTerms([...merged.values()]).slice(0, MAX_TERMS) };
}

/** Named by the page's title or heading first, then the most frequent, then by name (as the reader reads it). */
function orderTerms(terms: ReportedTerm[]): ReportedTerm[] {
  return terms.sort((a, b) => Number(b.headline ?? false) - Number(a.headline ?? false) || b.count - a.count || compareNames(a.name, b.name));
}

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Keeps well-formed terms only, merges repeats, and orders them: named by the headline first, then most frequent. */
export function cleanTerms(terms: unknown): ReportedTerm[] {
  if (!Array.isArray(terms)) return [];
  const merged = new Map<string, ReportedTerm>();
  for (const t of terms.slice(0, MAX_TERMS * 4)) {
    if (!t || typeof t !== 'object') continue;
    const { conceptId, name, category, count, headline } = t as Record<string, unknown>;
    if (typeof conceptId !== 'string' || typeof name !== 'string' || !conceptId || !name) continue;
    const n = typeof count === 'number' && Number.isFinite(count) && count > 0 ? Math.floor(count) : 1;
    const had = merged.get(conceptId);
    if (had) {
      had.count += n;
      if (headline === true) had.headline = true;
      continue;
    }
    merged.set(conceptId, {
      conceptId: conceptId.slice(0, MAX_ID),
      name: name.slice(0, MAX_TEXT),
      category: CATEGORIES.includes(category as Category) ? (category as Category) : 'other',
      count: n,
      ...(headline === true ? { headline: true } : {}),
    });
  }
  return orderTerms([...merged.values()]).slice(0, MAX_TERMS);
}

/** The browser's session storage where it has one (Chrome 102+, Firefox 115+). */
export function sessionArea(): SessionArea | undefined {
  const area = (browser.storage as { session?: SessionArea } | undefined)?.session;
  return area && typeof area.get === 'function' ? area : undefined;
}
