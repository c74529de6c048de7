// A polite live region for screen readers: what the extension did, said without moving focus. It lives in
// its own shadow root outside <body>, so the page's content and styles are untouched.
const HOST = 'evidence-lens-status';

export function createAnnouncer(doc: Document = document) {
  let region: HTMLElement | undefined;
  const ensure = () => {
    if (region?.isConnected) return region;
    const host = doc.createElement(HOST);
    const root = host.attachShadow({ mode: 'open' });
    region = doc.createElement('div');
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    // Visually hidden, still read.
    region.style.cssText = 'position:fixed;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;';
    root.append(region);
    doc.documentElement.append(host);
    return region;
  };
  return {
    say(text: string) {
      const r = ensure();
      // Clear first so that the same sentence twice is announced twice.
      r.textContent = '';
      setTimeout(() => (r.textContent = text), 50);
    },
    remove() {
      region?.getRootNode() instanceof ShadowRoot && (region.getRootNode() as ShadowRoot).host.remove();
      region = undefined;
    },
  };
}
