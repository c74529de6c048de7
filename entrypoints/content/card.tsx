// The in-page card, in a shadow root (so the page's styles and ours never meet), outside <body>.
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { EvidenceCard, type EvidenceCardProps } from '../../components/card/EvidenceCard';
import cardCss from '../../components/card/card.css?inline';
import { placeCard } from '../../lib/highlight/card-placement';

export interface CardHandle {
  update(props: Partial<EvidenceCardProps>): void;
  close(): void;
  readonly element: HTMLElement;
  /** The reader pinned it: it stays until closed. */
  readonly pinned: boolean;
}

/** Open the card beside `anchor()` (the term's rectangle now, in viewport coordinates). */
export async function openCard(
  ctx: ContentScriptContext,
  anchor: () => DOMRect,
  props: Omit<EvidenceCardProps, 'onClose' | 'onPin'>,
  /** `focusLeft`: the reader moved focus out of the card (Tab), so focus is where they put it. */
  onClosed: (how: { focusLeft: boolean }) => void,
  /**
   * `focus`: move focus into the card (a card opened by hover leaves focus where the reader has it).
   * `within`: the element holding the term, if any: a term in a modal dialog or a popover needs the card there.
   */
  { focus, within }: { focus: boolean; within?: Element | null },
): Promise<CardHandle> {
  let current: EvidenceCardProps;
  let closed = false;
  let frame = 0;
  const listening = new AbortController();
  const ui = await createShadowRootUi(ctx, {
    name: 'evidence-lens-card',
    position: 'inline',
    // In fullscreen only the fullscreen element's subtree is drawn, and a modal dialog or a popover is drawn
    // above the rest of the page: the card goes there to be seen.
    anchor: hostFor(within ?? null),
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
    kept.disconnect();
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
  // The shadow root is open, so a page can reach the card's buttons: only the reader's own input reaches them (a page
  // clicking "More" in a loop would open tab after tab), and a made-up click follows no link.
  for (const type of ['click', 'auxclick', 'keydown', 'keyup', 'mousedown', 'pointerdown']) {
    ui.shadow.addEventListener(type, (e) => {
      if (e.isTrusted) return;
      e.stopImmediatePropagation();
      e.preventDefault();
    }, { capture: true });
  }
  ui.mount();
  // Fixed to the viewport, placed beside the term, and moved with it as the page scrolls. The container
  // inside the shadow root is positioned, not the host: WXT resets the host with `all: initial !important`.
  const host = ui.uiContainer;
  Object.assign(host.style, { position: 'fixed', zIndex: '2147483647', top: '0px', left: '0px', margin: '0' });
  // A page zoomed by CSS (`html { zoom: 2 }`, "large text" widgets) would zoom the card and every coordinate
  // it is placed by: the card is drawn at the reader's own zoom instead.
  const zoom = (host as { currentCSSZoom?: number }).currentCSSZoom ?? 1;
  if (zoom > 0 && Math.abs(zoom - 1) > 0.01) host.style.zoom = String(1 / zoom);
  // A page that removes what it did not put under <html> (some frameworks, anti-injection scripts) would take
  // the card away as it opens: it is put back once, inside <body>.
  let moved = false;
  const kept = new MutationObserver(() => {
    if (closed || ui.shadowHost.isConnected) return;
    if (moved || !document.body) return close();
    moved = true;
    document.body.append(ui.shadowHost);
    kept.disconnect();
    kept.observe(document.body, { childList: true });
  });
  if (ui.shadowHost.parentNode) kept.observe(ui.shadowHost.parentNode, { childList: true });
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
  const unlink = ctx.onInvalidated(() => close());
  if (focus) (ui.uiContainer.querySelector('[role="dialog"]') as HTMLElement | null)?.focus({ preventScroll: true });
  // Listened for after the card took focus: a page that traps focus (a modal's script) takes it straight back,
  // and the card then stays open, unfocused, rather than closing as it opens.
  document.addEventListener('focusin', focusMoved, { capture: true, signal });
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

/**
 * Where the card's host goes: the fullscreen element when it can hold children; else the innermost open modal
 * dialog or popover that holds the term (the top layer is drawn above the page, and a modal dialog makes the
 * rest of the page inert: a card outside it could be neither seen nor used); else the root element.
 */
function hostFor(within: Element | null): Element {
  const fs = document.fullscreenElement;
  if (fs && !(fs instanceof HTMLMediaElement) && !(fs instanceof HTMLCanvasElement) && !(fs instanceof HTMLIFrameElement)) return fs;
  for (let el = within; el; el = el.parentElement) {
    if (isOnTopLayer(el)) return el;
  }
  return document.documentElement;
}

function isOnTopLayer(el: Element): boolean {
  try {
    return (el instanceof HTMLDialogElement && el.open && el.matches(':modal')) || (el.hasAttribute('popover') && el.matches(':popover-open'));
  } catch {
    return false; // a browser without these selectors has no such layer either
  }
}

/** Place the card's container by placeCard, then correct for a transformed ancestor. */
function place(host: HTMLElement, anchor: DOMRect) {
  const card = host.querySelector('[role="dialog"]') as HTMLElement | null;
  if (card) card.style.maxHeight = '';
  const size = { width: card?.offsetWidth ?? 360, height: card?.offsetHeight ?? 200 };
  const viewport = { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight };
  const { left, top, maxHeight } = placeCard(anchor, size, viewport, card !== null);
  if (card && maxHeight !== undefined) card.style.maxHeight = `${maxHeight}px`;
  host.style.left = `${left}px`;
  host.style.top = `${top}px`;
  // A transform or filter on an ancestor (`html { transform: … }`) makes it, not the viewport, what a fixed
  // element is placed in: where the card landed says by how much to move it.
  const landed = host.getBoundingClientRect();
  if (Math.abs(landed.left - left) > 0.5 || Math.abs(landed.top - top) > 0.5) {
    host.style.left = `${2 * left - landed.left}px`;
    host.style.top = `${2 * top - landed.top}px`;
  }
}
