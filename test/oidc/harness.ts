// What the auth e2e tests share: the test page's site on 127.0.0.1 (the page, a FHIR search that
// checks its token at the provider, a wrong issuer), a real provider, and helpers to drive them.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startOidcProvider, type RunningOidcProvider } from './provider.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface Site {
  origin: string;
  close(): Promise<void>;
}

/** An HTTP server on a free port of 127.0.0.1. */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Site> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface AuthHarness {
  oidc: RunningOidcProvider;
  /** The test page's origin (`/app.html`, also the sign-in and sign-out return page). */
  site: Site;
  /** Another origin serving the same page (`/frame.html` for the iframe handoff). */
  other: Site;
  /** The Authorization header of every FHIR search the page sent. */
  authorizations: string[];
  close(): Promise<void>;
}

/** Bundles test/oidc/page.ts, starts both sites and the provider. */
export async function startAuthHarness(): Promise<AuthHarness> {
  const bundle = await build({
    entryPoints: [`${root}/test/oidc/page.ts`],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['source', 'browser'],
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const authorizations: string[] = [];
  const config = { authority: '', clientId: '', otherOrigin: '' };
  let issuer = '';

  function handler(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/page.js') {
      response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(script);
    } else if (url.pathname === '/app.html' || url.pathname === '/frame.html') {
      response
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(
          `<!doctype html><meta charset="utf-8"><title>auth test</title><script>TEST_CONFIG=${JSON.stringify(config)}</script><script type="module" src="/page.js"></script><body></body>`,
        );
    } else if (url.pathname === '/fhir/DocumentReference') {
      const authorization = request.headers.authorization ?? '';
      authorizations.push(authorization);
      // The token is checked where it was issued: the provider's userinfo endpoint.
      void fetch(`${issuer}/me`, { headers: { Authorization: authorization } }).then((userinfo) => {
        response
          .writeHead(userinfo.ok ? 200 : 401, { 'Content-Type': 'application/fhir+json' })
          .end(
            JSON.stringify(
              userinfo.ok ? { resourceType: 'Bundle', type: 'searchset', entry: [] } : {},
            ),
          );
      });
    } else if (url.pathname === '/wrong-issuer/.well-known/openid-configuration') {
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(
        JSON.stringify({
          issuer: 'https://idp.example',
          authorization_endpoint: `${issuer}/auth`,
        }),
      );
    } else {
      response.writeHead(404).end();
    }
  }

  const site = await listen(handler);
  const other = await listen(handler);
  const oidc = await startOidcProvider({
    redirectUris: [`${site.origin}/app.html`],
    postLogoutRedirectUris: [`${site.origin}/app.html?signed-out`],
  });
  issuer = oidc.issuer;
  Object.assign(config, {
    authority: oidc.issuer,
    clientId: oidc.clientId,
    otherOrigin: other.origin,
  });
  return {
    oidc,
    site,
    other,
    authorizations,
    close: async () => {
      await Promise.all([site.close(), other.close(), oidc.close()]);
    },
  };
}

/** A browser context that reaches nothing but this machine. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  // The provider's dev pages @import web fonts that cannot load here.
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return context;
}

type DspTest = Record<string, (...args: never[]) => unknown>;

/** Calls `window.dspTest[name](...args)` in the page (see test/oidc/page.ts). */
export function call<T>(page: Page, name: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([fn, rest]) => (window as unknown as { dspTest: DspTest }).dspTest[fn]!(...(rest as never[])),
    [name, args] as const,
  ) as Promise<T>;
}

/** Opens the test page (`query` e.g. `?auto-sign-in=popup`) and waits for its API. */
export async function open(context: BrowserContext, origin: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}/app.html${query}`);
  await page.waitForFunction(() => 'dspTest' in window);
  return page;
}

/** Fills the provider's login page as `user` (any password), then consents or cancels. */
export async function login(
  page: Page,
  issuer: string,
  user: string,
  consent: 'yes' | 'no' = 'yes',
): Promise<void> {
  await page.waitForURL(`${issuer}/interaction/**`);
  await page.fill('input[name=login]', user);
  await page.fill('input[name=password]', 'any');
  await page.click('button[type=submit]');
  await page.waitForSelector('button[type=submit]:has-text("Continue")');
  if (consent === 'yes') await page.click('button[type=submit]:has-text("Continue")');
  else await page.click('a:has-text("Cancel")');
}
