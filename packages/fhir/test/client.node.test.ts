import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Resource } from '@medplum/fhirtypes';
import { DspClient } from '../src/client.js';
import { defaultConsent } from '../src/consent.js';
import {
  DspAuthError,
  DspConflictError,
  DspContentOriginError,
  DspHttpError,
  DspIntegrityError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
} from '../src/errors.js';
import { assertValidR4 } from './fhir-r4.js';
import { textSubmission } from './submissions.js';
import type { TokenProvider, TokenRequest } from '../src/token-provider.js';

const BASE = 'https://dsp.example/fhir';

/** A fetch that answers from `answer` and records every request it was given. */
function fakeFetch(answer: (request: Request, call: number) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return answer(request, requests.length);
  };
  return { fetch, requests };
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

  it('asks for a fresh token after a 401 (forceRefresh) and retries once', async () => {
    let issued = 0;
    const asked: (TokenRequest | undefined)[] = [];
    const tokens: TokenProvider = {
      getAccessToken: (request) => {
        asked.push(request);
        // Like a provider with a still-valid token: a new one only when told to refresh.
        if (request?.forceRefresh) issued += 1;
        return Promise.resolve(`t-${issued}`);
      },
    };
    const { fetch, requests } = fakeFetch((request) =>
      request.headers.get('authorization') === 'Bearer t-1'
        ? fhir(searchset(['d1']))
        : fhir({}, 401),
    );
    const page = await new DspClient({ baseUrl: BASE, fetch, tokens }).searchDocuments({
      patient: 'p1',
    });
    assert.equal(page.entries.length, 1);
    assert.equal(requests.length, 2);
    assert.deepEqual(asked, [undefined, { forceRefresh: true }]);
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

const fast = { retry: { baseDelayMs: 1 } };

describe('DspClient retries', () => {
  for (const status of [429, 502, 503, 504]) {
    it(`retries a read after ${status}, then succeeds`, async () => {
      const { fetch, requests } = fakeFetch((_r, call) =>
        call < 3 ? fhir({}, status) : fhir(searchset(['d1'])),
      );
      const page = await new DspClient({ baseUrl: BASE, fetch, ...fast }).searchDocuments({
        patient: 'p1',
      });
      assert.equal(page.entries.length, 1);
      assert.equal(requests.length, 3);
    });
  }

  it('gives up after 3 tries with the last error', async () => {
    const { fetch, requests } = fakeFetch(() => fhir({}, 503));
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch, ...fast }).searchDocuments({ patient: 'p1' }),
      (error: unknown) => error instanceof DspHttpError && error.status === 503,
    );
    assert.equal(requests.length, 3);
  });

  it('retries after a network error', async () => {
    const { fetch, requests } = fakeFetch((_r, call) =>
      call === 1 ? Promise.reject(new TypeError('reset')) : fhir(searchset([])),
    );
    await new DspClient({ baseUrl: BASE, fetch, ...fast }).searchDocuments({ patient: 'p1' });
    assert.equal(requests.length, 2);
  });

  it('honours Retry-After, and does not wait longer than allowed', async () => {
    const retryAfter = (seconds: string) =>
      new Response('{}', {
        status: 429,
        headers: { 'Retry-After': seconds, 'Content-Type': 'application/fhir+json' },
      });
    const { fetch, requests } = fakeFetch((_r, call) =>
      call === 1 ? retryAfter('1') : fhir(searchset([])),
    );
    const started = Date.now();
    await new DspClient({ baseUrl: BASE, fetch, ...fast }).searchDocuments({ patient: 'p1' });
    assert.ok(Date.now() - started >= 950, 'waited less than the server asked');
    assert.equal(requests.length, 2);

    const patient = fakeFetch(() => retryAfter('3600'));
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch: patient.fetch, ...fast }).searchDocuments({
        patient: 'p1',
      }),
      (error: unknown) => error instanceof DspHttpError && error.status === 429,
    );
    assert.equal(patient.requests.length, 1);
  });

  it('never retries a write, and can be switched off', async () => {
    const { fetch, requests } = fakeFetch(() => fhir({}, 503));
    const client = new DspClient({ baseUrl: BASE, fetch, ...fast });
    await assert.rejects(
      client.breakTheGlass('p1', 'Patient inconscient aux urgences'),
      DspHttpError,
    );
    assert.equal(requests.length, 1);
    const off = fakeFetch(() => fhir({}, 503));
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch: off.fetch, retry: false }).searchDocuments({
        patient: 'p1',
      }),
      DspHttpError,
    );
    assert.equal(off.requests.length, 1);
  });

  it('stops waiting at once when aborted between tries', async () => {
    const controller = new AbortController();
    const { fetch } = fakeFetch(() => {
      setTimeout(() => controller.abort(), 5);
      return fhir({}, 503);
    });
    const client = new DspClient({
      baseUrl: BASE,
      fetch,
      retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    await assert.rejects(
      client.searchDocuments({ patient: 'p1' }, { signal: controller.signal }),
      (error: unknown) => error instanceof DOMException && error.name === 'AbortError',
    );
  });
});

describe('DspClient.searchDocuments parameters', () => {
  it('sends every ITI-67 parameter with its system', async () => {
    const { fetch, requests } = fakeFetch(() => fhir(searchset([])));
    await new DspClient({ baseUrl: BASE, fetch }).searchDocuments({
      patient: 'Patient/p1',
      status: 'superseded',
      type: ['certificat-medical', 'resume-patient'],
      category: 'synthese',
      from: '2025-01-01',
      to: '2025-12-31',
      author: 'Weber',
      securityLabel: ['N', 'R'],
      _sort: 'date',
      _count: 20,
    });
    const params = new URL(requests[0]!.url).searchParams;
    assert.equal(params.get('patient'), 'p1');
    assert.equal(params.get('status'), 'superseded');
    // Both types have a confirmed LOINC code (DOMAIN.md's ✓): LOINC first, then the DSP code.
    assert.equal(
      params.get('type'),
      'http://loinc.org|89601-9,https://dsp-kit.org/fhir/CodeSystem/dsp-document-type|certificat-medical,http://loinc.org|60591-5,https://dsp-kit.org/fhir/CodeSystem/dsp-document-type|resume-patient',
    );
    assert.equal(
      params.get('category'),
      'https://dsp-kit.org/fhir/CodeSystem/dsp-document-class|synthese',
    );
    assert.deepEqual(params.getAll('date'), ['ge2025-01-01', 'le2025-12-31']);
    assert.equal(params.get('author:Practitioner.family'), 'Weber');
    assert.equal(params.has('author.family'), false);
    assert.equal(
      params.get('security-label'),
      'http://terminology.hl7.org/CodeSystem/v3-Confidentiality|N,http://terminology.hl7.org/CodeSystem/v3-Confidentiality|R',
    );
    assert.equal(params.get('_sort'), 'date');
    assert.equal(params.get('_count'), '20');
  });

  it('searches a type by its DSP code alone where LOINC is unconfirmed or missing', async () => {
    const { fetch, requests } = fakeFetch(() => fhir(searchset([])));
    const client = new DspClient({ baseUrl: BASE, fetch });
    // Rapports médicaux: 11488-4 is only the kit's mapping (~); Expression du titulaire: none.
    await client.searchDocuments({ patient: 'p1', type: 'rapport-medical' });
    await client.searchDocuments({ patient: 'p1', type: 'expression-titulaire' });
    await client.searchDocuments({ patient: 'p1', type: 'resultat-biologie' });
    assert.deepEqual(
      requests.map((r) => new URL(r.url).searchParams.get('type')),
      [
        'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type|rapport-medical',
        'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type|expression-titulaire',
        'http://loinc.org|11502-2,https://dsp-kit.org/fhir/CodeSystem/dsp-document-type|resultat-biologie',
      ],
    );
  });

  it('refuses invalid values before sending anything', async () => {
    const { fetch, requests } = fakeFetch(() => fhir(searchset([])));
    const client = new DspClient({ baseUrl: BASE, fetch });
    const invalid: [Parameters<DspClient['searchDocuments']>[0], string][] = [
      [{ patient: 'p1', type: 'x-ray' }, 'type'],
      [{ patient: 'p1', category: 'misc' }, 'category'],
      [{ patient: 'p1', from: '2025-13-01' }, 'from'],
      [{ patient: 'p1', from: '2025-06-01', to: '2025-01-01' }, 'to'],
      [{ patient: 'p1', securityLabel: 'X' as 'N' }, 'securityLabel'],
      [{ patient: 'p1', _sort: 'title' as 'date' }, '_sort'],
      [{ patient: 'p1', status: 'draft' as 'current' }, 'status'],
      [{ patient: 'p1', author: ' ' }, 'author'],
    ];
    for (const [query, field] of invalid) {
      await assert.rejects(
        client.searchDocuments(query),
        (error: unknown) => error instanceof DspValidationError && error.field === field,
        field,
      );
    }
    assert.equal(requests.length, 0);
  });
});

describe('DspClient reads', () => {
  it('reads a document and a patient, refusing a resource of another type', async () => {
    const { fetch, requests } = fakeFetch((request) =>
      request.url.endsWith('/DocumentReference/d1')
        ? fhir({ resourceType: 'DocumentReference', id: 'd1' })
        : fhir({ resourceType: 'OperationOutcome', issue: [] }),
    );
    const client = new DspClient({ baseUrl: BASE, fetch });
    assert.equal((await client.readDocument('d1')).id, 'd1');
    await assert.rejects(
      client.readPatient('p1'),
      (error: unknown) =>
        error instanceof DspProtocolError &&
        error.message.includes('Expected a Patient, got OperationOutcome'),
    );
    assert.equal(requests[1]!.url, `${BASE}/Patient/p1`);
    await assert.rejects(client.readDocument('../admin'), DspValidationError);
  });
});

describe('DspClient.retrieveContent', () => {
  const bytes = new TextEncoder().encode('abc');
  const attachment = {
    url: 'Binary/b1',
    contentType: 'text/plain',
    size: 3,
    hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
  };

  it('downloads content with progress, checked against size and hash', async () => {
    const { fetch, requests } = fakeFetch(
      () => new Response(bytes, { headers: { 'Content-Type': 'text/plain' } }),
    );
    const progress: number[] = [];
    const client = new DspClient({
      baseUrl: BASE,
      fetch,
      tokens: { getAccessToken: () => Promise.resolve('t') },
    });
    const blob = await client.retrieveContent(attachment, {
      onProgress: (p) => progress.push(p.loaded),
    });
    assert.equal(await blob.text(), 'abc');
    assert.equal(blob.type, 'text/plain');
    assert.equal(progress.at(-1), 3);
    assert.equal(requests[0]!.url, `${BASE}/Binary/b1`);
    assert.equal(requests[0]!.headers.get('accept'), 'text/plain');
    assert.equal(requests[0]!.headers.get('authorization'), 'Bearer t');
  });

  it('asks for a FHIR-format document (an IPS Bundle) as itself, not as its Binary wrapper', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(bytes));
    const client = new DspClient({ baseUrl: BASE, fetch });
    for (const contentType of ['application/fhir+json', 'application/fhir+xml; fhirVersion=4.0']) {
      const blob = await client.retrieveContent({ ...attachment, contentType, hash: undefined });
      assert.equal(blob.type, contentType.toLowerCase());
    }
    // FHIR's Binary read gives the resource for a FHIR Accept, the bytes for any other one.
    assert.deepEqual(
      requests.map((r) => r.headers.get('accept')),
      ['*/*', '*/*'],
    );
  });

  it('refuses content whose hash or size does not match', async () => {
    const { fetch } = fakeFetch(() => new Response(new TextEncoder().encode('abd')));
    const client = new DspClient({ baseUrl: BASE, fetch });
    await assert.rejects(
      client.retrieveContent(attachment),
      (error: unknown) => error instanceof DspIntegrityError && error.check === 'hash',
    );
    await assert.rejects(
      client.retrieveContent({ ...attachment, size: 4 }),
      (error: unknown) => error instanceof DspIntegrityError && error.check === 'size',
    );
  });

  it('fetches content on an origin the host allows, without the token', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(bytes));
    const client = new DspClient({
      baseUrl: BASE,
      fetch,
      tokens: { getAccessToken: () => Promise.resolve('t') },
      contentOrigins: ['https://cdn.example'],
    });
    await client.retrieveContent({ url: 'https://cdn.example/b1' });
    assert.equal(requests[0]!.url, 'https://cdn.example/b1');
    assert.equal(requests[0]!.headers.get('authorization'), null);
  });

  it('refuses content on any other origin before any request, naming its host', async () => {
    const { fetch, requests } = fakeFetch(() => new Response(bytes));
    let asked = 0;
    const client = new DspClient({
      baseUrl: BASE,
      fetch,
      tokens: { getAccessToken: () => Promise.resolve(`t-${++asked}`) },
      contentOrigins: ['https://cdn.example'],
    });
    for (const url of ['https://tracker.example/pixel.png?doc=d1', 'https://cdn.example.evil/b1']) {
      await assert.rejects(client.retrieveContent({ url, contentType: 'image/png' }), (error) => {
        assert.ok(error instanceof DspContentOriginError);
        assert.equal(error.host, new URL(url).host);
        assert.equal(error.field, 'attachment.url');
        return true;
      });
    }
    const noList = new DspClient({ baseUrl: BASE, fetch });
    await assert.rejects(
      noList.retrieveContent({ url: 'https://cdn.example/b1' }),
      DspContentOriginError,
    );
    assert.equal(requests.length, 0);
    assert.equal(asked, 0, 'the token provider was not even asked');
  });

  it('refuses a contentOrigins entry that is not an origin', () => {
    for (const contentOrigins of [
      ['cdn.example'],
      ['https://cdn.example/files'],
      ['ftp://cdn.example'],
    ]) {
      assert.throws(
        () => new DspClient({ baseUrl: BASE, contentOrigins }),
        (error: unknown) => error instanceof DspValidationError && error.field === 'contentOrigins',
      );
    }
  });

  it('decodes inline data, and refuses an attachment with neither url nor data', async () => {
    const client = new DspClient({ baseUrl: BASE, fetch: fakeFetch(() => fhir({})).fetch });
    const blob = await client.retrieveContent({
      data: 'YWJj',
      contentType: 'text/plain',
      hash: attachment.hash,
    });
    assert.equal(await blob.text(), 'abc');
    await assert.rejects(client.retrieveContent({}), DspValidationError);
  });
});

describe('DspClient consent', () => {
  const consent = {
    resourceType: 'Consent',
    id: 'c1',
    meta: { versionId: '3' },
    status: 'active',
    scope: { coding: [{ code: 'patient-privacy' }] },
    category: [{ coding: [{ code: '59284-0' }] }],
    patient: { reference: 'Patient/p1' },
    policyRule: { coding: [{ code: 'OPTOUT' }] },
    provision: { type: 'permit' },
  };

  it('finds the Consent, then reads it for its ETag', async () => {
    const { fetch, requests } = fakeFetch((request) =>
      request.url.includes('/Consent?')
        ? fhir({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: consent }] })
        : new Response(JSON.stringify(consent), {
            headers: { ETag: 'W/"3"', 'Content-Type': 'application/fhir+json' },
          }),
    );
    const result = await new DspClient({ baseUrl: BASE, fetch }).getConsent('p1');
    assert.equal(result.etag, 'W/"3"');
    assert.equal(result.consent.id, 'c1');
    assert.equal(
      new URL(requests[0]!.url).searchParams.get('scope'),
      'http://terminology.hl7.org/CodeSystem/consentscope|patient-privacy',
    );
    assert.equal(requests[1]!.url, `${BASE}/Consent/c1`);
  });

  it('gives a default Consent to create when the patient has none', async () => {
    const { fetch } = fakeFetch(() => fhir(searchset([])));
    const result = await new DspClient({ baseUrl: BASE, fetch }).getConsent('p1');
    assert.equal(result.etag, undefined);
    assert.equal(result.consent.id, undefined);
    assert.equal(result.consent.patient?.reference, 'Patient/p1');
  });

  it('saves with If-Match, and creates with If-None-Exist', async () => {
    const { fetch, requests } = fakeFetch((request) =>
      fhir({ ...consent, meta: { versionId: request.method === 'PUT' ? '4' : '1' } }),
    );
    const client = new DspClient({ baseUrl: BASE, fetch });
    const saved = await client.saveConsent(consent as never, 'W/"3"');
    assert.equal(saved.etag, 'W/"4"');
    assert.equal(requests[0]!.method, 'PUT');
    assert.equal(requests[0]!.headers.get('if-match'), 'W/"3"');
    assert.equal(requests[0]!.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
    await client.saveConsent({ ...consent, id: undefined } as never, undefined);
    assert.equal(requests[1]!.method, 'POST');
    assert.match(requests[1]!.headers.get('if-none-exist') ?? '', /^patient=p1&scope=/);
    await assert.rejects(client.saveConsent(consent as never, undefined), DspValidationError);
  });

  it("turns a 412 into a DspConflictError carrying the server's current version", async () => {
    const { fetch } = fakeFetch((request) => {
      if (request.method === 'PUT')
        return fhir({ resourceType: 'OperationOutcome', issue: [] }, 412);
      if (request.url.includes('/Consent?'))
        return fhir({ resourceType: 'Bundle', type: 'searchset', entry: [{ resource: consent }] });
      return new Response(JSON.stringify({ ...consent, meta: { versionId: '5' } }), {
        headers: { ETag: 'W/"5"', 'Content-Type': 'application/fhir+json' },
      });
    });
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).saveConsent(consent as never, 'W/"3"'),
      (error: unknown) => {
        assert.ok(error instanceof DspConflictError);
        assert.equal(error.status, 412);
        assert.equal(error.kind, 'conflict');
        assert.equal(error.etag, 'W/"5"');
        assert.equal(error.current?.meta?.versionId, '5');
        return true;
      },
    );
  });
});

describe('DspClient audit, directory, provide and break-the-glass', () => {
  it('searches AuditEvents with ITI-81 parameters', async () => {
    const { fetch, requests } = fakeFetch(() =>
      fhir({ resourceType: 'Bundle', type: 'searchset' }),
    );
    await new DspClient({ baseUrl: BASE, fetch }).searchAuditEvents({
      patient: 'p1',
      from: '2026-01-01',
      agent: 'Practitioner/x',
      action: 'R',
      entity: 'DocumentReference/d1',
      _count: 50,
    });
    const params = new URL(requests[0]!.url).searchParams;
    assert.deepEqual(
      [...params.entries()],
      [
        ['patient', 'p1'],
        ['date', 'ge2026-01-01'],
        ['agent', 'Practitioner/x'],
        ['action', 'R'],
        ['entity', 'DocumentReference/d1'],
        ['_sort', '-date'],
        ['_count', '50'],
      ],
    );
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).searchAuditEvents({
        patient: 'p1',
        action: 'X' as 'R',
      }),
      DspValidationError,
    );
  });

  it('finds professionals with their practitioner and organisation', async () => {
    const { fetch, requests } = fakeFetch(() =>
      fhir({
        resourceType: 'Bundle',
        type: 'searchset',
        entry: [
          {
            resource: {
              resourceType: 'PractitionerRole',
              id: 'r1',
              practitioner: { reference: 'Practitioner/x' },
              organization: { reference: 'Organization/chl' },
              code: [
                {
                  coding: [
                    { system: 'https://dsp-kit.org/fhir/CodeSystem/profession', code: 'infirmier' },
                  ],
                },
              ],
            },
            search: { mode: 'match' },
          },
          {
            resource: { resourceType: 'Practitioner', id: 'x', name: [{ family: 'Weber' }] },
            search: { mode: 'include' },
          },
          {
            resource: { resourceType: 'Organization', id: 'chl', name: 'CHL' },
            search: { mode: 'include' },
          },
        ],
      }),
    );
    const [entry] = await new DspClient({ baseUrl: BASE, fetch }).searchPractitioners('Web', {
      profession: 'infirmier',
    });
    assert.equal(entry?.practitioner?.name?.[0]?.family, 'Weber');
    assert.equal(entry?.organization?.name, 'CHL');
    assert.equal(entry?.profession, 'infirmier');
    const params = new URL(requests[0]!.url).searchParams;
    assert.equal(params.get('practitioner:Practitioner.name'), 'Web');
    assert.equal(params.has('practitioner.name'), false);
    assert.equal(params.get('role'), 'https://dsp-kit.org/fhir/CodeSystem/profession|infirmier');
    assert.deepEqual(params.getAll('_include'), [
      'PractitionerRole:practitioner',
      'PractitionerRole:organization',
    ]);
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch }).searchPractitioners('Web', { profession: 'wizard' }),
      DspValidationError,
    );
  });

  it('posts the ITI-65 transaction to the base and reads the locations', async () => {
    const { fetch, requests } = fakeFetch(() =>
      fhir({
        resourceType: 'Bundle',
        type: 'transaction-response',
        entry: [{ response: { status: '201 Created', location: 'List/l1/_history/1' } }],
      }),
    );
    const result = await new DspClient({ baseUrl: BASE, fetch }).provideDocuments(textSubmission());
    assert.deepEqual(result.entries, [{ status: '201 Created', location: 'List/l1/_history/1' }]);
    assert.equal(requests[0]!.method, 'POST');
    assert.equal(requests[0]!.url, `${BASE}/`);
    assert.equal(((await requests[0]!.json()) as { type: string }).type, 'transaction');
  });

  it('sends through the given fetch where there is no XMLHttpRequest, progress or not', async () => {
    assert.equal(typeof XMLHttpRequest, 'undefined', 'Node has no XMLHttpRequest');
    const { fetch, requests } = fakeFetch(() =>
      fhir({ resourceType: 'Bundle', type: 'transaction-response', entry: [] }),
    );
    const progress: number[] = [];
    const result = await new DspClient({ baseUrl: BASE, fetch }).provideDocuments(
      textSubmission(),
      {
        onUploadProgress: (loaded) => progress.push(loaded),
      },
    );
    assert.deepEqual(result.entries, []);
    assert.equal(requests.length, 1);
    assert.equal(((await requests[0]!.json()) as { type: string }).type, 'transaction');
    assert.deepEqual(progress, [], 'never called without XMLHttpRequest');
  });

  it('refuses an invalid submission before sending anything, with or without progress', async () => {
    const { fetch, requests } = fakeFetch(() => fhir({}));
    const client = new DspClient({ baseUrl: BASE, fetch });
    const invalid = { ...textSubmission(), patient: ' ' };
    await assert.rejects(
      client.provideDocuments(invalid),
      (error: unknown) => error instanceof DspValidationError && error.field === 'patient',
    );
    await assert.rejects(
      client.provideDocuments(invalid, { onUploadProgress: () => undefined }),
      (error: unknown) => error instanceof DspValidationError && error.field === 'patient',
    );
    assert.equal(requests.length, 0);
  });

  it('asks for emergency access with a reason', async () => {
    const { fetch, requests } = fakeFetch(() =>
      fhir({
        resourceType: 'Parameters',
        parameter: [{ name: 'expires', valueInstant: '2026-11-27T10:00:00Z' }],
      }),
    );
    const client = new DspClient({ baseUrl: BASE, fetch });
    assert.deepEqual(await client.breakTheGlass('p1', 'Patient inconscient aux urgences'), {
      expires: '2026-11-27T10:00:00Z',
    });
    assert.equal(requests[0]!.url, `${BASE}/Patient/p1/$break-the-glass`);
    assertValidR4((await requests[0]!.json()) as Resource);
    await assert.rejects(
      client.breakTheGlass('p1', 'urgence'),
      (e: unknown) => e instanceof DspValidationError && e.field === 'reason',
    );
    assert.equal(requests.length, 1);
  });
});

describe('DspClient emergency access strategies', () => {
  const reason = '  Patient inconscient aux urgences  ';

  it('uses the $break-the-glass operation when told so, as by default', async () => {
    const { fetch, requests } = fakeFetch(() =>
      fhir({ resourceType: 'Parameters', parameter: [{ name: 'expires', valueInstant: 'x' }] }),
    );
    const client = new DspClient({ baseUrl: BASE, fetch, emergencyAccess: 'operation' });
    assert.deepEqual(await client.breakTheGlass('Patient/p1', reason), { expires: 'x' });
    assert.equal(requests[0]!.url, `${BASE}/Patient/p1/$break-the-glass`);
  });

  it('asks the host instead, with the patient, the reason and a signal, and sends nothing', async () => {
    const { fetch, requests } = fakeFetch(() => fhir({}));
    const calls: [string, string, AbortSignal][] = [];
    const client = new DspClient({
      baseUrl: BASE,
      fetch,
      emergencyAccess: (patient, text, signal) => {
        calls.push([patient, text, signal]);
        return Promise.resolve({ expires: '2026-11-27T10:00:00Z' });
      },
    });
    const controller = new AbortController();
    assert.deepEqual(
      await client.breakTheGlass('Patient/p1', reason, { signal: controller.signal }),
      { expires: '2026-11-27T10:00:00Z' },
    );
    assert.deepEqual(calls, [['p1', 'Patient inconscient aux urgences', controller.signal]]);
    assert.ok((await client.breakTheGlass('p1', reason)).expires);
    assert.ok(calls[1]![2] instanceof AbortSignal, 'a signal even when the caller gave none');
    const unbounded = new DspClient({
      baseUrl: BASE,
      fetch,
      emergencyAccess: () => Promise.resolve({}),
    });
    assert.deepEqual(await unbounded.breakTheGlass('p1', reason), { expires: undefined });
    assert.equal(requests.length, 0);
  });

  it('checks the patient and the reason before calling the host', async () => {
    let called = 0;
    const client = new DspClient({
      baseUrl: BASE,
      emergencyAccess: () => {
        called++;
        return Promise.resolve({});
      },
    });
    for (const [patient, text, field] of [
      ['p1', 'urgence', 'reason'],
      ['p1', 'x'.repeat(501), 'reason'],
      ['../p1', reason, 'patient'],
    ] as const) {
      await assert.rejects(
        client.breakTheGlass(patient, text),
        (error: unknown) => error instanceof DspValidationError && error.field === field,
      );
    }
    assert.equal(called, 0);
  });

  it('passes the host’s DspErrors and abort on, and reports any other failure as DspAuthError', async () => {
    const failing = (error: Error) =>
      new DspClient({ baseUrl: BASE, emergencyAccess: () => Promise.reject(error) });
    const refused = new DspHttpError(403);
    await assert.rejects(failing(refused).breakTheGlass('p1', reason), (e) => e === refused);
    await assert.rejects(failing(new Error('invalid_grant')).breakTheGlass('p1', reason), (e) => {
      assert.ok(e instanceof DspAuthError);
      assert.match(e.message, /invalid_grant/);
      return true;
    });
    const controller = new AbortController();
    const pending = new DspClient({
      baseUrl: BASE,
      emergencyAccess: (_p, _r, signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('stopped')));
        }),
    }).breakTheGlass('p1', reason, { signal: controller.signal });
    controller.abort();
    await assert.rejects(
      pending,
      (e: unknown) => e instanceof DOMException && e.name === 'AbortError',
    );
  });

  it('refuses an emergencyAccess that is neither "operation" nor a function', () => {
    assert.throws(
      () => new DspClient({ baseUrl: BASE, emergencyAccess: 'token' as 'operation' }),
      (error: unknown) => error instanceof DspValidationError && error.field === 'emergencyAccess',
    );
  });
});

describe('what DspClient sends', () => {
  it('is valid FHIR R4: a new Consent, an updated one, a provide transaction', async () => {
    const { fetch, requests } = fakeFetch((request) =>
      request.method === 'POST' && request.url.endsWith('/fhir/')
        ? fhir({ resourceType: 'Bundle', type: 'transaction-response', entry: [] })
        : fhir({ ...defaultConsent('p1'), id: 'c1', meta: { versionId: '1' } }),
    );
    const client = new DspClient({ baseUrl: BASE, fetch });
    await client.saveConsent(defaultConsent('p1'), undefined);
    await client.saveConsent({ ...defaultConsent('p1'), id: 'c1' }, 'W/"1"');
    await client.provideDocuments({
      uuid: '6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
      patient: 'p1',
      author: { reference: 'Patient/p1' },
      date: '2026-11-26T08:00:00Z',
      documents: [
        {
          uuid: '0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
          typeCode: 'expression-titulaire',
          title: 'Mes directives',
          contentType: 'text/plain',
          data: 'YWJj',
          size: 3,
          hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
        },
      ],
    });
    assert.equal(requests.length, 3);
    for (const request of requests) assertValidR4((await request.json()) as Resource);
  });
});

describe('where DspClient sends its token', () => {
  const tokens = (asked: (TokenRequest | undefined)[]): TokenProvider => ({
    getAccessToken: (request) => {
      asked.push(request);
      return Promise.resolve('t');
    },
  });

  it('sends the token under the base only, not elsewhere on its origin', async () => {
    const { fetch, requests } = fakeFetch(() => new Response('abc'));
    const client = new DspClient({ baseUrl: BASE, fetch, tokens: tokens([]) });
    const outside = [
      'https://dsp.example/files/b1',
      '/admin/b1',
      `${BASE}/../admin/b1`,
      `${BASE}/%2e%2e/admin/b1`,
      `${BASE}/..%2fadmin/b1`,
      `${BASE}/..;/admin/b1`,
      'https://dsp.example/fhirx/b1',
    ];
    for (const url of ['Binary/b1', `${BASE}/Binary/b2`, ...outside]) {
      await client.retrieveContent({ url });
    }
    const sent = requests.map((r) => [r.url, r.headers.get('authorization')]);
    assert.deepEqual(sent.slice(0, 2), [
      [`${BASE}/Binary/b1`, 'Bearer t'],
      [`${BASE}/Binary/b2`, 'Bearer t'],
    ]);
    for (const [url, authorization] of sent.slice(2)) {
      assert.equal(authorization, null, url ?? undefined);
    }
    assert.equal(sent.length, 2 + outside.length);
  });

  it('neither asks for a token nor refreshes it on a 401 outside the base', async () => {
    const asked: (TokenRequest | undefined)[] = [];
    const { fetch, requests } = fakeFetch(() => fhir({}, 401));
    const client = new DspClient({ baseUrl: BASE, fetch, tokens: tokens(asked) });
    await assert.rejects(
      client.retrieveContent({ url: 'https://dsp.example/files/b1' }),
      (error: unknown) => error instanceof DspHttpError && error.status === 401,
    );
    assert.equal(requests.length, 1);
    assert.deepEqual(asked, []);
  });

  it('refuses a next link that leaves the base, before following it', async () => {
    for (const next of [
      'https://dsp.example/other/DocumentReference?page=2',
      `${BASE}/../other/DocumentReference?page=2`,
      `${BASE}/..%2fother/DocumentReference?page=2`,
    ]) {
      const { fetch, requests } = fakeFetch(() =>
        fhir(searchset(['d1'], { link: [{ relation: 'next', url: next }] })),
      );
      const client = new DspClient({ baseUrl: BASE, fetch, tokens: tokens([]) });
      await assert.rejects(
        client.searchDocuments({ patient: 'p1' }),
        (error: unknown) =>
          error instanceof DspProtocolError && error.message.includes('outside the FHIR base'),
        next,
      );
      assert.equal(requests.length, 1);
    }
  });
});

describe('DspClient.batch', () => {
  it('posts a batch, retries it when it holds GETs only, and checks the answer', async () => {
    const { fetch, requests } = fakeFetch((_r, call) =>
      call === 1
        ? fhir({}, 503)
        : fhir({ resourceType: 'Bundle', type: 'batch-response', entry: [] }),
    );
    const client = new DspClient({ baseUrl: BASE, fetch, retry: { baseDelayMs: 1 } });
    const gets = {
      resourceType: 'Bundle' as const,
      type: 'batch' as const,
      entry: [{ request: { method: 'GET' as const, url: 'Patient/p1' } }],
    };
    assert.equal((await client.batch(gets)).type, 'batch-response');
    assert.equal(requests.length, 2);
    assert.equal(requests[1]!.url, `${BASE}/`);
    await assert.rejects(
      client.batch({ resourceType: 'Bundle', type: 'transaction' }),
      DspValidationError,
    );
    const wrong = fakeFetch(() => fhir({ resourceType: 'Bundle', type: 'searchset' }));
    await assert.rejects(
      new DspClient({ baseUrl: BASE, fetch: wrong.fetch }).batch(gets),
      DspProtocolError,
    );
  });
});
