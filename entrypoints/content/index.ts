// The content script: thin wiring of the page to the highlighter (lib/highlight), the background's
// matcher and store (messages), the reader's preferences, and the card.
import './highlights.css';
// The same rules again as text, for the shadow roots of web components (Firefox styles their highlights from inside).
import highlightStyles from './highlights.css?inline';
import { browser } from 'wxt/browser';
import { defineContentScript } from '#imports';
import { Highlighter, type FoundTerm } from '../../lib/highlight/highlighter';
import { createPainter, type PaintedTerm } from '../../lib/highlight/painter';
import { termAtPoint, termInRange, termRect, isInteractive } from '../../lib/highlight/hit';
import { articlePmid } from '../../lib/highlight/article';
import { highlightedSentence, offReason, TOGGLED_OFF } from '../../lib/highlight/announcements';
import type { LookupMessage } from '../../lib/tabs/lookup-menu';
import { HoverIntent } from '../../lib/highlight/hover';
import { contentScriptShadowRoots, shadowRootStyler } from '../../lib/highlight/shadow';
import { send } from '../../lib/messaging/client';
import { pageKey } from '../../lib/terms/page-key';
import { joinBlocks } from '../../lib/terms/page-text';
import { carrySession } from '../../lib/terms/session-carry';
import { CONTENT_SCRIPT_MARK } from '../../lib/tabs/site-access';
import { getPreferences, highlightsWanted, normalisePreferences, pausedSitesItem, preferencesItem, type Preferences } from '../../lib/settings/preferences';
import { TermNavigator } from '../../lib/highlight/navigator';
import { parseMoveShortcuts, shortcutLabel } from '../../lib/settings/shortcuts';
import { createAnnouncer } from './announcer';
import { CardSession } from './card-session';
import { followKeyboard } from './keyboard';

/** Whether Chrome is prerendering this page, unseen (Document.prerendering; absent elsewhere). */
const prerendering = () => (document as { prerendering?: boolean }).prerendering === true;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: true,
  // Frames with no address of their own (about:blank written by their parent, srcdoc: webmail, embeds) are read too.
  matchAboutBlank: true,
  cssInjectionMode: 'manifest',
  async main(ctx) {
    // Tells the background, which may start this script itself (lib/tabs/site-access.ts), that it runs here.
    (globalThis as Record<string, unknown>)[CONTENT_SCRIPT_MARK] = () => ctx.isValid;
    const pageId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    let highlighter: Highlighter | undefined;
    // Web components' text is read, painted and clicked like the page's.
    const shadowRootOf = contentScriptShadowRoots();
    const styleShadowRoot = shadowRootStyler(highlightStyles);
    // Both reads at once: highlighting waits for them.
    const [storedPrefs, storedPaused] = await Promise.all([getPreferences(), pausedSitesItem.getValue()]);
    let prefs: Preferences = storedPrefs;
    let pausedSites = storedPaused;
    let keys = parseMoveShortcuts(prefs.keyboard);
    let toggledOff = false;
    let navigator: TermNavigator | undefined;
    const announcer = createAnnouncer();
    // One card at a time; the hover intent (below) forgets its term when a card opens or closes otherwise.
    const cards = new CardSession(ctx, {
      audience: () => prefs.audience,
      say: (sentence) => announcer.say(sentence),
      forgetHover: () => hover.forget(),
    });
    // After an update or reload of the extension this script is left on the page, cut off from the background.
    // Chrome tells it only when asked: reading ctx.isInvalid then stops it (onInvalidated below), highlights and all,
    // instead of a card that says "Extension context invalidated".
    const orphaned = () => ctx.isInvalid;

    // The top page says which article it is (a PubMed record, a journal's citation tags): the popup shows its study.
    const pmid = () => (window === window.top ? articlePmid(document, location.href) : undefined);
    const sendFindings = (terms: FoundTerm[]) =>
      void send('page/findings', {
        url: location.href,
        terms: terms.map((t) => ({ conceptId: t.conceptId, name: t.text, category: t.category, count: t.count, headline: t.headline })),
        pmid: pmid(),
      }).catch(() => undefined);
    // A page restored from the back/forward cache is not read again, but the tab's "loading" forgot its terms.
    ctx.addEventListener(window, 'pageshow', (event) => {
      if ((event as PageTransitionEvent).persisted && highlighter && ctx.isValid) sendFindings(highlighter.found());
    });

    let scanOfAddress = -1;
    let scanAddress = location.href;
    // Each request carries the session the last answer gave, for a background worker that restarted meanwhile.
    const matchPage = carrySession((request) => send('page/match', request));
    const start = () => {
      if (highlighter || !document.body || prerendering()) return;
      // A new highlighter counts its scans from 1 again: its first is at the address the page has now.
      scanOfAddress = -1;
      const painter = createPainter(document, prefs.highlight.style);
      navigator = new TermNavigator(painter);
      let announced = false;
      highlighter = new Highlighter(document, painter, {
        // A scan's batches share the address it started on: a page that rewrites its address while loading
        // (history.replaceState) keeps one matching session for its first pass.
        match: (texts, scan) => {
          if (scan !== scanOfAddress) [scanOfAddress, scanAddress] = [scan, location.href];
          return matchPage(pageKey(pageId, scanAddress), joinBlocks(texts));
        },
        categories: new Set(prefs.highlight.categories),
        shadowRootOf,
        styleShadowRoot,
        alive: () => !orphaned(),
        report: (terms) => {
          if (!ctx.isValid) return;
          if (!announced && terms.length > 0) {
            announced = true;
            announcer.say(highlightedSentence(terms, prefs.keyboard.enabled ? shortcutLabel(prefs.keyboard.next) : undefined));
          }
          sendFindings(terms);
        },
      });
      // Marks on the page's performance timeline let the bench time the pass (they carry no page data).
      performance.mark('evidence-lens:start');
      // Follow the page from the start: what it adds or changes during the first pass is read after it.
      highlighter.observe();
      void highlighter.scan().then(() => {
        try {
          performance.measure('evidence-lens:highlight', 'evidence-lens:start');
        } catch {
          // The page cleared the timeline's marks (performance.clearMarks()): only the bench reads this measure.
        }
      });
    };
    const stop = () => {
      cards.close();
      navigator?.clear();
      navigator = undefined;
      if (highlighter && ctx.isValid) {
        // Nothing is highlighted here any more: the popup's list and the toolbar badge lose this page's terms.
        void send('page/findings', { url: location.href, terms: [] }).catch(() => undefined);
      }
      highlighter?.stop();
      highlighter = undefined;
    };
    const apply = () => {
      const wanted = highlightsWanted(prefs, pausedSites, location.hostname) && !toggledOff;
      if (!wanted) stop();
      else start();
    };

    // Start once the page is usable, in an idle moment. A page Chrome prerenders (a link the reader may follow)
    // waits until it is shown: the reader may never open it, and its terms would be reported as those of the page
    // the tab still shows.
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void }).requestIdleCallback;
    const startWhenIdle = () => {
      if (idle) idle(() => !orphaned() && apply(), { timeout: 1000 });
      else ctx.setTimeout(apply, 50);
    };
    if (prerendering()) ctx.addEventListener(document, 'prerenderingchange', startWhenIdle, { once: true });
    else startWhenIdle();

    // Live preferences: a change in the settings or the popup reaches this tab without a reload.
    const unwatch = [
      preferencesItem.watch((stored) => {
        const next = normalisePreferences(stored);
        const restart = next.highlight.enabled !== prefs.highlight.enabled;
        const recategorised = next.highlight.categories.join() !== prefs.highlight.categories.join();
        prefs = next;
        keys = parseMoveShortcuts(prefs.keyboard);
        if (restart) stop();
        // Style and categories change what is shown, at once: the page is not read again.
        highlighter?.painter.setStyle(prefs.highlight.style);
        if (recategorised) highlighter?.setCategories(new Set(prefs.highlight.categories));
        apply();
      }),
      pausedSitesItem.watch((sites) => {
        pausedSites = sites;
        apply();
      }),
    ];
    ctx.onInvalidated(() => {
      // The page first: once the extension is gone, its own API calls (the watchers' removal) may throw.
      stop();
      announcer.remove();
      for (const u of unwatch) {
        try {
          u();
        } catch {
          // Cut off from the extension: there is nothing left to stop listening to.
        }
      }
    });

    // The keyboard command (see wxt.config.ts) and the context menu's "Look up" arrive from the background.
    // A copy of this script stopped by a newer one (the background may start one, lib/tabs/site-access.ts) no longer
    // answers: the newer one does.
    const onMessage = (message: unknown) => {
      if (!ctx.isValid) return undefined;
      const type = (message as { type?: string })?.type;
      if (type === 'card/lookup') {
        void lookUp((message as LookupMessage).text);
        return undefined;
      }
      if (type !== 'highlights/toggle') return undefined;
      toggledOff = !toggledOff;
      apply();
      // Turned back on, the pass announces what it highlighted. The command reaches every frame: the top one says it.
      if (toggledOff && window === window.top) announcer.say(TOGGLED_OFF);
      return Promise.resolve({ on: !toggledOff });
    };
    browser.runtime.onMessage.addListener(onMessage);
    // Stopped with the watchers, in the same way.
    unwatch.push(() => browser.runtime.onMessage.removeListener(onMessage));

    // Where the reader last asked for the context menu: "Look up" opens the term there (in a link, whose click
    // is the page's), else the one the selection holds, else looks the selected or linked words up by name.
    let menuAt: { x: number; y: number; target: EventTarget | null } | undefined;
    ctx.addEventListener(document, 'contextmenu', (event) => {
      const e = event as MouseEvent;
      menuAt = { x: e.clientX, y: e.clientY, target: e.target };
    }, { capture: true });
    const lookUp = async (selected: string) => {
      if (orphaned()) return;
      const at = menuAt;
      menuAt = undefined; // each use of the menu follows a right-click of its own
      const painter = highlighter?.painter;
      const selection = document.getSelection();
      const range = selection && !selection.isCollapsed && selection.rangeCount > 0 ? selection.getRangeAt(0) : undefined;
      const term = (painter && at && termAtPoint(painter, at.x, at.y, document, shadowRootOf)) || (painter && range && termInRange(painter, range));
      if (term) return cards.show(term, 'click');
      const link = at?.target instanceof Element ? at.target.closest('a') : null;
      const text = (selected || range?.toString() || link?.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 100);
      if (!text) return;
      const box = range ?? link;
      const rect = () => box?.getBoundingClientRect() ?? new DOMRect(at?.x ?? 0, at?.y ?? 0, 0, 0);
      const hits = await send('concept/search', { query: text, limit: 1 }).catch(() => []);
      // Only a whole name: "the heart of the matter" is not Heart.
      await cards.show({ text, conceptId: hits[0]?.match === 'exact' ? hits[0].id : undefined, rect }, 'click');
    };

    // In the capture phase: widgets that stop a click's propagation on its way up would keep it from us.
    // Only the reader's own input opens a card or moves between terms (`isTrusted`): events a page makes up would
    // let it open cards and read them, and learn what the reader looks up.
    ctx.addEventListener(document, 'click', (event) => {
      if (orphaned() || !event.isTrusted) return;
      const e = event as MouseEvent;
      // The innermost target: a link inside a web component is the page's too (e.target is only its host).
      if (!highlighter || prefs.highlight.openOn !== 'click' || e.button !== 0 || isInteractive(e.composedPath()[0] ?? e.target)) return;
      if (!document.getSelection()?.isCollapsed) return; // the reader is selecting text, not asking
      const term = termAtPoint(highlighter.painter, e.clientX, e.clientY, document, shadowRootOf);
      if (term) void cards.show(term, 'click');
    }, { capture: true });

    followKeyboard(ctx, {
      enabled: () => prefs.keyboard.enabled,
      shortcuts: () => keys,
      navigator: () => navigator,
      cards,
      say: (sentence) => announcer.say(sentence),
      offReason: () =>
        offReason({ toggledOff, enabledInSettings: prefs.highlight.enabled, wantedHere: highlightsWanted(prefs, pausedSites, location.hostname) }),
      orphaned,
    });

    // Hover mode: the card opens once the pointer rests on a term, and stays while the pointer travels into it.
    const hover = new HoverIntent<PaintedTerm>(
      {
        termAt: (x, y) => (highlighter ? termAtPoint(highlighter.painter, x, y, document, shadowRootOf) : undefined),
        rectOf: termRect,
        open: (term) => void cards.show(term, 'hover'),
        close: () => cards.close(),
        holdsCard: () => !!cards.card && (cards.card.pinned || cards.openedBy !== 'hover'),
      },
      () => prefs.highlight.hoverDelay,
    );
    ctx.addEventListener(document, 'mousemove', (event) => {
      if (!highlighter || prefs.highlight.openOn !== 'hover' || !event.isTrusted || orphaned()) return;
      const e = event as MouseEvent;
      hover.move(e.clientX, e.clientY, !!cards.card && e.composedPath().includes(cards.card.element));
    });
  },
});
