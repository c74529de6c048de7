import fc from 'fast-check';
import { expect, test } from 'vitest';
import { placeCard } from '../../../lib/highlight/card-placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };

test('below the term when it fits, aligned with its left edge', () => {
  expect(placeCard({ left: 100, top: 100, bottom: 120 }, card, viewport)).toEqual({ left: 100, top: 126 });
});

test('above the term when only the room above holds it', () => {
  expect(placeCard({ left: 100, top: 600, bottom: 620 }, card, viewport)).toEqual({ left: 100, top: 294 });
});

test('where neither side holds it, shortened on the larger side so the term stays in sight', () => {
  const short = { width: 1000, height: 400 };
  // 180 px below, 186 above: shortened to the room above, from the top margin.
  expect(placeCard({ left: 100, top: 200, bottom: 206 }, card, short)).toEqual({ left: 100, top: 8, maxHeight: 186 });
  expect(placeCard({ left: 100, top: 190, bottom: 200 }, card, short)).toEqual({ left: 100, top: 206, maxHeight: 186 });
});

test('kept off the right edge: a term near it gets the card moved left', () => {
  expect(placeCard({ left: 900, top: 100, bottom: 120 }, card, viewport).left).toBe(1000 - 360 - 8);
});

test('always inside the viewport, whatever the term and the sizes', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: -500, max: 2000 }),
      fc.integer({ min: -500, max: 2000 }),
      fc.integer({ min: 0, max: 60 }),
      fc.integer({ min: 100, max: 500 }),
      fc.integer({ min: 100, max: 900 }),
      fc.integer({ min: 400, max: 2000 }),
      fc.integer({ min: 300, max: 1500 }),
      (x, y, h, cw, ch, vw, vh) => {
        // The card's style caps it at the viewport's width less the margins (card.css).
        const w = Math.min(cw, vw - 16);
        const p = placeCard({ left: x, top: y, bottom: y + h }, { width: w, height: ch }, { width: vw, height: vh });
        const height = Math.min(p.maxHeight ?? ch, vh - 16);
        expect(p.left).toBeGreaterThanOrEqual(8);
        expect(p.left + w).toBeLessThanOrEqual(vw - 8);
        expect(p.top).toBeGreaterThanOrEqual(8);
        expect(p.top + height).toBeLessThanOrEqual(vh - 8);
      },
    ),
  );
});
