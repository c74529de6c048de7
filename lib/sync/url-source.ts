// A dataset published on a web server (docs/dataset-format.md): its manifest, then each file beside it.
import type { DatasetSource } from '../db/import.ts';
import { MAX_FILE_BYTES, validateManifest } from '../dataset/validate.ts';
import { textWithDigest } from '../dataset/hash.ts';
import { InterruptedDownload } from './errors.ts';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Only https sources, plus plain http on this machine for development. */
export function checkSourceUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`"${url}" is not a web address.`);
  }
  // The browser refuses to fetch such an address, and the settings would keep the password (and sync it).
  if (parsed.username || parsed.password) {
    throw new Error('A dataset address cannot hold a user name or password. Publish the dataset where it can be read without them.');
  }
  const local = parsed.protocol === 'http:' && LOCAL_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !local) {
    throw new Error('Datasets are downloaded only over https (or http from this computer, for development).');
  }
  return parsed;
}

/** The manifest lists up to 10,000 files: a few MB at most. */
const MAX_MANIFEST_BYTES = 5_000_000;

const tooLarge = (what: string, limit: number) =>
  new Error(`${what} is larger than the ${limit / 1e6} MB a dataset ${what === 'The dataset manifest' ? 'manifest' : 'file'} may be.`);

/**
 * A server that sends nothing, or next to nothing (under STALL_BYTES), for this long has hung or trickles: the
 * download stops rather than wait for ever. 16 KB in 30 s is a connection far slower than any a reader syncs on.
 */
export const STALL_MS = 30_000;
const STALL_BYTES = 16_384;

/**
 * Download one file's bytes, reading the body in chunks so that a file over the limit is stopped at the
 * limit rather than held in memory whole. `cache: 'no-cache'` makes the browser revalidate its cached
 * copy (If-None-Match / If-Modified-Since when the server sent an ETag or Last-Modified): an unchanged
 * manifest costs a 304 and no body. A server silent for `stallMs` (no answer, or no bytes) fails it.
 */
async function download(
  url: URL,
  what: string,
  fetchFn: typeof fetch,
  outer: AbortSignal | undefined,
  limit: number,
  stallMs: number,
): Promise<Uint8Array<ArrayBuffer>> {
  // The reader's Cancel (outer) and the stall timer both abort the request; only the first is a cancel.
  const controller = new AbortController();
  const cancel = () => controller.abort(outer?.reason);
  if (outer?.aborted) cancel();
  outer?.addEventListener('abort', cancel, { once: true });
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let since = 0; // bytes since the timer was last set
  const wait = () => {
    clearTimeout(timer);
    since = 0;
    timer = setTimeout(() => {
      stalled = true;
      controller.abort();
    }, stallMs);
  };
  // The answer's headers, then every STALL_BYTES of its body, give the server another stallMs.
  const heard = (bytes = STALL_BYTES) => {
    since += bytes;
    if (since >= STALL_BYTES) wait();
  };
  const failure = (error: unknown, sentence: string) => {
    if (stalled) return new InterruptedDownload(`The download of ${what} stopped: the server sent next to nothing for ${Math.round(stallMs / 1000)} seconds. It may be busy: try again later.`);
    return outer?.aborted ? error : new InterruptedDownload(sentence);
  };
  wait();
  try {
    return await readBody(url, what, fetchFn, controller.signal, limit, heard, failure);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', cancel);
  }
}

async function readBody(
  url: URL,
  what: string,
  fetchFn: typeof fetch,
  signal: AbortSignal,
  limit: number,
  heard: (bytes?: number) => void,
  failure: (error: unknown, sentence: string) => unknown,
): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    response = await fetchFn(url, { signal, cache: 'no-cache', credentials: 'omit', redirect: 'follow' });
  } catch (error) {
    // The browser says no more than "Failed to fetch": no server, no network, or a redirect loop.
    throw failure(error, `The download of ${what} failed: the server could not be reached, or kept redirecting. Check the address and the connection, then try again.`);
  }
  heard();
  if (!response.ok) {
    const manifest = what === 'the dataset manifest';
    const missing = response.status === 404 || response.status === 410;
    // A missing data file is the publisher's (the manifest the reader's address led to lists it), not the address's.
    const advice = missing
      ? manifest
        ? 'there is no file at that address: check the dataset address'
        : 'the server lacks a file its manifest lists: try again in a few minutes, and if this goes on, tell its publisher'
      : response.status >= 500
        ? 'the server failed: try again later'
        : 'check the dataset address';
    const sentence = `The download of ${what} failed: the server answered HTTP ${response.status} (${advice}).`;
    // A server that failed, or a data file not up yet, may be there on the next try; a wrong address will not.
    throw response.status >= 500 || (missing && !manifest) ? new InterruptedDownload(sentence) : new Error(sentence);
  }
  // A redirect must not lead away from https (or this computer). The browser follows it before we can look (a
  // manual redirect's target is hidden from scripts), so the file it led to is refused unread.
  if (response.url && response.url !== url.href) {
    try {
      const target = checkSourceUrl(response.url);
      // This computer is for a publisher testing their own dataset: one on the web may not lead there.
      if (LOCAL_HOSTS.has(target.hostname) && !LOCAL_HOSTS.has(url.hostname)) throw new Error('a dataset on the web may not lead to this computer.');
    } catch (error) {
      throw new Error(`The server sent ${what} on to ${new URL(response.url).origin}, which is refused: ${(error as Error).message}`);
    }
  }
  const declared = Number(response.headers.get('content-length') ?? 0);
  const label = what === 'the dataset manifest' ? 'The dataset manifest' : what;
  if (declared > limit) throw tooLarge(label, limit);
  let body: Uint8Array<ArrayBuffer>;
  let over = false;
  try {
    if (!response.body) {
      body = new Uint8Array(await response.arrayBuffer());
      over = body.byteLength > limit;
    } else {
      const reader = response.body.getReader();
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        heard(value.byteLength);
        bytes += value.byteLength;
        if (bytes > limit) {
          over = true;
          await reader.cancel().catch(() => undefined);
          break;
        }
        chunks.push(value);
      }
      body = new Uint8Array(bytes);
      let at = 0;
      for (const chunk of chunks) {
        body.set(chunk, at);
        at += chunk.byteLength;
      }
    }
  } catch (error) {
    throw failure(error, `The download of ${what} was cut off before it finished (the connection dropped): try again.`);
  }
  if (over) throw tooLarge(label, limit);
  return body;
}

export async function urlSource(
  manifestUrl: string,
  fetchFn: typeof fetch = fetch,
  signal?: AbortSignal,
  stallMs = STALL_MS,
): Promise<DatasetSource> {
  const base = checkSourceUrl(manifestUrl);
  const text = new TextDecoder().decode(await download(base, 'the dataset manifest', fetchFn, signal, MAX_MANIFEST_BYTES, stallMs));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error('The dataset manifest is not valid JSON, so the address may not lead to a dataset: check it (it usually ends in manifest.json).');
  }
  const manifest = validateManifest(json);
  return {
    origin: base.href,
    manifest,
    // Files that do not match their manifest are most often a dataset caught mid-publication.
    mismatchAdvice: 'The dataset may be being updated: try again in a few minutes, and if this goes on, tell its publisher.',
    // The checksum is taken of the bytes as they came, before decoding.
    readFile: async (path, fileSignal) => textWithDigest(await download(new URL(path, base), path, fetchFn, fileSignal ?? signal, MAX_FILE_BYTES, stallMs)),
  };
}
