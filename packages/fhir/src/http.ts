// The transport under DspClient: one FHIR HTTP exchange with the bearer token (for URLs under the
// FHIR base only), a deadline per attempt, retries for idempotent requests, the 401 token
// refresh, and typed errors.
import type { OperationOutcome } from '@medplum/fhirtypes';
import {
  DspAuthError,
  DspConflictError,
  DspError,
  DspHttpError,
  DspNetworkError,
  DspProtocolError,
} from './errors.js';
import { retryAfterMs, sleep, type RetryPolicy } from './retry.js';
import { backoffDelay, isRetryableStatus } from './retryable.js';
import { isUnderBase } from './request-scope.js';
import type { TokenProvider } from './token-provider.js';

export const FHIR_JSON = 'application/fhir+json';

export interface TransportOptions {
  /** The FHIR base: the token goes to URLs under it, and nowhere else. */
  base: URL;
  tokens: TokenProvider | undefined;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  retry: RetryPolicy;
}

export interface Exchange {
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** Safe to send again: reads. Writes are never retried here. */
  idempotent: boolean;
  signal?: AbortSignal | undefined;
  /** A `fetch` for this exchange only (the XMLHttpRequest one, for upload progress). */
  fetch?: typeof globalThis.fetch | undefined;
}

function isOperationOutcome(value: unknown): value is OperationOutcome {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { resourceType?: unknown }).resourceType === 'OperationOutcome'
  );
}

/**
 * Releases a body we will not read. Not awaited: some fetch implementations (Node's, under request
 * interception) settle `cancel()` only once the stream is read.
 */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

export class FhirTransport {
  constructor(private readonly options: TransportOptions) {}

  /**
   * Sends `exchange` and gives the successful response to `read`, within the same deadline.
   * HTTP errors become `DspHttpError` (409/412: `DspConflictError`); a second 401 `DspAuthError`.
   * A URL outside the FHIR base gets no token, so a 401 there is an ordinary `DspHttpError`.
   */
  async send<T>(exchange: Exchange, read: (response: Response) => Promise<T>): Promise<T> {
    const { retry, timeoutMs } = this.options;
    const caller = exchange.signal;
    const withToken = isUnderBase(exchange.url, this.options.base);
    let refreshedToken = false;
    for (let attempt = 1; ; attempt++) {
      const deadline = new AbortController();
      const timer = setTimeout(() => {
        deadline.abort();
      }, timeoutMs);
      const signal = caller ? AbortSignal.any([caller, deadline.signal]) : deadline.signal;
      let wait: number | undefined;
      try {
        const response = await this.#fetch(exchange, signal, withToken, refreshedToken);
        if (response.status === 401 && withToken) {
          if (!refreshedToken) {
            // One more try, asking the provider for a fresh token (a refresh where it can).
            discard(response);
            refreshedToken = true;
            attempt--;
            continue;
          }
          throw new DspAuthError(
            'The server refused the access token (401)',
            await readOutcome(response),
          );
        }
        if (exchange.idempotent && isRetryableStatus(response.status) && attempt < retry.tries) {
          const asked = retryAfterMs(response.headers.get('retry-after'));
          if (asked === undefined || asked <= retry.maxDelayMs) {
            wait =
              asked ?? backoffDelay(attempt, { base: retry.baseDelayMs, cap: retry.maxDelayMs });
            discard(response);
          }
        }
        if (wait === undefined) {
          if (!response.ok) throw await httpError(response, exchange.url);
          return await read(response);
        }
      } catch (error) {
        if (caller?.aborted) throw caller.reason;
        const failure = deadline.signal.aborted
          ? new DspNetworkError(`No answer from ${exchange.url} within ${timeoutMs} ms`, true, {
              cause: error,
            })
          : error;
        if (!(failure instanceof DspNetworkError && exchange.idempotent && attempt < retry.tries)) {
          throw failure;
        }
        wait = backoffDelay(attempt, { base: retry.baseDelayMs, cap: retry.maxDelayMs });
      } finally {
        clearTimeout(timer);
      }
      await sleep(wait, caller);
    }
  }

  async #fetch(
    exchange: Exchange,
    signal: AbortSignal,
    withToken: boolean,
    forceRefresh: boolean,
  ): Promise<Response> {
    const headers = new Headers({ Accept: FHIR_JSON, ...exchange.headers });
    if (exchange.body !== undefined && !headers.has('content-type')) {
      headers.set('Content-Type', `${FHIR_JSON}; charset=utf-8`);
    }
    const token = withToken ? await this.#token(forceRefresh) : null;
    if (token) headers.set('Authorization', `Bearer ${token}`);
    signal.throwIfAborted();
    try {
      return await (exchange.fetch ?? this.options.fetch)(exchange.url, {
        method: exchange.method,
        headers,
        body: exchange.body ?? null,
        signal,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new DspNetworkError(`Could not reach ${exchange.url}`, false, { cause: error });
    }
  }

  async #token(forceRefresh: boolean): Promise<string | null> {
    const { tokens } = this.options;
    if (!tokens) return null;
    try {
      return await tokens.getAccessToken(forceRefresh ? { forceRefresh } : undefined);
    } catch (error) {
      if (error instanceof DspError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new DspAuthError(`The token provider failed: ${reason}`);
    }
  }
}

async function readOutcome(response: Response): Promise<OperationOutcome | undefined> {
  try {
    const body: unknown = JSON.parse(await response.text());
    return isOperationOutcome(body) ? body : undefined;
  } catch {
    return undefined;
  }
}

async function httpError(response: Response, url: string): Promise<DspHttpError> {
  const outcome = await readOutcome(response);
  return response.status === 409 || response.status === 412
    ? new DspConflictError(response.status, outcome, url)
    : new DspHttpError(response.status, outcome, url, {
        retryAfterMs: retryAfterMs(response.headers.get('retry-after')),
      });
}

/** Reads a response body as FHIR JSON, refusing what is not JSON with a `DspProtocolError`. */
export async function readFhirJson(response: Response, url: string): Promise<unknown> {
  const contentType = response.headers.get('content-type') ?? '';
  if (contentType !== '' && !/json/i.test(contentType)) {
    discard(response);
    throw new DspProtocolError(
      `Expected FHIR JSON, got "${contentType.split(';')[0] ?? contentType}"`,
      url,
    );
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DspProtocolError('The server answered with malformed JSON', url);
  }
}

/** Checks that `body` is a resource of `resourceType`. */
export function expectResource<T extends { resourceType: string }>(
  body: unknown,
  resourceType: T['resourceType'],
  url: string,
): T {
  const actual =
    typeof body === 'object' && body !== null
      ? (body as { resourceType?: unknown }).resourceType
      : undefined;
  if (actual !== resourceType) {
    throw new DspProtocolError(
      `Expected a ${resourceType}, got ${typeof actual === 'string' ? actual : 'something else'}`,
      url,
    );
  }
  return body as T;
}
