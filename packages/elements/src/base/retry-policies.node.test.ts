// The panels' retry policies follow the kit's one rule of which statuses are worth another try:
// the statuses whose answer changed when the access-rights pending changes and the uploader's
// automatic retries took it from `@dsp-kit/fhir`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspHttpError } from '@dsp-kit/fhir';
import { isRetryable as keepsPending } from '../access-rights/operations.js';
import { isPassing } from '../document-uploader/upload-send.js';

describe('access rights: a change that failed stays pending for another try', () => {
  // 408 and 425 say "not now" (RFC 9110, RFC 8470).
  for (const status of [408, 425]) {
    it(`after ${status}`, () => {
      assert.equal(keepsPending(new DspHttpError(status)), true);
    });
  }
  // The server never will: a method it lacks (501), an HTTP version it refuses (505), its own
  // misconfiguration (506, 508, 510).
  for (const status of [501, 505, 506, 508, 510]) {
    it(`but not after ${status}`, () => {
      assert.equal(keepsPending(new DspHttpError(status)), false);
    });
  }
});

describe('uploader: a row is sent again by itself', () => {
  // 425 (too early), 507 (storage full for now), 509 (bandwidth), 511 (a captive portal), a
  // proxy's 520: all may pass.
  for (const status of [425, 507, 509, 511, 520]) {
    it(`after ${status}`, () => {
      assert.equal(isPassing(new DspHttpError(status)), true);
    });
  }
});
