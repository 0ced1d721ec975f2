import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  blockProfessional,
  closeDsp,
  grantAccess,
  maskDocument,
  reopenDsp,
  revokeAccess,
  setBreakTheGlass,
  unmaskDocument,
} from '@dsp-kit/fhir';
import type { Consent } from '@medplum/fhirtypes';
import { documents, fixtureResources, patients } from './fixtures.js';
import { rightsChanges } from './rights-changes.js';
import { DspStore } from './store.js';

const store = new DspStore(fixtureResources);
const marie = store.consentOf(patients.marie.id)!;

describe('rightsChanges', () => {
  it('names who was blocked or granted, by their name in the directory', () => {
    // The Consent names the professional by reference alone; the directory gives the name.
    const after = grantAccess(
      blockProfessional(marie, 'Practitioner/julie-meyer'),
      'Practitioner/anne-muller',
    );
    assert.deepEqual(rightsChanges(store, marie, after), [
      {
        change: 'blocked',
        what: { reference: 'Practitioner/julie-meyer', display: 'Julie Meyer' },
      },
      {
        change: 'granted',
        what: { reference: 'Practitioner/anne-muller', display: 'Dr Anne Muller' },
      },
    ]);
    assert.deepEqual(rightsChanges(store, after, revokeAccess(after, 'Practitioner/anne-muller')), [
      {
        change: 'revoked',
        what: { reference: 'Practitioner/anne-muller', display: 'Dr Anne Muller' },
      },
    ]);
  });

  it('names which document was masked or unmasked, by its title', () => {
    const masked = maskDocument(marie, documents.certificate.id);
    const title = documents.certificate.content[0]!.attachment.title;
    const what = { reference: `DocumentReference/${documents.certificate.id}`, display: title };
    assert.deepEqual(rightsChanges(store, marie, masked), [{ change: 'masked', what }]);
    assert.deepEqual(
      rightsChanges(store, masked, unmaskDocument(masked, documents.certificate.id)),
      [{ change: 'unmasked', what }],
    );
  });

  it('says when emergency access was refused, the DSP closed or reopened', () => {
    const refused = setBreakTheGlass(marie, false);
    assert.deepEqual(rightsChanges(store, marie, refused), [{ change: 'break-the-glass-refused' }]);
    const closed = closeDsp(refused);
    assert.deepEqual(rightsChanges(store, refused, closed), [{ change: 'closed' }]);
    assert.deepEqual(rightsChanges(store, closed, reopenDsp(closed)), [{ change: 'reopened' }]);
    assert.deepEqual(rightsChanges(store, marie, structuredClone(marie) as Consent), []);
  });
});
