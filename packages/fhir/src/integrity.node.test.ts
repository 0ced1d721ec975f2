import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspIntegrityError } from './errors.js';
import { checkIntegrity, sha1Base64 } from './integrity.js';

const bytes = new TextEncoder().encode('abc');

describe('integrity', () => {
  it('computes SHA-1 in base64 (FIPS 180 test vector "abc")', async () => {
    assert.equal(await sha1Base64(bytes), 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=');
  });

  it('accepts content matching its declared size and hash, or declaring neither', async () => {
    await checkIntegrity({ size: 3, hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=' }, bytes);
    await checkIntegrity({}, bytes);
  });

  it('names the check that fails', async () => {
    await assert.rejects(checkIntegrity({ size: 4 }, bytes, 'u'), (error: unknown) => {
      assert.ok(error instanceof DspIntegrityError);
      assert.equal(error.check, 'size');
      assert.equal(error.expected, '4 bytes');
      assert.equal(error.actual, '3 bytes');
      assert.equal(error.url, 'u');
      return true;
    });
    await assert.rejects(
      checkIntegrity({ hash: '2jmj7l5rSw0yVb/vlWAYkK/YBwk=' }, bytes),
      (error: unknown) => error instanceof DspIntegrityError && error.check === 'hash',
    );
  });
});
