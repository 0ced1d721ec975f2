// The msw adapter: every request under the base URL goes to the server's `handle`.
import { http, type HttpHandler } from 'msw';
import type { DspServer } from './server.js';

export function createHandlers(server: DspServer): HttpHandler[] {
  const answer = ({ request }: { request: Request }) => server.handle(request);
  return [http.all(server.baseUrl, answer), http.all(`${server.baseUrl}/*`, answer)];
}
