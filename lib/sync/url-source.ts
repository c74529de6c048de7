// A dataset published on a web server (docs/dataset-format.md): its manifest, then each file beside it.
import type { DatasetSource } from '../db/import.ts';
import { MAX_FILE_BYTES, validateManifest } from '../dataset/validate.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Only https sources, plus plain http on this machine for development. */
export function checkSourceUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a web address.`);
  }
  const local = parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !local) {
    throw new Error('Datasets are downloaded only over https (or http from this computer, for development).');
  }
  return parsed;
}

async function download(url: URL, what: string, fetchFn: typeof fetch, signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetchFn(url, { signal, cache: 'no-cache' });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`The download of ${what} failed: the server could not be reached.`);
  }
  if (!response.ok) throw new Error(`The download of ${what} failed: the server answered HTTP ${response.status}.`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > MAX_FILE_BYTES) throw new Error(`${what} is larger than the ${MAX_FILE_BYTES / 1e6} MB a dataset file may be.`);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`The download of ${what} was cut off before it finished.`);
  }
  if (text.length > MAX_FILE_BYTES) throw new Error(`${what} is larger than the ${MAX_FILE_BYTES / 1e6} MB a dataset file may be.`);
  return text;
}

export async function urlSource(manifestUrl: string, fetchFn: typeof fetch = fetch, signal?: AbortSignal): Promise<DatasetSource> {
  const base = checkSourceUrl(manifestUrl);
  const text = await download(base, 'the dataset manifest', fetchFn, signal);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The dataset manifest is not valid JSON.');
  }
  const manifest = validateManifest(json);
  return {
    origin: base.href,
    manifest,
    readFile: (path, fileSignal) => download(new URL(path, base), path, fetchFn, fileSignal ?? signal),
  };
}
