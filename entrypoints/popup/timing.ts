// Popup timings as performance marks, which the bench reads (and devtools shows):
// - start: the popup's own script begins (before it, the browser makes the page and loads the script);
// - content: the first view has its data on screen (a tab's terms, a concept's name and definition, a summary);
// - summaries: a concept view's first page of summaries is on screen too.
export const CONTENT_MARK = 'evidence-lens:content';
export const SUMMARIES_MARK = 'evidence-lens:summaries';
export const START_MARK = 'evidence-lens:start';

function markOnce(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

export const markContent = () => markOnce(CONTENT_MARK);
export const markSummaries = () => markOnce(SUMMARIES_MARK);
export const markStart = () => markOnce(START_MARK);
