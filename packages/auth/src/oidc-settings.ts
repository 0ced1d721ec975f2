// The OIDC provider's settings: checked once at construction, with messages naming the setting.

/** Where the user's tokens live. */
export type OidcStorage = 'memory' | 'session';

/** Claim names the signed-in user is read from; every one is configurable. */
export interface OidcClaimNames {
  /** Display name. Default `name`. */
  name?: string;
  /** `patient` or `professional`. Default `dsp_role`. */
  role?: string;
  /** The professional's DSP profession code. Default `dsp_profession`. */
  profession?: string;
  /** Identifiers to expose on `user.ids`, as `{ key: claimName }`. Default `{ sub: 'sub' }`. */
  ids?: Record<string, string>;
}

export interface OidcSettings {
  /** The provider's issuer URL (its discovery document is at `/.well-known/openid-configuration`). */
  authority: string;
  /** The public client's id at the provider. */
  clientId: string;
  /** Where the provider sends the browser back after sign-in: a page that calls `handleCallback()`. */
  redirectUri: string;
  /** Where the popup lands after sign-in. Default `redirectUri`. */
  popupRedirectUri?: string;
  /** Where the provider sends the browser after sign-out. Default: the page's origin. */
  postLogoutRedirectUri?: string;
  /** Default `openid profile offline_access` (offline_access asks for a refresh token). */
  scope?: string;
  /** `memory` (default): tokens die with the page. `session`: they survive reloads of this tab. */
  storage?: OidcStorage;
  /** Names this instance's storage keys, lock and channel. Default `<authority>|<clientId>`. */
  namespace?: string;
  /** Seconds before expiry at which `getAccessToken()` refreshes. Default 30. */
  refreshMarginSeconds?: number;
  /** When the browser blocks the popup, sign in by redirect instead. Default false. */
  popupFallbackToRedirect?: boolean;
  /** Claim names of the user's name, role, profession and ids. */
  claims?: OidcClaimNames;
  /** Extra parameters for the authorization request (e.g. `resource`, `ui_locales`). */
  extraQueryParams?: Record<string, string>;
}

/** Settings after checking, with every default filled in. */
export interface ResolvedOidcSettings {
  authority: string;
  clientId: string;
  redirectUri: string;
  popupRedirectUri: string;
  postLogoutRedirectUri: string | undefined;
  scope: string;
  storage: OidcStorage;
  namespace: string;
  refreshMarginSeconds: number;
  popupFallbackToRedirect: boolean;
  claims: Required<OidcClaimNames>;
  extraQueryParams: Record<string, string>;
}

const LOOPBACK = /^(127\.0\.0\.1|\[::1\]|localhost)$/;

function fail(setting: string, problem: string): never {
  throw new TypeError(`createOidcTokenProvider: \`${setting}\` ${problem}`);
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';
const isTexts = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every(isText);

function url(value: unknown, setting: string): string {
  if (!isText(value)) fail(setting, 'is required (a URL)');
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    fail(setting, `must be an absolute URL, got "${value}"`);
  }
  // Tokens never travel in clear text, except to a provider on this very machine (tests, demo).
  if (
    parsed.protocol !== 'https:' &&
    !(parsed.protocol === 'http:' && LOOPBACK.test(parsed.hostname))
  ) {
    fail(setting, `must be an https URL (http only on 127.0.0.1 or localhost), got "${value}"`);
  }
  return value;
}

/**
 * `object[key]`, or `fallback` when undefined; throws naming `<path><key>` when present but
 * failing `test`.
 */
function opt<O extends object, K extends keyof O & string>(
  object: O,
  key: K,
  fallback: NonNullable<O[K]>,
  test: (value: NonNullable<O[K]>) => boolean,
  expected: string,
  path = '',
): NonNullable<O[K]> {
  const value = object[key] as NonNullable<O[K]> | undefined;
  if (value === undefined) return fallback;
  if (!test(value)) fail(path + key, `must be ${expected}, got ${JSON.stringify(value)}`);
  return value;
}

/** Checks `settings` and fills in defaults; throws a `TypeError` naming the first bad setting. */
export function resolveOidcSettings(settings: OidcSettings): ResolvedOidcSettings {
  if (typeof settings !== 'object' || (settings as unknown) === null) {
    throw new TypeError(
      'createOidcTokenProvider needs a settings object ({ authority, clientId, redirectUri })',
    );
  }
  const s = settings;
  const authority = url(s.authority, 'authority');
  if (!isText(s.clientId)) fail('clientId', 'is required (a non-empty string)');
  const redirectUri = url(s.redirectUri, 'redirectUri');
  const scope = opt(
    s,
    'scope',
    'openid profile offline_access',
    isText,
    'a space-separated string',
  );
  if (!scope.split(/\s+/).includes('openid'))
    fail('scope', `must include "openid", got "${scope}"`);
  const claims = opt(
    s,
    'claims',
    {},
    (c) => typeof c === 'object' && (c as unknown) !== null,
    'an object',
  );
  const claim = (key: 'name' | 'role' | 'profession', fallback: string) =>
    opt(claims, key, fallback, isText, 'a claim name', 'claims.');
  const optionalUrl = (key: 'popupRedirectUri' | 'postLogoutRedirectUri') =>
    s[key] === undefined ? undefined : url(s[key], key);
  return {
    authority,
    clientId: s.clientId,
    redirectUri,
    popupRedirectUri: optionalUrl('popupRedirectUri') ?? redirectUri,
    postLogoutRedirectUri: optionalUrl('postLogoutRedirectUri'),
    scope,
    storage: opt(
      s,
      'storage',
      'memory',
      (v) => ['memory', 'session'].includes(v),
      '"memory" or "session"',
    ),
    namespace: opt(s, 'namespace', `${authority}|${s.clientId}`, isText, 'a non-empty string'),
    refreshMarginSeconds: opt(
      s,
      'refreshMarginSeconds',
      30,
      (n) => typeof n === 'number' && n >= 0 && n < Infinity,
      'a number of seconds ≥ 0',
    ),
    popupFallbackToRedirect: opt(
      s,
      'popupFallbackToRedirect',
      false,
      (b) => typeof b === 'boolean',
      'a boolean',
    ),
    claims: {
      name: claim('name', 'name'),
      role: claim('role', 'dsp_role'),
      profession: claim('profession', 'dsp_profession'),
      ids: opt(claims, 'ids', { sub: 'sub' }, isTexts, 'an object of claim names', 'claims.'),
    },
    extraQueryParams: opt(s, 'extraQueryParams', {}, isTexts, 'an object of strings'),
  };
}
