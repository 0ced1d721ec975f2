// DspClient's HTTP behaviour in Chromium, against msw's real service worker: paging, retries,
// Retry-After, the 401 refresh, conflicts, abort, integrity, the IndexedDB cache, and the
// XMLHttpRequest path of provideDocuments (upload progress).
import { expect } from '@open-wc/testing';
import { HttpResponse, http, type HttpHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { DspCache } from '../src/cache.js';
import { DspClient } from '../src/client.js';
import {
  DspAuthError,
  DspConflictError,
  DspContentOriginError,
  DspHttpError,
  DspIntegrityError,
  DspNetworkError,
} from '../src/errors.js';
import type { DocumentSubmission } from '../src/provide.js';
import type { ReadCache } from '../src/read-cache.js';

const BASE = `${location.origin}/fhir-client-test`;
const FHIR = { 'Content-Type': 'application/fhir+json' };
const worker = setupWorker();

function doc(id: string) {
  return { resourceType: 'DocumentReference', id, status: 'current', content: [] };
}

function searchset(ids: string[], next?: string) {
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: 3,
    ...(next ? { link: [{ relation: 'next', url: next }] } : {}),
    entry: ids.map((id) => ({ resource: doc(id), search: { mode: 'match' } })),
  };
}

/** Serves `handlers` and counts the requests that reach them. */
function serve(...handlers: HttpHandler[]) {
  worker.resetHandlers(...handlers);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
after(() => worker.stop());

describe('DspClient over HTTP', () => {
  it('follows next links to the last page', async () => {
    serve(
      http.get(`${BASE}/DocumentReference`, ({ request }) => {
        const page = new URL(request.url).searchParams.get('page') ?? '1';
        return HttpResponse.json(
          page === '1'
            ? searchset(['a', 'b'], `${BASE}/DocumentReference?patient=p1&page=2`)
            : searchset(['c']),
          { headers: FHIR },
        );
      }),
    );
    const client = new DspClient({ baseUrl: BASE });
    const first = await client.searchDocuments({ patient: 'p1' });
    const second = await first.next();
    expect(first.entries.map((d) => d.id)).to.deep.equal(['a', 'b']);
    expect(first.total).to.equal(3);
    expect(second?.entries.map((d) => d.id)).to.deep.equal(['c']);
    expect(second?.hasNext).to.equal(false);
  });

  it('retries a 503 honouring Retry-After, then succeeds', async () => {
    const times: number[] = [];
    serve(
      http.get(`${BASE}/DocumentReference`, () => {
        times.push(performance.now());
        return times.length === 1
          ? new HttpResponse(null, { status: 503, headers: { 'Retry-After': '1' } })
          : HttpResponse.json(searchset(['a']), { headers: FHIR });
      }),
    );
    const page = await new DspClient({ baseUrl: BASE }).searchDocuments({ patient: 'p1' });
    expect(page.entries).to.have.length(1);
    expect(times).to.have.length(2);
    expect(times[1]! - times[0]!).to.be.at.least(950);
  });

  it('asks the token provider again after a 401 and retries once, then gives up', async () => {
    serve(
      http.get(`${BASE}/Patient/p1`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer fresh'
          ? HttpResponse.json({ resourceType: 'Patient', id: 'p1' }, { headers: FHIR })
          : new HttpResponse(null, { status: 401 }),
      ),
    );
    const tokens = ['stale', 'fresh'];
    const client = new DspClient({
      baseUrl: BASE,
      tokens: { getAccessToken: () => Promise.resolve(tokens.shift() ?? 'stale') },
    });
    expect((await client.readPatient('p1')).id).to.equal('p1');
    const error = await rejection(client.readPatient('p1'));
    expect(error).to.be.instanceOf(DspAuthError);
  });

  it('sends the token under the base only, and nothing at all to an origin not allowed', async () => {
    const seen: [string, string | null][] = [];
    const record = ({ request }: { request: Request }) => {
      seen.push([request.url, request.headers.get('authorization')]);
      return new HttpResponse('abc', { headers: { 'Content-Type': 'text/plain' } });
    };
    serve(
      http.get(`${BASE}/*`, record),
      http.get(`${location.origin}/elsewhere/b1`, record),
      http.get('https://files.example.test/b1', record),
      http.get('https://tracker.example.test/b1', record),
    );
    const client = new DspClient({
      baseUrl: BASE,
      tokens: { getAccessToken: () => Promise.resolve('t') },
      contentOrigins: ['https://files.example.test'],
    });
    for (const url of [
      'Binary/b1',
      `${location.origin}/elsewhere/b1`,
      `${BASE}/..%2felsewhere/b1`,
      'https://files.example.test/b1',
    ]) {
      expect(await (await client.retrieveContent({ url })).text()).to.equal('abc');
    }
    const refused = await rejection(
      client.retrieveContent({ url: 'https://tracker.example.test/b1' }),
    );
    expect(refused).to.be.instanceOf(DspContentOriginError);
    expect((refused as DspContentOriginError).host).to.equal('tracker.example.test');
    expect(seen).to.deep.equal([
      [`${BASE}/Binary/b1`, 'Bearer t'],
      [`${location.origin}/elsewhere/b1`, null],
      [`${BASE}/..%2felsewhere/b1`, null],
      ['https://files.example.test/b1', null],
    ]);
  });

  it("turns a 412 into a DspConflictError with the server's current Consent", async () => {
    const current = {
      resourceType: 'Consent',
      id: 'c1',
      meta: { versionId: '7' },
      status: 'active',
      patient: { reference: 'Patient/p1' },
    };
    serve(
      http.put(`${BASE}/Consent/c1`, () =>
        HttpResponse.json(
          {
            resourceType: 'OperationOutcome',
            issue: [{ severity: 'error', code: 'conflict', diagnostics: 'Version mismatch' }],
          },
          { status: 412, headers: FHIR },
        ),
      ),
      http.get(`${BASE}/Consent`, () =>
        HttpResponse.json(
          { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: current }] },
          { headers: FHIR },
        ),
      ),
      http.get(`${BASE}/Consent/c1`, () =>
        HttpResponse.json(current, { headers: { ...FHIR, ETag: 'W/"7"' } }),
      ),
    );
    const error = await rejection(
      new DspClient({ baseUrl: BASE }).saveConsent(
        { ...current, meta: { versionId: '6' } } as never,
        'W/"6"',
      ),
    );
    expect(error).to.be.instanceOf(DspConflictError);
    expect((error as DspConflictError).etag).to.equal('W/"7"');
    expect((error as DspConflictError).serverMessage).to.equal('Version mismatch');
  });

  it('aborts a request in flight', async () => {
    serve(http.get(`${BASE}/DocumentReference`, () => new Promise<Response>(() => undefined)));
    const controller = new AbortController();
    const pending = new DspClient({ baseUrl: BASE }).searchDocuments(
      { patient: 'p1' },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(pending);
    expect((error as DOMException).name).to.equal('AbortError');
  });

  it('reports download progress and refuses content that fails its hash', async () => {
    const body = new Uint8Array(200_000).fill(7);
    serve(
      http.get(
        `${BASE}/Binary/b1`,
        () => new HttpResponse(body, { headers: { 'Content-Type': 'application/pdf' } }),
      ),
    );
    const client = new DspClient({ baseUrl: BASE });
    const progress: number[] = [];
    const blob = await client.retrieveContent(
      { url: 'Binary/b1', contentType: 'application/pdf', size: body.length },
      { onProgress: ({ loaded }) => progress.push(loaded) },
    );
    expect(blob.size).to.equal(body.length);
    expect(progress.at(-1)).to.equal(body.length);
    const error = await rejection(
      client.retrieveContent({
        url: 'Binary/b1',
        size: body.length,
        hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
      }),
    );
    expect(error).to.be.instanceOf(DspIntegrityError);
    expect((error as DspIntegrityError).check).to.equal('hash');
  });
});

describe('DspClient with DspCache (IndexedDB)', () => {
  afterEach(() => DspCache.clearAll());

  it('answers from the cache when the server cannot be reached, saying when it was stored', async () => {
    const cache = await DspCache.open({ server: BASE, user: 'dr-weber' });
    const client = new DspClient({ baseUrl: BASE, cache, retry: false });
    serve(
      http.get(`${BASE}/DocumentReference`, () =>
        HttpResponse.json(searchset(['a']), { headers: FHIR }),
      ),
    );
    const online = await client.searchDocuments({ patient: 'p1' });
    expect(online.cachedAt).to.equal(undefined);
    serve(http.get(`${BASE}/DocumentReference`, () => HttpResponse.error()));
    const offline = await client.searchDocuments({ patient: 'p1' });
    expect(offline.entries.map((d) => d.id)).to.deep.equal(['a']);
    expect(offline.cachedAt).to.be.instanceOf(Date);
    const uncached = await rejection(client.searchDocuments({ patient: 'p2' }));
    expect(uncached).to.be.instanceOf(DspNetworkError);
  });

  it('answers at once from the cache with stale-while-revalidate, then gives the fresh page', async () => {
    const cache = await DspCache.open({ server: BASE, user: 'dr-weber' });
    const client = new DspClient({ baseUrl: BASE, cache });
    serve(
      http.get(`${BASE}/DocumentReference`, () =>
        HttpResponse.json(searchset(['old']), { headers: FHIR }),
      ),
    );
    await client.searchDocuments({ patient: 'p1' });
    serve(
      http.get(`${BASE}/DocumentReference`, () =>
        HttpResponse.json(searchset(['new']), { headers: FHIR }),
      ),
    );
    let resolveFresh: (ids: (string | undefined)[]) => void = () => undefined;
    const fresh = new Promise<(string | undefined)[]>((resolve) => (resolveFresh = resolve));
    const stale = await client.searchDocuments(
      { patient: 'p1' },
      {
        cache: 'stale-while-revalidate',
        onRevalidate: (page) => resolveFresh(page.entries.map((d) => d.id)),
      },
    );
    expect(stale.entries.map((d) => d.id)).to.deep.equal(['old']);
    expect(await fresh).to.deep.equal(['new']);
    expect(
      (await cache.get(`${BASE}/DocumentReference?patient=p1&status=current&_sort=-date`))?.value,
    ).to.deep.equal(searchset(['new']));
  });

  it('says when stale-while-revalidate could not get a fresh answer', async () => {
    const cache = await DspCache.open({ server: BASE, user: 'dr-weber' });
    const client = new DspClient({ baseUrl: BASE, cache, retry: false });
    serve(
      http.get(`${BASE}/DocumentReference`, () =>
        HttpResponse.json(searchset(['old']), { headers: FHIR }),
      ),
    );
    await client.searchDocuments({ patient: 'p1' });
    serve(http.get(`${BASE}/DocumentReference`, () => HttpResponse.error()));
    let resolveFailure: (error: unknown) => void = () => undefined;
    const failure = new Promise<unknown>((resolve) => (resolveFailure = resolve));
    const stale = await client.searchDocuments(
      { patient: 'p1' },
      {
        cache: 'stale-while-revalidate',
        onRevalidate: () => resolveFailure(new Error('revalidated although offline')),
        onRevalidateError: resolveFailure,
      },
    );
    expect(stale.entries.map((d) => d.id)).to.deep.equal(['old']);
    expect(stale.cachedAt).to.be.instanceOf(Date);
    expect(await failure).to.be.instanceOf(DspNetworkError);
  });

  it("keeps each user's data apart, and clearAll() deletes every database", async () => {
    const weber = await DspCache.open({ server: BASE, user: 'dr-weber' });
    const muller = await DspCache.open({ server: BASE, user: 'dr-muller' });
    await weber.put('k', { secret: 1 });
    expect(await muller.get('k')).to.equal(undefined);
    expect(weber.name).not.to.contain('weber');
    await DspCache.clearAll();
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    expect(names.filter((n) => n.startsWith('dsp-kit'))).to.deep.equal([]);
    const reopened = await DspCache.open({ server: BASE, user: 'dr-weber' });
    expect(await reopened.get('k')).to.equal(undefined);
  });

  it('evicts the oldest entries beyond its size', async () => {
    const cache = await DspCache.open({ server: BASE, user: 'u', maxEntries: 2 });
    await cache.put('a', 1);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cache.put('b', 2);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await cache.put('c', 3);
    expect(await cache.get('a')).to.equal(undefined);
    expect((await cache.get('c'))?.value).to.equal(3);
  });

  it('never fails a read because the cache fails', async () => {
    const broken: ReadCache = {
      get: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
      put: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
    };
    serve(
      http.get(`${BASE}/DocumentReference`, () =>
        HttpResponse.json(searchset(['a']), { headers: FHIR }),
      ),
    );
    const client = new DspClient({ baseUrl: BASE, cache: broken });
    expect((await client.searchDocuments({ patient: 'p1' })).entries).to.have.length(1);
    expect(
      (await client.searchDocuments({ patient: 'p1' }, { cache: 'stale-while-revalidate' }))
        .entries,
    ).to.have.length(1);
  });
});

/** A one-document submission of `size` bytes (the hash is well-formed; the handlers never check it). */
function submission(size = 200_000): DocumentSubmission {
  const bytes = new Uint8Array(size).fill(65);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return {
    uuid: crypto.randomUUID(),
    patient: 'p1',
    author: { reference: 'Practitioner/paul-weber' },
    date: '2026-11-26T09:30:00Z',
    documents: [
      {
        uuid: crypto.randomUUID(),
        typeCode: 'resume-patient',
        title: 'Résumé',
        contentType: 'text/plain',
        data: btoa(binary),
        size,
        hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
        language: 'fr',
        confidentiality: 'N',
      },
    ],
  };
}

const transactionResponse = {
  resourceType: 'Bundle',
  type: 'transaction-response',
  entry: [
    { response: { status: '201 Created', location: 'List/l1/_history/1' } },
    { response: { status: '201 Created', location: 'DocumentReference/d1/_history/1' } },
    { response: { status: '201 Created', location: 'Binary/b1/_history/1' } },
  ],
};

describe('provideDocuments with upload progress (XMLHttpRequest)', () => {
  it('reports progress up to the whole body, with the same headers and the 401 retry', async () => {
    const seen: {
      auth: string | null;
      type: string | null;
      accept: string | null;
      size: number;
    }[] = [];
    serve(
      http.post(`${BASE}/`, async ({ request }) => {
        const body = await request.arrayBuffer();
        const auth = request.headers.get('authorization');
        seen.push({
          auth,
          type: request.headers.get('content-type'),
          accept: request.headers.get('accept'),
          size: body.byteLength,
        });
        return auth === 'Bearer fresh'
          ? HttpResponse.json(transactionResponse, { headers: FHIR })
          : new HttpResponse(null, { status: 401 });
      }),
    );
    const tokens = ['stale', 'fresh'];
    const client = new DspClient({
      baseUrl: BASE,
      tokens: { getAccessToken: () => Promise.resolve(tokens.shift() ?? 'fresh') },
    });
    const progress: [number, number][] = [];
    const result = await client.provideDocuments(submission(), {
      onUploadProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(result.entries[1]?.location).to.equal('DocumentReference/d1/_history/1');
    expect(seen.map((s) => s.auth)).to.deep.equal(['Bearer stale', 'Bearer fresh']);
    expect(seen[1]?.type).to.match(/^application\/fhir\+json/);
    expect(seen[1]?.accept).to.equal('application/fhir+json');
    const last = progress.at(-1)!;
    expect(last[0]).to.equal(last[1]);
    expect(last[1]).to.equal(seen[1]?.size);
    for (const [loaded, total] of progress) expect(loaded).to.be.at.most(total);
  });

  it('maps a 422 to a DspHttpError with its OperationOutcome, and a network error', async () => {
    const outcome = {
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'invalid', diagnostics: 'Type inconnu' }],
    };
    serve(http.post(`${BASE}/`, () => HttpResponse.json(outcome, { status: 422, headers: FHIR })));
    const client = new DspClient({ baseUrl: BASE });
    const onUploadProgress = () => undefined;
    const http422 = await rejection(client.provideDocuments(submission(10), { onUploadProgress }));
    expect(http422).to.be.instanceOf(DspHttpError);
    expect((http422 as DspHttpError).status).to.equal(422);
    expect((http422 as DspHttpError).outcome?.issue[0]?.diagnostics).to.equal('Type inconnu');

    serve(http.post(`${BASE}/`, () => HttpResponse.error()));
    const network = await rejection(client.provideDocuments(submission(10), { onUploadProgress }));
    expect(network).to.be.instanceOf(DspNetworkError);
    expect((network as DspNetworkError).timedOut).to.equal(false);
  });

  it('times out as a DspNetworkError, and aborts through the signal', async () => {
    serve(http.post(`${BASE}/`, () => new Promise<Response>(() => undefined)));
    const onUploadProgress = () => undefined;
    const slow = new DspClient({ baseUrl: BASE, timeoutMs: 100 });
    const timeout = await rejection(slow.provideDocuments(submission(10), { onUploadProgress }));
    expect(timeout).to.be.instanceOf(DspNetworkError);
    expect((timeout as DspNetworkError).timedOut).to.equal(true);

    const controller = new AbortController();
    const pending = new DspClient({ baseUrl: BASE }).provideDocuments(submission(10), {
      signal: controller.signal,
      onUploadProgress,
    });
    setTimeout(() => controller.abort(), 20);
    const aborted = await rejection(pending);
    expect((aborted as DOMException).name).to.equal('AbortError');
  });
});
