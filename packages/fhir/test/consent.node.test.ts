// The consent helpers: pure edits of one PCF Consent, each result valid FHIR R4.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Consent } from '@medplum/fhirtypes';
import {
  accessSummary,
  blockProfessional,
  closeDsp,
  defaultConsent,
  grantAccess,
  maskDocument,
  reopenDsp,
  revokeAccess,
  setBreakTheGlass,
  unblockProfessional,
  unmaskDocument,
} from '../src/consent.js';
import { DspValidationError } from '../src/errors.js';
import { assertValidR4 } from './fhir-r4.js';

const weber = { reference: 'Practitioner/paul-weber', display: 'Dr Paul Weber' };
const muller = 'Practitioner/anne-muller';
const base = (): Consent => ({
  ...defaultConsent('marie-schmit', '2026-11-01T10:00:00Z'),
  id: 'c1',
});

describe('consent helpers', () => {
  it('start from an open DSP with emergency access allowed, as valid FHIR R4', () => {
    const consent = base();
    assertValidR4(consent);
    assert.deepEqual(accessSummary(consent), {
      open: true,
      breakTheGlass: 'allowed',
      blocked: [],
      granted: [],
      maskedDocuments: [],
      referent: undefined,
    });
  });

  it('never change the Consent they are given', () => {
    const consent = base();
    const before = structuredClone(consent);
    blockProfessional(consent, weber);
    grantAccess(consent, muller, { full: true });
    maskDocument(consent, 'doc-1');
    setBreakTheGlass(consent, false);
    closeDsp(consent);
    assert.deepEqual(consent, before);
  });

  it('block and unblock a professional; a block replaces a grant', () => {
    const granted = grantAccess(base(), weber);
    const blocked = blockProfessional(granted, weber);
    assertValidR4(blocked);
    const summary = accessSummary(blocked);
    assert.deepEqual(summary.blocked, [weber]);
    assert.deepEqual(summary.granted, []);
    assert.deepEqual(accessSummary(unblockProfessional(blocked, weber)).blocked, []);
  });

  it('grant explicit or full access, lifting a block, and revoke it', () => {
    const full = grantAccess(blockProfessional(base(), muller), muller, { full: true });
    assertValidR4(full);
    assert.deepEqual(accessSummary(full).blocked, []);
    assert.deepEqual(accessSummary(full).granted, [{ actor: { reference: muller }, full: true }]);
    const explicit = grantAccess(full, muller);
    assert.deepEqual(accessSummary(explicit).granted, [
      { actor: { reference: muller }, full: false },
    ]);
    assert.deepEqual(accessSummary(revokeAccess(explicit, muller)).granted, []);
  });

  it('grant extended access: a provision labelled R (v3-Confidentiality), as IHE PCF has it', () => {
    const extended = grantAccess(base(), muller, { extended: true });
    assertValidR4(extended);
    const [provision] = extended.provision?.provision ?? [];
    assert.deepEqual(provision?.securityLabel, [
      { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' },
    ]);
    assert.deepEqual(accessSummary(extended).granted, [
      { actor: { reference: muller }, full: false, extended: true },
    ]);
    const both = grantAccess(extended, muller, { full: true, extended: true });
    assert.equal(both.provision?.provision?.[0]?.securityLabel?.length, 2);
    assert.deepEqual(accessSummary(both).granted[0]?.full, true);
    assert.deepEqual(accessSummary(both).granted[0]?.extended, true);
  });

  it('mask and unmask documents, once each', () => {
    const masked = maskDocument(
      maskDocument(maskDocument(base(), 'doc-1'), 'DocumentReference/doc-2'),
      'doc-1',
    );
    assertValidR4(masked);
    assert.deepEqual(accessSummary(masked).maskedDocuments, ['doc-2', 'doc-1']);
    assert.deepEqual(accessSummary(unmaskDocument(masked, 'doc-2')).maskedDocuments, ['doc-1']);
  });

  it('refuse and allow emergency access', () => {
    const refused = setBreakTheGlass(base(), false);
    assertValidR4(refused);
    assert.equal(accessSummary(refused).breakTheGlass, 'refused');
    const allowed = setBreakTheGlass(refused, true);
    assert.equal(accessSummary(allowed).breakTheGlass, 'allowed');
    assert.equal(allowed.provision?.provision?.length, 1);
  });

  it('close the DSP keeping every choice, and reopen it with all of them', () => {
    const choices = setBreakTheGlass(
      maskDocument(blockProfessional(base(), weber), 'doc-1'),
      false,
    );
    const closed = closeDsp(choices);
    assertValidR4(closed);
    assert.equal(accessSummary(closed).open, false);
    const reopened = reopenDsp(closed);
    assert.deepEqual(reopened, choices);
    assert.equal(accessSummary(reopened).open, true);
  });

  it('report the médecin référent from the patient record', () => {
    const summary = accessSummary(base(), {
      resourceType: 'Patient',
      generalPractitioner: [weber],
    });
    assert.deepEqual(summary.referent, weber);
  });

  it('refuse references that are not professionals or documents', () => {
    assert.throws(() => blockProfessional(base(), 'Patient/marie-schmit'), DspValidationError);
    assert.throws(() => grantAccess(base(), { reference: 'Practitioner/' }), DspValidationError);
    assert.throws(() => maskDocument(base(), ''), DspValidationError);
    assert.throws(() => defaultConsent('bad id!'), DspValidationError);
  });
});
