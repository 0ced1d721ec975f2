// The test page the auth e2e test drives: an OIDC token provider on a real provider, exposed on
// `window.dspTest` for `page.evaluate`; the same page is the sign-in and sign-out return address.
import { answerTokenRequests, postMessageTokenProvider, staticTokenProvider } from '@dsp-kit/auth';
import {
  DspOidcError,
  DspOidcProviderError,
  createOidcTokenProvider,
  type OidcSettings,
  type OidcTokenProvider,
  type OidcUser,
} from '@dsp-kit/auth/oidc';
import { DspClient } from '@dsp-kit/fhir';
import { DspCache } from '@dsp-kit/fhir/cache';

interface TestConfig {
  authority: string;
  clientId: string;
  otherOrigin: string;
}

export interface Outcome<T> {
  value?: T;
  error?: {
    kind: string;
    name: string;
    message: string;
    error?: string;
    errorDescription?: string;
  };
}

const config = (globalThis as unknown as { TEST_CONFIG: TestConfig }).TEST_CONFIG;
const app = new URL('/app.html', location.origin).href;

function settings(overrides: Partial<OidcSettings> = {}): OidcSettings {
  return {
    authority: config.authority,
    clientId: config.clientId,
    redirectUri: app,
    postLogoutRedirectUri: `${app}?signed-out`,
    storage: (sessionStorage.getItem('test:storage') as 'memory' | 'session' | null) ?? 'memory',
    refreshMarginSeconds: 5,
    ...overrides,
  };
}

async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { value: await run() };
  } catch (error) {
    if (error instanceof DspOidcProviderError) {
      return {
        error: {
          kind: error.kind,
          name: error.name,
          message: error.message,
          error: error.error,
          ...(error.errorDescription ? { errorDescription: error.errorDescription } : {}),
        },
      };
    }
    if (error instanceof DspOidcError)
      return { error: { kind: error.kind, name: error.name, message: error.message } };
    const e = error instanceof Error ? error : new Error(String(error));
    return { error: { kind: 'exception', name: e.name, message: e.message } };
  }
}

let provider: OidcTokenProvider = createOidcTokenProvider(settings());
const events: string[] = [];
function listen(target: OidcTokenProvider): void {
  target.addEventListener('user-changed', (event) => {
    events.push(`user-changed:${(event as CustomEvent<OidcUser | null>).detail?.sub ?? 'null'}`);
  });
  target.addEventListener('session-expired', () => events.push('session-expired'));
}
listen(provider);

const callback = outcome(() => provider.handleCallback());
// Started by the page itself, not by a click: the browser's popup blocker may refuse the popup.
const auto = new URLSearchParams(location.search).get('auto-sign-in');
const autoSignIn: Promise<Outcome<unknown>> | undefined =
  auto === 'popup' || auto === 'popup-or-redirect'
    ? outcome(() =>
        provider.signIn({ mode: 'popup', fallbackToRedirect: auto === 'popup-or-redirect' }),
      )
    : undefined;

// `?strict-popups`: a browser that allows a popup only while the user's click is being handled,
// as Safari's blocker does (Chromium's allows one for a few seconds after the click).
if (new URLSearchParams(location.search).has('strict-popups')) {
  let clicking = false;
  // First and last to hear each click: true exactly while a click is being dispatched.
  addEventListener('click', () => (clicking = true), { capture: true });
  addEventListener('click', () => (clicking = false));
  const allowed = window.open.bind(window);
  window.open = (...args) => (clicking ? allowed(...args) : null);
}
/** The host's sign-in button: a click starts a popup sign-in. */
let clicked: Promise<Outcome<unknown>> | undefined;
const button = document.createElement('button');
button.id = 'popup-sign-in';
button.textContent = 'Sign in';
button.addEventListener('click', () => {
  clicked = outcome(() => provider.signIn({ mode: 'popup' }));
});
document.body.append(button);

const api = {
  /** The sign-in the button's last click started. */
  clicked: () => clicked,
  callback: () => callback,
  events: () => events,
  setStorage: (storage: 'memory' | 'session') => sessionStorage.setItem('test:storage', storage),
  /** A fresh provider with other settings (e.g. a wrong authority). */
  recreate: (overrides: Partial<OidcSettings>) => {
    provider.close();
    provider = createOidcTokenProvider(settings(overrides));
    listen(provider);
  },
  construct: (raw: unknown) =>
    outcome(() => Promise.resolve(void createOidcTokenProvider(raw as OidcSettings))),
  signIn: (mode: 'redirect' | 'popup', fallbackToRedirect?: boolean) =>
    outcome(() =>
      provider.signIn({
        mode,
        ...(fallbackToRedirect === undefined ? {} : { fallbackToRedirect }),
      }),
    ),
  /** The sign-in `?auto-sign-in=popup|popup-or-redirect` started at load, with no user gesture. */
  autoSignIn: () => autoSignIn,
  user: async () => {
    await provider.ready;
    return provider.user;
  },
  token: (forceRefresh = false) => outcome(() => provider.getAccessToken({ forceRefresh })),
  /** A DspClient search carrying the provider's token, to the test server's echo endpoint. */
  search: () =>
    outcome(async () => {
      const client = new DspClient({
        baseUrl: new URL('/fhir', location.origin).href,
        tokens: provider,
      });
      const page = await client.searchDocuments({ patient: 'marie-schmit' });
      return page.entries.length;
    }),
  openCache: () =>
    outcome(async () => {
      const cache = await DspCache.open({
        server: 'http://127.0.0.1/fhir',
        user: provider.user?.sub ?? 'x',
      });
      await cache.put('http://127.0.0.1/fhir/Patient/x', { resourceType: 'Patient' });
      return cache.name;
    }),
  databases: async () => (await indexedDB.databases()).map((d) => d.name ?? ''),
  signOut: (endSession = true) => outcome(() => provider.signOut({ endSession })),
  storage: () => Object.entries(sessionStorage).map(([key, value]) => `${key}=${value}`),
  /** The iframe handoff: this page answers the other origin's frame with a fixed token. */
  embed: (token: string) =>
    new Promise<string>((resolve) => {
      answerTokenRequests({
        childOrigins: [config.otherOrigin],
        tokens: staticTokenProvider(token),
      });
      addEventListener('message', (event: MessageEvent<{ frameResult?: string }>) => {
        if (event.origin === config.otherOrigin && typeof event.data.frameResult === 'string') {
          resolve(event.data.frameResult);
        }
      });
      const frame = document.createElement('iframe');
      frame.src = `${config.otherOrigin}/frame.html?parent=${encodeURIComponent(location.origin)}`;
      document.body.append(frame);
    }),
};

/** In the iframe (other origin): ask the parent, report the outcome to it. */
async function frame(): Promise<void> {
  const parentOrigin = new URLSearchParams(location.search).get('parent') ?? '';
  const asked = await outcome(() =>
    postMessageTokenProvider({ parentOrigin, timeoutMs: 3000 }).getAccessToken(),
  );
  // A provider that trusts another parent origin: the real parent's answer must be ignored.
  const wrong = await outcome(() =>
    postMessageTokenProvider({
      parentOrigin: 'http://127.0.0.1:9',
      timeoutMs: 300,
    }).getAccessToken(),
  );
  parent.postMessage({ frameResult: JSON.stringify({ asked, wrong }) }, parentOrigin);
}

Object.assign(globalThis, { dspTest: api });
if (location.pathname === '/frame.html') void frame();
