// Each view names its tab ("Depression – Evidence Lens"): a reader with several views open in tabs, and a screen
// reader announcing them, tells them apart by title.
const PRODUCT = 'Evidence Lens';
const MAX = 70;

export function setViewTitle(what?: string): void {
  const text = what && what.length > MAX ? `${what.slice(0, MAX - 1).trimEnd()}…` : what;
  document.title = text ? `${text} – ${PRODUCT}` : PRODUCT;
}
