// The client's automatic retry of reads follows the kit's one rule of "worth another try"
// (`isRetryableStatus`): every status that says "later", not only 429 and 502–504.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspClient } from '../src/client.js';
import { DspHttpError } from '../src/errors.js';

const BASE = 'https://dsp.example/fhir';

function counting(status: number) {
  let calls = 0;
  const fetch = (): Promise<Response> => {
    calls++;
    const body =
      calls === 1
        ? { resourceType: 'OperationOutcome', issue: [] }
        : { resourceType: 'Bundle', type: 'searchset', entry: [] };
    return Promise.resolve(
      new Response(JSON.stringify(body), {
        status: calls === 1 ? status : 200,
        headers: { 'Content-Type': 'application/fhir+json' },
      }),
    );
  };
  return { fetch, calls: () => calls };
}

describe('the client retries a read after every status that says "later"', () => {
  // Statuses it did not retry before (RFC 9110 408, RFC 8470 425, 500, 507, 509, 511, a proxy's
  // 5xx such as 520): the rule of the kit's "Try again" now decides.
  for (const status of [408, 425, 500, 507, 509, 511, 520]) {
    it(`retries after ${status}`, async () => {
      const { fetch, calls } = counting(status);
      const client = new DspClient({ baseUrl: BASE, fetch, retry: { baseDelayMs: 1 } });
      const page = await client.searchDocuments({ patient: 'p1' });
      assert.equal(page.entries.length, 0);
      assert.equal(calls(), 2, `${status} was not tried again`);
    });
  }

  for (const status of [400, 403, 404, 501, 505]) {
    it(`does not retry after ${status}, which the server will say again`, async () => {
      const { fetch, calls } = counting(status);
      const client = new DspClient({ baseUrl: BASE, fetch, retry: { baseDelayMs: 1 } });
      await assert.rejects(
        client.searchDocuments({ patient: 'p1' }),
        (error: unknown) => error instanceof DspHttpError && error.status === status,
      );
      assert.equal(calls(), 1);
    });
  }
});
