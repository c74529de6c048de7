// Where the in-page card goes beside its term, as numbers: below the term if it fits, else above; where neither
// fits (a short window, a small frame), on the side with more room, shortened to it (the card scrolls inside), so
// the term stays in sight. Always inside the viewport. The card itself (entrypoints/content/card.tsx) applies it.

const MARGIN = 8;
/** Between the term and the card. */
const GAP = 6;
/** The least height a card is shortened to so that it sits beside its term rather than over it. */
const MIN_HEIGHT = 120;

export interface CardPlacement {
  left: number;
  top: number;
  /** Set when the card is shortened to the room beside its term. */
  maxHeight?: number;
}

/**
 * `term`: the term's rectangle in viewport coordinates; `card`: the card's natural size (its style caps its width
 * at the viewport's less the margins); `viewport`: the viewport's size. `shorten`: whether the card can be shortened (it scrolls inside).
 */
export function placeCard(
  term: { left: number; top: number; bottom: number },
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  shorten = true,
): CardPlacement {
  const left = Math.min(Math.max(MARGIN, term.left), Math.max(MARGIN, viewport.width - card.width - MARGIN));
  const below = term.bottom + GAP;
  const roomBelow = viewport.height - MARGIN - below;
  const roomAbove = term.top - GAP - MARGIN;
  let top: number;
  let maxHeight: number | undefined;
  if (card.height <= roomBelow) top = below;
  else if (card.height <= roomAbove) top = term.top - GAP - card.height;
  else if (Math.max(roomBelow, roomAbove) >= MIN_HEIGHT && shorten) {
    maxHeight = Math.max(roomBelow, roomAbove);
    top = roomBelow >= roomAbove ? below : MARGIN;
  } else top = below;
  const drawnHeight = Math.min(maxHeight ?? card.height, viewport.height - 2 * MARGIN);
  const y = Math.max(MARGIN, Math.min(top, viewport.height - MARGIN - drawnHeight));
  return maxHeight === undefined ? { left, top: y } : { left, top: y, maxHeight };
}
