// A real pack host for the background tests: node:http on 127.0.0.1, serving packs and their
// signatures the ways real servers do (ETags, 304s, errors, slow answers, huge bodies), and
// Ed25519 keys to sign them with, as `postguard keygen` and `postguard sign` make them.
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PACK_FORMAT, type PackInput } from '@/src/core/pack/schema';

export interface SigningKey {
  privateKey: KeyObject;
  /** base64 of the raw 32-byte key: what managed `publicKeys` holds. */
  publicKey: string;
}

export function makeKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { privateKey, publicKey: Buffer.from(jwk.x!, 'base64url').toString('base64') };
}

/** base64 Ed25519 signature over the exact bytes: the content of `<pack>.sig`. */
export function signBytes(bytes: Uint8Array | string, key: SigningKey): string {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return `${sign(null, data, key.privateKey).toString('base64')}\n`;
}

/** A small valid pack whose one rule flags `term`. */
export function makePack(options: {
  id?: string;
  version?: string;
  term?: string;
  extra?: Partial<PackInput>;
}): PackInput {
  const id = options.id ?? 'acme-social';
  const term = options.term ?? 'Project Falcon';
  return {
    format: PACK_FORMAT,
    id,
    name: `Pack ${id}`,
    version: options.version ?? '1.0.0',
    rules: [
      {
        id: `${id}.confidential`,
        kind: 'terms',
        severity: 'error',
        message: '{match} is confidential.',
        link: 'https://intranet.acme.example/policy#confidential',
        terms: [term],
      },
    ],
    ...options.extra,
  };
}

export function packText(pack: PackInput): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}

/** How the server answers one path. */
export type Route =
  | {
      kind: 'file';
      body: string | Buffer;
      etag?: string;
      contentType?: string;
      /** Send no Content-Length (chunked), so only reading the body tells its size. */
      chunked?: boolean;
      /**
       * Hang up on conditional requests, as a browser fails a cross-origin If-None-Match whose
       * CORS preflight the host does not answer.
       */
      dropConditional?: boolean;
    }
  | { kind: 'status'; status: number }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** `bytes` of JSON-ish filler, in 64 KB chunks as the client reads them. */
  | { kind: 'huge'; bytes: number; chunked: boolean };

export interface SeenRequest {
  path: string;
  headers: IncomingHttpHeaders;
}

export interface ServedResponse {
  path: string;
  /** The whole body went out; false when the client hung up first. */
  finished: boolean;
  bytesWritten: number;
}

export interface PackServer {
  origin: string;
  url(path: string): string;
  routes: Map<string, Route>;
  requests: SeenRequest[];
  responses: ServedResponse[];
  /** Serves `text` at `path` and its signature by `key` at `path.sig`. */
  publish(path: string, text: string, key: SigningKey, etag?: string): void;
  close(): Promise<void>;
}

function writeHuge(res: ServerResponse, total: number, served: ServedResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  let sent = 0;
  const pump = () => {
    while (sent < total) {
      const size = Math.min(chunk.length, total - sent);
      sent += size;
      served.bytesWritten = sent;
      if (!res.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
        res.once('drain', pump);
        return;
      }
    }
    res.end();
  };
  pump();
}

export async function startPackServer(): Promise<PackServer> {
  const routes = new Map<string, Route>();
  const requests: SeenRequest[] = [];
  const responses: ServedResponse[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push({ path, headers: req.headers });
    const served: ServedResponse = { path, finished: false, bytesWritten: 0 };
    responses.push(served);
    res.on('finish', () => {
      served.finished = true;
    });
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not here');
      return;
    }
    switch (route.kind) {
      case 'status':
        res.writeHead(route.status, { 'Content-Type': 'text/plain' }).end(`status ${route.status}`);
        return;
      case 'hang':
        return;
      case 'huge':
        res.writeHead(200, {
          'Content-Type': 'application/json',
          ...(route.chunked ? {} : { 'Content-Length': String(route.bytes) }),
        });
        writeHuge(res, route.bytes, served);
        return;
      case 'file': {
        if (route.dropConditional && req.headers['if-none-match'] !== undefined) {
          req.socket.destroy();
          return;
        }
        if (route.etag && req.headers['if-none-match'] === route.etag) {
          res.writeHead(304, { ETag: route.etag }).end();
          return;
        }
        const body = typeof route.body === 'string' ? Buffer.from(route.body) : route.body;
        res.writeHead(200, {
          'Content-Type': route.contentType ?? 'application/json',
          ...(route.etag ? { ETag: route.etag } : {}),
          ...(route.chunked ? {} : { 'Content-Length': String(body.length) }),
        });
        served.bytesWritten = body.length;
        res.end(body);
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    routes,
    requests,
    responses,
    publish(path, text, key, etag) {
      routes.set(path, { kind: 'file', body: text, ...(etag ? { etag } : {}) });
      routes.set(`${path}.sig`, {
        kind: 'file',
        body: signBytes(text, key),
        contentType: 'text/plain',
      });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
