import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CapabilityStatement } from '@medplum/fhirtypes';
import { assertValidR4 } from '../../../fhir/test/fhir-r4.js';
import { createDspServer } from '../server.js';

const server = createDspServer({ baseUrl: 'http://127.0.0.1/fhir' });

async function get(path: string, token?: string): Promise<Response> {
  return server.handle(
    new Request(`${server.baseUrl}/${path}`, {
      headers: {
        Accept: 'application/fhir+json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    }),
  );
}

describe('GET metadata', () => {
  it('answers a valid R4 CapabilityStatement, without a token', async () => {
    const response = await get('metadata');
    assert.equal(response.status, 200);
    const statement = (await response.json()) as CapabilityStatement;
    assert.equal(statement.resourceType, 'CapabilityStatement');
    assertValidR4(statement);
    assert.equal(statement.fhirVersion, '4.0.1');
  });

  it('declares what the server answers, and only that', async () => {
    const statement = (await (await get('metadata')).json()) as CapabilityStatement;
    const rest = statement.rest?.[0];
    const codes = (type: string) =>
      (rest?.resource?.find((r) => r.type === type)?.interaction ?? []).map((i) => i.code).sort();
    // What the DSP's clients use (IHE MHD, PCF, BALP), each checked against the server below.
    // Updates (PUT, JSON Patch) are the document lifecycle's: correct, withdraw, confidentiality.
    assert.deepEqual(codes('DocumentReference'), ['patch', 'read', 'search-type', 'update']);
    assert.deepEqual(codes('Consent'), [
      'create',
      'history-instance',
      'read',
      'search-type',
      'update',
      'vread',
    ]);
    assert.deepEqual(codes('AuditEvent'), ['search-type']);
    assert.deepEqual(codes('RelatedPerson'), ['create', 'delete', 'read', 'search-type', 'update']);
    assert.deepEqual(
      rest?.interaction?.map((i) => i.code),
      ['transaction', 'batch'],
    );
    assert.deepEqual(
      rest?.resource?.find((r) => r.type === 'Patient')?.operation?.map((o) => o.name),
      ['break-the-glass'],
    );
    // No DocumentReference create or delete of its own: documents come only through ITI-65, and
    // a withdrawal keeps the document (entered-in-error).
    for (const method of ['POST', 'DELETE'] as const) {
      const response = await server.handle(
        new Request(`${server.baseUrl}/DocumentReference/doc-1`, {
          method,
          headers: { Authorization: 'Bearer mock:paul-weber' },
        }),
      );
      assert.ok([405, 501].includes(response.status), `${method}: ${response.status}`);
    }
    // Every search it declares is answered, not 404/405/501.
    for (const resource of rest?.resource ?? []) {
      if (!resource.interaction?.some((i) => i.code === 'search-type')) continue;
      const response = await get(resource.type, 'mock:paul-weber');
      assert.ok(![404, 405, 501].includes(response.status), `${resource.type}: ${response.status}`);
    }
  });
});
