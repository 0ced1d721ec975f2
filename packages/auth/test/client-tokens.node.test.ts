// The token providers plugged into the real DspClient: the host's token reaches the server, and a
// host that refreshes after a 401 gets the request through.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspAuthError, DspClient } from '@dsp-kit/fhir';
import { callbackTokenProvider, staticTokenProvider } from '../src/handoff.js';

const BASE = 'https://dsp.example/fhir';
const emptySearch = JSON.stringify({ resourceType: 'Bundle', type: 'searchset', entry: [] });

/** A server that accepts one bearer token and records the Authorization headers it saw. */
function server(accepted: string) {
  const seen: (string | null)[] = [];
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const authorization = new Request(input, init).headers.get('authorization');
    seen.push(authorization);
    const ok = authorization === `Bearer ${accepted}`;
    return Promise.resolve(
      new Response(ok ? emptySearch : '{}', {
        status: ok ? 200 : 401,
        headers: { 'Content-Type': 'application/fhir+json' },
      }),
    );
  };
  return { fetch, seen };
}

describe('token providers with DspClient', () => {
  it("sends the host's token", async () => {
    const { fetch, seen } = server('abc');
    const client = new DspClient({ baseUrl: BASE, fetch, tokens: staticTokenProvider('abc') });
    await client.searchDocuments({ patient: 'p1' });
    assert.deepEqual(seen, ['Bearer abc']);
  });

  it('gets through when the host refreshes its token after a 401', async () => {
    const { fetch, seen } = server('fresh');
    let token = 'stale';
    const tokens = callbackTokenProvider(() => {
      const current = token;
      token = 'fresh'; // the host notices the expiry and refreshes for the next call
      return current;
    });
    await new DspClient({ baseUrl: BASE, fetch, tokens }).searchDocuments({ patient: 'p1' });
    assert.deepEqual(seen, ['Bearer stale', 'Bearer fresh']);
  });

  it('fails with a DspAuthError when the host keeps a refused token', async () => {
    const { fetch, seen } = server('other');
    const client = new DspClient({ baseUrl: BASE, fetch, tokens: staticTokenProvider('abc') });
    await assert.rejects(client.searchDocuments({ patient: 'p1' }), DspAuthError);
    assert.equal(seen.length, 2);
  });
});
