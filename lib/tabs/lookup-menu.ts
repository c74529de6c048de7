// "Look up in Evidence Lens" in a page's context menu, on selected text and on links. A click on a highlighted
// term inside a link is the page's (it follows the link), so this is the mouse's way to that term's card; it also
// looks up any text the reader selects. Only the tab's content script knows where the reader right-clicked: the
// menu asks it.
import { browser } from 'wxt/browser';
import { readTabNow } from './site-access';

export const LOOKUP_MENU = 'evidence-lens-lookup';
/** How long a content script started for a look-up may take to listen (it reads the settings first). */
const STARTUP_MS = 3000;
const RETRY_MS = 100;

/** What the content script is asked: the text selected, if any (a link's own text it reads itself). */
export interface LookupMessage {
  type: 'card/lookup';
  text: string;
}

export function registerLookupMenu(): { lookUp(tabId: number, frameId: number | undefined, text: string): Promise<void> } {
  const lookUp = async (tabId: number, frameId: number | undefined, text: string) => {
    const message: LookupMessage = { type: 'card/lookup', text: text.slice(0, 200) };
    const asked = () =>
      browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }).then(
        () => true,
        () => false, // no content script listens there
      );
    if (await asked()) return;
    // None in the tab (its site kept from the extension, or the page open since before the install): the menu's click
    // lets the extension into this tab (activeTab), so one is started and asked once it listens.
    if (!(await readTabNow(tabId))) return;
    for (let waited = 0; waited < STARTUP_MS; waited += RETRY_MS) {
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
      if (await asked()) return;
    }
  };
  const menus = browser.contextMenus;
  if (!menus) return { lookUp };
  // Menu items outlive the worker: made once per install or update (after clearing what an older version made).
  browser.runtime.onInstalled.addListener(() => {
    void menus
      .removeAll()
      .then(() =>
        menus.create({
          id: LOOKUP_MENU,
          title: 'Look up in Evidence Lens',
          contexts: ['selection', 'link'],
          documentUrlPatterns: ['http://*/*', 'https://*/*'],
        }),
      )
      .catch(() => undefined);
  });
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== LOOKUP_MENU || tab?.id === undefined) return;
    void lookUp(tab.id, info.frameId, info.selectionText ?? '');
  });
  return { lookUp };
}
