// What an accepted ITI-65 transaction leaves in the store: the SubmissionSet listing the documents
// by their new ids, each document pointing at its own content, each Binary owned by its document.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha1Base64 } from '@dsp-kit/fhir';
import { buildProvideBundle } from '@dsp-kit/fhir/provide';
import type { Binary, Bundle, DocumentReference, List } from '@medplum/fhirtypes';
import { callMock } from '../test/mock-call.js';
import { patients, practitioners, users } from './fixtures.js';
import { createDspServer } from './server.js';

const text = new TextEncoder().encode('Compte rendu\n');

async function submitted() {
  const server = createDspServer({ baseUrl: 'http://127.0.0.1:8787/fhir' });
  const hash = await sha1Base64(text);
  const bundle = buildProvideBundle({
    uuid: '6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
    patient: patients.marie.id,
    author: { reference: `Practitioner/${practitioners.weber.id}`, display: 'Dr Paul Weber' },
    date: '2026-11-26T10:00:00Z',
    documents: ['0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11', '1c9f4a1f-0c9b-4b6a-9064-4d1d8d2e3f22'].map(
      (uuid) => ({
        uuid,
        typeCode: 'rapport-medical',
        title: 'Compte rendu',
        contentType: 'text/plain',
        data: Buffer.from(text).toString('base64'),
        size: text.byteLength,
        hash,
      }),
    ),
  });
  const answer = await callMock(server, users.weber, 'POST', '', bundle);
  assert.equal(answer.status, 200);
  const [list, ...rest] = ((answer.body as Bundle).entry ?? []).map((e) => {
    const [type = '', id = ''] = (e.response?.location ?? '').split('/');
    return server.store.get(type as 'List', id);
  });
  return { bundle, list: list as List, rest };
}

describe('applyTransaction', () => {
  it('creates the SubmissionSet, its entries resolved to the documents it brings', async () => {
    const { list, rest } = await submitted();
    const docs = rest.filter((r) => r?.resourceType === 'DocumentReference');
    assert.equal(docs.length, 2);
    assert.deepEqual(
      list.entry?.map((e) => e.item.reference),
      docs.map((d) => `DocumentReference/${d?.id ?? ''}`),
    );
    assert.equal(list.subject?.reference, `Patient/${patients.marie.id}`);
  });

  it('points each document at its own Binary, owned by it, and keeps what is no reference', async () => {
    const { bundle, rest } = await submitted();
    const [doc1, bin1, doc2, bin2] = rest as [DocumentReference, Binary, DocumentReference, Binary];
    for (const [doc, binary] of [
      [doc1, bin1],
      [doc2, bin2],
    ] as const) {
      assert.equal(doc.content[0]?.attachment.url, `Binary/${binary.id ?? ''}`);
      assert.equal(binary.securityContext?.reference, `DocumentReference/${doc.id ?? ''}`);
    }
    const sent = bundle.entry?.[1]?.resource as DocumentReference;
    assert.deepEqual(doc1.masterIdentifier, sent.masterIdentifier);
    assert.deepEqual(doc1.author, sent.author);
    assert.deepEqual(doc1.contained, sent.contained);
  });
});
