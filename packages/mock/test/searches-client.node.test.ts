// DspClient's searches against the mock server (its `handle` as the client's fetch), as a national
// server would see them: a type by its LOINC coding as well as the kit's, an author and a
// professional's name by typed chains.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { DspClient, LOINC_SYSTEM, type DocumentReference } from '@dsp-kit/fhir';
import { documents, patients, users } from '../src/fixtures.js';
import { createDspServer, type DspServer } from '../src/server.js';

const BASE = 'http://127.0.0.1:8787/fhir';
let server: DspServer;
let sent: URL[];

beforeEach(() => {
  server = createDspServer({ baseUrl: BASE });
  sent = [];
});

function as(user: string): DspClient {
  return new DspClient({
    baseUrl: BASE,
    tokens: { getAccessToken: () => Promise.resolve(`mock:${user}`) },
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(new URL(request.url));
      return server.handle(request);
    },
  });
}

describe('DspClient searches on the mock server', () => {
  it('finds a document that a national source coded with LOINC alone', async () => {
    // A lab result as another system wrote it: LOINC 11502-2, no DSP coding.
    const national = server.store.put<DocumentReference>({
      ...(structuredClone(documents.bloodTest) as DocumentReference),
      id: 'lab-from-a-national-source',
      masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.3.4.5' },
      type: { coding: [{ system: LOINC_SYSTEM, code: '11502-2' }] },
    });
    const page = await as(users.weber).searchDocuments({
      patient: patients.marie.id,
      type: 'resultat-biologie',
    });
    assert.deepEqual(page.entries.map((d) => d.id).sort(), [documents.bloodTest.id, national.id]);
  });

  it('finds documents by their author’s family name through author:Practitioner.family', async () => {
    const page = await as(users.weber).searchDocuments({
      patient: patients.marie.id,
      author: 'Mull',
    });
    assert.equal(sent[0]?.searchParams.get('author:Practitioner.family'), 'Mull');
    assert.deepEqual(
      page.entries.map((d) => d.id),
      [documents.hidden.id, documents.cardiology.id, documents.masked.id],
    );
  });

  it('finds professionals through practitioner:Practitioner.name, and only those named', async () => {
    const found = await as(users.marie).searchPractitioners('ines');
    assert.equal(sent[0]?.searchParams.get('practitioner:Practitioner.name'), 'ines');
    assert.deepEqual(
      found.map((entry) => entry.practitioner?.name?.[0]?.given?.[0]),
      ['Inès'],
    );
  });
});
