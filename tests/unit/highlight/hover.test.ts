import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { HoverIntent, LEAVE_GRACE_MS } from '../../../lib/highlight/hover';

// Two terms on one line: "alpha" at x 0–50, "beta" at x 100–150, y 0–20. The card sits below, y 30–200.
const RECTS = { alpha: { left: 0, right: 50, top: 0, bottom: 20 }, beta: { left: 100, right: 150, top: 0, bottom: 20 } };
type Term = keyof typeof RECTS;

function setup(holds = () => false) {
  const events: string[] = [];
  const hover = new HoverIntent<Term>(
    {
      termAt: (x, y) => (Object.keys(RECTS) as Term[]).find((t) => x >= RECTS[t].left && x <= RECTS[t].right && y >= RECTS[t].top && y <= RECTS[t].bottom),
      rectOf: (t) => RECTS[t],
      open: (t) => events.push(`open ${t}`),
      close: () => events.push('close'),
      holdsCard: holds,
    },
    () => 400,
  );
  return { hover, events };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

test('a card opens only once the pointer has rested on a term for the delay', () => {
  const { hover, events } = setup();
  hover.move(10, 10, false);
  vi.advanceTimersByTime(399);
  expect(events).toEqual([]);
  hover.move(12, 10, false); // still moving: the rest starts again
  vi.advanceTimersByTime(399);
  expect(events).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(events).toEqual(['open alpha']);
});

test('the card stays open while the pointer travels from the term into it, and closes after it leaves both', () => {
  const { hover, events } = setup();
  hover.move(10, 10, false);
  vi.advanceTimersByTime(400);
  hover.move(10, 25, false); // in the gap between term and card
  vi.advanceTimersByTime(LEAVE_GRACE_MS - 50);
  hover.move(10, 40, true); // on the card
  vi.advanceTimersByTime(5_000);
  expect(events).toEqual(['open alpha']);
  hover.move(300, 300, false); // away from both
  vi.advanceTimersByTime(LEAVE_GRACE_MS);
  expect(events).toEqual(['open alpha', 'close']);
});

test('resting on another term moves the card to it; a pinned or clicked card is left alone', () => {
  const { hover, events } = setup();
  hover.move(10, 10, false);
  vi.advanceTimersByTime(400);
  hover.move(120, 10, false);
  vi.advanceTimersByTime(400);
  expect(events).toEqual(['open alpha', 'close', 'open beta']);

  let pinned = false;
  const other = setup(() => pinned);
  other.hover.move(10, 10, false);
  vi.advanceTimersByTime(400);
  pinned = true;
  other.hover.move(300, 300, false);
  other.hover.move(120, 10, false);
  vi.advanceTimersByTime(5_000);
  expect(other.events).toEqual(['open alpha']);
});

test('after the card closed another way, resting on the same term opens it again', () => {
  const { hover, events } = setup();
  hover.move(10, 10, false);
  vi.advanceTimersByTime(400);
  hover.forget();
  hover.move(11, 10, false);
  vi.advanceTimersByTime(400);
  expect(events).toEqual(['open alpha', 'open alpha']);
});
