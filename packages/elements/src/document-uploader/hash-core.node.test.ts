// Both ways of hashing a file give FHIR's base64 SHA-1: slices through WebAssembly, and WebCrypto
// at once for a file of one slice or for pages whose Content-Security-Policy refuses WebAssembly.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { sha1ByWebCrypto, sha1OfBlob } from './hash-core.js';

const bytes = new Uint8Array(70_001).map((_, i) => (i * 31 + 7) % 256);
const expected = createHash('sha1').update(bytes).digest('base64');

describe('hash-core', () => {
  it('hashes in slices with WebAssembly', async () => {
    const seen: number[] = [];
    const hash = await sha1OfBlob(new Blob([bytes]), {
      chunkSize: 32_768,
      onProgress: (loaded) => seen.push(loaded),
    });
    assert.equal(hash, expected);
    assert.deepEqual(seen, [32_768, 65_536, 70_001]);
  });

  it('hashes a file of one slice at once', async () => {
    const seen: number[] = [];
    const hash = await sha1OfBlob(new Blob([bytes]), { onProgress: (l) => seen.push(l) });
    assert.equal(hash, expected);
    assert.deepEqual(seen, [70_001]);
  });

  it('hashes with WebCrypto, reporting the whole file once', async () => {
    const seen: number[] = [];
    const hash = await sha1ByWebCrypto(new Blob([bytes]), { onProgress: (l) => seen.push(l) });
    assert.equal(hash, expected);
    assert.deepEqual(seen, [70_001]);
  });

  it('stops when aborted', async () => {
    await assert.rejects(
      sha1ByWebCrypto(new Blob([bytes]), { signal: AbortSignal.abort() }),
      (error: unknown) => error instanceof DOMException && error.name === 'AbortError',
    );
  });
});
