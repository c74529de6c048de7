// What the content script says through its live region (entrypoints/content/announcer.ts), worded in one place
// so that the sentences a screen-reader user hears can be read and tested together.
import type { Category } from '../dataset/types.ts';

const CATEGORY_WORDS: Record<Category, string> = { disease: 'disease', drug: 'drug or chemical', procedure: 'procedure or test', anatomy: 'anatomy', other: 'term' };

/**
 * Said once per page, after its first terms are painted: terms and the places they occur (moving between them
 * counts places, "3 of 45"), and the shortcut that moves to the first when the keyboard is on.
 */
export function highlightedSentence(terms: readonly { count: number }[], nextShortcut?: string): string {
  const n = terms.length;
  const places = terms.reduce((sum, t) => sum + t.count, 0);
  const where = places > n ? `, in ${places} places` : '';
  const hint = nextShortcut ? ` ${nextShortcut} moves to the next one.` : '';
  return `${n} medical term${n === 1 ? '' : 's'} highlighted${where}.${hint}`;
}

/** Said at each move between terms: the words, their kind, and where they are among the page's terms. */
export function movedSentence(text: string, category: Category, position: number, total: number): string {
  return `${text}, ${CATEGORY_WORDS[category]}, ${position} of ${total}. Enter opens its card.`;
}

export const NO_TERMS = 'No medical terms highlighted on this page.';
export const TOGGLED_OFF = 'Highlighting is off in this tab. The same command turns it back on.';

/** Why a shortcut moved nothing, for a reader who cannot see that the page has no highlights. */
export function offReason(state: { toggledOff: boolean; enabledInSettings: boolean; wantedHere: boolean }): string {
  if (state.toggledOff) return 'Highlighting is off in this tab. The toggle command turns it back on.';
  if (!state.enabledInSettings) return 'Highlighting is off in the settings.';
  if (state.wantedHere) return 'No medical terms highlighted on this page yet.';
  return 'Highlighting is paused on this site.';
}

/** Said when a card opens: the concept's name once it has loaded, else the words looked up. */
export function cardOpenedSentence(name: string, found: boolean): string {
  return found ? `Card opened: ${name}.` : `Card opened: ${name}. No term in the dataset by this name.`;
}
