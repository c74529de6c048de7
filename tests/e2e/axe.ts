// axe-core, run in a page (evaluated through devtools, which the extension pages' CSP allows).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Serious and critical violations, as "rule (impact): targets". `within` limits them to one element's
 * subtree, shadow root included (e.g. the in-page card's host).
 */
export async function seriousViolations(page: Page | Frame, within?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const result = await page.evaluate(async (selector) => {
    const axe = (window as any).axe;
    const r = await axe.run(selector ? { include: [[selector]] } : document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => JSON.stringify(n.target)).slice(0, 3) }));
  }, within ?? null);
  return result
    .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
    .map((v: { id: string; impact: string; nodes: string[] }) => `${v.id} (${v.impact}): ${v.nodes.join(', ')}`);
}
