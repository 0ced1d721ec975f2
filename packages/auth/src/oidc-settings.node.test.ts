import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveOidcSettings, type OidcSettings } from './oidc-settings.js';

const good: OidcSettings = {
  authority: 'https://idp.example/realms/dsp',
  clientId: 'editor',
  redirectUri: 'https://editor.example/callback',
};

describe('resolveOidcSettings', () => {
  it('fills in the defaults: memory storage, a namespace per provider and client', () => {
    const settings = resolveOidcSettings(good);
    assert.equal(settings.storage, 'memory');
    assert.equal(settings.namespace, 'https://idp.example/realms/dsp|editor');
    assert.equal(settings.popupRedirectUri, good.redirectUri);
    assert.equal(settings.scope, 'openid profile offline_access');
    assert.deepEqual(settings.claims, {
      name: 'name',
      role: 'dsp_role',
      profession: 'dsp_profession',
      ids: { sub: 'sub' },
    });
  });

  it('allows http only on this machine', () => {
    assert.doesNotThrow(() =>
      resolveOidcSettings({
        ...good,
        authority: 'http://127.0.0.1:8788',
        redirectUri: 'http://localhost:5173/',
      }),
    );
    assert.throws(
      () => resolveOidcSettings({ ...good, authority: 'http://idp.example' }),
      /`authority` must be an https URL/,
    );
  });

  it('names the missing or malformed setting', () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /needs a settings object/],
      [{ ...good, authority: undefined }, /`authority` is required/],
      [{ ...good, authority: 'idp' }, /`authority` must be an absolute URL, got "idp"/],
      [{ ...good, clientId: '' }, /`clientId` is required/],
      [{ ...good, redirectUri: 42 }, /`redirectUri` is required/],
      [
        { ...good, postLogoutRedirectUri: 'ftp://x' },
        /`postLogoutRedirectUri` must be an https URL/,
      ],
      [{ ...good, scope: 'profile' }, /`scope` must include "openid"/],
      [{ ...good, storage: 'local' }, /`storage` must be "memory" or "session", got "local"/],
      [{ ...good, refreshMarginSeconds: -1 }, /`refreshMarginSeconds` must be a number of seconds/],
      [{ ...good, popupFallbackToRedirect: 'yes' }, /`popupFallbackToRedirect` must be a boolean/],
      [{ ...good, claims: null }, /`claims` must be an object, got null/],
      [{ ...good, claims: { role: '' } }, /`claims.role` must be a claim name/],
      [
        { ...good, claims: { ids: { matricule: 3 } } },
        /`claims.ids` must be an object of claim names/,
      ],
    ];
    for (const [settings, message] of cases) {
      assert.throws(
        () => resolveOidcSettings(settings as OidcSettings),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, message);
          return true;
        },
      );
    }
  });
});
