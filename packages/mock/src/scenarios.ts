// Named scenarios: the server misbehaving in one precise, realistic way, selectable at run time by
// tests, stories and the sandbox — never triggered by magic input values.
import { outcomeResponse } from './fhir-http.js';

export type Handle = (request: Request) => Promise<Response>;
/** A scenario wraps the server's handler. */
export type Scenario = (next: Handle) => Handle;

const isDocumentSearch = (request: Request) =>
  request.method === 'GET' && new URL(request.url).pathname.endsWith('/DocumentReference');
const isWrite = (request: Request) => request.method === 'POST' || request.method === 'PUT';
const isContent = (request: Request) => /\/Binary\/[^/]+$/.test(new URL(request.url).pathname);
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers the first `times` requests matching `when` with `answer`, then behaves. */
function times(
  count: number,
  when: (request: Request) => boolean,
  answer: () => Response,
): Scenario {
  return (next) => {
    let left = count;
    return async (request) => {
      if (left > 0 && when(request)) {
        left--;
        return answer();
      }
      return next(request);
    };
  };
}

export const scenarios = {
  /** Document search answers 503 with an OperationOutcome (server down for maintenance). */
  searchUnavailable: (next) => async (request) =>
    isDocumentSearch(request)
      ? outcomeResponse(503, 'transient', 'Service temporairement indisponible (maintenance).')
      : next(request),
  /** Document search answers 200 with an HTML page, as a misconfigured proxy or portal does. */
  searchNotFhir: (next) => async (request) =>
    isDocumentSearch(request)
      ? new Response('<!doctype html><title>Login</title><p>Please sign in</p>', {
          headers: { 'Content-Type': 'text/html' },
        })
      : next(request),
  /** Document search never reaches the server. */
  searchNetworkError: (next) => async (request) =>
    isDocumentSearch(request) ? Response.error() : next(request),
  /** Every request fails as when the network is down. */
  offline: () => () => Promise.resolve(Response.error()),
  /** Every answer takes 1.5 s more. */
  slowNetwork: (next) => async (request) => {
    await wait(1500);
    return next(request);
  },
  /** The next two requests answer 503 with `Retry-After: 1`, as an overloaded server does. */
  unavailableBurst: times(
    2,
    () => true,
    () => {
      const response = outcomeResponse(503, 'transient', 'Serveur surchargé, réessayez.');
      response.headers.set('Retry-After', '1');
      return response;
    },
  ),
  /** The next request answers 401, as when the access token just expired. */
  tokenExpiredOnce: times(
    1,
    () => true,
    () => outcomeResponse(401, 'login', 'Le jeton d’accès a expiré.'),
  ),
  /** The next write is done, but its answer is lost on the way back. */
  lostResponseAfterWrite: (next) => {
    let armed = true;
    return async (request) => {
      const response = await next(request);
      if (armed && isWrite(request)) {
        armed = false;
        return Response.error();
      }
      return response;
    };
  },
  /** Document content arrives slowly, in small chunks over about 3 s. */
  slowDownload: (next) => async (request) => {
    const response = await next(request);
    if (!isContent(request) || !response.ok || !response.body) return response;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const chunk = Math.max(1, Math.ceil(bytes.byteLength / 10));
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        for (let offset = 0; offset < bytes.byteLength; offset += chunk) {
          await wait(300);
          controller.enqueue(bytes.slice(offset, offset + chunk));
        }
        controller.close();
      },
    });
    return new Response(stream, { status: response.status, headers: response.headers });
  },
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenarios;
