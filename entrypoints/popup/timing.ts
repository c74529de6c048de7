// "Popup open to first meaningful content", as a performance mark the bench reads (and devtools shows).
export const CONTENT_MARK = 'evidence-lens:content';

export function markContent(): void {
  if (performance.getEntriesByName(CONTENT_MARK).length === 0) performance.mark(CONTENT_MARK);
}
