import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirFailure } from './fhir-http.js';
import { base64Length, readCappedBody, transactionBodyLimit } from './request-body.js';

const CHUNK = 1000;

/** A body of `size` bytes made chunk by chunk as it is read, saying what was read and cancelled. */
function source(size: number, options: { breakAt?: number } = {}) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (options.breakAt !== undefined && seen.pulled >= options.breakAt) {
          controller.error(new Error('connection reset'));
          return;
        }
        if (seen.pulled >= size) {
          controller.close();
          return;
        }
        const length = Math.min(CHUNK, size - seen.pulled);
        // Each byte is its offset modulo 251, so a reassembly out of order shows.
        controller.enqueue(Uint8Array.from({ length }, (_, i) => (seen.pulled + i) % 251));
        seen.pulled += length;
      },
      cancel() {
        seen.cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, seen };
}

function post(body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}): Request {
  return new Request('http://127.0.0.1/fhir/Consent', {
    method: 'POST',
    headers,
    body,
    duplex: 'half',
  } as RequestInit);
}

async function refusal(promise: Promise<unknown>): Promise<FhirFailure> {
  const error = await promise.then(
    () => assert.fail('expected a refusal'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof FhirFailure, String(error));
  return error;
}

describe('readCappedBody', () => {
  it('refuses a declared Content-Length over the cap with a 413 before reading a byte', async () => {
    const { stream, seen } = source(5000);
    const failure = await refusal(readCappedBody(post(stream, { 'content-length': '5000' }), 4999));
    assert.equal(failure.status, 413);
    assert.equal(failure.issues[0]?.code, 'too-long');
    assert.equal(seen.pulled, 0);
    assert.equal(seen.cancelled, true);
  });

  it('counts a streamed body and stops reading once past the cap', async () => {
    const { stream, seen } = source(1_000_000);
    const failure = await refusal(readCappedBody(post(stream), 2500));
    assert.equal(failure.status, 413);
    assert.equal(seen.pulled, 3000, 'read up to the chunk that passed the cap, no further');
    assert.equal(seen.cancelled, true);
  });

  it('counts even when the Content-Length says less than arrives', async () => {
    const { stream } = source(10_000);
    const failure = await refusal(readCappedBody(post(stream, { 'content-length': '10' }), 4000));
    assert.equal(failure.status, 413);
  });

  it('gives a body of exactly the cap whole and in order', async () => {
    const { stream } = source(4321);
    const bytes = await readCappedBody(post(stream), 4321);
    assert.deepEqual(
      bytes,
      Uint8Array.from({ length: 4321 }, (_, i) => i % 251),
    );
  });

  it('gives no bytes for no body', async () => {
    const bytes = await readCappedBody(
      new Request('http://127.0.0.1/fhir', { method: 'POST' }),
      10,
    );
    assert.equal(bytes.byteLength, 0);
  });

  it('answers 400 for a body that breaks off', async () => {
    const { stream } = source(10_000, { breakAt: 2000 });
    const failure = await refusal(readCappedBody(post(stream), 1_000_000));
    assert.equal(failure.status, 400);
    assert.match(failure.message, /connection reset/);
  });
});

describe('the transaction cap', () => {
  it('is the base64 length of the largest document, plus 1 MiB', () => {
    for (const size of [0, 1, 2, 3, 4, 5, 1000, 20 * 1024 * 1024]) {
      assert.equal(base64Length(size), Buffer.alloc(size).toString('base64').length, String(size));
    }
    const document = Buffer.alloc(20 * 1024 * 1024).toString('base64');
    assert.equal(transactionBodyLimit(20 * 1024 * 1024), document.length + 1024 * 1024);
  });
});
