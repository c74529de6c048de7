// Cache Storage stand-in for the staging of picked files: the background and the settings page share one in the
// browser. Keys are strings here (the browser's are Requests; lib/sync/staged.ts reads both).
import type { CacheOpener } from '../../lib/sync/staged';

export function memoryCache(): CacheOpener {
  const entries = new Map<string, Response>();
  const cache = {
    put: async (key: string, response: Response) => void entries.set(key, response),
    match: async (key: string) => entries.get(key)?.clone(),
    keys: async () => [...entries.keys()],
    delete: async (key: string) => entries.delete(key),
  };
  return async () => cache as unknown as Cache;
}
