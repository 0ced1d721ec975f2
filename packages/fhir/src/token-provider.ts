// The one authentication contract between the client and whoever holds the user's tokens.

/** What the client says when it asks for a token. */
export interface TokenRequest {
  /**
   * True when the server has just refused the last token (401): a provider that can get a new one
   * (a refresh token) should, rather than give the same one again.
   */
  readonly forceRefresh?: boolean;
}

/**
 * Supplies the bearer token sent with every request. Called before each request, and once more
 * with `forceRefresh` after a 401. `null` sends the request without a token.
 */
export interface TokenProvider {
  getAccessToken(request?: TokenRequest): Promise<string | null>;
}
