// The runtime scenarios through msw's Node interception, with the real DspClient on the other
// side: what a flaky hospital network does, and that the client copes.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { DspClient, DspHttpError, DspNetworkError, sha1Base64 } from '@dsp-kit/fhir';
import { buildProvideBundle } from '@dsp-kit/fhir/provide';
import { staticTokenProvider } from '@dsp-kit/auth';
import { documents, patients, practitioners, users } from '../src/fixtures.js';
import { setupDspServer, type NodeMock } from '../src/node.js';

describe('scenarios', () => {
  let mock: NodeMock;
  let client: DspClient;

  before(() => {
    mock = setupDspServer();
    client = new DspClient({
      baseUrl: mock.server.baseUrl,
      tokens: staticTokenProvider(`mock:${users.weber}`),
      retry: { baseDelayMs: 5 },
    });
  });
  afterEach(() => {
    mock.server.reset();
  });
  after(() => {
    mock.close();
  });

  it('searchUnavailable: 503 with the server’s explanation, through every retry', async () => {
    mock.useScenario('searchUnavailable');
    await assert.rejects(
      client.searchDocuments({ patient: patients.marie.id }),
      (error: unknown) => {
        assert.ok(error instanceof DspHttpError);
        assert.equal(error.status, 503);
        assert.match(error.serverMessage ?? '', /maintenance/);
        return true;
      },
    );
  });

  it('unavailableBurst: two 503s with Retry-After, then the client gets through', async () => {
    mock.useScenario('unavailableBurst');
    const started = Date.now();
    const page = await client.searchDocuments({ patient: patients.marie.id });
    assert.equal(page.total, 7);
    assert.ok(Date.now() - started >= 1900, 'the client waited as Retry-After asked');
  });

  it('tokenExpiredOnce: one 401, the client asks for a token again and gets through', async () => {
    mock.useScenario('tokenExpiredOnce');
    assert.equal((await client.readPatient(patients.marie.id)).id, patients.marie.id);
  });

  it('offline: a network error, never a stack trace', async () => {
    mock.useScenario('offline');
    await assert.rejects(client.readPatient(patients.marie.id), DspNetworkError);
  });

  it('lostResponseAfterWrite: the upload happened; resending it creates no duplicate', async () => {
    const bytes = new TextEncoder().encode('Ordonnance\n');
    const submission = {
      uuid: '2a1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
      patient: patients.marie.id,
      author: { reference: `Practitioner/${practitioners.weber.id}` },
      date: '2026-11-26T10:00:00Z',
      documents: [
        {
          uuid: '3b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
          typeCode: 'traitements-prescrits',
          title: 'Ordonnance',
          contentType: 'text/plain',
          data: Buffer.from(bytes).toString('base64'),
          size: bytes.byteLength,
          hash: await sha1Base64(bytes),
        },
      ],
    };
    assert.doesNotThrow(() => buildProvideBundle(submission));
    mock.useScenario('lostResponseAfterWrite');
    await assert.rejects(client.provideDocuments(submission), DspNetworkError);
    assert.equal(mock.server.store.documentsOf(patients.marie.id).length, 8, 'the write was done');
    const again = await client.provideDocuments(submission);
    assert.equal(again.entries[1]?.status, '200 OK');
    assert.equal(mock.server.store.documentsOf(patients.marie.id).length, 8, 'and not done twice');
  });

  it('slowDownload: content arrives in chunks, with progress, intact', async () => {
    mock.useScenario('slowDownload');
    const progress: number[] = [];
    const attachment = documents.summary.content[0]!.attachment;
    const blob = await client.retrieveContent(attachment, {
      onProgress: ({ loaded }) => progress.push(loaded),
    });
    assert.equal(blob.size, attachment.size);
    assert.ok(progress.length >= 5, `progress reported ${progress.length} times`);
  });
});
