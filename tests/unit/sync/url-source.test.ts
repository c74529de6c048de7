import { describe, expect, test } from 'vitest';
import { checkSourceUrl, urlSource } from '../../../lib/sync/url-source';
import { memoryDataset, research, concept } from '../../helpers/memory-dataset';

const data = memoryDataset('v1', [concept('C:1', 'Asthma')], [research('1', ['C:1'], 2020)]);
const BASE = 'https://data.example.org/evidence/';

/** A server in a function: `routes` answers by file name. */
const fakeFetch =
  (routes: Record<string, () => Response | Promise<Response>>, seen: string[] = []): typeof fetch =>
  async (input) => {
    const url = String(input instanceof Request ? input.url : input);
    seen.push(url);
    const name = url.slice(url.lastIndexOf('/') + 1);
    const route = routes[name];
    return route ? route() : new Response('not found', { status: 404 });
  };
const json = (value: unknown) => () => new Response(JSON.stringify(value));

describe('source address', () => {
  test('https, and http only on this computer', () => {
    expect(checkSourceUrl('https://x.org/m.json').href).toBe('https://x.org/m.json');
    expect(checkSourceUrl('http://127.0.0.1:8080/m.json').hostname).toBe('127.0.0.1');
    expect(checkSourceUrl('http://localhost/m.json').hostname).toBe('localhost');
    expect(() => checkSourceUrl('http://example.org/m.json')).toThrow(/only over https/);
    expect(() => checkSourceUrl('ftp://example.org/m.json')).toThrow(/only over https/);
    expect(() => checkSourceUrl('file:///etc/passwd')).toThrow(/only over https/);
    expect(() => checkSourceUrl('not a url')).toThrow(/is not a web address/);
    // The browser would refuse it with a message that says nothing of why.
    expect(() => checkSourceUrl('https://reader:secret@x.org/m.json')).toThrow(/cannot hold a user name or password/);
    expect(() => checkSourceUrl('https://reader@x.org/m.json')).toThrow(/cannot hold a user name or password/);
  });
});

describe('downloads', () => {
  test('reads the manifest, then files beside it', async () => {
    const seen: string[] = [];
    const routes: Record<string, () => Response> = { 'manifest.json': json(data.manifest) };
    for (const [path, text] of data.files) routes[path] = () => new Response(text);
    const source = await urlSource(BASE + 'manifest.json', fakeFetch(routes, seen));
    expect(source.origin).toBe(BASE + 'manifest.json');
    const path = data.manifest.files[0].path;
    // The text, with the SHA-256 of the bytes as they came (what the manifest lists).
    expect(await source.readFile(path)).toEqual({ text: data.files.get(path), sha256: data.manifest.files[0].sha256 });
    expect(seen).toEqual([BASE + 'manifest.json', BASE + path]);
  });

  test.each([
    ['unreachable server', () => Promise.reject(new TypeError('Failed to fetch')), /the server could not be reached/],
    ['404', () => new Response('', { status: 404 }), /the server answered HTTP 404/],
    ['not JSON', () => new Response('<html>'), /manifest is not valid JSON/],
    ['wrong shape', json({ format: 1 }), /manifest is not valid \(version: missing\)/],
    ['a newer format', json({ format: 2 }), /newer format \(2\) than this version of Evidence Lens reads: update the extension/],
    ['file path leaving its folder', json({ ...data.manifest, files: [{ ...data.manifest.files[0], path: '../x' }] }), /manifest is not valid \(files\.0\.path/],
  ])('manifest: %s gives one sentence', async (_name, route, message) => {
    await expect(urlSource(BASE + 'manifest.json', fakeFetch({ 'manifest.json': route }))).rejects.toThrow(message);
  });

  test("a data file the server lacks is the publisher's to fix, not the reader's address", async () => {
    const path = data.manifest.files[0].path;
    const source = await urlSource(BASE + 'manifest.json', fakeFetch({ 'manifest.json': json(data.manifest), [path]: () => new Response('', { status: 404 }) }));
    await expect(source.readFile(path)).rejects.toThrow(`The download of ${path} failed: the server answered HTTP 404 (the server lacks a file its manifest lists: try again in a few minutes, and if this goes on, tell its publisher).`);
    expect(source.mismatchAdvice).toMatch(/tell its publisher/);
  });

  test('a connection dropped midway, and a file over the limit, are stopped with one sentence', async () => {
    const path = data.manifest.files[0].path;
    const dropped = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"id":'));
            controller.error(new TypeError('network error'));
          },
        }),
      );
    const huge = () =>
      new Response(
        new ReadableStream({
          pull(controller) {
            controller.enqueue(new Uint8Array(1_000_000).fill(32));
          },
        }),
      );
    const declared = () => new Response('x', { headers: { 'content-length': '25000000' } });
    for (const [route, message] of [
      [dropped, /was cut off before it finished \(the connection dropped\): try again\.$/],
      [huge, /larger than the 20 MB a dataset file may be/],
      [declared, /larger than the 20 MB/],
    ] as const) {
      const source = await urlSource(BASE + 'manifest.json', fakeFetch({ 'manifest.json': json(data.manifest), [path]: route }));
      await expect(source.readFile(path)).rejects.toThrow(message);
    }
  });

  test('a redirect away from https is refused', async () => {
    const redirected = () => {
      const response = new Response(JSON.stringify(data.manifest));
      Object.defineProperty(response, 'url', { value: 'http://evil.example/manifest.json' });
      return response;
    };
    await expect(urlSource(BASE + 'manifest.json', fakeFetch({ 'manifest.json': redirected }))).rejects.toThrow('The server sent the dataset manifest on to http://evil.example, which is refused: Datasets are downloaded only over https (or http from this computer, for development).');
  });

  test("a dataset on the web may not lead to this computer's own services; a local one may stay local", async () => {
    const to = (target: string) => () => {
      const response = new Response(JSON.stringify(data.manifest));
      Object.defineProperty(response, 'url', { value: target });
      return response;
    };
    await expect(urlSource(BASE + 'manifest.json', fakeFetch({ 'manifest.json': to('http://127.0.0.1:631/manifest.json') }))).rejects.toThrow(
      'The server sent the dataset manifest on to http://127.0.0.1:631, which is refused: a dataset on the web may not lead to this computer.',
    );
    const local = 'http://localhost:8080/';
    const source = await urlSource(local + 'manifest.json', fakeFetch({ 'manifest.json': to('http://127.0.0.1:8080/v2/manifest.json') }));
    expect(source.manifest.version).toBe(data.manifest.version);
  });

  test('a server that stops sending is given up on with one sentence, not waited on for ever', async () => {
    const abortable = (init: RequestInit | undefined, reject: (e: unknown) => void) =>
      init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    // No answer at all; then an answer whose body stops after its first bytes (as fetch does, the body
    // fails when the request is aborted).
    const hung: typeof fetch = (_input, init) => new Promise((_resolve, reject) => abortable(init, reject));
    await expect(urlSource(BASE + 'manifest.json', hung, undefined, 50)).rejects.toThrow(
      /^The download of the dataset manifest stopped: the server sent next to nothing for \d+ seconds\. It may be busy: try again later\.$/,
    );
    const path = data.manifest.files[0].path;
    const trickle: typeof fetch = async (input, init) => {
      if (String(input).endsWith('manifest.json')) return new Response(JSON.stringify(data.manifest));
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":'));
          abortable(init, (e) => controller.error(e));
        },
      });
      return new Response(body);
    };
    const source = await urlSource(BASE + 'manifest.json', trickle, undefined, 50);
    await expect(source.readFile(path)).rejects.toThrow(`The download of ${path} stopped: the server sent next to nothing`);
    // A byte every 10 ms never falls silent, but is no download either.
    const drip: typeof fetch = async (input, init) => {
      if (String(input).endsWith('manifest.json')) return new Response(JSON.stringify(data.manifest));
      let timer: ReturnType<typeof setInterval>;
      const body = new ReadableStream({
        start(controller) {
          timer = setInterval(() => controller.enqueue(new Uint8Array([32])), 10);
          abortable(init, (e) => {
            clearInterval(timer);
            controller.error(e);
          });
        },
      });
      return new Response(body);
    };
    const dripping = await urlSource(BASE + 'manifest.json', drip, undefined, 200);
    await expect(dripping.readFile(path)).rejects.toThrow(`The download of ${path} stopped: the server sent next to nothing for`);
  });

  test('cancel aborts the download', async () => {
    const controller = new AbortController();
    const slow: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const pending = urlSource(BASE + 'manifest.json', slow, controller.signal);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
