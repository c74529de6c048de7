// A choice the popup remembers in the extension's localStorage: read synchronously, so that its first view (and the
// early script, before the main one loads) can ask its questions in the reader's terms without waiting for storage.

/** The last of `allowed` remembered under `key`, else `fallback`; `remember` keeps a new one. */
export function lastChoice<T extends string>(key: string, allowed: readonly T[], fallback: T): { remember(value: T): void; likely(): T } {
  return {
    remember(value) {
      try {
        localStorage.setItem(key, value);
      } catch {
        // No localStorage (a private window's restrictions): the view starts from the fallback.
      }
    },
    likely() {
      try {
        const last = localStorage.getItem(key);
        if (allowed.includes(last as T)) return last as T;
      } catch {
        // as above
      }
      return fallback;
    },
  };
}
