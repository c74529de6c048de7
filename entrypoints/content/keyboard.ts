// Keyboard: the reader's shortcuts (Alt+Shift+N / Alt+Shift+P unless changed) move between terms, Enter opens
// the current one's card. Never while the reader types; the page sees no key we used. Right after a move Enter is
// ours even with focus on a link ("Enter opens its card" was just said); once focus moves, a focused link or
// control has it again.
import type { ContentScriptContext } from '#imports';
import { movedSentence, NO_TERMS } from '../../lib/highlight/announcements';
import { isTyping, type TermNavigator } from '../../lib/highlight/navigator';
import { termText } from '../../lib/highlight/painter';
import { moveStep, type MoveShortcuts } from '../../lib/settings/shortcuts';
import type { CardSession } from './card-session';

export interface KeyboardDeps {
  enabled(): boolean;
  shortcuts(): MoveShortcuts;
  /** The page's terms in reading order; none while highlighting is off here. */
  navigator(): TermNavigator | undefined;
  cards: CardSession;
  say(sentence: string): void;
  /** Why a shortcut moved nothing (highlighting off, paused, no terms yet). */
  offReason(): string;
  orphaned(): boolean;
}

/** Enter belongs to us only when focus is on the page itself, not on a link or control the reader chose. */
function isBodyFocus(target: EventTarget | null): boolean {
  return target === document.body || target === document.documentElement || target === null;
}

/** Marks for the bench: keystroke to current term set, and to the next frame that shows it. */
function markMove(e: KeyboardEvent): void {
  // At most the last 500 kept: a reading session must not grow the page's timeline without end.
  if (performance.getEntriesByName('evidence-lens:navigate').length >= 500) {
    performance.clearMeasures('evidence-lens:navigate');
    performance.clearMeasures('evidence-lens:navigate-frame');
  }
  performance.measure('evidence-lens:navigate', { start: e.timeStamp });
  requestAnimationFrame(() => performance.measure('evidence-lens:navigate-frame', { start: e.timeStamp }));
}

export function followKeyboard(ctx: ContentScriptContext, deps: KeyboardDeps): void {
  let enterOpensCard = false;
  // Where the reader moved focus since the last move (a link they tabbed to): the next move goes on from there.
  let focusedSince: Element | undefined;
  ctx.addEventListener(document, 'focusin', (event) => {
    if (!event.isTrusted) return;
    enterOpensCard = false;
    const target = event.target as Element | null;
    // Not the card (its host, from here), nor the focus a closed card hands back.
    focusedSince = target && target !== document.body && target.localName !== 'evidence-lens-card' && !deps.cards.restoringFocus ? target : undefined;
  }, { capture: true });
  ctx.addEventListener(
    document,
    'keydown',
    (event) => {
      const e = event as KeyboardEvent;
      if (!deps.enabled() || !e.isTrusted || isTyping(e) || e.defaultPrevented || deps.orphaned()) return;
      const step = moveStep(e, deps.shortcuts());
      const navigator = deps.navigator();
      if (!navigator) {
        // The page keeps the key; the reader hears why nothing moved.
        if (step && window === window.top) deps.say(deps.offReason());
        return;
      }
      if (step) {
        const moved = navigator.move(step, focusedSince?.isConnected ? focusedSince : undefined);
        focusedSince = undefined;
        e.preventDefault();
        e.stopPropagation();
        markMove(e);
        enterOpensCard = !!moved;
        if (!moved) return deps.say(NO_TERMS);
        deps.say(movedSentence(termText(moved.term), moved.term.category, moved.position, moved.total));
        return;
      }
      const current = navigator.currentTerm();
      // Right after a move Enter opens the term reached, even over an open card ("Enter opens its card" was said).
      if (e.key === 'Enter' && !e.altKey && !e.ctrlKey && !e.metaKey && current && (enterOpensCard || (!deps.cards.card && isBodyFocus(e.target)))) {
        e.preventDefault();
        e.stopPropagation();
        void deps.cards.show(current, 'keyboard');
      }
    },
    { capture: true },
  );
}
