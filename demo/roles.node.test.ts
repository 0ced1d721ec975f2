// The sandbox's roles are the mock's users, cover every kind of caller the issue names, and each
// sees the panels meant for it.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { callerOf, createDspServer, fixtures } from '@dsp-kit/mock';
import { panelsFor, roles, sandboxPatients } from './roles.js';

describe('sandbox roles', () => {
  const { store } = createDspServer({ baseUrl: 'http://127.0.0.1/fhir' });

  it('are fixture users the mock identifies as the kind the sandbox says', () => {
    for (const role of roles) {
      const caller = callerOf(role.user, store);
      assert.ok(caller, `${role.user} is not a mock user`);
      assert.equal(caller.kind, role.kind, role.user);
    }
  });

  it('cover patient, assistant, référent, specialist, nurse, physio, blocked, emergency, agency', () => {
    const covered = new Set(roles.map((r) => r.role));
    for (const role of [
      'patient',
      'assistant',
      'referent',
      'specialist',
      'nurse',
      'physiotherapist',
      'blocked',
      'emergency',
      'agency',
    ] as const) {
      assert.ok(covered.has(role), role);
    }
    assert.equal(new Set(roles.map((r) => r.user)).size, roles.length, 'each user once');
  });

  it('name the patients who have a DSP of their own or an assisted one', () => {
    const ids = new Set(sandboxPatients.map((p) => p.id));
    for (const role of roles) if (role.ownPatient) assert.ok(ids.has(role.ownPatient));
    assert.deepEqual(
      [...ids].sort(),
      Object.values(fixtures.patients)
        .map((p) => p.id)
        .sort(),
    );
  });

  it('show each caller its panels: the agency statistics only, professionals no rights or log', () => {
    assert.deepEqual(panelsFor('agency'), {
      viewer: false,
      uploader: false,
      rights: false,
      audit: false,
      stats: true,
    });
    assert.deepEqual(panelsFor('professional'), {
      viewer: true,
      uploader: 'professional',
      rights: false,
      audit: false,
      stats: false,
    });
    assert.equal(panelsFor('patient').uploader, 'patient');
    assert.equal(panelsFor('assistant').uploader, false);
    assert.ok(panelsFor('assistant').rights && panelsFor('assistant').audit);
  });
});
