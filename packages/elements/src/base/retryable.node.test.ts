// Which failures a panel offers to try again, and which it does not.
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
} from '@dsp-kit/fhir';
import { MissingClientError } from './error-message.js';
import { isRetryable, isRetryableStatus } from './retryable.js';

describe('isRetryable', () => {
  it('offers a retry when no answer came, or not the server’s FHIR', () => {
    assert.equal(isRetryable(new DspNetworkError('offline')), true);
    assert.equal(isRetryable(new DspNetworkError('slow', true)), true);
    assert.equal(isRetryable(new DspProtocolError('an HTML page', 'https://x/fhir')), true);
    assert.equal(isRetryable(new DspIntegrityError('size', '10', '7')), true);
  });

  it('offers a retry after the token was refused: the host may sign in again', () => {
    assert.equal(isRetryable(new DspAuthError('The server refused the access token (401)')), true);
  });

  it('offers a retry when the server says "later"', () => {
    for (const status of [408, 425, 429, 500, 502, 503, 504, 507, 511, 522]) {
      assert.equal(isRetryable(new DspHttpError(status)), true, String(status));
    }
  });

  it('offers none after a refusal, a missing resource or a bad request', () => {
    for (const status of [400, 403, 404, 405, 410, 413, 415, 422]) {
      assert.equal(isRetryable(new DspHttpError(status)), false, String(status));
    }
  });

  it('offers none when the server never will (501, 505…)', () => {
    for (const status of [501, 505, 506, 508, 510]) {
      assert.equal(isRetryable(new DspHttpError(status)), false, String(status));
    }
  });

  it('offers none after a conflict, invalid input or without a client', () => {
    assert.equal(isRetryable(new DspConflictError(412)), false);
    assert.equal(isRetryable(new DspConflictError(409)), false);
    assert.equal(isRetryable(new DspValidationError('bad date', 'dates')), false);
    assert.equal(isRetryable(new MissingClientError()), false);
  });

  it('offers a retry after an error of no known kind (a module that did not load)', () => {
    assert.equal(isRetryable(new TypeError('Failed to fetch dynamically imported module')), true);
    assert.equal(isRetryable('something'), true);
  });
});

describe('isRetryableStatus', () => {
  it('says nothing outside the error statuses is worth a retry', () => {
    assert.equal(isRetryableStatus(200), false);
    assert.equal(isRetryableStatus(304), false);
    assert.equal(isRetryableStatus(600), false);
  });
});
