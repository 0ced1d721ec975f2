// The one authentication contract between the client and whoever holds the user's tokens.

/**
 * Supplies the bearer token sent with every request. Called before each request and once more
 * after a 401, so an implementation may refresh there. `null` sends the request without a token.
 */
export interface TokenProvider {
  getAccessToken(): Promise<string | null>;
}
