// @dsp-kit/auth/oidc against a real OpenID provider (oidc-provider on 127.0.0.1) in Chromium:
// login, token on a DspClient request, forced refresh, one refresh for two tabs, sign-out, errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import {
  call,
  login,
  newContext as contextOf,
  open as openPage,
  startAuthHarness,
  type AuthHarness,
} from '../oidc/harness.js';
import type { Outcome } from '../oidc/page.js';
import type { RunningOidcProvider } from '../oidc/provider.js';

describe('OIDC sign-in against a real provider', () => {
  let harness: AuthHarness;
  let oidc: RunningOidcProvider;
  let site: AuthHarness['site'];
  let authorizations: string[];
  let browser: Browser;

  before(async () => {
    harness = await startAuthHarness();
    ({ oidc, site, authorizations } = harness);
    browser = await chromium.launch({ executablePath: requireChrome(), args: CHROME_ARGS });
  });

  after(async () => {
    await browser.close();
    await harness.close();
  });

  const newContext = (): Promise<BrowserContext> => contextOf(browser);
  const open = (context: BrowserContext, query = ''): Promise<Page> =>
    openPage(context, site.origin, query);

  /** Signs in by redirect through the provider's login and consent pages. */
  async function signIn(
    page: Page,
    user: string,
    consent: 'yes' | 'no' = 'yes',
  ): Promise<Outcome<unknown>> {
    call(page, 'signIn', 'redirect').catch(() => undefined); // the page navigates away
    await login(page, oidc.issuer, user, consent);
    await page.waitForURL(`${site.origin}/app.html**`);
    await page.waitForFunction(() => 'dspTest' in window);
    return call(page, 'callback');
  }

  it('signs in, sends the token, refreshes it on demand and signs out completely', async () => {
    const context = await newContext();
    const page = await open(context);
    const callback = await signIn(page, 'paul-weber');
    assert.equal(callback.error, undefined, JSON.stringify(callback.error));
    assert.equal(new URL(page.url()).search, '', 'the code and state are removed from the address');
    assert.deepEqual(await call(page, 'user'), {
      sub: 'paul-weber',
      name: 'Dr Paul Weber',
      role: 'professional',
      profession: 'medecin-generaliste',
      ids: { sub: 'paul-weber' },
      claims: (await call<{ claims: unknown }>(page, 'user')).claims,
      expiresAt: (await call<{ expiresAt: number }>(page, 'user')).expiresAt,
    });
    assert.deepEqual(await call(page, 'events'), ['user-changed:paul-weber']);

    const first = await call<Outcome<string>>(page, 'token');
    assert.ok(first.value);
    assert.deepEqual(await call(page, 'search'), { value: 0 });
    assert.equal(authorizations.at(-1), `Bearer ${first.value}`);

    const refreshesBefore = oidc.counts.refreshes;
    const second = await call<Outcome<string>>(page, 'token', true);
    assert.ok(second.value && second.value !== first.value, 'a new access token');
    assert.equal(oidc.counts.refreshes, refreshesBefore + 1);
    assert.deepEqual(await call(page, 'search'), { value: 0 });
    assert.equal(authorizations.at(-1), `Bearer ${second.value}`);
    assert.deepEqual(await call(page, 'token'), { value: second.value }, 'no refresh while fresh');
    assert.equal(oidc.counts.refreshes, refreshesBefore + 1);

    const cache = await call<Outcome<string>>(page, 'openCache');
    assert.ok((await call<string[]>(page, 'databases')).includes(cache.value!));

    const revocations = oidc.counts.revocations;
    const endSessions = oidc.counts.endSessions;
    call(page, 'signOut').catch(() => undefined); // the page navigates away
    await page.waitForURL(`${oidc.issuer}/session/end**`);
    const endSession = new URL(page.url()).searchParams;
    assert.ok(endSession.get('id_token_hint'), 'the session to end is named');
    assert.equal(endSession.get('post_logout_redirect_uri'), `${site.origin}/app.html?signed-out`);
    await page.click('button[name=logout][value=yes]');
    await page.waitForURL(`${site.origin}/app.html?signed-out**`);
    await page.waitForFunction(() => 'dspTest' in window);
    assert.ok(oidc.counts.revocations > revocations, 'tokens revoked at the provider');
    assert.equal(oidc.counts.endSessions, endSessions + 1, 'provider session ended');
    assert.deepEqual(await call(page, 'token'), { value: null });
    const databases = await call<string[]>(page, 'databases');
    assert.deepEqual(
      databases.filter((name) => name.startsWith('dsp-kit')),
      [],
    );
    const stored = await call<string[]>(page, 'storage');
    assert.ok(
      !stored.some((entry) => /access_token|refresh_token|id_token/.test(entry)),
      stored.join('\n'),
    );
    // The revoked tokens no longer open anything.
    const userinfo = await fetch(`${oidc.issuer}/me`, {
      headers: { Authorization: `Bearer ${second.value}` },
    });
    assert.equal(userinfo.status, 401);
    await context.close();
  });

  it('takes a stored user it cannot read for nobody signed in, and forgets it', async () => {
    const context = await newContext();
    const page = await open(context);
    await call(page, 'setStorage', 'session');
    await page.reload();
    await page.waitForFunction(() => 'dspTest' in window);
    const callback = await signIn(page, 'marie-schmit');
    assert.equal(callback.error, undefined, JSON.stringify(callback.error));
    const userEntry = (entries: string[]) => entries.find((entry) => entry.includes(':user:user='));
    assert.ok(userEntry(await call<string[]>(page, 'storage')), 'the user is in sessionStorage');
    await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((name) => name.endsWith(':user:user'))!;
      sessionStorage.setItem(key, '{"access_token": "tok'); // cut short
    });
    await page.reload();
    await page.waitForFunction(() => 'dspTest' in window);
    assert.deepEqual(await call(page, 'token'), { value: null });
    assert.equal(await call(page, 'user'), null);
    assert.equal(userEntry(await call<string[]>(page, 'storage')), undefined, 'and it is gone');
    await context.close();
  });

  it('two tabs asking at the moment of refresh make one refresh request', async () => {
    const context = await newContext();
    const first = await open(context);
    await call(first, 'setStorage', 'session');
    await first.reload();
    await first.waitForFunction(() => 'dspTest' in window);
    const callback = await signIn(first, 'marie-schmit');
    assert.equal(callback.error, undefined, JSON.stringify(callback.error));
    // A duplicated tab: the browser copies the tab's sessionStorage, refresh token included.
    const [second] = await Promise.all([
      context.waitForEvent('page'),
      first.evaluate((url) => void window.open(url), `${site.origin}/app.html`),
    ]);
    await second.waitForFunction(() => 'dspTest' in window);
    const before = await call<Outcome<string>>(second, 'token');
    assert.ok(before.value);

    const refreshes = oidc.counts.refreshes;
    const [a, b] = await Promise.all([
      call<Outcome<string>>(first, 'token', true),
      call<Outcome<string>>(second, 'token', true),
    ]);
    assert.equal(a.error, undefined, JSON.stringify(a.error));
    assert.equal(b.error, undefined, JSON.stringify(b.error));
    assert.equal(oidc.counts.refreshes, refreshes + 1, 'exactly one refresh at the provider');
    assert.equal(a.value, b.value, 'both tabs use the one new token');
    assert.notEqual(a.value, before.value);
    // And the rotated refresh token still works in either tab (it was never used twice).
    const again = await call<Outcome<string>>(second, 'token', true);
    assert.ok(again.value && again.value !== a.value, JSON.stringify(again.error));
    assert.equal(oidc.counts.refreshes, refreshes + 2);
    await context.close();
  });

  it('signs out here at once, before the provider has answered the revocation', async () => {
    const context = await newContext();
    const page = await open(context);
    const callback = await signIn(page, 'marie-schmit');
    assert.equal(callback.error, undefined, JSON.stringify(callback.error));
    let arrived!: () => void;
    const revoking = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // A provider slow to answer (or never answering) the revocation.
    await context.route(`${oidc.issuer}/token/revocation`, async (route) => {
      arrived();
      await released;
      await route.continue();
    });
    const signedOut = call<Outcome<unknown>>(page, 'signOut', false);
    await revoking;
    assert.equal(await call(page, 'user'), null, 'forgotten before the provider answered');
    assert.deepEqual(await call(page, 'token'), { value: null });
    assert.deepEqual(await call(page, 'events'), [
      'user-changed:marie-schmit',
      'user-changed:null',
    ]);
    release();
    assert.equal((await signedOut).error, undefined);
    await context.close();
  });

  it('a sign-out while a refresh is under way leaves nobody signed in', async () => {
    const context = await newContext();
    const page = await open(context);
    const callback = await signIn(page, 'lucien-wagner');
    assert.equal(callback.error, undefined, JSON.stringify(callback.error));
    let arrived!: (authorization: string) => void;
    const refreshing = new Promise<string>((resolve) => (arrived = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    // The refresh's last step (the new token's user info) is held until the sign-out is done.
    await context.route(`${oidc.issuer}/me`, async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      arrived(route.request().headers().authorization ?? '');
      await released;
      await route.fulfill({ response });
    });
    const refreshed = call<Outcome<string>>(page, 'token', true);
    const fresh = await refreshing;
    assert.equal((await call<Outcome<unknown>>(page, 'signOut', false)).error, undefined);
    release();
    const result = await refreshed;
    assert.equal(result.error?.kind, 'session-expired', JSON.stringify(result));
    assert.match(result.error.message, /Signed out/);
    assert.equal(await call(page, 'user'), null, 'the refresh did not sign the user back in');
    assert.deepEqual(await call(page, 'token'), { value: null });
    assert.deepEqual(await call(page, 'events'), [
      'user-changed:lucien-wagner',
      'user-changed:null',
    ]);
    const userinfo = await fetch(`${oidc.issuer}/me`, { headers: { Authorization: fresh } });
    assert.equal(userinfo.status, 401, 'the new access token is revoked too');
    await context.close();
  });

  it('refuses an answer that names another provider (iss), or none where the provider names itself', async () => {
    for (const iss of ['https://idp.example', null]) {
      const context = await newContext();
      const page = await open(context);
      call(page, 'signIn', 'redirect').catch(() => undefined); // the page navigates away
      await page.waitForURL(`${oidc.issuer}/interaction/**`);
      await page.fill('input[name=login]', 'paul-weber');
      await page.fill('input[name=password]', 'any');
      await page.click('button[type=submit]');
      const consent = page.locator('button[type=submit]:has-text("Continue")');
      await consent.waitFor();
      // The provider's answer (where the consent sends the browser), rewritten as in a mix-up.
      await context.route(
        `${oidc.issuer}/interaction/**`,
        async (route) => {
          const answer = new URL((await route.fetch()).url());
          if (iss === null) answer.searchParams.delete('iss');
          else answer.searchParams.set('iss', iss);
          await route.fulfill({ status: 303, headers: { location: answer.href } });
        },
        { times: 1 },
      );
      const exchanges = oidc.counts.codeExchanges;
      await consent.click();
      await page.waitForURL(`${site.origin}/app.html**`);
      await page.waitForFunction(() => 'dspTest' in window);
      const callback = await call<Outcome<unknown>>(page, 'callback');
      assert.equal(callback.error?.kind, 'state', JSON.stringify(callback));
      assert.match(
        callback.error.message,
        new RegExp(
          `not from the identity provider at .*\\(iss ${iss ? '"https://idp\\.example"' : 'null'}\\)`,
        ),
      );
      assert.equal(oidc.counts.codeExchanges, exchanges, 'the code never went to a token endpoint');
      assert.deepEqual(await call(page, 'token'), { value: null });
      await context.close();
    }
  });

  it('reports a wrong authority and a wrong issuer as misconfigured', async () => {
    const context = await newContext();
    const page = await open(context);
    await call(page, 'recreate', { authority: `${site.origin}/no-provider` });
    const unreachable = await call<Outcome<unknown>>(page, 'signIn', 'redirect');
    assert.equal(unreachable.error?.kind, 'misconfigured');
    assert.match(
      unreachable.error.message,
      /No OpenID provider answers at .*no-provider.*authority/,
    );
    await call(page, 'recreate', { authority: `${site.origin}/wrong-issuer` });
    const wrong = await call<Outcome<unknown>>(page, 'signIn', 'redirect');
    assert.equal(wrong.error?.kind, 'misconfigured');
    assert.match(wrong.error.message, /says its issuer is "https:\/\/idp\.example"/);
    await context.close();
  });

  it('reports a denied consent as a provider error', async () => {
    const context = await newContext();
    const page = await open(context);
    const callback = await signIn(page, 'marie-schmit', 'no');
    assert.equal(callback.error?.kind, 'provider');
    assert.equal(callback.error.error, 'access_denied');
    assert.match(callback.error.message, /^Sign-in was refused \(access_denied\)/);
    assert.deepEqual(await call(page, 'token'), { value: null });
    await context.close();
  });

  it('turns a forged callback into a typed error', async () => {
    const context = await newContext();
    const unknown = await open(context, '?code=abc&state=forged');
    const result = await call<Outcome<unknown>>(unknown, 'callback');
    assert.equal(result.error?.kind, 'state');
    assert.match(result.error.message, /does not match a sign-in started here/);
    const error = await open(context, '?error=server_error&error_description=Down');
    const provider = await call<Outcome<unknown>>(error, 'callback');
    assert.deepEqual(
      [provider.error?.kind, provider.error?.error, provider.error?.errorDescription],
      ['provider', 'server_error', 'Down'],
    );
    await context.close();
  });

  it('rejects bad settings at construction, naming the setting', async () => {
    const context = await newContext();
    const page = await open(context);
    const cases: [unknown, RegExp][] = [
      [{ clientId: 'c', redirectUri: `${site.origin}/app.html` }, /`authority` is required/],
      [
        { authority: 'http://idp.example', clientId: 'c', redirectUri: `${site.origin}/` },
        /`authority` must be an https URL/,
      ],
      [{ authority: oidc.issuer, redirectUri: `${site.origin}/` }, /`clientId` is required/],
      [
        { authority: oidc.issuer, clientId: 'c', redirectUri: 'app.html' },
        /`redirectUri` must be an absolute URL/,
      ],
      [
        { authority: oidc.issuer, clientId: 'c', redirectUri: `${site.origin}/`, storage: 'local' },
        /`storage` must be "memory" or "session"/,
      ],
    ];
    for (const [settings, message] of cases) {
      const result = await call<Outcome<unknown>>(page, 'construct', settings);
      assert.equal(result.error?.name, 'TypeError');
      assert.match(result.error.message, message);
    }
    await context.close();
  });

  it('hands a token to an iframe of another origin, and only from the expected parent', async () => {
    const context = await newContext();
    const page = await open(context);
    const result = JSON.parse(await call<string>(page, 'embed', 'handed-over')) as Record<
      string,
      Outcome<string>
    >;
    assert.deepEqual(result.asked, { value: 'handed-over' });
    assert.match(result.wrong?.error?.message ?? '', /did not answer the token request/);
    await context.close();
  });
});
