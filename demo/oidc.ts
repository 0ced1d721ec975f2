// `npm run start:oidc`: the sandbox's user signs in at a local OpenID provider whose accounts are
// the mock's users. The login proves who the user is; the in-page mock then gets that user's id.
// Loaded only in that mode, so the published sandbox carries no OIDC code.
import { callbackTokenProvider } from '@dsp-kit/auth';
import { createOidcTokenProvider } from '@dsp-kit/auth/oidc';
import { DspClient } from '@dsp-kit/fhir';
import { mockToken } from '@dsp-kit/mock';
import type { HostMessages } from './host.messages.js';

/** The sandbox's query, kept across the round trip to the provider (which drops it). */
const RETURN_QUERY = 'dsp-kit-sandbox:oidc-return-query';

export interface OidcSandbox {
  /** The controls' box (shown), its name line and buttons. */
  readonly box: HTMLElement;
  readonly name: HTMLElement;
  readonly signInButton: HTMLButtonElement;
  readonly signOutButton: HTMLButtonElement;
  messages(): HostMessages;
  /** Shows an error of the sign-in. */
  problem(text: string): void;
  /** The sandbox's query is back in the address after the round trip: read it again. */
  addressRestored(): void;
  /** The signed-in user changed (null: signed out) with the client to use for them. */
  signedIn(user: string | null, client: DspClient): void;
}

export async function signInWithOidc(
  authority: string,
  clientId: string,
  baseUrl: string,
  host: OidcSandbox,
): Promise<void> {
  const here = new URL('./', document.baseURI).href;
  const oidc = createOidcTokenProvider({
    authority,
    clientId,
    redirectUri: here,
    postLogoutRedirectUri: here,
  });
  host.box.hidden = false;
  try {
    await oidc.handleCallback();
  } catch (error) {
    host.problem(error instanceof Error ? error.message : String(error));
  }
  const saved = sessionStorage.getItem(RETURN_QUERY);
  if (saved !== null) {
    sessionStorage.removeItem(RETURN_QUERY);
    if (location.search === '' && saved !== '') {
      history.replaceState(history.state, '', saved);
      host.addressRestored();
    }
  }
  const client = new DspClient({
    baseUrl,
    tokens: callbackTokenProvider(async () => {
      await oidc.getAccessToken(); // keeps the OIDC session fresh
      return oidc.user ? mockToken(oidc.user.sub) : null;
    }),
  });
  const showUser = () => {
    const m = host.messages();
    const user = oidc.user;
    host.name.textContent = user ? m.oidcSignedIn(user.name ?? user.sub) : m.oidcSignedOut;
    host.signInButton.hidden = user !== null;
    host.signOutButton.hidden = user === null;
    host.signedIn(user?.sub ?? null, client);
  };
  oidc.addEventListener('user-changed', showUser);
  oidc.addEventListener('session-expired', showUser);
  host.signInButton.addEventListener('click', () => {
    sessionStorage.setItem(RETURN_QUERY, location.search);
    void oidc.signIn({ mode: 'redirect' });
  });
  host.signOutButton.addEventListener('click', () => {
    sessionStorage.setItem(RETURN_QUERY, location.search);
    void oidc.signOut();
  });
  showUser();
}
