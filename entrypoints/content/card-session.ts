// The page's one card at a time: opening it on a term (or on words looked up), filling it from the background,
// replacing it, and handing focus back where the reader had it when it closes.
import type { ContentScriptContext } from '#imports';
import { nameFor } from '../../components/format';
import { cardOpenedSentence } from '../../lib/highlight/announcements';
import { termRect } from '../../lib/highlight/hit';
import { termText, type PaintedTerm } from '../../lib/highlight/painter';
import { send } from '../../lib/messaging/client';
import { savedSummariesItem } from '../../lib/saved/storage';
import type { Audience } from '../../lib/settings/preferences';
import { openCard, type CardHandle } from './card';

/** What a card opens on: a painted term, or words looked up from the context menu (`conceptId` when they name one). */
export interface CardAnchor {
  text: string;
  conceptId?: string;
  rect(): DOMRect;
}

export type OpenedBy = 'hover' | 'click' | 'keyboard';

export interface CardSessionDeps {
  audience(): Audience;
  say(sentence: string): void;
  /** The hover intent forgets its term: a card opened or closed otherwise ends what the pointer started. */
  forgetHover(): void;
}

export class CardSession {
  /** The card open now, if any. */
  card: CardHandle | undefined;
  openedBy: OpenedBy | undefined;
  /** True while a closed card hands focus back, so that the page's focus listeners do not take it for the reader's. */
  restoringFocus = false;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly deps: CardSessionDeps,
  ) {}

  close(): void {
    this.card?.close();
  }

  async show(anchor: CardAnchor | PaintedTerm, by: OpenedBy): Promise<void> {
    const { text, conceptId, rect } = 'pieces' in anchor ? { text: termText(anchor), conceptId: anchor.conceptId, rect: () => termRect(anchor) } : anchor;
    // Detach the card shown now before closing it: its close is a replacement, not the reader leaving.
    const previous = this.card;
    this.card = undefined;
    // A card that replaces one the reader was in hands focus back where the first card took it from.
    const previousFocus = previous && document.activeElement === previous.element ? this.returnFocus : (document.activeElement as HTMLElement | null);
    this.returnFocus = previousFocus;
    previous?.close();
    if (by !== 'hover') this.deps.forgetHover();
    const audience = this.deps.audience();
    // Text looked up that names no concept has no full view to go on to.
    const onMore = conceptId ? () => void send('concept/open-view', { conceptId }).catch(() => undefined) : undefined;
    const onOpenConcept = (id: string) => void send('concept/open-view', { conceptId: id }).catch(() => undefined);
    // The card may close before openCard returns (a page's focus trap): `handle` is not set yet then.
    let handle: CardHandle | undefined;
    let closedEarly = false;
    handle = await openCard(this.ctx, rect, { term: text, audience, loading: true, onMore, onOpenConcept }, ({ focusLeft }) => {
      if (!handle) return void (closedEarly = true);
      if (this.card !== handle) return; // replaced by another card, not closed
      this.card = undefined;
      this.openedBy = undefined;
      this.deps.forgetHover();
      if (by !== 'hover' && !focusLeft) {
        this.restoringFocus = true;
        previousFocus?.focus?.({ preventScroll: true });
        this.restoringFocus = false;
      }
    }, { focus: by !== 'hover', within: 'pieces' in anchor ? anchor.pieces[0].node.parentElement : null });
    if (closedEarly) return;
    this.card = handle;
    this.openedBy = by;
    // Said once: the concept's name when it has loaded, else the words looked up.
    if (!conceptId) {
      this.deps.say(cardOpenedSentence(text, false));
      return handle.update({ loading: false, concept: null });
    }
    try {
      const [concept, page] = await Promise.all([
        send('concept/get', { id: conceptId }),
        send('summaries/for-concept', { conceptId, audience, limit: 1 }),
      ]);
      const summary = page.items[0];
      handle.update({ loading: false, concept, summary, total: page.total });
      if (summary) void this.offerSave(handle, summary.id);
      // A card the reader asked for (not one the pointer passed over) is a term they may want back in the popup.
      if (concept && by !== 'hover') void send('recent/remember', { conceptId }).catch(() => undefined);
      if (this.card === handle) this.deps.say(cardOpenedSentence(concept ? nameFor(concept, audience) : text, true));
    } catch (error) {
      handle.update({ loading: false, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** "Save for later" on the card's summary: whether it is saved already, read from the list; the background saves. */
  private async offerSave(handle: CardHandle, summaryId: string): Promise<void> {
    const onSave = async () => {
      try {
        await send('saved/add', { summaryId });
        handle.update({ save: { saved: true, onSave } });
        if (this.card === handle) this.deps.say('Saved for later: it is listed under Saved in the popup.');
      } catch (error) {
        handle.update({ save: { saved: false, error: error instanceof Error ? error.message : String(error), onSave } });
      }
    };
    handle.update({ save: { onSave } });
    const saved = await savedSummariesItem.getValue().then(
      (list) => list.some((s) => s.id === summaryId),
      () => false,
    );
    handle.update({ save: { saved, onSave } });
  }
}
