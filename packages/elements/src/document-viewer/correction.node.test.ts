// The "Correct" form against DocumentReferences written by hand as FHIR R4 and the uploader have
// them: what it reads, and what it writes back (the rest kept as it was).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DspValidationError, type DocumentReference } from '@dsp-kit/fhir';
import { applyCorrection, changedFields, checkCorrection, correctionOf } from './correction.js';

const TYPE_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-document-type';
const CONF = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const SECURITY = 'https://dsp-kit.org/fhir/CodeSystem/dsp-security';

const report: DocumentReference = {
  resourceType: 'DocumentReference',
  id: 'r1',
  status: 'current',
  masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:uuid:1' },
  type: { coding: [{ system: TYPE_SYSTEM, code: 'rapport-medical' }] },
  securityLabel: [
    { coding: [{ system: CONF, code: 'R' }] },
    { coding: [{ system: SECURITY, code: 'masked' }] },
  ],
  content: [{ attachment: { title: 'Consultation', creation: '2024-03-10', url: 'Binary/b1' } }],
  context: { period: { start: '2024-03-10', end: '2024-03-12' } },
};

describe('correctionOf', () => {
  it('reads title, type, the act’s day, confidentiality and the hidden flag', () => {
    assert.deepEqual(correctionOf(report), {
      title: 'Consultation',
      typeCode: 'rapport-medical',
      date: '2024-03-10',
      confidentiality: 'R',
      hiddenFromPatient: false,
    });
  });
});

describe('applyCorrection', () => {
  it('writes only what changed and keeps identifiers, content and other labels', () => {
    const corrected = applyCorrection(report, {
      ...correctionOf(report),
      title: ' Consultation de contrôle ',
      confidentiality: 'N',
      hiddenFromPatient: true,
    });
    assert.equal(corrected.content[0]?.attachment.title, 'Consultation de contrôle');
    assert.equal(corrected.content[0]?.attachment.url, 'Binary/b1');
    assert.deepEqual(corrected.masterIdentifier, report.masterIdentifier);
    assert.deepEqual(corrected.type, report.type);
    assert.deepEqual(corrected.context, report.context);
    assert.deepEqual(corrected.securityLabel, [
      { coding: [{ system: CONF, code: 'N' }] },
      { coding: [{ system: SECURITY, code: 'masked' }] },
      { coding: [{ system: SECURITY, code: 'hidden-from-patient' }] },
    ]);
  });

  it('moves the act’s date in the period and the content’s creation, dropping an earlier end', () => {
    const corrected = applyCorrection(report, { ...correctionOf(report), date: '2024-03-15' });
    assert.deepEqual(corrected.context?.period, { start: '2024-03-15' });
    assert.equal(corrected.content[0]?.attachment.creation, '2024-03-15');
  });

  it('sets type and class together', () => {
    const corrected = applyCorrection(report, {
      ...correctionOf(report),
      typeCode: 'expression-titulaire',
    });
    assert.equal(
      corrected.type?.coding?.find((c) => c.system === TYPE_SYSTEM)?.code,
      'expression-titulaire',
    );
    assert.equal(corrected.category?.length, 1);
  });
});

describe('changedFields and checkCorrection', () => {
  it('names the fields that differ', () => {
    const now = correctionOf(report);
    assert.deepEqual(changedFields(now, { ...now, title: 'Consultation ' }), []);
    assert.deepEqual(changedFields(now, { ...now, date: '2024-01-01', hiddenFromPatient: true }), [
      'date',
      'hiddenFromPatient',
    ]);
  });

  it('refuses an empty title, an unknown type, a day that does not exist or in the future', () => {
    const now = correctionOf(report);
    const field = (c: typeof now) => {
      try {
        checkCorrection(c, new Date(2025, 0, 1));
        return undefined;
      } catch (error) {
        assert.ok(error instanceof DspValidationError);
        return error.field;
      }
    };
    assert.equal(field(now), undefined);
    assert.equal(field({ ...now, title: '  ' }), 'title');
    assert.equal(field({ ...now, typeCode: 'nope' }), 'typeCode');
    assert.equal(field({ ...now, date: '2024-02-30' }), 'date');
    assert.equal(field({ ...now, date: '2025-01-02' }), 'date');
  });
});
