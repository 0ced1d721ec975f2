// Whether a panel offers "Try again" after a failure: only when the same request, sent again, may
// get another answer.
import { DspConflictError, DspHttpError, DspValidationError } from '@dsp-kit/fhir';
import { MissingClientError } from './error-message.js';

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

/**
 * True when sending the same request again may succeed, so a retry button is worth showing:
 *
 * - no answer (`DspNetworkError`: offline, DNS, reset, timeout);
 * - an answer that is not the server's FHIR (`DspProtocolError`: a proxy's or captive portal's
 *   page, a cut-off body) or content altered on the way (`DspIntegrityError`);
 * - the token refused or not obtained (`DspAuthError`): the host may sign in again meanwhile, and
 *   the client asks its token provider afresh on every request;
 * - an HTTP status that says "later" (see {@link isRetryableStatus});
 * - an error of no known kind (a module that failed to load, say), as nothing says it is final.
 *
 * Not when the answer is final for this request: a refusal or a missing resource (403, 404, 410
 * and the other 4xx), a conflict (409/412: the same `If-Match` fails again), input refused before
 * sending (`DspValidationError`), or no client connected (`MissingClientError`: setting one
 * reloads by itself).
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof MissingClientError || error instanceof DspValidationError) return false;
  if (error instanceof DspConflictError) return false;
  if (error instanceof DspHttpError) return isRetryableStatus(error.status);
  // Network, protocol, integrity and auth errors, and errors of no known kind.
  return true;
}
