// The mock over real HTTP (node:http) on 127.0.0.1, with CORS, so curl, a browser page on another
// origin or an editor's backend can talk to it.
import {
  createServer,
  STATUS_CODES,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { FHIR_JSON, fhirResponse, outcome, outcomeResponse, type Issue } from './fhir-http.js';
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
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, Accept, If-Match, If-None-Exist, Prefer',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After, WWW-Authenticate',
  'Access-Control-Max-Age': '600',
};

/** How much of a body is read ahead of the server's reader. */
const READ_AHEAD = 64 * 1024;
/** How long a connection whose upload was refused stays open for its client to read the answer. */
const LINGER_MS = 2000;

/**
 * The request's URL: our origin with the target's path and query. Origin-form (`/fhir/…`) is
 * appended as is, since resolving it against the origin would read `//host/fhir/…` as another
 * host and serve its path; absolute-form, which a server must accept (RFC 9112 §3.2.2), gives its
 * path and query. Any other form names nothing here.
 */
function requestUrl(target: string, origin: string): URL | undefined {
  try {
    if (target.startsWith('/')) return new URL(`${origin}${target}`);
    if (/^https?:\/\//i.test(target)) {
      const absolute = new URL(target);
      return new URL(`${origin}${absolute.pathname}${absolute.search}`);
    }
  } catch {
    // not a URL: undefined below
  }
  return undefined;
}

/**
 * The body as a web stream that reads from the socket only when pulled, so what the server
 * refuses or never needs is never read. A client waiting for "100 Continue" gets it on the first
 * pull: a body refused from its Content-Length alone is never sent.
 */
function bodyStream(message: IncomingMessage, out: ServerResponse): ReadableStream<Uint8Array> {
  let settled = false;
  let continued = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // Paused first, so that listening for data does not start the flow.
        message.pause();
        message.on('data', (chunk: Buffer) => {
          if (settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) message.pause();
        });
        message.on('end', () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        // Listening also keeps an upload the client broke off from being an unhandled error.
        message.on('error', (error) => {
          if (settled) return;
          settled = true;
          controller.error(error);
        });
      },
      pull() {
        if (!continued && /100-continue/i.test(message.headers.expect ?? '')) {
          continued = true;
          out.writeContinue();
        }
        message.resume();
      },
      cancel() {
        settled = true;
        message.pause();
      },
    },
    { highWaterMark: READ_AHEAD, size: (chunk) => chunk.byteLength },
  );
}

function toRequest(message: IncomingMessage, out: ServerResponse, url: URL): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  const method = message.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(url, {
    method,
    headers,
    // The body streams to the server, which caps it as it reads (`duplex` is what Node's fetch
    // asks of a streamed body).
    ...(hasBody ? { body: bodyStream(message, out), duplex: 'half' } : {}),
  });
}

/**
 * Answers while the request's body is still arriving (refused as too large, or not needed for the
 * answer), then closes the connection in stages, as RFC 9112 §9.6 advises: the whole answer goes
 * out with `Connection: close`, what still arrives is read and dropped, never kept, and the socket
 * is closed once the client closes its side or after `LINGER_MS`. Closing at once would reset the
 * connection under a client still sending, which may then never read the answer.
 */
async function answerThenClose(
  response: Response,
  headers: Record<string, string>,
  message: IncomingMessage,
  out: ServerResponse,
): Promise<void> {
  const body = new Uint8Array(await response.arrayBuffer());
  const socket = message.socket;
  if (socket.destroyed) {
    out.destroy(); // the client is gone already
    return;
  }
  out.writeHead(response.status, {
    ...headers,
    'Content-Length': String(body.byteLength),
    Connection: 'close',
  });
  out.write(body);
  message.resume();
  const closed = await new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), LINGER_MS);
    socket.once('end', () => {
      clearTimeout(timer);
      resolve(false);
    });
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  // Ending the answer makes node:http close the connection, as `Connection: close` says.
  if (closed) out.destroy();
  else out.end();
}

async function send(
  response: Response,
  message: IncomingMessage,
  out: ServerResponse,
  allowOrigin: string,
): Promise<void> {
  if (out.headersSent) {
    // Answered already, as a request node:http could not parse to its end.
    await response.body?.cancel();
    return;
  }
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
  if (!message.complete) {
    await answerThenClose(response, headers, message, out);
    return;
  }
  out.writeHead(response.status, headers);
  if (response.body) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      if (out.destroyed) break; // the client left; leaving the loop cancels the body
      out.write(chunk);
    }
  }
  out.end();
}

/** A failure of the server itself: a 500 while nothing was sent, else the connection dropped. */
function fail(out: ServerResponse, error: unknown): void {
  if (out.headersSent || out.destroyed) {
    out.destroy();
    return;
  }
  const text = error instanceof Error ? error.message : String(error);
  const body = JSON.stringify(
    outcome([{ code: 'exception', text: `Erreur interne du serveur fictif : ${text}` }]),
  );
  out.writeHead(500, { 'Content-Type': FHIR_JSON, Connection: 'close' });
  out.end(body);
}

/** Methods node:http reads that a fetch `Request` cannot carry (the Fetch standard forbids them). */
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);

function unsupported(method: string): Issue {
  return { code: 'not-supported', text: `The method ${method} is not supported by this server` };
}

/**
 * The server's answer to a message, or the adapter's own where the message cannot become a
 * `Request`: a method fetch forbids, or a target that is not a path.
 */
function answerTo(
  dsp: DspServer,
  message: IncomingMessage,
  out: ServerResponse,
  origin: string,
): Promise<Response> {
  const method = message.method ?? 'GET';
  if (FORBIDDEN_METHODS.has(method)) {
    return Promise.resolve(fhirResponse(outcome([unsupported(method)]), 501));
  }
  const target = requestUrl(message.url ?? '/', origin);
  if (!target) {
    const text = `The request target "${message.url ?? ''}" is not a path`;
    return Promise.resolve(outcomeResponse(400, 'invalid', text));
  }
  try {
    return dsp.handle(toRequest(message, out, target));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/** An answer written straight to the socket, where node:http gives no response to write it to. */
function writeRaw(socket: Duplex, status: number, issue: Issue): void {
  const body = JSON.stringify(outcome([issue]));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\n` +
      `Content-Type: ${FHIR_JSON}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Connection: close\r\n\r\n${body}`,
  );
}

/** What to answer a request node:http could not parse, as node:http itself would but in FHIR. */
function parseFailure(error: Error & { code?: string; rawPacket?: Buffer }): {
  status: number;
  issue: Issue;
} {
  switch (error.code) {
    case 'HPE_INVALID_METHOD': {
      const method = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,32}(?= )/.exec(
        error.rawPacket?.toString('latin1') ?? '',
      )?.[0];
      return { status: 501, issue: unsupported(method ?? 'of this request') };
    }
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        issue: { code: 'too-long', text: 'The request’s headers are too large' },
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        issue: { code: 'too-long', text: 'The chunk extensions are too large' },
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        issue: { code: 'timeout', text: 'The request took too long to arrive' },
      };
    default:
      return {
        status: 400,
        issue: {
          code: 'structure',
          text: `The request is not valid HTTP (${error.code ?? error.message})`,
        },
      };
  }
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
  // The answer under way on each socket: a request that breaks off mid-body gets its failure
  // there, if nothing of the answer was sent yet.
  const answering = new WeakMap<Duplex, ServerResponse>();
  // Sockets whose parse failure was answered: the parser may report it again on further data.
  const failed = new WeakSet<Duplex>();

  const onRequest = (message: IncomingMessage, out: ServerResponse) => {
    const allowOrigin = message.headers.origin ?? '*';
    if (message.method === 'OPTIONS') {
      out.writeHead(204, { ...CORS, 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' });
      out.end();
      return;
    }
    const socket = message.socket;
    answering.set(socket, out);
    out.once('close', () => {
      if (answering.get(socket) === out) answering.delete(socket);
    });
    void answerTo(dsp, message, out, origin)
      .then((response) => send(response, message, out, allowOrigin))
      .catch((error: unknown) => {
        fail(out, error);
      });
  };
  http.on('request', onRequest);
  // With "Expect: 100-continue" the body is asked for only when the server reads it.
  http.on('checkContinue', onRequest);
  // CONNECT asks for a tunnel, which node:http hands over as a bare socket.
  http.on('connect', (message: IncomingMessage, socket: Duplex) => {
    writeRaw(socket, 501, unsupported(message.method ?? 'CONNECT'));
  });
  http.on('clientError', (error: Error & { code?: string }, socket: Duplex) => {
    if (failed.has(socket)) return;
    failed.add(socket);
    const out = answering.get(socket);
    if (error.code === 'ECONNRESET' || !socket.writable || out?.headersSent) {
      socket.destroy();
      return;
    }
    const { status, issue } = parseFailure(error);
    if (!out) {
      writeRaw(socket, status, issue);
      return;
    }
    // The request being answered broke off mid-body: this failure is its answer, and the server's
    // own, which waits on the body, is dropped once the connection closes (see `send`).
    out.writeHead(status, { 'Content-Type': FHIR_JSON, Connection: 'close' });
    out.end(JSON.stringify(outcome([issue])));
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
