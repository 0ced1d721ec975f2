import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callbackTokenProvider, staticTokenProvider } from './handoff.js';

describe('callbackTokenProvider', () => {
  it("asks the host's callback on every call, sync or async", async () => {
    let calls = 0;
    const provider = callbackTokenProvider(() => `token-${++calls}`);
    assert.equal(await provider.getAccessToken(), 'token-1');
    assert.equal(await provider.getAccessToken(), 'token-2');
    assert.equal(await callbackTokenProvider(() => Promise.resolve(null)).getAccessToken(), null);
  });

  it('tells the host when the server refused its last token', async () => {
    const asked: unknown[] = [];
    const provider = callbackTokenProvider((request) => {
      asked.push(request);
      return request.forceRefresh ? 'renewed' : 'current';
    });
    assert.equal(await provider.getAccessToken(), 'current');
    assert.equal(await provider.getAccessToken({ forceRefresh: true }), 'renewed');
    assert.deepEqual(asked, [{}, { forceRefresh: true }]);
  });

  it("passes the host's failure on", async () => {
    const provider = callbackTokenProvider(() => Promise.reject(new Error('logged out')));
    await assert.rejects(provider.getAccessToken(), /logged out/);
  });

  it('refuses something that is not a function', () => {
    assert.throws(() => callbackTokenProvider('abc' as never), /needs a function/);
  });
});

describe('staticTokenProvider', () => {
  it('always gives the same token', async () => {
    const provider = staticTokenProvider('t');
    assert.equal(await provider.getAccessToken(), 't');
    assert.equal(await provider.getAccessToken(), 't');
  });

  it('refuses an empty token', () => {
    assert.throws(() => staticTokenProvider(' '), /non-empty token/);
  });
});
