// The kit's one rule of which failures are worth another try, and the wait before it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DspAuthError,
  DspConflictError,
  DspHttpError,
  DspIntegrityError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
} from './errors.js';
import { backoffDelay, isRetryable, isRetryableStatus } from './retryable.js';

describe('isRetryableStatus', () => {
  it('says "later" for 408, 425, 429 and the 5xx that may pass', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504, 507, 509, 511, 520, 599]) {
      assert.equal(isRetryableStatus(status), true, String(status));
    }
  });

  it('says "no" for the other 4xx, the 5xx that never pass, and what is no error', () => {
    for (const status of [
      200, 304, 400, 401, 403, 404, 409, 410, 412, 422, 501, 505, 506, 508, 510, 600,
    ]) {
      assert.equal(isRetryableStatus(status), false, String(status));
    }
  });
});

describe('isRetryable', () => {
  it('counts no answer and a status that says "later", whatever the rule', () => {
    for (const rule of [undefined, { uncertain: true }, { uncertain: false }]) {
      assert.equal(isRetryable(new DspNetworkError('offline'), rule), true);
      assert.equal(isRetryable(new DspNetworkError('slow', true), rule), true);
      assert.equal(isRetryable(new DspHttpError(503), rule), true);
      assert.equal(isRetryable(new DspHttpError(408), rule), true);
    }
  });

  it('never counts a final answer: refusal, conflict, invalid input, a 5xx that never passes', () => {
    for (const rule of [undefined, { uncertain: false }]) {
      for (const error of [
        new DspHttpError(403),
        new DspHttpError(404),
        new DspHttpError(422),
        new DspHttpError(501),
        new DspConflictError(409),
        new DspConflictError(412),
        new DspValidationError('bad', 'x'),
      ]) {
        assert.equal(isRetryable(error, rule), false, error.message);
      }
    }
  });

  it('counts what may pass but is not known to, unless the rule leaves it to a person', () => {
    const uncertain = [
      new DspProtocolError('an HTML page', 'https://x/fhir'),
      new DspIntegrityError('size', '10', '7'),
      new DspAuthError('The server refused the access token (401)'),
      new TypeError('Failed to fetch dynamically imported module'),
      'something',
    ];
    for (const error of uncertain) {
      assert.equal(isRetryable(error), true, String(error));
      assert.equal(isRetryable(error, { uncertain: false }), false, String(error));
    }
  });
});

describe('backoffDelay', () => {
  it('doubles from the base per attempt, within the cap, jittered between half and all of it', () => {
    const options = { base: 100, cap: 1000 };
    assert.equal(backoffDelay(1, { ...options, random: () => 0 }), 50);
    assert.equal(backoffDelay(1, { ...options, random: () => 1 }), 100);
    assert.equal(backoffDelay(2, { ...options, random: () => 1 }), 200);
    assert.equal(backoffDelay(3, { ...options, random: () => 0.5 }), 300);
    assert.equal(backoffDelay(10, { ...options, random: () => 1 }), 1000);
    const spread = Array.from({ length: 50 }, () => backoffDelay(2, options));
    assert.ok(spread.every((ms) => ms >= 100 && ms <= 200));
  });

  it('refuses an attempt that is not a positive integer', () => {
    assert.throws(() => backoffDelay(0, { base: 100, cap: 1000 }), RangeError);
    assert.throws(() => backoffDelay(1.5, { base: 100, cap: 1000 }), RangeError);
  });
});
