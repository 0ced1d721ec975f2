// The kit's one rule of which failures are worth another try, and how long to wait before it:
// the client's automatic retries, the panels' "Try again", pending changes and uploads share it.
import { DspConflictError, DspHttpError, DspNetworkError, DspValidationError } from './errors.js';

/**
 * 4xx statuses that say "not now" rather than "no": the request took too long (408), came too
 * early (425) or too often (429).
 */
const TRANSIENT_CLIENT_STATUSES: ReadonlySet<number> = new Set([408, 425, 429]);

/**
 * 5xx statuses that say the server never will: a method it does not implement (501), an HTTP
 * version it refuses (505), or its own misconfiguration (506, 508, 510). Every other 5xx — a
 * crash, a gateway, maintenance, a proxy's own codes — may pass.
 */
const PERMANENT_SERVER_STATUSES: ReadonlySet<number> = new Set([501, 505, 506, 508, 510]);

/** Whether an HTTP status may change if the same request is sent again, unchanged. */
export function isRetryableStatus(status: number): boolean {
  if (status >= 500 && status <= 599) return !PERMANENT_SERVER_STATUSES.has(status);
  return TRANSIENT_CLIENT_STATUSES.has(status);
}

/** How a caller weighs the failures that may pass but are not known to. */
export interface RetryRule {
  /**
   * Whether to count failures that may pass but are not known to: an answer that is not the
   * server's FHIR (`DspProtocolError`: a proxy's page, a cut-off body) or content altered on the
   * way (`DspIntegrityError`), a refused token (`DspAuthError`: the host may sign in again
   * meanwhile), an error of no known kind. `true` (the default) where a person decides, as with
   * a "Try again" button; `false` where the kit retries or keeps a change pending by itself, which
   * it does only for no answer and a status that says "later".
   */
  readonly uncertain?: boolean;
}

/**
 * True when sending the same request again may succeed:
 *
 * - no answer (`DspNetworkError`: offline, DNS, reset, timeout);
 * - an HTTP status that says "later" (see {@link isRetryableStatus});
 * - unless `rule.uncertain` is false: a garbled answer, a refused token, an error of no known
 *   kind, as nothing says they are final.
 *
 * Not when the answer is final for this request: a refusal or a missing resource (403, 404, 410
 * and the other 4xx), a conflict (409/412: the same `If-Match` fails again), or input refused
 * before sending (`DspValidationError`).
 */
export function isRetryable(error: unknown, rule: RetryRule = {}): boolean {
  if (error instanceof DspValidationError || error instanceof DspConflictError) return false;
  if (error instanceof DspHttpError) return isRetryableStatus(error.status);
  if (error instanceof DspNetworkError) return true;
  // Protocol, integrity and auth errors, and errors of no known kind.
  return rule.uncertain !== false;
}

export interface BackoffOptions {
  /** The wait before the second attempt, in milliseconds; doubled for each further one. */
  readonly base: number;
  /** The longest wait, in milliseconds. */
  readonly cap: number;
  /** Where the jitter comes from; `Math.random` by default (a test gives its own). */
  readonly random?: () => number;
}

/**
 * The wait before attempt `attempt + 1` (`attempt` from 1): `base × 2^(attempt-1)`, capped at
 * `cap`, then jittered between half and all of it, so that clients that failed together spread
 * out and none tries again at once.
 */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`backoffDelay needs an attempt from 1, got ${attempt}`);
  }
  const { base, cap, random = Math.random } = options;
  const ceiling = Math.min(cap, base * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() * 0.5));
}
