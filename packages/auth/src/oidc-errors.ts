// Typed OIDC failures, one `kind` each, and the mapping from oidc-client-ts's untyped errors.
import { ErrorResponse, ErrorTimeout } from 'oidc-client-ts';

/** What went wrong, stable across versions, for code that switches on it. */
export type DspOidcErrorKind =
  | 'popup-blocked'
  | 'popup-closed'
  | 'provider'
  | 'misconfigured'
  | 'state'
  | 'session-expired'
  | 'network';

/** Base class of every error `@dsp-kit/auth/oidc` throws after construction. */
export class DspOidcError extends Error {
  override readonly name: string = 'DspOidcError';

  constructor(
    readonly kind: DspOidcErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The provider answered with an OAuth error (`access_denied`, `invalid_grant`, …). */
export class DspOidcProviderError extends DspOidcError {
  override readonly name = 'DspOidcProviderError';

  constructor(
    /** The OAuth `error` code. */
    readonly error: string,
    /** The provider's `error_description`, when it gave one. */
    readonly errorDescription: string | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      'provider',
      error === 'access_denied'
        ? `Sign-in was refused (access_denied)${errorDescription ? `: ${errorDescription}` : ''}`
        : `The identity provider answered with an error: ${error}${errorDescription ? ` (${errorDescription})` : ''}`,
      options,
    );
  }
}

/** What `handleCallback` and the mapping below say about an answer no sign-in here started. */
export const STATE_MESSAGE =
  'This sign-in answer does not match a sign-in started here (unknown or reused state): start the sign-in again';

/**
 * Turns whatever oidc-client-ts (or fetch) threw into a `DspOidcError`. oidc-client-ts signals
 * most failures with plain `Error`s, so their messages are matched here, in one place, against
 * the pinned version (3.5).
 */
export function toOidcError(
  error: unknown,
  during: 'sign-in' | 'callback' | 'refresh',
): DspOidcError {
  if (error instanceof DspOidcError) return error;
  const fail = (kind: DspOidcErrorKind, message: string) =>
    new DspOidcError(kind, message, { cause: error });
  if (error instanceof ErrorResponse) {
    return during === 'refresh' && error.error === 'invalid_grant'
      ? fail('session-expired', 'The session has ended at the identity provider: sign in again')
      : new DspOidcProviderError(
          error.error ?? 'unknown_error',
          error.error_description ?? undefined,
          {
            cause: error,
          },
        );
  }
  const message = error instanceof Error ? error.message : String(error);
  if (/no matching state|no state in response|state does not match/i.test(message))
    return fail('state', STATE_MESSAGE);
  if (error instanceof ErrorTimeout || error instanceof TypeError) {
    return fail('network', `Could not reach the identity provider: ${message}`);
  }
  return fail('provider', `Sign-in failed: ${message}`);
}
