// What every contract check is given: a DspClient for each side of the record, the patient, the
// author submissions name, the server's CapabilityStatement, and plain FHIR reads to verify what
// the server holds. `connect` builds it for any FHIR base and any `fetch`.
import type { OperationOutcome, Reference } from '@medplum/fhirtypes';
import { DspClient } from '../../src/client.js';
import { DspHttpError, DspNetworkError, DspProtocolError } from '../../src/errors.js';
import type { TokenProvider } from '../../src/token-provider.js';
import { readMetadata, type Metadata } from './capabilities.js';

export interface ContractContext {
  /** The FHIR base URL, with its trailing slash. */
  readonly baseUrl: string;
  /** A professional who treats the patient: documents, the directory, counts, submissions. */
  readonly professional: DspClient;
  /** The patient or their DSP assistant: the Consent, the assistants and the access log. */
  readonly holder: DspClient;
  /** The patient's FHIR id; checks that need one are skipped without it. */
  readonly patient: string | undefined;
  /** Who signs the submissions the write checks send (with a display when the server has one). */
  readonly author: Reference | undefined;
  /** Whether checks may write (documents, the Consent, assistants). */
  readonly write: boolean;
  /** What `GET metadata` said. */
  readonly metadata: Metadata;
  /** A FHIR read or search relative to the base, as the professional: the parsed JSON answer. */
  get(path: string): Promise<unknown>;
}

export interface ConnectOptions {
  readonly baseUrl: string;
  /** The `fetch` requests go through: the global one, or an engine's `Request → Response`. */
  readonly fetch?: typeof globalThis.fetch;
  /** The professional's bearer token, if the server needs one. */
  readonly token?: string;
  /** The patient's (or assistant's) bearer token; the professional's by default. */
  readonly holderToken?: string;
  readonly patient?: string;
  readonly author?: Reference;
  readonly write?: boolean;
}

function tokenProvider(token: string | undefined): TokenProvider | undefined {
  return token === undefined ? undefined : { getAccessToken: () => Promise.resolve(token) };
}

function isOutcome(body: unknown): body is OperationOutcome {
  return (body as { resourceType?: unknown } | null)?.resourceType === 'OperationOutcome';
}

/**
 * A plain FHIR GET with the same credentials as the clients: errors are the client's typed ones,
 * so "not supported" answers read the same way as from a client call.
 */
function fhirGetter(
  baseUrl: string,
  fetch: typeof globalThis.fetch,
  token: string | undefined,
): (path: string) => Promise<unknown> {
  return async (path) => {
    const url = new URL(path, baseUrl).href;
    let response: Response;
    try {
      response = await fetch(url, {
        headers: {
          Accept: 'application/fhir+json',
          ...(token === undefined ? {} : { Authorization: `Bearer ${token}` }),
        },
      });
    } catch (error) {
      const reason = error instanceof Error ? (error.cause ?? error) : error;
      throw new DspNetworkError(
        `No answer from ${url}: ${reason instanceof Error ? reason.message : String(reason)}`,
        false,
        { cause: error },
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      throw new DspHttpError(response.status, isOutcome(body) ? body : undefined, url);
    }
    if (body === undefined) throw new DspProtocolError(`${url} answered no JSON`, url);
    return body;
  };
}

/**
 * The author as the server names them: a display read from the author's own resource when it has
 * none, since some servers (and DSP gateways) match `author.family` on it.
 */
async function withDisplay(
  author: Reference | undefined,
  get: (path: string) => Promise<unknown>,
): Promise<Reference | undefined> {
  if (!author?.reference || author.display) return author;
  try {
    const resource = (await get(author.reference)) as {
      name?: { given?: string[]; family?: string; text?: string }[];
    };
    const name = resource.name?.[0];
    const display = name?.text ?? [...(name?.given ?? []), name?.family].filter(Boolean).join(' ');
    return display ? { ...author, display } : author;
  } catch {
    return author;
  }
}

/**
 * Reads the server's CapabilityStatement and builds the context. Rejects with a
 * `DspNetworkError` when the server cannot be reached at all.
 */
export async function connect(options: ConnectOptions): Promise<ContractContext> {
  const baseUrl = new URL(options.baseUrl).href.replace(/\/?$/, '/');
  const fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const client = (token: string | undefined) =>
    new DspClient({ baseUrl, fetch, tokens: tokenProvider(token) });
  const get = fhirGetter(baseUrl, fetch, options.token);
  let metadata: Metadata;
  try {
    metadata = await readMetadata(get);
  } catch (error) {
    if (error instanceof DspNetworkError) throw error;
    metadata = { problem: error instanceof Error ? error.message : String(error) };
  }
  return {
    baseUrl,
    professional: client(options.token),
    holder: client(options.holderToken ?? options.token),
    patient: options.patient,
    author: await withDisplay(options.author, get),
    write: options.write ?? false,
    metadata,
    get,
  };
}
