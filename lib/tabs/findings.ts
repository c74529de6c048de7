// The terms each tab's content script found on its page, kept by the background for the popup's
// "On this page". Kept in memory and mirrored to storage.session, because an MV3 worker is stopped when idle
// and the popup may ask long after the report.
import { browser } from 'wxt/browser';
import { CATEGORIES, type Category } from '../dataset/types.ts';
import type { Router } from '../messaging/router.ts';

export interface ReportedTerm {
  conceptId: string;
  name: string;
  /** The name clinicians use, where the dataset gives one (set by the background, never by the page). */
  clinicalName?: string;
  category: Category;
  /** How many times the term appears on the page. */
  count: number;
  /** The page's title or main heading names it. */
  headline?: boolean;
}

export interface PageFindings {
  url: string;
  /** Most relevant first (named by the page's title or heading, then most frequent, then by name). */
  terms: ReportedTerm[];
  /** When the report arrived (ms since the epoch). */
  at: number;
}

/** The part of a storage area the service uses (storage.session, or a fake in tests). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A report comes from a content script running inside an arbitrary page: bound what is kept. */
const MAX_TERMS = 500;
const MAX_TEXT = 300;

const keyOf = (tabId: number) => `findings:${tabId}`;

export class TabFindings {
  private byTab = new Map<number, PageFindings>();

  constructor(
    private session?: SessionArea,
    private now: () => number = Date.now,
    private hooks: {
      /** The concept's own names, where the dataset knows it: the page reports the words as they stood there. */
      conceptNames?: (conceptId: string) => Promise<{ name: string; clinicalName?: string } | undefined>;
      /** Told of each stored report (the toolbar badge follows it). */
      onReport?: (tabId: number, findings: PageFindings) => void;
    } = {},
  ) {}

  async report(tabId: number, url: string, terms: unknown): Promise<PageFindings> {
    const cleaned = cleanTerms(terms);
    const { conceptNames, onReport } = this.hooks;
    if (conceptNames) {
      const names = await Promise.all(cleaned.map((t) => conceptNames(t.conceptId).catch(() => undefined)));
      cleaned.forEach((t, i) => Object.assign(t, names[i]));
    }
    const findings: PageFindings = { url: String(url).slice(0, 2048), terms: cleaned, at: this.now() };
    this.byTab.set(tabId, findings);
    await this.session?.set({ [keyOf(tabId)]: findings });
    onReport?.(tabId, findings);
    return findings;
  }

  async get(tabId: number): Promise<PageFindings | null> {
    const known = this.byTab.get(tabId);
    if (known) return known;
    // After a worker restart the memory is empty, but the session copy is not.
    const stored = (await this.session?.get(keyOf(tabId)))?.[keyOf(tabId)] as PageFindings | undefined;
    if (stored) this.byTab.set(tabId, stored);
    return stored ?? null;
  }

  async forget(tabId: number): Promise<void> {
    this.byTab.delete(tabId);
    await this.session?.remove(keyOf(tabId));
  }

  /** Answers the messages and forgets a tab when it closes or starts loading another page. */
  register(router: Router): void {
    router
      .on('page/findings', async ({ url, terms }, sender) => {
        const tabId = (sender as { tab?: { id?: number } } | undefined)?.tab?.id;
        if (typeof tabId !== 'number' || tabId < 0) throw new Error('Findings can only be reported from a tab.');
        await this.report(tabId, url, terms);
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
      conceptId: conceptId.slice(0, MAX_TEXT),
      name: name.slice(0, MAX_TEXT),
      category: CATEGORIES.includes(category as Category) ? (category as Category) : 'other',
      count: n,
      ...(headline === true ? { headline: true } : {}),
    });
  }
  return [...merged.values()]
    .sort((a, b) => Number(b.headline ?? false) - Number(a.headline ?? false) || b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, MAX_TERMS);
}

/** The browser's session storage where it has one (Chrome 102+, Firefox 115+). */
export function sessionArea(): SessionArea | undefined {
  const area = (browser.storage as { session?: SessionArea } | undefined)?.session;
  return area && typeof area.get === 'function' ? area : undefined;
}
