// Who the panel is shown to, from the host's `user` reference.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspValidationError } from '@dsp-kit/fhir';
import { parseUser, viewerOf } from './signed-in-user.js';

const said = (value: string) => `not a user: ${value}`;

describe('parseUser', () => {
  it('reads a relative reference and the absolute URL of SMART’s fhirUser', () => {
    assert.deepEqual(parseUser('RelatedPerson/claire-wagner'), {
      type: 'RelatedPerson',
      id: 'claire-wagner',
    });
    assert.deepEqual(parseUser(' Patient/lucien-wagner '), {
      type: 'Patient',
      id: 'lucien-wagner',
    });
    assert.deepEqual(parseUser('https://dsp.example.lu/fhir/RelatedPerson/42'), {
      type: 'RelatedPerson',
      id: '42',
    });
    assert.deepEqual(parseUser('PractitionerRole/r.1'), { type: 'PractitionerRole', id: 'r.1' });
  });

  it('refuses what is no user reference', () => {
    for (const bad of [
      'claire-wagner',
      'Organization/chl',
      'RelatedPerson/',
      'RelatedPerson/a/b',
      'RelatedPerson/has space',
      `RelatedPerson/${'x'.repeat(65)}`,
      'https://dsp.example.lu/',
      'relatedperson/claire',
    ])
      assert.equal(parseUser(bad), undefined, bad);
  });
});

describe('viewerOf', () => {
  it('tells the patient, their assistant and anyone else apart', () => {
    assert.deepEqual(viewerOf(undefined, 'lucien', said), { kind: 'unknown' });
    assert.deepEqual(viewerOf('  ', 'lucien', said), { kind: 'unknown' });
    assert.deepEqual(viewerOf('Patient/lucien', 'lucien', said), { kind: 'patient' });
    assert.deepEqual(viewerOf('Patient/marie', 'lucien', said), { kind: 'other' });
    assert.deepEqual(viewerOf('RelatedPerson/claire', 'lucien', said), {
      kind: 'assistant',
      id: 'claire',
    });
    assert.deepEqual(viewerOf('Practitioner/paul-weber', 'lucien', said), { kind: 'other' });
  });

  it('throws a typed error naming the field for a value that is no user reference', () => {
    assert.throws(
      () => viewerOf('claire', 'lucien', said),
      (error: unknown) =>
        error instanceof DspValidationError &&
        error.field === 'user' &&
        error.message === 'not a user: claire',
    );
  });
});
