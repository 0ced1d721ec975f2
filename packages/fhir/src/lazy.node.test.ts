// A module loaded on first use: loaded once and shared; a failed load is a DspNetworkError and
// the next call tries again.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspNetworkError } from './errors.js';
import { lazy } from './lazy.js';

describe('lazy', () => {
  it('loads on the first call only, and shares the module', async () => {
    let loads = 0;
    const code = lazy('test', () => {
      loads++;
      return Promise.resolve({ value: 42 });
    });
    assert.equal(loads, 0, 'nothing loads before a call needs it');
    const [a, b] = await Promise.all([code(), code()]);
    assert.equal(a, b);
    assert.equal((await code()).value, 42);
    assert.equal(loads, 1);
  });

  it('turns a failed load into a DspNetworkError and tries again on the next call', async () => {
    let loads = 0;
    const code = lazy('provide', () => {
      loads++;
      return loads === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve({ value: 'ok' });
    });
    await assert.rejects(code(), (error: unknown) => {
      assert.ok(error instanceof DspNetworkError);
      assert.match(error.message, /provide code could not be loaded: Failed to fetch/);
      assert.ok(error.cause instanceof TypeError);
      return true;
    });
    assert.equal((await code()).value, 'ok');
    assert.equal(loads, 2);
  });
});
