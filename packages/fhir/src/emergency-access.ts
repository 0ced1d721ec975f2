// Emergency access ("break the glass") through the host: the `emergencyAccess` option's types, and
// its callback — which gets an emergency token from the host's authorization server — run under
// the client's error and abort rules. (The `$break-the-glass` operation is DspClient's own.)
import { DspAuthError, DspError } from './errors.js';

/** What an emergency access grants. */
export interface EmergencyAccessGrant {
  /** When the access ends (a FHIR instant), when known. */
  readonly expires?: string | undefined;
}

/**
 * Obtains emergency access from the host's authorization server — typically an access token whose
 * purpose of use is `BTG` (IHE IUA's `purpose_of_use`, or the deployment's SMART scope) — and
 * makes the client's `TokenProvider` hand it out from then on. Given the patient's FHIR id, the
 * professional's reason (checked: 10 to 500 characters, trimmed) and the caller's signal.
 * Throw a `DspError` to say how it failed (a `DspHttpError` 403 for a refusal); anything else
 * becomes a `DspAuthError`.
 */
export type EmergencyAccessCallback = (
  patient: string,
  reason: string,
  signal: AbortSignal,
) => Promise<EmergencyAccessGrant>;

/**
 * `'operation'` (the default): `POST [base]/Patient/<id>/$break-the-glass`, as the kit's mock
 * implements. A callback: the host grants it through the token instead.
 */
export type EmergencyAccess = 'operation' | EmergencyAccessCallback;

/**
 * Asks the host's callback for emergency access. Its failures become typed errors (its own
 * `DspError`s as they are, anything else a `DspAuthError`); once the caller aborts, the call
 * rejects with the abort reason, as a request does.
 */
export async function askHost(
  callback: EmergencyAccessCallback,
  patient: string,
  reason: string,
  caller: AbortSignal | undefined,
): Promise<{ expires: string | undefined }> {
  // The host always gets a signal, so its code needs no check for a missing one.
  const signal = caller ?? new AbortController().signal;
  let expires: unknown;
  try {
    signal.throwIfAborted();
    // Read defensively: a host written in JavaScript may resolve with anything.
    const grant: unknown = await callback(patient, reason, signal);
    signal.throwIfAborted();
    expires = (grant as { expires?: unknown } | null | undefined)?.expires;
  } catch (error) {
    if (signal.aborted) throw signal.reason as Error;
    if (error instanceof DspError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    throw new DspAuthError(`Emergency access was not obtained: ${text}`);
  }
  return { expires: typeof expires === 'string' ? expires : undefined };
}
