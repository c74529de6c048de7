// Lists of choices (the page's terms, a concept's summaries, a study's topics) are one Tab stop: Up / Down (and Home /
// End) move between their items, as readers expect of a list of choices, Left / Right too (a row of topics wraps
// across), and Tab leaves the list. The item last focused
// keeps the list's Tab stop (a roving tabindex), so Tab back into the list returns to it.
const ITEM = '[data-list-item]';

export function onListKeyDown(event: KeyboardEvent): void {
  const keys = ['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft', 'Home', 'End'];
  if (!keys.includes(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
  const list = event.currentTarget as HTMLElement;
  const items = [...list.querySelectorAll<HTMLElement>(ITEM)];
  if (items.length === 0) return;
  const at = items.indexOf(document.activeElement as HTMLElement);
  const next =
    event.key === 'Home'
      ? 0
      : event.key === 'End'
        ? items.length - 1
        : event.key === 'ArrowDown' || event.key === 'ArrowRight'
          ? Math.min(items.length - 1, at + 1)
          : Math.max(0, at - 1);
  event.preventDefault();
  items[next].focus();
}

/** On the list: the item focused (by arrows, a click or a view coming back to it) becomes the list's Tab stop. */
export function onListFocusIn(event: FocusEvent): void {
  const item = (event.target as HTMLElement).closest<HTMLElement>(ITEM);
  if (item) rove(event.currentTarget as HTMLElement, item);
}

/** Gives the list one Tab stop: `current`, else the item that had it, else the first. Call after each render. */
export function rove(list: HTMLElement | null, current?: HTMLElement): void {
  if (!list) return;
  const items = [...list.querySelectorAll<HTMLElement>(ITEM)];
  const stop = current ?? items.find((item) => item.tabIndex === 0 && item.dataset.tabStop !== undefined) ?? items[0];
  for (const item of items) {
    item.tabIndex = item === stop ? 0 : -1;
    if (item === stop) item.dataset.tabStop = '';
    else delete item.dataset.tabStop;
  }
}
