import fc from 'fast-check';
import { expect, test } from 'vitest';
import { groupDigits, plural } from '../../../components/format';

test('whole numbers get the same separators as en-US formatting, without the number formatter', () => {
  fc.assert(fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => groupDigits(n) === n.toLocaleString('en-US')));
  expect([0, 7, 999, 1000, 12345, -1234567].map(groupDigits)).toEqual(['0', '7', '999', '1,000', '12,345', '-1,234,567']);
  // Anything else still goes to the formatter.
  expect(groupDigits(1234.5)).toBe('1,234.5');
  expect(plural(1, 'study', 'studies')).toBe('1 study');
  expect(plural(12000, 'study', 'studies')).toBe('12,000 studies');
});
