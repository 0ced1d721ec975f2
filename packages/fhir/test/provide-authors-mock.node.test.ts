// A submission naming the CDA's author beside its sender, sent by DspClient to the mock on real
// HTTP (127.0.0.1) and read back with a plain GET: what the server stored, not what the client
// built. The sender is the caller, so the mock's rule "the author includes you" still holds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DocumentReference, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startHttpServer, type RunningHttpServer } from '@dsp-kit/mock/http';
import { DspClient } from '../src/client.js';
import { cdaAuthors } from './submissions.js';

const { patients, practitioners, users } = fixtures;

describe('authors beside the sender, on the mock over HTTP', () => {
  let running: RunningHttpServer;
  before(async () => {
    running = await startHttpServer({ port: 0 });
  });
  after(() => running.close());

  it('is accepted, and stored with the sender first and the CDA’s author contained', async () => {
    const token = mockToken(users.weber);
    const client = new DspClient({
      baseUrl: running.url,
      tokens: { getAccessToken: () => Promise.resolve(token) },
      retry: false,
    });
    const submission = {
      ...cdaAuthors(),
      patient: patients.marie.id,
      author: { reference: `Practitioner/${practitioners.weber.id}`, display: 'Dr Paul Weber' },
    };
    const result = await client.provideDocuments(submission);
    const location = result.entries[1]?.location ?? '';
    const id = /DocumentReference\/([^/]+)/.exec(location)?.[1];
    assert.ok(id, `the answer names the document: ${location}`);

    const response = await fetch(`${running.url}/DocumentReference/${id}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/fhir+json' },
    });
    assert.equal(response.status, 200);
    const stored = (await response.json()) as DocumentReference;
    assert.deepEqual(
      stored.author?.map((a) => a.display),
      ['Dr Paul Weber', 'M Marcel CAMPARINI DR', '801234567897'],
    );
    const contained = (reference: string | undefined) =>
      stored.contained?.find((r) => `#${r.id ?? ''}` === reference);
    const role = contained(stored.author?.[1]?.reference) as PractitionerRole | undefined;
    const person = contained(role?.practitioner?.reference) as Practitioner | undefined;
    assert.deepEqual(person?.identifier, [
      { system: 'urn:oid:1.2.250.1.71.4.2.1', value: '801234534765' },
    ]);
    assert.equal(person?.name?.[0]?.family, 'CAMPARINI');
    assert.equal(role?.organization?.display, 'Laboratoire des charmes');
  });
});
