// The bench's FHIR server for its pages: searchsets a page hands over (`PUT /searchset/<name>`,
// one Bundle a line, from `pages/searchset.ts`), answered page by page over HTTP
// (`GET /searchset/<name>/<type>?_page=N`), each after the delay the page asked for.
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Searchset {
  readonly pages: readonly string[];
  readonly delay: number;
}

const searchsets = new Map<string, Searchset>();

/** Answers `request` when it is the searchset server's; false when it is not. */
export function searchsetRoute(request: IncomingMessage, response: ServerResponse): boolean {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const [, root, name, type] = url.pathname.split('/');
  if (root !== 'searchset' || !name) return false;
  if (request.method === 'PUT' && !type) {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      searchsets.set(name, {
        pages: Buffer.concat(chunks).toString('utf8').split('\n').slice(0, -1),
        delay: Number(url.searchParams.get('delay') ?? '0'),
      });
      response.writeHead(204).end();
    });
    return true;
  }
  const searchset = searchsets.get(name);
  const body = searchset?.pages[Number(url.searchParams.get('_page') ?? '0')];
  if (request.method !== 'GET' || !type || body === undefined) {
    response.writeHead(404).end();
    return true;
  }
  setTimeout(() => {
    response
      .writeHead(200, { 'Content-Type': 'application/fhir+json', 'Cache-Control': 'no-store' })
      .end(body);
  }, searchset?.delay ?? 0);
  return true;
}
