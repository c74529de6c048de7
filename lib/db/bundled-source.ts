// The dataset shipped inside the extension (public/dataset/, built by `npm run dataset`).
import type { DatasetSource } from './import.ts';
import { validateManifest } from '../dataset/validate.ts';

export const BUNDLED_ORIGIN = 'bundled';

/** `manifestUrl`: e.g. `browser.runtime.getURL('/dataset/manifest.json')`; the files sit beside it. */
export async function bundledSource(manifestUrl: string, fetchFn: typeof fetch = fetch): Promise<DatasetSource> {
  const read = async (path: string, signal?: AbortSignal) => {
    const response = await fetchFn(new URL(path, manifestUrl), { signal });
    if (!response.ok) throw new Error(`The bundled dataset is missing ${path} (HTTP ${response.status}).`);
    return response.text();
  };
  const manifest = validateManifest(JSON.parse(await read('manifest.json')));
  return { origin: BUNDLED_ORIGIN, manifest, readFile: read, trusted: true };
}
