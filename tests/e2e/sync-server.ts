// A dataset server for the sync tests and bench, on 127.0.0.1: serves published datasets by folder, with
// ETag revalidation like a static web server, and with faults injected per folder.
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Published } from '../../scripts/publish-dataset.ts';

export type Fault =
  | { file: string; kind: 'status'; status: number }
  | { file: string; kind: 'drop' }
  | { file: string; kind: 'body'; body: string | Buffer }
  | { file: string; kind: 'delay'; ms: number }
  | { file: string; kind: 'huge'; bytes: number };

export interface Site {
  published: Published | { manifestText: string; files: Map<string, string> };
  faults?: Fault[];
}

export interface DatasetServer {
  url: string;
  sites: Map<string, Site>;
  /** Every request, as `folder/file status` (and `if-none-match` when sent). */
  log: { path: string; status: number; conditional: boolean }[];
  close(): Promise<void>;
}

const etagOf = (body: string | Buffer) => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

export async function startDatasetServer(): Promise<DatasetServer> {
  const sites = new Map<string, Site>();
  const log: DatasetServer['log'] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const [, folder, file] = new URL(req.url ?? '/', 'http://x').pathname.split('/');
    const site = sites.get(folder);
    const conditional = req.headers['if-none-match'] !== undefined;
    const reply = (status: number, body: string | Buffer = '', headers: Record<string, string> = {}) => {
      log.push({ path: `${folder}/${file}`, status, conditional });
      res.writeHead(status, { 'access-control-allow-origin': '*', ...headers }).end(body);
    };
    if (!site) return reply(404);
    const fault = site.faults?.find((f) => f.file === file);
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (fault?.kind === 'status') return reply(fault.status);
    const p = site.published;
    let body: string | Buffer | undefined;
    if ('manifest' in p) body = file === 'manifest.json' ? JSON.stringify(p.manifest) : p.files.find((f) => f.path === file)?.text;
    else body = file === 'manifest.json' ? p.manifestText : p.files.get(file);
    if (fault?.kind === 'body') body = fault.body;
    if (body === undefined) return reply(404);
    if (fault?.kind === 'drop') {
      // Promise the whole file, send a third of it, then cut the connection.
      log.push({ path: `${folder}/${file}`, status: 200, conditional });
      res.writeHead(200, { 'access-control-allow-origin': '*', 'content-length': String(Buffer.byteLength(body)) });
      res.write(Buffer.from(body).subarray(0, Math.floor(Buffer.byteLength(body) / 3)));
      setTimeout(() => res.socket?.destroy(), 50);
      return;
    }
    if (fault?.kind === 'huge') {
      // A body larger than any dataset file may be, streamed without a declared length.
      log.push({ path: `${folder}/${file}`, status: 200, conditional });
      res.writeHead(200, { 'access-control-allow-origin': '*' });
      const chunk = Buffer.alloc(1_000_000, 32);
      let sent = 0;
      const pump = () => {
        while (sent < fault.bytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    const etag = etagOf(body);
    if (req.headers['if-none-match'] === etag) return reply(304, '', { etag, 'cache-control': 'no-cache' });
    reply(200, body, { etag, 'cache-control': 'no-cache', 'content-type': file === 'manifest.json' ? 'application/json' : 'application/x-ndjson' });
  };
  const server: Server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    sites,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
