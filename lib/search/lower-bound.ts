// Binary search over sorted string keys: the name index and the buckets' starts are both kept sorted.

/** The first position in sorted `keys` whose key is not below `key` (keys may repeat). */
export function lowerBound(keys: string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
