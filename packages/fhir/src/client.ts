// DspClient: the one object that talks to a DSP server over FHIR R4 and the IHE profiles.
import type { DocumentReference, OperationOutcome, Resource } from '@medplum/fhirtypes';
import { readSearchSet } from './bundle.js';
import {
  DspAuthError,
  DspError,
  DspHttpError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
} from './errors.js';
import type { TokenProvider } from './token-provider.js';

export interface DspClientOptions {
  /** The FHIR base URL, e.g. `https://dsp.example.lu/fhir`. A relative URL resolves against the page. */
  baseUrl: string | URL;
  /** Supplies the bearer token; without one, requests carry no `Authorization` header. */
  tokens?: TokenProvider;
  /** The `fetch` to use (defaults to the global one), e.g. to add headers or observe requests. */
  fetch?: typeof globalThis.fetch;
  /** Milliseconds before a request with no answer fails with a `DspNetworkError`. Default 30,000. */
  timeoutMs?: number;
}

export interface RequestOptions {
  /** Aborts the request; the call then rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal;
}

/** ITI-67 search parameters (FHIR names). */
export interface DocumentQuery {
  /** The patient: a FHIR id or a `Patient/<id>` reference. Required by ITI-67. */
  patient: string;
  /** `current` by default; `superseded` or `entered-in-error` to see replaced documents. */
  status?: 'current' | 'superseded' | 'entered-in-error';
  /** Sort order, e.g. `-date` (newest first). */
  _sort?: string;
  /** Page size the server should use. */
  _count?: number;
}

/** One page of search results; `next()` fetches the following one through the Bundle's link. */
export class Page<T extends Resource> {
  constructor(
    readonly entries: readonly T[],
    /** Matches in the whole search, when the server reports it. */
    readonly total: number | undefined,
    readonly nextUrl: string | undefined,
    private readonly fetchPage: (url: string, options?: RequestOptions) => Promise<Page<T>>,
  ) {}

  get hasNext(): boolean {
    return this.nextUrl !== undefined;
  }

  /** The next page, or `undefined` after the last one. */
  async next(options?: RequestOptions): Promise<Page<T> | undefined> {
    return this.nextUrl === undefined ? undefined : this.fetchPage(this.nextUrl, options);
  }
}

const FHIR_JSON = 'application/fhir+json';

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

export class DspClient {
  readonly baseUrl: URL;
  readonly #tokens: TokenProvider | undefined;
  readonly #fetch: typeof globalThis.fetch;
  readonly #timeoutMs: number;

  constructor(options: DspClientOptions) {
    const page = (globalThis as { location?: { href: string } }).location?.href;
    let base: URL;
    try {
      base = new URL(String(options.baseUrl), page);
    } catch {
      throw new DspValidationError(`Invalid baseUrl "${String(options.baseUrl)}"`, 'baseUrl');
    }
    // A trailing slash makes relative paths resolve under the base, not beside it.
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    this.baseUrl = base;
    this.#tokens = options.tokens;
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** Finds a patient's documents (IHE MHD ITI-67), newest first unless `_sort` says otherwise. */
  async searchDocuments(
    query: DocumentQuery,
    options?: RequestOptions,
  ): Promise<Page<DocumentReference>> {
    const patient = typeof query.patient === 'string' ? query.patient.trim() : '';
    if (!patient) {
      throw new DspValidationError('searchDocuments needs a patient id', 'patient');
    }
    const params = new URLSearchParams({ patient, status: query.status ?? 'current' });
    params.set('_sort', query._sort ?? '-date');
    if (query._count !== undefined) {
      if (!Number.isInteger(query._count) || query._count < 1) {
        throw new DspValidationError(
          `_count must be a positive integer, got ${query._count}`,
          '_count',
        );
      }
      params.set('_count', String(query._count));
    }
    return this.#searchPage<DocumentReference>(
      'DocumentReference',
      this.#url(`DocumentReference?${params.toString()}`),
      options,
    );
  }

  async #searchPage<T extends Resource>(
    resourceType: T['resourceType'],
    url: string,
    options?: RequestOptions,
  ): Promise<Page<T>> {
    const body = await this.#getJson(url, options);
    const set = readSearchSet<T>(body, resourceType, url, this.baseUrl.origin);
    return new Page<T>(set.entries, set.total, set.nextUrl, (next, nextOptions) =>
      this.#searchPage<T>(resourceType, next, nextOptions),
    );
  }

  #url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  async #getJson(url: string, options?: RequestOptions): Promise<unknown> {
    // One deadline for the whole exchange, body included; a timer of our own rather than
    // AbortSignal.timeout(), whose unreferenced timer would not keep a Node process waiting.
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), this.#timeoutMs);
    const signal = options?.signal
      ? AbortSignal.any([options.signal, deadline.signal])
      : deadline.signal;
    try {
      let response = await this.#send(url, signal);
      if (response.status === 401) {
        // The provider may hold a fresher token now (or refresh on this second call): one retry.
        discard(response);
        response = await this.#send(url, signal);
        if (response.status === 401) {
          const outcome = await this.#readOutcome(response);
          throw new DspAuthError('The server refused the access token (401)', outcome);
        }
      }
      if (!response.ok) {
        throw new DspHttpError(response.status, await this.#readOutcome(response), url);
      }
      return await this.#readFhirJson(response, url);
    } catch (error) {
      if (options?.signal?.aborted) throw options.signal.reason;
      if (deadline.signal.aborted) {
        throw new DspNetworkError(`No answer from ${url} within ${this.#timeoutMs} ms`, true, {
          cause: error,
        });
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  async #send(url: string, signal: AbortSignal): Promise<Response> {
    const headers = new Headers({ Accept: FHIR_JSON });
    const token = await this.#token();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    signal.throwIfAborted();
    try {
      return await this.#fetch(url, { method: 'GET', headers, signal });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new DspNetworkError(`Could not reach ${url}`, false, { cause: error });
    }
  }

  async #token(): Promise<string | null> {
    if (!this.#tokens) return null;
    try {
      return await this.#tokens.getAccessToken();
    } catch (error) {
      if (error instanceof DspError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new DspAuthError(`The token provider failed: ${reason}`);
    }
  }

  async #readOutcome(response: Response): Promise<OperationOutcome | undefined> {
    try {
      const body: unknown = JSON.parse(await response.text());
      return isOperationOutcome(body) ? body : undefined;
    } catch {
      return undefined;
    }
  }

  async #readFhirJson(response: Response, url: string): Promise<unknown> {
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
}
