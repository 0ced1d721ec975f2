// Typed errors: every failure the client reports is one of these, so callers can tell a refused
// request from an unreachable server or a response that is not FHIR.
import type { OperationOutcome, Resource } from '@medplum/fhirtypes';

/** The kind of failure, stable across versions, for code that switches on it. */
export type DspErrorKind =
  'http' | 'conflict' | 'auth' | 'network' | 'protocol' | 'integrity' | 'validation';

/** Base class of every error thrown by `@dsp-kit/fhir`. */
export abstract class DspError extends Error {
  abstract readonly kind: DspErrorKind;
}

/** Text of an OperationOutcome's issues, joined, or undefined when it carries none. */
export function outcomeText(outcome: OperationOutcome | undefined): string | undefined {
  const texts = (outcome?.issue ?? [])
    .map((issue) => issue.details?.text ?? issue.diagnostics)
    .filter((text): text is string => typeof text === 'string' && text.trim() !== '');
  return texts.length > 0 ? texts.join(' ') : undefined;
}

/** What else an HTTP error answer said, besides its status and OperationOutcome. */
export interface DspHttpErrorOptions {
  /** The wait its `Retry-After` header asked for, in milliseconds (see `DspHttpError`). */
  readonly retryAfterMs?: number | undefined;
}

/**
 * The server answered with an HTTP error status. `outcome` is the FHIR OperationOutcome it sent,
 * when it sent one; `serverMessage` is its human-readable text (plain text, never HTML).
 */
export class DspHttpError extends DspError {
  readonly kind: 'http' | 'conflict' = 'http';
  readonly serverMessage: string | undefined;
  /**
   * How long the server asked to wait before trying again, in milliseconds from when its answer
   * arrived: its `Retry-After` header (delta-seconds or an HTTP date), as servers send with 429
   * and 503. Undefined when it sent none, or one that cannot be read. The client waits for it
   * only when it tries a read again by itself; a caller that sends again (a write) should.
   */
  readonly retryAfterMs: number | undefined;

  constructor(
    readonly status: number,
    readonly outcome?: OperationOutcome,
    readonly url?: string,
    options?: DspHttpErrorOptions,
  ) {
    const serverMessage = outcomeText(outcome);
    super(`HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}${url ? ` (${url})` : ''}`);
    this.name = 'DspHttpError';
    this.serverMessage = serverMessage;
    this.retryAfterMs = options?.retryAfterMs;
  }
}

/**
 * The server refused a write because the resource changed meanwhile (412 on `If-Match`, or 409).
 * `current` and `etag` are the server's current version, when the caller fetched it.
 */
export class DspConflictError extends DspHttpError {
  override readonly kind = 'conflict';

  constructor(
    status: number,
    outcome?: OperationOutcome,
    url?: string,
    readonly current?: Resource,
    readonly etag?: string,
  ) {
    super(status, outcome, url);
    this.name = 'DspConflictError';
  }
}

/** Downloaded content does not match the size or SHA-1 hash its attachment declares. */
export class DspIntegrityError extends DspError {
  readonly kind = 'integrity';

  constructor(
    readonly check: 'size' | 'hash',
    readonly expected: string,
    readonly actual: string,
    readonly url?: string,
  ) {
    super(`The document's ${check} does not match: expected ${expected}, got ${actual}`);
    this.name = 'DspIntegrityError';
  }
}

/** The server refused the credentials (401), even after the token provider was asked again. */
export class DspAuthError extends DspError {
  readonly kind = 'auth';

  constructor(
    message: string,
    readonly outcome?: OperationOutcome,
  ) {
    super(message);
    this.name = 'DspAuthError';
  }
}

/** The request never got an HTTP answer: offline, DNS, CORS, connection reset or timeout. */
export class DspNetworkError extends DspError {
  readonly kind = 'network';

  constructor(
    message: string,
    readonly timedOut = false,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DspNetworkError';
  }
}

/**
 * The server answered, but not with the FHIR the request calls for: an HTML page from a proxy,
 * malformed JSON, a resource of the wrong type, or a paging link to another origin.
 */
export class DspProtocolError extends DspError {
  readonly kind = 'protocol';

  constructor(
    message: string,
    readonly url?: string,
  ) {
    super(message);
    this.name = 'DspProtocolError';
  }
}

/** A call was refused before any request was sent, because its input is invalid. */
export class DspValidationError extends DspError {
  readonly kind = 'validation';

  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'DspValidationError';
  }
}

/**
 * An attachment lives on an origin the client may not contact: neither the FHIR server's nor one
 * the host allowed (`contentOrigins`). Refused before any request, because even a request without
 * the token tells that host who opened which document, as a tracking pixel does.
 */
export class DspContentOriginError extends DspValidationError {
  /** The refused origin, e.g. `https://files.example.com`. */
  readonly origin: string;
  /** Its host (with the port, when not the default), to name it to the user. */
  readonly host: string;

  constructor(url: URL) {
    super(`Not fetching content from ${url.host}: not in contentOrigins`, 'attachment.url');
    this.name = 'DspContentOriginError';
    this.origin = url.origin;
    this.host = url.host;
  }
}

/**
 * Whether a refusal says the professional may ask for emergency access: a 403 whose
 * OperationOutcome carries the kit's `break-the-glass-available` code.
 */
export function breakTheGlassAvailable(error: unknown): boolean {
  return (
    error instanceof DspHttpError &&
    error.status === 403 &&
    (error.outcome?.issue ?? []).some((issue) =>
      (issue.details?.coding ?? []).some(
        (c) =>
          c.system === 'https://dsp-kit.org/fhir/CodeSystem/dsp-outcome' &&
          c.code === 'break-the-glass-available',
      ),
    )
  );
}
