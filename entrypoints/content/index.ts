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
import type { LookupMessage } from '../../lib/tabs/lookup-menu';
import { HoverIntent } from '../../lib/highlight/hover';
import { contentScriptShadowRoots, shadowRootStyler } from '../../lib/highlight/shadow';
import { send } from '../../lib/messaging/client';
import { pageKey } from '../../lib/terms/page-key';
import { joinBlocks } from '../../lib/terms/page-text';
import { carrySession } from '../../lib/terms/session-carry';
import { CONTENT_SCRIPT_MARK } from '../../lib/tabs/site-access';
import { getPreferences, highlightsWanted, normalisePreferences, pausedSitesItem, preferencesItem, type Preferences } from '../../lib/settings/preferences';
import { TermNavigator, isTyping } from '../../lib/highlight/navigator';
import { matchesShortcut, parseShortcut, shortcutLabel, type Shortcut } from '../../lib/settings/shortcuts';
import { createAnnouncer } from './announcer';
import { nameFor } from '../../components/format';
import { openCard, type CardHandle } from './card';

/** What a card opens on: a painted term, or words looked up from the context menu (`conceptId` when they name one). */
interface CardAnchor {
  text: string;
  conceptId?: string;
  rect(): DOMRect;
}

const anchorOf = (term: PaintedTerm): CardAnchor => ({
  text: term.pieces.map((p) => p.node.data.slice(p.start, p.end)).join(''),
  conceptId: term.conceptId,
  rect: () => termRect(term),
});

const CATEGORY_WORDS = { disease: 'disease', drug: 'drug or chemical', procedure: 'procedure or test', anatomy: 'anatomy', other: 'term' };

/** Enter belongs to us only when focus is on the page itself, not on a link or control the reader chose. */
function isBodyFocus(target: EventTarget | null): boolean {
  return target === document.body || target === document.documentElement || target === null;
}

/** The reader's two shortcuts, parsed once per change of the preferences rather than on every key press. */
function parseKeys(keys: Preferences['keyboard']): { next?: Shortcut; previous?: Shortcut } {
  return { next: parseShortcut(keys.next), previous: parseShortcut(keys.previous) };
}

/** Whether Chrome is prerendering this page, unseen (Document.prerendering; absent elsewhere). */
const prerendering = () => (document as { prerendering?: boolean }).prerendering === true;

/** +1 for the next term's shortcut, -1 for the previous one's, 0 for any other key. */
function shortcutStep(e: KeyboardEvent, keys: ReturnType<typeof parseKeys>): 1 | -1 | 0 {
  return keys.next && matchesShortcut(e, keys.next) ? 1 : keys.previous && matchesShortcut(e, keys.previous) ? -1 : 0;
}

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
    let card: CardHandle | undefined;
    // Web components' text is read, painted and clicked like the page's.
    const shadowRootOf = contentScriptShadowRoots();
    const styleShadowRoot = shadowRootStyler(highlightStyles);
    // Both reads at once: highlighting waits for them.
    const [storedPrefs, storedPaused] = await Promise.all([getPreferences(), pausedSitesItem.getValue()]);
    let prefs: Preferences = storedPrefs;
    let pausedSites = storedPaused;
    let keys = parseKeys(prefs.keyboard);
    let toggledOff = false;
    let navigator: TermNavigator | undefined;
    const announcer = createAnnouncer();
    // After an update or reload of the extension this script is left on the page, cut off from the background.
    // Chrome tells it only when asked: reading ctx.isInvalid then stops it (onInvalidated below), highlights and all,
    // instead of a card that says "Extension context invalidated".
    const orphaned = () => ctx.isInvalid;

    const sendFindings = (terms: FoundTerm[]) =>
      void send('page/findings', {
        url: location.href,
        terms: terms.map((t) => ({ conceptId: t.conceptId, name: t.text, category: t.category, count: t.count, headline: t.headline })),
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
            // Terms and the places they occur: moving between them counts places ("3 of 45").
            const n = terms.length;
            const places = terms.reduce((sum, t) => sum + t.count, 0);
            const where = places > n ? `, in ${places} places` : '';
            const hint = prefs.keyboard.enabled ? ` ${shortcutLabel(prefs.keyboard.next)} moves to the next one.` : '';
            announcer.say(`${n} medical term${n === 1 ? '' : 's'} highlighted${where}.${hint}`);
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
      card?.close();
      navigator?.clear();
      navigator = undefined;
      if (highlighter && ctx.isValid) {
        // Nothing is highlighted here any more: the popup's list and the toolbar badge lose this page's terms.
        void send('page/findings', { url: location.href, terms: [] }).catch(() => undefined);
      }
      highlighter?.stop();
      highlighter = undefined;
    };
    /** Why this tab shows no highlights, for a reader who pressed a shortcut. */
    const offReason = () =>
      toggledOff
        ? 'Highlighting is off in this tab. The toggle command turns it back on.'
        : !prefs.highlight.enabled
          ? 'Highlighting is off in the settings.'
          : highlightsWanted(prefs, pausedSites, location.hostname)
            ? 'No medical terms highlighted on this page yet.'
            : 'Highlighting is paused on this site.';
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
        keys = parseKeys(prefs.keyboard);
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
      if (toggledOff && window === window.top) announcer.say('Highlighting is off in this tab. The same command turns it back on.');
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
      if (term) return show(term, 'click');
      const link = at?.target instanceof Element ? at.target.closest('a') : null;
      const text = (selected || range?.toString() || link?.textContent || '').replace(/\s+/g, ' ').trim().slice(0, 100);
      if (!text) return;
      const box = range ?? link;
      const rect = () => box?.getBoundingClientRect() ?? new DOMRect(at?.x ?? 0, at?.y ?? 0, 0, 0);
      const hits = await send('concept/search', { query: text, limit: 1 }).catch(() => []);
      // Only a whole name: "the heart of the matter" is not Heart.
      await show({ text, conceptId: hits[0]?.match === 'exact' ? hits[0].id : undefined, rect }, 'click');
    };

    let openedBy: 'hover' | 'click' | 'keyboard' | undefined;
    let cardReturnFocus: HTMLElement | null = null;
    let restoringFocus = false;
    const show = async (anchor: CardAnchor | PaintedTerm, by: 'hover' | 'click' | 'keyboard') => {
      const { text, conceptId, rect } = 'pieces' in anchor ? anchorOf(anchor) : anchor;
      // Detach the card shown now before closing it: its close is a replacement, not the reader leaving.
      const previous = card;
      card = undefined;
      // A card that replaces one the reader was in hands focus back where the first card took it from.
      const previousFocus = previous && document.activeElement === previous.element ? cardReturnFocus : (document.activeElement as HTMLElement | null);
      cardReturnFocus = previousFocus;
      previous?.close();
      if (by !== 'hover') hover.forget();
      // Text looked up that names no concept has no full view to go on to.
      const onMore = conceptId ? () => void send('concept/open-view', { conceptId }).catch(() => undefined) : undefined;
      const onOpenConcept = (id: string) => void send('concept/open-view', { conceptId: id }).catch(() => undefined);
      // The card may close before openCard returns (a page's focus trap): `handle` is not set yet then.
      let handle: CardHandle | undefined;
      let closedEarly = false;
      handle = await openCard(ctx, rect, { term: text, audience: prefs.audience, loading: true, onMore, onOpenConcept }, ({ focusLeft }) => {
        if (!handle) return void (closedEarly = true);
        if (card !== handle) return; // replaced by another card, not closed
        card = undefined;
        openedBy = undefined;
        hover.forget();
        if (by !== 'hover' && !focusLeft) {
          restoringFocus = true;
          previousFocus?.focus?.({ preventScroll: true });
          restoringFocus = false;
        }
      }, { focus: by !== 'hover', within: 'pieces' in anchor ? anchor.pieces[0].node.parentElement : null });
      if (closedEarly) return;
      card = handle;
      openedBy = by;
      // Said once: the concept's name when it has loaded, else the words looked up.
      if (!conceptId) {
        announcer.say(`Card opened: ${text}. No term in the dataset by this name.`);
        return handle.update({ loading: false, concept: null });
      }
      try {
        const [concept, page] = await Promise.all([
          send('concept/get', { id: conceptId }),
          send('summaries/for-concept', { conceptId, audience: prefs.audience, limit: 1 }),
        ]);
        handle.update({ loading: false, concept, summary: page.items[0], total: page.total });
        if (card === handle) announcer.say(`Card opened: ${concept ? nameFor(concept, prefs.audience) : text}.`);
      } catch (error) {
        handle.update({ loading: false, error: error instanceof Error ? error.message : String(error) });
      }
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
      if (term) void show(term, 'click');
    }, { capture: true });

    // Keyboard: the reader's shortcuts (Alt+Shift+N / Alt+Shift+P unless changed) move between terms,
    // Enter opens the current one's card. Never while the reader types; the page sees no key we used.
    // Right after a move Enter is ours even with focus on a link ("Enter opens its card" was just said);
    // once focus moves, a focused link or control has it again.
    let enterOpensCard = false;
    // Where the reader moved focus since the last move (a link they tabbed to): the next move goes on from there.
    let focusedSince: Element | undefined;
    ctx.addEventListener(document, 'focusin', (event) => {
      if (!event.isTrusted) return;
      enterOpensCard = false;
      const target = event.target as Element | null;
      // Not the card (its host, from here), nor the focus a closed card hands back.
      focusedSince = target && target !== document.body && target.localName !== 'evidence-lens-card' && !restoringFocus ? target : undefined;
    }, { capture: true });
    ctx.addEventListener(
      document,
      'keydown',
      (event) => {
        const e = event as KeyboardEvent;
        if (!prefs.keyboard.enabled || !e.isTrusted || isTyping(e) || e.defaultPrevented || orphaned()) return;
        const step = shortcutStep(e, keys);
        if (!highlighter || !navigator) {
          // The page keeps the key; the reader hears why nothing moved.
          if (step && window === window.top) announcer.say(offReason());
          return;
        }
        if (step) {
          const moved = navigator.move(step, focusedSince?.isConnected ? focusedSince : undefined);
          focusedSince = undefined;
          e.preventDefault();
          e.stopPropagation();
          // For the bench: keystroke to current term set, and to the next frame that shows it (at most the
          // last 500 kept: a reading session must not grow the page's timeline without end).
          if (performance.getEntriesByName('evidence-lens:navigate').length >= 500) {
            performance.clearMeasures('evidence-lens:navigate');
            performance.clearMeasures('evidence-lens:navigate-frame');
          }
          performance.measure('evidence-lens:navigate', { start: e.timeStamp });
          requestAnimationFrame(() => performance.measure('evidence-lens:navigate-frame', { start: e.timeStamp }));
          enterOpensCard = !!moved;
          if (!moved) return announcer.say('No medical terms highlighted on this page.');
          const text = moved.term.pieces.map((p) => p.node.data.slice(p.start, p.end)).join('');
          announcer.say(`${text}, ${CATEGORY_WORDS[moved.term.category]}, ${moved.position} of ${moved.total}. Enter opens its card.`);
          return;
        }
        const current = navigator.currentTerm();
        // Right after a move Enter opens the term reached, even over an open card ("Enter opens its card" was said).
        if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && current && (enterOpensCard || (!card && isBodyFocus(e.target)))) {
          e.preventDefault();
          e.stopPropagation();
          void show(current, 'keyboard');
        }
      },
      { capture: true },
    );

    // Hover mode: the card opens once the pointer rests on a term, and stays while the pointer travels into it.
    const hover = new HoverIntent<PaintedTerm>(
      {
        termAt: (x, y) => (highlighter ? termAtPoint(highlighter.painter, x, y, document, shadowRootOf) : undefined),
        rectOf: termRect,
        open: (term) => void show(term, 'hover'),
        close: () => card?.close(),
        holdsCard: () => !!card && (card.pinned || openedBy !== 'hover'),
      },
      () => prefs.highlight.hoverDelay,
    );
    ctx.addEventListener(document, 'mousemove', (event) => {
      if (!highlighter || prefs.highlight.openOn !== 'hover' || !event.isTrusted || orphaned()) return;
      const e = event as MouseEvent;
      hover.move(e.clientX, e.clientY, !!card && e.composedPath().includes(card.element));
    });
  },
});
