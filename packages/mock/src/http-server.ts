// The mock over real HTTP (node:http) on 127.0.0.1, with CORS, so curl, a browser page on another
// origin or an editor's backend can talk to it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDspServer, type DspServer, type DspServerOptions } from './server.js';

export interface HttpServerOptions extends Omit<DspServerOptions, 'baseUrl'> {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1: the mock never listens beyond this machine unless told to. */
  host?: string;
  /** Path of the FHIR base. Default `/fhir`. */
  basePath?: string;
}

export interface RunningHttpServer {
  readonly server: DspServer;
  readonly url: string;
  close(): Promise<void>;
}

const CORS = {
  'Access-Control-Allow-Methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Accept, If-Match, If-None-Exist, Prefer',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const hasBody = message.method !== 'GET' && message.method !== 'HEAD' && chunks.length > 0;
  return new Request(new URL(message.url ?? '/', origin), {
    method: message.method ?? 'GET',
    headers,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

async function send(response: Response, out: ServerResponse, allowOrigin: string): Promise<void> {
  if (response.type === 'error') {
    // A scenario's lost answer or network failure: the connection drops without a response.
    out.destroy();
    return;
  }
  const headers: Record<string, string> = {
    ...CORS,
    'Access-Control-Allow-Origin': allowOrigin,
    Vary: 'Origin',
  };
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  out.writeHead(response.status, headers);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>)
      out.write(chunk);
  }
  out.end();
}

/** Starts the mock on real HTTP; resolves once it listens. */
export async function startHttpServer(options: HttpServerOptions = {}): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  const basePath = `/${(options.basePath ?? '/fhir').replace(/^\/+|\/+$/g, '')}`;
  const http: Server = createServer();
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 8787, host, resolve);
  });
  const { port } = http.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const url = `${origin}${basePath}`;
  // The base URL names the port, known only once listening: the server is made now.
  const dsp = createDspServer({ ...options, baseUrl: url });
  http.on('request', (message: IncomingMessage, out: ServerResponse) => {
    const allowOrigin = message.headers.origin ?? '*';
    if (message.method === 'OPTIONS') {
      out.writeHead(204, { ...CORS, 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' });
      out.end();
      return;
    }
    void toRequest(message, origin)
      .then((request) => dsp.handle(request))
      .then((response) => send(response, out, allowOrigin))
      .catch(() => {
        out.destroy();
      });
  });
  return {
    server: dsp,
    url,
    close: () =>
      new Promise<void>((resolve, reject) => {
        http.closeAllConnections();
        http.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
