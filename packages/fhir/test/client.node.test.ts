import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspClient } from '../src/client.js';
import {
  DspAuthError,
  DspHttpError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
} from '../src/errors.js';

const BASE = 'https://dsp.example/fhir';

/** A fetch that answers from `answer` and records every request it was given. */
function fakeFetch(answer: (request: Request, call: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request, requests.length);
  };
  return { fetch: fetch, requests };
}

/** A fetch that never answers, and rejects as the real one does when its signal aborts. */
const hangingFetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
  new Promise<Response>((_resolve, reject) => {
    const signal = init?.signal;
    if (signal?.aborted) reject(signal.reason as Error);
    signal?.addEventListener('abort', () => reject(signal.reason as Error));
  })) as typeof globalThis.fetch;

function fhir(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/fhir+json; charset=utf-8' },
  });
}

function searchset(ids: string[], extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: ids.map((id) => ({ resource: { resourceType: 'DocumentReference', id } })),
    ...extra,
  };
}

describe('DspClient.searchDocuments', () => {
  it('sends an ITI-67 search with FHIR headers and returns the documents', async () => {
    const { fetch, requests } = fakeFetch(() => fhir(searchset(['d1', 'd2'], { total: 2 })));
    const client = new DspClient({ baseUrl: BASE, fetch });
    const page = await client.searchDocuments({ patient: 'p1' });
    assert.deepEqual(
      page.entries.map((d) => d.id),
      ['d1', 'd2'],
    );
    assert.equal(page.total, 2);
    assert.equal(page.hasNext, false);
    assert.equal(await page.next(), undefined);
    const url = new URL(requests[0]!.url);
    assert.equal(url.origin + url.pathname, `${BASE}/DocumentReference`);
    assert.equal(url.searchParams.get('patient'), 'p1');
    assert.equal(url.searchParams.get('status'), 'current');
    assert.equal(url.searchParams.get('_sort'), '-date');
    assert.equal(requests[0]!.headers.get('accept'), 'application/fhir+json');
    assert.equal(requests[0]!.headers.get('authorization'), null);
  });

  it('follows next links page by page', async () => {
    const { fetch, requests } = fakeFetch((_request, call) =>
      call === 1
        ? fhir(
            searchset(['d1'], {
              total: 2,
              link: [{ relation: 'next', url: `${BASE}/DocumentReference?page=2` }],
            }),
          )
        : fhir(searchset(['d2'], { total: 2 })),
    );
    const client = new DspClient({ baseUrl: BASE, fetch });
    const first = await client.searchDocuments({ patient: 'p1', _count: 1 });
    assert.equal(new URL(requests[0]!.url).searchParams.get('_count'), '1');
    assert.ok(first.hasNext);
    const second = await first.next();
    assert.ok(second);
    assert.deepEqual(
      second.entries.map((d) => d.id),
      ['d2'],
    );
    assert.equal(requests[1]!.url, `${BASE}/DocumentReference?page=2`);
    assert.equal(second.hasNext, false);
  });

  it('sends the bearer token from the token provider', async () => {
    const { fetch, requests } = fakeFetch(() => fhir(searchset([])));
    const client = new DspClient({
      baseUrl: BASE,
      fetch,
      tokens: { getAccessToken: () => Promise.resolve('t-1') },
    });
    await client.searchDocuments({ patient: 'p1' });
    assert.equal(requests[0]!.headers.get('authorization'), 'Bearer t-1');
  });

  it('asks for a token again after a 401 and retries once', async () => {
    let issued = 0;
    const tokens = { getAccessToken: () => Promise.resolve(`t-${++issued}`) };
    const { fetch, requests } = fakeFetch((request) =>
      request.headers.get('authorization') === 'Bearer t-2'
        ? fhir(searchset(['d1']))
        : fhir({}, 401),
    );
    const page = await new DspClient({ baseUrl: BASE, fetch, tokens }).searchDocuments({
      patient: 'p1',
    });
    assert.equal(page.entries.length, 1);
    assert.equal(requests.length, 2);
  });

  it('gives up with a DspAuthError after a second 401', async () => {
    const { fetch, requests } = fakeFetch(() =>
      fhir(
        {
          resourceType: 'OperationOutcome',
          issue: [{ severity: 'error', code: 'login', diagnostics: 'Token expired' }],
        },
        401,
      ),
    );
    const client = new DspClient({
      baseUrl: BASE,
      fetch,
      tokens: { getAccessToken: () => Promise.resolve('old') },
    });
    await assert.rejects(client.searchDocuments({ patient: 'p1' }), (error: unknown) => {
      assert.ok(error instanceof DspAuthError);
      assert.equal(error.outcome?.issue[0]?.diagnostics, 'Token expired');
      return true;
    });
    assert.equal(requests.length, 2);
  });

  it('turns an error status into a DspHttpError carrying the OperationOutcome text', async () => {
    const { fetch } = fakeFetch(() =>
      fhir(
        {
          resourceType: 'OperationOutcome',
          issue: [
            {
              severity: 'error',
              code: 'forbidden',
              details: { text: 'Accès refusé par le patient' },
            },
          ],
        },
        403,
      ),
    );
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).searchDocuments({ patient: 'p1' }),
      (error: unknown) => {
        assert.ok(error instanceof DspHttpError);
        assert.equal(error.status, 403);
        assert.equal(error.serverMessage, 'Accès refusé par le patient');
        assert.match(error.message, /HTTP 403: Accès refusé par le patient/);
        return true;
      },
    );
  });

  it('turns an error status without OperationOutcome into a DspHttpError', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('<h1>Bad gateway</h1>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).searchDocuments({ patient: 'p1' }),
      (error: unknown) => {
        assert.ok(error instanceof DspHttpError);
        assert.equal(error.status, 502);
        assert.equal(error.outcome, undefined);
        assert.equal(error.serverMessage, undefined);
        return true;
      },
    );
  });

  it('refuses an HTML page answered with 200 as a DspProtocolError', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('<html>Login</html>', {
          headers: { 'Content-Type': 'text/html; charset=utf-8' },
        }),
    );
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).searchDocuments({ patient: 'p1' }),
      (error: unknown) =>
        error instanceof DspProtocolError &&
        error.message.includes('Expected FHIR JSON, got "text/html"'),
    );
  });

  it('refuses malformed JSON as a DspProtocolError', async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response('{"resourceType": "Bun', {
          headers: { 'Content-Type': 'application/fhir+json' },
        }),
    );
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).searchDocuments({ patient: 'p1' }),
      (error: unknown) =>
        error instanceof DspProtocolError && error.message.includes('malformed JSON'),
    );
  });

  it('reports an unreachable server as a DspNetworkError', async () => {
    const { fetch } = fakeFetch(() => Promise.reject(new TypeError('fetch failed')));
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).searchDocuments({ patient: 'p1' }),
      (error: unknown) => {
        assert.ok(error instanceof DspNetworkError);
        assert.equal(error.timedOut, false);
        assert.ok(error.cause instanceof TypeError);
        return true;
      },
    );
  });

  it('reports a server that does not answer in time as a timed-out DspNetworkError', async () => {
    const fetch = hangingFetch;
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch, timeoutMs: 20 }).searchDocuments({ patient: 'p1' }),
      (error: unknown) => error instanceof DspNetworkError && error.timedOut,
    );
  });

  it("rejects with the caller's abort reason when the caller aborts", async () => {
    const fetch = hangingFetch;
    const controller = new AbortController();
    const pending = new DspClient({ baseUrl: BASE, fetch }).searchDocuments(
      { patient: 'p1' },
      { signal: controller.signal },
    );
    controller.abort();
    await assert.rejects(
      pending,
      (error: unknown) => error instanceof DOMException && error.name === 'AbortError',
    );
  });

  it('validates its input before sending anything', async () => {
    const { fetch, requests } = fakeFetch(() => fhir(searchset([])));
    const client = new DspClient({ baseUrl: BASE, fetch });
    await assert.rejects(
      client.searchDocuments({ patient: '  ' }),
      (error: unknown) => error instanceof DspValidationError && error.field === 'patient',
    );
    await assert.rejects(
      client.searchDocuments({ patient: 'p1', _count: 0 }),
      (error: unknown) => error instanceof DspValidationError && error.field === '_count',
    );
    assert.equal(requests.length, 0);
    assert.throws(() => new DspClient({ baseUrl: 'not a url' }), DspValidationError);
  });

  it('wraps a failing token provider in a DspAuthError', async () => {
    const { fetch, requests } = fakeFetch(() => fhir(searchset([])));
    const tokens = { getAccessToken: () => Promise.reject(new Error('session expired')) };
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch, tokens }).searchDocuments({ patient: 'p1' }),
      (error: unknown) =>
        error instanceof DspAuthError && error.message.includes('session expired'),
    );
    assert.equal(requests.length, 0);
  });
});
