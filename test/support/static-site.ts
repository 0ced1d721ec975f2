// A built site as a deployment serves it: a plain node:http server on 127.0.0.1 that serves a
// folder under a sub-path only (everything else is 404, so a root-relative URL in the build fails
// loudly), with the headers the caller wants on every answer. Used for the sandbox and Storybook.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticSite {
  /** The site's address, ending in the sub-path. */
  readonly url: string;
  readonly close: () => Promise<void>;
}

export interface StaticSiteOptions {
  /** The folder served. */
  readonly dir: string;
  /** Where it is published, e.g. `/dsp/sandbox/`: starts and ends with `/`. */
  readonly subPath: string;
  /** Sent with every answer, 404s included. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Answers a request before the files do; resolves to true when it did. */
  readonly handle?: (
    path: string,
    request: IncomingMessage,
    response: ServerResponse,
  ) => Promise<boolean>;
}

export async function serveStaticSite(options: StaticSiteOptions): Promise<StaticSite> {
  const { subPath, headers = {} } = options;
  const root = normalize(options.dir).replace(/[/\\]$/, '');
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      if (await options.handle?.(path, request, response)) return;
      const file = path.startsWith(subPath)
        ? join(root, normalize(path.slice(subPath.length) || 'index.html'))
        : undefined;
      let content: Buffer | undefined;
      try {
        if (file?.startsWith(root + sep) && statSync(file).isFile()) content = readFileSync(file);
      } catch {
        content = undefined;
      }
      if (!file || !content) {
        response.writeHead(404, headers).end('Not found');
        return;
      }
      response.writeHead(200, {
        ...headers,
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-store',
      });
      response.end(content);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${subPath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
