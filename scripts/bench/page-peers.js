// Runs inside a benchmark page (plain JavaScript, evaluated as-is): the floor — one bare TreeWalker pass
// over every text node — and mark.js marking `forms` with one RegExp, first use and compiled.
async (forms) => {
  function floor() {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.data.length;
    return { ms: performance.now() - t0, chars };
  }
  function escape(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  function pattern() {
    const sorted = [...forms].sort((a, b) => b.length - a.length);
    return new RegExp('\\b(?:' + sorted.map(escape).join('|') + ')\\b', 'gi');
  }
  function mark(regex) {
    return new Promise((resolve) => {
      const t0 = performance.now();
      let marks = 0;
      new window.Mark(document.body).markRegExp(regex, {
        each: () => marks++,
        done: () => resolve({ ms: performance.now() - t0, marks }),
      });
    });
  }
  function unmark() {
    return new Promise((resolve) => new window.Mark(document.body).unmark({ done: resolve }));
  }
  // The first walk over the page, as the content script's own walk is: the DOM is cold for both.
  const f = floor();
  // First use: building and compiling the RegExp happens inside the timed mark.
  const t0 = performance.now();
  const firstRegex = pattern();
  const first = await mark(firstRegex);
  first.ms = performance.now() - t0;
  await unmark();
  // Compiled: the same pattern, used once on the page's text before timing.
  const compiled = pattern();
  compiled.test(document.body.textContent.slice(0, 20000));
  compiled.lastIndex = 0;
  const warm = await mark(compiled);
  return { floor: f, first, warm };
}
