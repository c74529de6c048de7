// Keys for finding concepts by name as the reader types: case, accents, hyphens and punctuation folded.

export function searchKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The full key of each name, and the key from each later word on, so "cancer" finds "breast cancer". */
export function nameKeysFor(names: string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const key = searchKey(name);
    if (!key) continue;
    keys.add(key);
    let i = key.indexOf(' ');
    while (i !== -1) {
      keys.add(key.slice(i + 1));
      i = key.indexOf(' ', i + 1);
    }
  }
  return [...keys];
}
