// Print bench figures as a table: figure, value, target, and whether the target is met.
export interface Row {
  figure: string;
  value: number;
  unit: string;
  /** e.g. ['<', 1500] or ['>=', 20000] */
  target?: ['<' | '>=' | '>', number];
  peer?: string;
}

export function printTable(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  const cells = rows.map((r) => {
    const met = !r.target
      ? ''
      : (r.target[0] === '<' ? r.value < r.target[1] : r.target[0] === '>' ? r.value > r.target[1] : r.value >= r.target[1])
        ? 'met'
        : 'MISSED';
    return [r.figure, `${fmt(r.value)} ${r.unit}`, r.target ? `${r.target[0]} ${fmt(r.target[1])} ${r.unit}` : '', met, r.peer ?? ''];
  });
  const head = ['figure', 'value', 'target', '', 'peer (same run)'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => '| ' + c.map((x, i) => x.padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const c of cells) console.log(line(c));
}

export function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2);
}

/** Median wall time of `runs` calls of `fn` after one warm-up call, in ms. */
export function medianTime(fn: () => unknown, runs: number): number {
  fn();
  const ts: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    fn();
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
