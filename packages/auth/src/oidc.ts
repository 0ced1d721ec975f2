// @dsp-kit/auth/oidc: the kit runs the login itself (OIDC authorization code + PKCE, on
// oidc-client-ts) and hands the access token to DspClient, refreshing it once across tabs.
import type { TokenProvider } from '@dsp-kit/fhir';
import { DspCache } from '@dsp-kit/fhir/cache';
import {
  InMemoryWebStorage,
  OidcClient,
  User,
  WebStorageStateStore,
  type OidcMetadata,
} from 'oidc-client-ts';
import { DspOidcError, DspOidcProviderError, STATE_MESSAGE, toOidcError } from './oidc-errors.js';
import {
  resolveOidcSettings,
  type OidcSettings,
  type ResolvedOidcSettings,
} from './oidc-settings.js';
import { RefreshCoordinator, type TokenMessage } from './refresh-lock.js';

export { DspOidcError, DspOidcProviderError, type DspOidcErrorKind } from './oidc-errors.js';
export type { OidcClaimNames, OidcSettings, OidcStorage } from './oidc-settings.js';

/** The signed-in user, read from the claims named in `settings.claims`. */
export interface OidcUser {
  /** The provider's subject identifier. */
  sub: string;
  name: string | undefined;
  role: 'patient' | 'professional' | undefined;
  /** The professional's DSP profession code (e.g. `medecin-generaliste`). */
  profession: string | undefined;
  /** The identifiers of `settings.claims.ids`, by their key. */
  ids: Readonly<Record<string, string>>;
  /** Every claim the provider gave, for anything else. */
  claims: Readonly<Record<string, unknown>>;
  /** When the access token expires (seconds since 1970), if the provider said. */
  expiresAt: number | undefined;
}

export interface SignInOptions {
  /** `redirect` (default) leaves the page; `popup` keeps it and resolves with the user. */
  mode?: 'redirect' | 'popup';
  /** Overrides `settings.popupFallbackToRedirect` for this call. */
  fallbackToRedirect?: boolean;
}

export interface SignOutOptions {
  /** End the session at the provider too (redirects there). Default true. */
  endSession?: boolean;
}

export interface OidcTokenProvider extends TokenProvider, EventTarget {
  /** The signed-in user, or null. Set once `ready` resolves. */
  readonly user: OidcUser | null;
  /** Resolves when stored tokens (with `storage: 'session'`) are loaded. */
  readonly ready: Promise<void>;
  /** Popup: resolves with the user. Redirect: leaves the page (resolves with null if it stays). */
  signIn(options?: SignInOptions): Promise<OidcUser | null>;
  /**
   * On the redirect page: completes the sign-in from the URL's `code`/`state` (or `error`), and
   * removes them from the address bar. Null when the URL is no sign-in answer, or in the popup.
   */
  handleCallback(url?: string): Promise<OidcUser | null>;
  /**
   * The access token, refreshed first when it expires within `refreshMarginSeconds`, or when
   * `forceRefresh` says the current one is no good. Null when nobody is signed in.
   */
  getAccessToken(options?: { forceRefresh?: boolean }): Promise<string | null>;
  /** Revokes the tokens, forgets them, deletes the kit's IndexedDB caches, ends the session. */
  signOut(options?: SignOutOptions): Promise<void>;
  /** Stops listening to the other tabs. */
  close(): void;
}

/** `user-changed` (detail: `OidcUser | null`) and `session-expired` (detail: `DspOidcError`). */
export interface OidcTokenProviderEventMap {
  'user-changed': CustomEvent<OidcUser | null>;
  'session-expired': CustomEvent<DspOidcError>;
}

const CALLBACK_PARAMS = [
  'code',
  'state',
  'session_state',
  'iss',
  'error',
  'error_description',
  'error_uri',
];

/** Marks the sign-in popup's message to the page that opened it. */
const POPUP_MESSAGE = 'dsp-kit:oidc-popup';
const USER_KEY = 'user';
const SIGNED_OUT = 'Signed out (in this or another tab): sign in again';

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

function claim(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A popup of 600 × 640 px centred on the page's window. */
function popupFeatures(): string {
  const left = Math.max(0, Math.round(screenX + (outerWidth - 600) / 2));
  const top = Math.max(0, Math.round(screenY + (outerHeight - 640) / 2));
  return `width=600,height=640,left=${left},top=${top},location=no,toolbar=no`;
}

/**
 * The provider's answer, as the sign-in popup hands it back: the callback URL of this very
 * sign-in (its `state`), posted by the popup from this page's origin. Rejects when the user
 * closes the popup first.
 */
function popupAnswer(popup: Window, state: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<{ source?: unknown; url?: unknown } | null>) => {
      const url = event.data?.url;
      if (
        event.origin !== location.origin ||
        event.source !== popup ||
        event.data?.source !== POPUP_MESSAGE ||
        typeof url !== 'string' ||
        new URL(url).searchParams.get('state') !== state
      ) {
        return;
      }
      stop();
      resolve(url);
    };
    const poll = setInterval(() => {
      if (!popup.closed) return;
      clearInterval(poll);
      // An answer posted just before the popup closed may still be on its way: wait a moment.
      setTimeout(() => {
        stop();
        reject(new DspOidcError('popup-closed', 'The sign-in popup was closed before signing in'));
      }, 300);
    }, 500);
    const stop = () => {
      clearInterval(poll);
      removeEventListener('message', onMessage);
    };
    addEventListener('message', onMessage);
  });
}

class OidcTokenProviderImpl extends EventTarget implements OidcTokenProvider {
  readonly ready: Promise<void>;
  readonly #settings: ResolvedOidcSettings;
  readonly #client: OidcClient;
  readonly #userStore: WebStorageStateStore;
  readonly #stateStore: WebStorageStateStore;
  readonly #coordinator: RefreshCoordinator;
  #user: OidcUser | null = null;
  #refreshing: Promise<User> | undefined;

  constructor(settings: ResolvedOidcSettings) {
    super();
    this.#settings = settings;
    const prefix = `dsp-kit:${settings.namespace}:`;
    // Tokens: in this page's memory unless the host asked for sessionStorage; never localStorage.
    this.#userStore = new WebStorageStateStore({
      store: settings.storage === 'session' ? sessionStorage : new InMemoryWebStorage(),
      prefix: `${prefix}user:`,
    });
    // The sign-in state (PKCE verifier, nonce: no token) must survive the redirect: sessionStorage.
    this.#stateStore = new WebStorageStateStore({
      store: sessionStorage,
      prefix: `${prefix}state:`,
    });
    this.#client = new OidcClient({
      authority: settings.authority,
      client_id: settings.clientId,
      redirect_uri: settings.redirectUri,
      post_logout_redirect_uri: settings.postLogoutRedirectUri ?? location.origin + '/',
      scope: settings.scope,
      stateStore: this.#stateStore,
      loadUserInfo: true,
      extraQueryParams: settings.extraQueryParams,
      // A provider that never answers fails the request (kind `network`) rather than hang it.
      requestTimeoutInSeconds: 10,
    });
    this.#coordinator = new RefreshCoordinator(settings.namespace, (message) =>
      this.#onMessage(message),
    );
    this.ready = this.#load().then(
      (user) => this.#setUser(user),
      () => undefined,
    );
  }

  get user(): OidcUser | null {
    return this.#user;
  }

  async signIn(options: SignInOptions = {}): Promise<OidcUser | null> {
    const { mode = 'redirect' } = options;
    const fallback = options.fallbackToRedirect ?? this.#settings.popupFallbackToRedirect;
    if (!['redirect', 'popup'].includes(mode)) {
      throw new TypeError(
        `signIn: \`mode\` must be "redirect" or "popup", got ${JSON.stringify(mode)}`,
      );
    }
    // The popup opens before anything is awaited: some browsers (Safari) allow it only while the
    // user's click is being handled, the others only shortly after it.
    const popup = mode === 'popup' ? open('', '_blank', popupFeatures()) : undefined;
    try {
      await this.ready;
      await this.#metadata();
    } catch (error) {
      popup?.close();
      throw error;
    }
    if (popup !== undefined) {
      try {
        if (!popup)
          throw new DspOidcError('popup-blocked', 'The browser blocked the sign-in popup');
        return await this.#signInPopup(popup);
      } catch (error) {
        const failure = toOidcError(error, 'sign-in');
        if (failure.kind !== 'popup-blocked' || !fallback) throw failure;
      }
    }
    try {
      const request = await this.#client.createSigninRequest({ request_type: 'si:r' });
      location.assign(request.url);
    } catch (error) {
      throw toOidcError(error, 'sign-in');
    }
    return null;
  }

  async #signInPopup(popup: Window): Promise<OidcUser | null> {
    let answer: string;
    try {
      const request = await this.#client.createSigninRequest({
        request_type: 'si:p',
        redirect_uri: this.#settings.popupRedirectUri,
        display: 'popup',
      });
      popup.location.replace(request.url);
      answer = await popupAnswer(popup, request.state.id);
    } finally {
      // Its job done (or the sign-in failed): the popup closes before the answer is checked.
      popup.close();
    }
    return this.#complete(answer);
  }

  async handleCallback(url: string = location.href): Promise<OidcUser | null> {
    await this.ready;
    const parsed = new URL(url);
    const params = parsed.searchParams;
    const state = params.get('state');
    const error = params.get('error');
    if (!state && !error && !params.has('code')) return null;
    try {
      if (!state) {
        throw error
          ? new DspOidcProviderError(error, params.get('error_description') ?? undefined)
          : new DspOidcError('state', STATE_MESSAGE);
      }
      if ((await this.#stateStore.get(state)) === null) {
        // Not started in this window: in the sign-in popup the opener holds the state and checks
        // the answer; anywhere else it is an unknown (forged, replayed or stale) answer.
        const opener = (globalThis as { opener?: Window | null }).opener;
        if (
          opener &&
          opener !== (globalThis as unknown) &&
          params.has('code') !== params.has('error')
        ) {
          opener.postMessage({ source: POPUP_MESSAGE, url }, location.origin);
          return null;
        }
        throw new DspOidcError('state', STATE_MESSAGE);
      }
      if (!params.has('code') && !error) {
        // Back from the provider's sign-out.
        await this.#client.processSignoutResponse(url);
        return null;
      }
      return await this.#complete(url);
    } catch (failure) {
      throw toOidcError(failure, 'callback');
    } finally {
      if (url === location.href) {
        for (const name of CALLBACK_PARAMS) parsed.searchParams.delete(name);
        history.replaceState(history.state, '', parsed.href);
      }
    }
  }

  async getAccessToken(options: { forceRefresh?: boolean } = {}): Promise<string | null> {
    await this.ready;
    const user = await this.#load();
    if (!user) return null;
    if (!options.forceRefresh && !this.#expiring(user)) return user.access_token;
    return (await this.#refresh(user.access_token)).access_token;
  }

  async signOut(options: SignOutOptions = {}): Promise<void> {
    await this.ready;
    const user = await this.#load();
    // Signed out here and in the other tabs first, whatever the provider then does (or not).
    await this.#forget(user);
    // Unreachable provider: signed out locally all the same.
    const metadata = await this.#client.metadataService.getMetadata().catch(() => undefined);
    await this.#revoke(user);
    await DspCache.clearAll();
    if (options.endSession !== false && metadata?.end_session_endpoint) {
      // The user is forgotten already: name the session to end explicitly.
      const request = await this.#client.createSignoutRequest({
        request_type: 'so:r',
        id_token_hint: user?.id_token,
      });
      location.assign(request.url);
    }
  }

  close(): void {
    this.#coordinator.close();
  }

  /** Loads the discovery document and checks that the provider is the one configured. */
  async #metadata(): Promise<Partial<OidcMetadata>> {
    const { authority } = this.#settings;
    let metadata: Partial<OidcMetadata>;
    try {
      metadata = await this.#client.metadataService.getMetadata();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DspOidcError(
        'misconfigured',
        `No OpenID provider answers at ${authority} (${reason}): check the \`authority\` setting`,
        { cause: error },
      );
    }
    if (
      typeof metadata.issuer !== 'string' ||
      trimSlash(metadata.issuer) !== trimSlash(authority)
    ) {
      throw new DspOidcError(
        'misconfigured',
        `The provider at ${authority} says its issuer is "${String(metadata.issuer)}": the \`authority\` setting must be the issuer`,
      );
    }
    return metadata;
  }

  /** Checks the provider's answer (issuer, state, PKCE, tokens, user info), signs its user in. */
  async #complete(url: string): Promise<OidcUser | null> {
    // RFC 9207: the answer names the provider that gave it. Another provider's answer (a mix-up
    // attack: its code would go to this provider's token endpoint) is refused.
    const metadata = await this.#metadata();
    const iss = new URL(url).searchParams.get('iss');
    if (
      iss === null
        ? (metadata as { authorization_response_iss_parameter_supported?: boolean })
            .authorization_response_iss_parameter_supported === true
        : iss !== metadata.issuer
    ) {
      throw new DspOidcError(
        'state',
        `This sign-in answer is not from the identity provider at ${this.#settings.authority} (iss ${JSON.stringify(iss)}): start the sign-in again`,
      );
    }
    const user = new User(await this.#client.processSigninResponse(url));
    await this.#store(user);
    this.#setUser(user);
    return this.#user;
  }

  #expiring(user: User): boolean {
    const left = user.expires_in;
    return left !== undefined && left <= this.#settings.refreshMarginSeconds;
  }

  /** One refresh per page at a time; across tabs, the coordinator's lock. */
  #refresh(stale: string): Promise<User> {
    this.#refreshing ??= this.#coordinator
      .run(() => this.#refreshHoldingLock(stale))
      .finally(() => {
        this.#refreshing = undefined;
      });
    return this.#refreshing;
  }

  async #refreshHoldingLock(stale: string): Promise<User> {
    const current = await this.#load();
    if (!current) throw new DspOidcError('session-expired', SIGNED_OUT);
    // Another tab refreshed while this one waited and shared its tokens: use them.
    if (current.access_token !== stale && !this.#expiring(current)) return current;
    const { refresh_token, id_token, session_state, scope, profile } = current;
    if (!refresh_token) return this.#expire(current, undefined);
    let user: User;
    try {
      // As oidc-client-ts's own UserManager does it (3.5): its RefreshState is a plain record of
      // the user's tokens (the class is not exported), and the new User takes the response's
      // fields over them.
      const state = { refresh_token, id_token, session_state, scope, profile };
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      const response = await this.#client.useRefreshToken({ state, timeoutInSeconds: 10 });
      // eslint-disable-next-line @typescript-eslint/no-misused-spread
      user = new User({ ...state, ...response });
    } catch (error) {
      const failure = toOidcError(error, 'refresh');
      if (failure.kind === 'session-expired') return this.#expire(current, failure);
      throw failure;
    }
    // Signed in anew while the provider answered: that sign-in stands. Signed out (here or in
    // another tab): the new tokens are nobody's; kept, they would sign the user back in.
    const now = await this.#load();
    if (now?.refresh_token !== refresh_token) {
      if (now) return now;
      await this.#revoke(user);
      throw new DspOidcError('session-expired', SIGNED_OUT);
    }
    await this.#store(user);
    this.#coordinator.publish({
      type: 'refreshed',
      sub: user.profile.sub,
      user: user.toStorageString(),
    });
    this.#setUser(user);
    return user;
  }

  async #expire(user: User, cause: DspOidcError | undefined): Promise<never> {
    const failure =
      cause ??
      new DspOidcError(
        'session-expired',
        'The session has expired and cannot be renewed: sign in again',
      );
    await this.#forget(user);
    this.dispatchEvent(new CustomEvent('session-expired', { detail: failure }));
    throw failure;
  }

  /** Revokes the user's tokens, refresh token first; a failure is ignored (the tokens expire). */
  async #revoke(user: User | null): Promise<void> {
    // Without a revocation endpoint revokeToken throws at once.
    for (const type of ['refresh_token', 'access_token'] as const) {
      const token = user?.[type];
      if (token) await this.#client.revokeToken(token, type).catch(() => 0);
    }
  }

  /** The stored user (memory or sessionStorage: this instance's one entry), or null. */
  async #load(): Promise<User | null> {
    const stored = await this.#userStore.get(USER_KEY);
    if (!stored) return null;
    try {
      return User.fromStorageString(stored);
    } catch {
      // An entry that is no stored user (altered by hand, another version): nobody is signed in.
      await this.#userStore.remove(USER_KEY);
      return null;
    }
  }

  async #store(user: User | null): Promise<void> {
    await (user
      ? this.#userStore.set(USER_KEY, user.toStorageString())
      : this.#userStore.remove(USER_KEY));
  }

  /** Forgets every token of this instance, here and in the other tabs. */
  async #forget(user: User | null): Promise<void> {
    await this.#store(null);
    if (user) this.#coordinator.publish({ type: 'signed-out', sub: user.profile.sub });
    this.#setUser(null);
  }

  async #onMessage(message: TokenMessage): Promise<void> {
    const current = await this.#load();
    // Only the same user's session is followed: a tab signed in as someone else keeps its own.
    if (current?.profile.sub !== message.sub) return;
    const user = message.type === 'refreshed' ? User.fromStorageString(message.user) : null;
    await this.#store(user);
    this.#setUser(user);
  }

  #setUser(user: User | null): void {
    const next = user ? this.#read(user) : null;
    const previous = this.#user;
    this.#user = next;
    const same =
      previous?.sub === next?.sub &&
      JSON.stringify(previous?.claims) === JSON.stringify(next?.claims);
    if (!same) this.dispatchEvent(new CustomEvent('user-changed', { detail: next }));
  }

  #read(user: User): OidcUser {
    const claims = user.profile as Record<string, unknown>;
    const names = this.#settings.claims;
    const role = claim(claims, names.role);
    const ids: Record<string, string> = {};
    for (const [key, name] of Object.entries(names.ids)) {
      const value = claim(claims, name);
      if (value !== undefined) ids[key] = value;
    }
    return {
      sub: user.profile.sub,
      name: claim(claims, names.name),
      role: role === 'patient' || role === 'professional' ? role : undefined,
      profession: claim(claims, names.profession),
      ids,
      claims,
      expiresAt: user.expires_at,
    };
  }
}

/**
 * A `TokenProvider` that signs the user in with the provider at `settings.authority`. Bad
 * settings throw a `TypeError` naming the setting; everything after throws `DspOidcError`s.
 */
export function createOidcTokenProvider(settings: OidcSettings): OidcTokenProvider {
  return new OidcTokenProviderImpl(resolveOidcSettings(settings));
}
