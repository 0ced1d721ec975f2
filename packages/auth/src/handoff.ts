// Token providers for hosts that already hold the user's token: the kit never sees a login.
import type { TokenProvider, TokenRequest } from '@dsp-kit/fhir';

/**
 * Asks the host for the current token before each request, and again after a 401 with
 * `{ forceRefresh: true }`, so the host may renew it. Return `null` to send a request without a
 * token.
 */
export function callbackTokenProvider(
  getToken: (request: TokenRequest) => string | null | Promise<string | null>,
): TokenProvider {
  if (typeof getToken !== 'function') {
    throw new TypeError('callbackTokenProvider needs a function returning the access token');
  }
  return { getAccessToken: async (request = {}) => getToken(request) };
}

/** Always the same token: for tests and demos, where nothing expires. */
export function staticTokenProvider(token: string): TokenProvider {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new TypeError('staticTokenProvider needs a non-empty token string');
  }
  return { getAccessToken: () => Promise.resolve(token) };
}
