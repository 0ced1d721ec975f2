// @dsp-kit/auth/oidc's popup sign-in against a real OpenID provider in Chromium: it completes and
// its token opens the FHIR server; a popup the user closes, and one the browser's own popup
// blocker refuses, each give their typed error; a refused popup signs in by redirect when allowed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from 'playwright-core';
import { CHROME_ARGS, requireChrome } from '../../scripts/chrome.mjs';
import {
  call,
  login,
  newContext,
  open,
  startAuthHarness,
  type AuthHarness,
} from '../oidc/harness.js';
import type { Outcome } from '../oidc/page.js';

interface SignedIn {
  sub: string;
  name: string;
}

describe('OIDC sign-in in a popup', () => {
  let harness: AuthHarness;
  /** Chromium as Playwright starts it: popups allowed (`--disable-popup-blocking`). */
  let browser: Browser;
  /** Chromium with its popup blocker on, as users have it. */
  let blocking: Browser;

  before(async () => {
    harness = await startAuthHarness();
    const executablePath = requireChrome();
    browser = await chromium.launch({ executablePath, args: CHROME_ARGS });
    blocking = await chromium.launch({
      executablePath,
      args: CHROME_ARGS,
      ignoreDefaultArgs: ['--disable-popup-blocking'],
    });
  });

  after(async () => {
    await Promise.all([browser.close(), blocking.close()]);
    await harness.close();
  });

  it('signs in in a popup without leaving the page, and the token opens the server', async () => {
    const { oidc, site, authorizations } = harness;
    const context = await newContext(browser);
    const page = await open(context, site.origin);
    const exchanges = oidc.counts.codeExchanges;
    const [result, popup] = await Promise.all([
      // Resolves once the popup has handed the answer back.
      call<Outcome<SignedIn>>(page, 'signIn', 'popup'),
      (async () => {
        const opened = await context.waitForEvent('page');
        await login(opened, oidc.issuer, 'anne-muller');
        return opened;
      })(),
    ]);
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.equal(result.value?.sub, 'anne-muller');
    assert.equal(result.value.name, 'Dr Anne Muller');
    assert.equal(popup.isClosed(), true, 'the popup closed itself');
    assert.equal(page.url(), `${site.origin}/app.html`, 'the page never navigated');
    assert.equal(oidc.counts.codeExchanges, exchanges + 1);
    assert.deepEqual(await call(page, 'events'), ['user-changed:anne-muller']);

    const token = await call<Outcome<string>>(page, 'token');
    assert.ok(token.value);
    assert.deepEqual(await call(page, 'search'), { value: 0 }, 'the server accepted the token');
    assert.equal(authorizations.at(-1), `Bearer ${token.value}`);
    await context.close();
  });

  it('opens the popup while the click is handled, so a strict popup blocker lets it through', async () => {
    const { oidc, site } = harness;
    const context = await newContext(blocking);
    // The page allows a popup only during the click's own handling, as Safari does.
    const page = await open(context, site.origin, '?strict-popups');
    const popup = context.waitForEvent('page');
    popup.catch(() => undefined);
    await page.click('#popup-sign-in');
    const ended = call<Outcome<SignedIn>>(page, 'clicked');
    // A refused popup ends the sign-in at once: then there is no popup to wait for.
    const opened = await Promise.race([popup, ended.then(() => undefined)]);
    if (!opened) assert.fail(`no popup: ${JSON.stringify(await ended)}`);
    await login(opened, oidc.issuer, 'marc-thill');
    const result = await ended;
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.equal(result.value?.sub, 'marc-thill');
    assert.deepEqual(await call(page, 'events'), ['user-changed:marc-thill']);
    await context.close();
  });

  it('says so when the user closes the popup, and nobody is signed in', async () => {
    const { oidc, site } = harness;
    const context = await newContext(browser);
    const page = await open(context, site.origin);
    const [result] = await Promise.all([
      call<Outcome<unknown>>(page, 'signIn', 'popup'),
      (async () => {
        const popup = await context.waitForEvent('page');
        await popup.waitForURL(`${oidc.issuer}/interaction/**`);
        await popup.close();
      })(),
    ]);
    assert.equal(result.error?.kind, 'popup-closed');
    assert.equal(result.error.name, 'DspOidcError');
    assert.match(result.error.message, /popup was closed before signing in/);
    assert.deepEqual(await call(page, 'token'), { value: null });
    assert.deepEqual(await call(page, 'events'), []);
    await context.close();
  });

  it("reports a popup the browser's blocker refused, opening nothing", async () => {
    const context = await newContext(blocking);
    let popups = 0;
    context.on('page', () => popups++);
    // The page starts the sign-in itself, with no click: Chromium's blocker refuses the popup.
    const page = await open(context, harness.site.origin, '?auto-sign-in=popup');
    const result = await call<Outcome<unknown>>(page, 'autoSignIn');
    assert.equal(result.error?.kind, 'popup-blocked');
    assert.match(result.error.message, /blocked the sign-in popup/);
    assert.equal(popups, 1, 'only the page itself: no popup');
    assert.equal(new URL(page.url()).pathname, '/app.html', 'and no redirect');
    assert.deepEqual(await call(page, 'token'), { value: null });
    await context.close();
  });

  it('signs in by redirect instead when the popup is refused and the fallback allowed', async () => {
    const { oidc, site } = harness;
    const context = await newContext(blocking);
    let popups = 0;
    context.on('page', () => popups++);
    const page = await context.newPage();
    await page.goto(`${site.origin}/app.html?auto-sign-in=popup-or-redirect`);
    // The same tab goes to the provider's login page.
    await login(page, oidc.issuer, 'lisa-schmitt');
    await page.waitForURL(`${site.origin}/app.html**`);
    await page.waitForFunction(() => 'dspTest' in window);
    const callback = await call<Outcome<SignedIn>>(page, 'callback');
    assert.equal(callback.error, undefined, JSON.stringify(callback.error));
    assert.equal(callback.value?.sub, 'lisa-schmitt');
    assert.equal(popups, 1, 'no popup was ever opened');
    const token = await call<Outcome<string>>(page, 'token');
    assert.ok(token.value);
    assert.deepEqual(await call(page, 'search'), { value: 0 });
    await context.close();
  });
});
