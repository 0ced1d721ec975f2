// The per-patient policy (`explicitGrantsFor`): the named patients' DSPs open to professionals
// only with a grant or through break-the-glass, the others as by default; and a professional
// refused a DSP whose patient refused emergency access is told so.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { patients, users } from '../src/fixtures.js';
import { createDspServer, type DspServer } from '../src/server.js';
import { callMock } from './mock-call.js';

const BASE = 'http://127.0.0.1:8787/fhir';
let server: DspServer;

beforeEach(() => {
  server = createDspServer({
    baseUrl: BASE,
    policy: { explicitGrantsFor: [patients.lucien.id, patients.nadia.id] },
  });
});

const search = (user: string, patient: string) =>
  callMock(server, user, 'GET', `DocumentReference?patient=${patient}`);

function issues(body: unknown): OperationOutcome['issue'] {
  return (body as OperationOutcome).issue;
}

describe('explicit grants for some patients', () => {
  it('refuses a professional without a grant those DSPs only, offering break-the-glass', async () => {
    const refused = await search(users.hansen, patients.lucien.id);
    assert.equal(refused.status, 403);
    const [issue] = issues(refused.body);
    assert.equal(issue?.details?.text, 'Le patient ne vous a pas donné accès à son DSP.');
    assert.equal(issue?.details?.coding?.[0]?.code, 'break-the-glass-available');
    // Marie's DSP follows the default rules: open to any professional she did not block.
    assert.equal((await search(users.hansen, patients.marie.id)).status, 200);
    // Lucien's référent needs no grant.
    assert.equal((await search(users.weber, patients.lucien.id)).status, 200);
  });

  it('opens the DSP through break-the-glass', async () => {
    const granted = await callMock(
      server,
      users.hansen,
      'POST',
      `Patient/${patients.lucien.id}/$break-the-glass`,
      {
        resourceType: 'Parameters',
        parameter: [{ name: 'reason', valueString: 'Patient inconscient aux urgences' }],
      },
    );
    assert.equal(granted.status, 200);
    assert.equal((await search(users.hansen, patients.lucien.id)).status, 200);
  });

  it('says the patient refused emergency access, and offers none', async () => {
    const refused = await search(users.hansen, patients.nadia.id);
    assert.equal(refused.status, 403);
    const texts = issues(refused.body).map((i) => i.details?.text);
    assert.deepEqual(texts, [
      'Le patient ne vous a pas donné accès à son DSP.',
      'Le patient a refusé l’accès en urgence à son DSP.',
    ]);
    assert.equal(
      issues(refused.body).some((i) => i.details?.coding?.length),
      false,
      'no break-the-glass offered',
    );
  });
});
