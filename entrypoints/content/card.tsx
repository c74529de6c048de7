// The in-page card, in a shadow root (so the page's styles and ours never meet), outside <body>.
import { render } from 'preact';
import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { EvidenceCard, type EvidenceCardProps } from '../../components/card/EvidenceCard';
import cardCss from '../../components/card/card.css?inline';

export interface CardHandle {
  update(props: Partial<EvidenceCardProps>): void;
  close(): void;
  readonly element: HTMLElement;
}

const MARGIN = 8;

/** Open the card beside `anchor()` (the term's rectangle now, in viewport coordinates). */
export async function openCard(
  ctx: ContentScriptContext,
  anchor: () => DOMRect,
  props: Omit<EvidenceCardProps, 'onClose'>,
  onClosed: () => void,
): Promise<CardHandle> {
  let current: EvidenceCardProps;
  let closed = false;
  const ui = await createShadowRootUi(ctx, {
    name: 'evidence-lens-card',
    position: 'inline',
    anchor: document.documentElement,
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
  const close = () => {
    if (closed) return;
    closed = true;
    document.removeEventListener('mousedown', outside, true);
    document.removeEventListener('keydown', escape, true);
    ui.remove();
    onClosed();
  };
  const outside = (e: Event) => {
    if (!e.composedPath().includes(ui.shadowHost)) close();
  };
  current = { ...props, onClose: close };
  ui.mount();
  // Fixed to the viewport, placed beside the term, and moved with it as the page scrolls. The container
  // inside the shadow root is positioned, not the host: WXT resets the host with `all: initial !important`.
  const host = ui.uiContainer;
  Object.assign(host.style, { position: 'fixed', zIndex: '2147483647', top: '0px', left: '0px', margin: '0' });
  const draw = () => render(<EvidenceCard {...current} />, ui.uiContainer);
  draw();
  place(host, anchor());
  let frame = 0;
  const follow = () => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => place(host, anchor()));
  };
  ctx.addEventListener(window, 'scroll', follow, { capture: true, passive: true });
  ctx.addEventListener(window, 'resize', follow, { passive: true });
  // Escape closes the card wherever focus is: in it (the shadow root) or still on the page.
  ui.shadow.addEventListener('keydown', (e) => escape(e as KeyboardEvent));
  document.addEventListener('keydown', escape, true);
  document.addEventListener('mousedown', outside, true);
  (ui.uiContainer.querySelector('[role="dialog"]') as HTMLElement | null)?.focus({ preventScroll: true });
  return {
    element: ui.shadowHost,
    update(next) {
      current = { ...current, ...next };
      draw();
      place(host, anchor());
    },
    close,
  };
}

/** Below the term if it fits, else above; always inside the viewport. */
function place(host: HTMLElement, anchor: DOMRect) {
  const card = host.querySelector('[role="dialog"]') as HTMLElement | null;
  const width = card?.offsetWidth ?? 360;
  const height = card?.offsetHeight ?? 200;
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const left = Math.min(Math.max(MARGIN, anchor.left), Math.max(MARGIN, vw - width - MARGIN));
  const below = anchor.bottom + 6;
  const top = below + height + MARGIN <= vh || anchor.top - height - 6 < MARGIN ? below : anchor.top - height - 6;
  host.style.left = `${left}px`;
  host.style.top = `${Math.max(MARGIN, Math.min(top, vh - MARGIN - Math.min(height, vh - 2 * MARGIN)))}px`;
}
