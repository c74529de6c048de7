// The in-page card, in a shadow root (so the page's styles and ours never meet), outside <body>.
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { EvidenceCard, type EvidenceCardProps } from '../../components/card/EvidenceCard';
import cardCss from '../../components/card/card.css?inline';

export interface CardHandle {
  update(props: Partial<EvidenceCardProps>): void;
  close(): void;
  readonly element: HTMLElement;
  /** The reader pinned it: it stays until closed. */
  readonly pinned: boolean;
}

const MARGIN = 8;
/** Between the term and the card. */
const GAP = 6;

/** Open the card beside `anchor()` (the term's rectangle now, in viewport coordinates). */
export async function openCard(
  ctx: ContentScriptContext,
  anchor: () => DOMRect,
  props: Omit<EvidenceCardProps, 'onClose' | 'onPin'>,
  /** `focusLeft`: the reader moved focus out of the card (Tab), so focus is where they put it. */
  onClosed: (how: { focusLeft: boolean }) => void,
  /** Move focus into the card (a card opened by hover leaves focus where the reader has it). */
  { focus }: { focus: boolean },
): Promise<CardHandle> {
  let current: EvidenceCardProps;
  let closed = false;
  let frame = 0;
  const listening = new AbortController();
  const ui = await createShadowRootUi(ctx, {
    name: 'evidence-lens-card',
    position: 'inline',
    // In fullscreen only the fullscreen element's subtree is drawn: the card goes there to be seen.
    anchor: fullscreenHost(),
    append: 'last',
    css: cardCss,
    isolateEvents: ['keydown', 'keyup', 'keypress', 'click', 'mousedown', 'pointerdown'],
    onMount(container) {
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });
  const escape = (e: KeyboardEvent) => {
    if (e.key === 'Escape') close();
  };
  const close = (focusLeft = false) => {
    if (closed) return;
    closed = true;
    listening.abort();
    unlink();
    cancelAnimationFrame(frame);
    ui.remove();
    onClosed({ focusLeft });
  };
  const outside = (e: Event) => {
    if (!current.pinned && !e.composedPath().includes(ui.shadowHost)) close();
  };
  const pin = (pinned: boolean) => {
    current = { ...current, pinned };
    draw();
  };
  current = { ...props, onClose: () => close(), onPin: pin };
  ui.mount();
  // Fixed to the viewport, placed beside the term, and moved with it as the page scrolls. The container
  // inside the shadow root is positioned, not the host: WXT resets the host with `all: initial !important`.
  const host = ui.uiContainer;
  Object.assign(host.style, { position: 'fixed', zIndex: '2147483647', top: '0px', left: '0px', margin: '0' });
  const draw = () => render(<EvidenceCard {...current} />, ui.uiContainer);
  draw();
  place(host, anchor());
  const follow = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => place(host, anchor()));
  };
  // Every page listener of this card goes when it closes (many cards open and close in a reading session).
  const { signal } = listening;
  window.addEventListener('scroll', follow, { capture: true, passive: true, signal });
  window.addEventListener('resize', follow, { passive: true, signal });
  // Entering or leaving fullscreen changes what is drawn: the card would be hidden, or left in a detached layer.
  document.addEventListener('fullscreenchange', () => close(), { signal });
  // Escape closes the card wherever focus is: in it (the shadow root) or still on the page.
  ui.shadow.addEventListener('keydown', (e) => escape(e as KeyboardEvent));
  document.addEventListener('keydown', escape, { capture: true, signal });
  document.addEventListener('mousedown', outside, { capture: true, signal });
  // Focus arriving anywhere on the page (Tab out of the card; into a frame and back) closes a card that is not
  // pinned: it must not go on to page controls under the card, out of sight.
  const focusMoved = (e: Event) => {
    if (!current.pinned && !e.composedPath().includes(ui.shadowHost)) close(true);
  };
  document.addEventListener('focusin', focusMoved, { capture: true, signal });
  const unlink = ctx.onInvalidated(() => close());
  if (focus) (ui.uiContainer.querySelector('[role="dialog"]') as HTMLElement | null)?.focus({ preventScroll: true });
  return {
    element: ui.shadowHost,
    get pinned() {
      return !!current.pinned;
    },
    update(next) {
      current = { ...current, ...next };
      draw();
      place(host, anchor());
    },
    close,
  };
}

/** Where the card's host goes: the fullscreen element when it can hold children, else the root element. */
function fullscreenHost(): Element {
  const fs = document.fullscreenElement;
  return fs && !(fs instanceof HTMLMediaElement) && !(fs instanceof HTMLCanvasElement) && !(fs instanceof HTMLIFrameElement) ? fs : document.documentElement;
}

/** The least height a card is shortened to so that it sits beside its term rather than over it. */
const MIN_HEIGHT = 120;

/**
 * Below the term if it fits, else above; where neither fits (a short window, a small frame), on the side
 * with more room, shortened to it (the card scrolls inside), so the term stays in sight. Always inside the
 * viewport.
 */
function place(host: HTMLElement, anchor: DOMRect) {
  const card = host.querySelector('[role="dialog"]') as HTMLElement | null;
  if (card) card.style.maxHeight = '';
  const width = card?.offsetWidth ?? 360;
  const height = card?.offsetHeight ?? 200;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, vw - width - MARGIN));
  const below = anchor.bottom + GAP;
  const roomBelow = vh - MARGIN - below;
  const roomAbove = anchor.top - GAP - MARGIN;
  let top: number;
  if (height <= roomBelow) top = below;
  else if (height <= roomAbove) top = anchor.top - GAP - height;
  else if (Math.max(roomBelow, roomAbove) >= MIN_HEIGHT && card) {
    const room = Math.max(roomBelow, roomAbove);
    card.style.maxHeight = `${room}px`;
    top = roomBelow >= roomAbove ? below : MARGIN;
  } else top = below;
  host.style.left = `${left}px`;
  host.style.top = `${Math.max(MARGIN, Math.min(top, vh - MARGIN - Math.min(card?.offsetHeight ?? height, vh - 2 * MARGIN)))}px`;
}
