// DspHttpError as the transport builds it from an answer: its status, outcome and Retry-After.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspHttpError } from './errors.js';
import { FhirTransport, type Exchange } from './http.js';
import { retryPolicy } from './retry.js';

const URL_ = 'https://dsp.example/fhir/Bundle';

/** The error a transport without retries throws when the server gives `response`. */
async function refusal(response: Response, exchange: Partial<Exchange> = {}): Promise<unknown> {
  const transport = new FhirTransport({
    base: new URL('https://dsp.example/fhir/'),
    tokens: undefined,
    fetch: () => Promise.resolve(response),
    timeoutMs: 5000,
    retry: retryPolicy(false),
  });
  return transport
    .send({ method: 'POST', url: URL_, body: '{}', idempotent: false, ...exchange }, () =>
      Promise.resolve('sent'),
    )
    .then(
      () => assert.fail('the request did not fail'),
      (error: unknown) => error,
    );
}

function busy(status: number, retryAfter?: string): Response {
  const headers = new Headers({ 'Content-Type': 'application/fhir+json' });
  if (retryAfter !== undefined) headers.set('Retry-After', retryAfter);
  const outcome = {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'transient', details: { text: 'Serveur surchargé.' } }],
  };
  return new Response(JSON.stringify(outcome), { status, headers });
}

describe('DspHttpError from an answer', () => {
  it('carries the wait a Retry-After in seconds asked for', async () => {
    const error = await refusal(busy(503, '120'));
    assert.ok(error instanceof DspHttpError);
    assert.equal(error.status, 503);
    assert.equal(error.serverMessage, 'Serveur surchargé.');
    assert.equal(error.retryAfterMs, 120_000);
  });

  it('carries the wait a Retry-After HTTP date asked for', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    const error = await refusal(busy(429, inAnHour));
    assert.ok(error instanceof DspHttpError);
    assert.ok(error.retryAfterMs !== undefined, 'no wait read from the date');
    // The date is to the second, so up to a second sooner than an hour from now.
    assert.ok(error.retryAfterMs > 3_590_000 && error.retryAfterMs <= 3_600_000);
  });

  it('carries none when the server sent none, or one that cannot be read', async () => {
    const none = await refusal(busy(503));
    assert.ok(none instanceof DspHttpError);
    assert.equal(none.retryAfterMs, undefined);
    const unreadable = await refusal(busy(503, 'soon'));
    assert.ok(unreadable instanceof DspHttpError);
    assert.equal(unreadable.retryAfterMs, undefined);
  });

  it('keeps the wait of a read the client would not wait for itself', async () => {
    // A read is retried by the client only within its longest wait: past it, the caller decides.
    const transport = new FhirTransport({
      base: new URL('https://dsp.example/fhir/'),
      tokens: undefined,
      fetch: () => Promise.resolve(busy(503, '3600')),
      timeoutMs: 5000,
      retry: retryPolicy({ tries: 3, maxDelayMs: 10_000 }),
    });
    const error = await transport
      .send({ method: 'GET', url: URL_, idempotent: true }, () => Promise.resolve('read'))
      .then(
        () => assert.fail('the read did not fail'),
        (e: unknown) => e,
      );
    assert.ok(error instanceof DspHttpError);
    assert.equal(error.retryAfterMs, 3_600_000);
  });

  it('can be built by hand, with or without a wait', () => {
    assert.equal(new DspHttpError(503).retryAfterMs, undefined);
    assert.equal(new DspHttpError(429, undefined, URL_, { retryAfterMs: 1000 }).retryAfterMs, 1000);
  });
});
