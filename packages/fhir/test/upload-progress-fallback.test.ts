// provideDocuments when the code of upload progress (XMLHttpRequest, loaded on first use) cannot be
// loaded: the upload still goes out, through fetch, without progress. Its own file, so no other
// test has loaded that module into this page before.
import { expect } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { setupWorker } from 'msw/browser';
import { DspClient } from '../src/client.js';
import { DspNetworkError } from '../src/errors.js';
import { textSubmission } from './submissions.js';

const BASE = `${location.origin}/fhir-progress-fallback-test`;
const FHIR = { 'Content-Type': 'application/fhir+json' };
const worker = setupWorker();

const submission = textSubmission();

before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
after(() => worker.stop());

describe('provideDocuments when its upload progress code cannot load', () => {
  it('sends the upload through fetch, reporting no progress, and fails only as the request does', async () => {
    const moduleRequests: string[] = [];
    const posts: string[] = [];
    worker.resetHandlers(
      // The chunk of a site redeployed since the page loaded, or of a connection just lost.
      http.get(/\/xhr-fetch\.[jt]s(\?.*)?$/, ({ request }) => {
        moduleRequests.push(request.url);
        return HttpResponse.error();
      }),
      http.post(`${BASE}/`, async ({ request }) => {
        posts.push(((await request.json()) as { type: string }).type);
        return HttpResponse.json(
          {
            resourceType: 'Bundle',
            type: 'transaction-response',
            entry: [{ response: { status: '201 Created', location: 'List/l1/_history/1' } }],
          },
          { headers: FHIR },
        );
      }),
    );
    const client = new DspClient({ baseUrl: BASE });
    const progress: number[] = [];
    const result = await client.provideDocuments(submission, {
      onUploadProgress: (loaded) => progress.push(loaded),
    });
    expect(moduleRequests, 'the progress code was asked for').to.have.length.greaterThan(0);
    expect(posts).to.deep.equal(['transaction']);
    expect(result.entries[0]?.location).to.equal('List/l1/_history/1');
    expect(progress).to.deep.equal([]);

    // Offline for real: the request itself fails, as a typed network error.
    worker.use(http.post(`${BASE}/`, () => HttpResponse.error()));
    let failure: unknown;
    try {
      await client.provideDocuments(submission, { onUploadProgress: () => undefined });
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(DspNetworkError);
  });
});
