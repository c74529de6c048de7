// @vitest-environment node
// The page stylesheet's colours, read as a low-vision reader meets them: a term's underline must stand out 3:1
// from light and dark pages alike (WCAG 1.4.11), and text on the keyboard's current-term marker must read 4.5:1.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from 'vitest';

const CSS = readFileSync(resolve(import.meta.dirname, '../../../entrypoints/content/highlights.css'), 'utf8');
const WHITE = [255, 255, 255];
const NEAR_BLACK = [18, 18, 18]; // #121212, a common dark theme

const parse = (colour: string) => {
  const [r, g, b, a = 1] = colour.match(/[\d.]+/g)!.map(Number);
  return { rgb: [r, g, b], a };
};
const over = ({ rgb, a }: ReturnType<typeof parse>, page: number[]) => rgb.map((c, i) => c * a + page[i] * (1 - a));
const luminance = (rgb: number[]) => {
  const [r, g, b] = rgb.map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (x: number[], y: number[]) => {
  const [a, b] = [luminance(x), luminance(y)].sort((p, q) => q - p);
  return (a + 0.05) / (b + 0.05);
};

test('every category underline stands out 3:1 from a white page and from a near-black one', () => {
  const underlines = [...CSS.matchAll(/::highlight\(evidence-lens-underline-(\w+)\) \{ text-decoration: underline 2px (rgba?\([^)]*\))/g)];
  expect(underlines.map((m) => m[1])).toEqual(['disease', 'drug', 'procedure', 'anatomy', 'other']);
  for (const [, category, colour] of underlines) {
    for (const page of [WHITE, NEAR_BLACK]) {
      expect(contrast(over(parse(colour), page), page), `${category} on rgb(${page})`).toBeGreaterThanOrEqual(3);
    }
  }
});

test("the current term's own text colour reads 4.5:1 on its marker, whatever the page's colours", () => {
  const rule = /::highlight\(evidence-lens-current\) \{ background-color: (rgba?\([^)]*\)); color: (#[0-9a-f]{3,6}|rgb\([^)]*\)); \}/.exec(CSS);
  expect(rule).not.toBeNull();
  const hex = (s: string) => (s.startsWith('#') ? (s.length === 4 ? [...s.slice(1)].map((c) => parseInt(c + c, 16)) : [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16))) : parse(s).rgb);
  for (const page of [WHITE, NEAR_BLACK]) {
    expect(contrast(hex(rule![2]), over(parse(rule![1]), page))).toBeGreaterThanOrEqual(4.5);
  }
});
