// What a content script names its page with in `page/match`: its own id and the document's address, so that
// the background's matching session (in-text abbreviations, concepts seen) starts afresh when a single-page
// app moves to another address (history.pushState) while the same content script stays. The browser's
// `sender.url` does not follow pushState. No imports: the content script bundles this file.

/** `pageId` and `href` without its fragment (moving to a section of the same article keeps the session). */
export function pageKey(pageId: string, href: string): string {
  const hash = href.indexOf('#');
  return `${pageId} ${hash < 0 ? href : href.slice(0, hash)}`;
}
