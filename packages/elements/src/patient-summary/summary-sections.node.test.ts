import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  absentKindOf,
  emptyKindOfEntries,
  emptyReasonKind,
  sectionKindOf,
  SECTION_ORDER,
} from './summary-sections.js';

describe('sectionKindOf', () => {
  it('knows the six sections by the LOINC codes of the IPS Composition slices', () => {
    // From HL7 IPS's Composition profile (sectionAllergies, sectionProblems, sectionMedications,
    // sectionImmunizations, sectionMedicalDevices, sectionProceduresHx).
    const published = {
      '48765-2': 'allergies',
      '11450-4': 'problems',
      '10160-0': 'medication',
      '11369-6': 'immunizations',
      '46264-8': 'devices',
      '47519-4': 'procedures',
    };
    for (const [code, kind] of Object.entries(published)) assert.equal(sectionKindOf(code), kind);
    assert.deepEqual(SECTION_ORDER, Object.values(published));
    // Past illnesses, results, advance directives: other sections.
    for (const code of ['11348-0', '30954-2', '42348-3', undefined]) {
      assert.equal(sectionKindOf(code), undefined);
    }
  });
});

describe('absent and unknown', () => {
  const IPS = 'http://hl7.org/fhir/uv/ips/CodeSystem/absent-unknown-uv-ips';
  const EHDSI = '2.16.840.1.113883.5.1150.1';

  it('reads the IPS and eHDSI codes: "no known" is none recorded, "no … info" is no information', () => {
    for (const code of [
      'no-known-allergies',
      'no-known-medication-allergies',
      'no-known-medications',
      'no-known-problems',
      'no-known-immunizations',
      'no-known-procedures',
      'no-known-devices',
    ]) {
      assert.equal(absentKindOf(IPS, code), 'none-recorded', code);
      assert.equal(absentKindOf(EHDSI, code), 'none-recorded', code);
    }
    for (const code of [
      'no-allergy-info',
      'no-medication-info',
      'no-problem-info',
      'no-immunization-info',
      'no-procedure-info',
      'no-device-info',
    ]) {
      assert.equal(absentKindOf(IPS, code), 'no-information', code);
    }
    // The IPS draft's codes.
    const draft = 'http://hl7.org/fhir/ips/CodeSystem/absent-unknown-uv-ips';
    assert.equal(absentKindOf(draft, 'allergic-disposition-not-known'), 'no-information');
    assert.equal(absentKindOf(draft, 'no-current-problems'), 'none-recorded');
    assert.equal(absentKindOf(draft, 'no-history-procedures'), 'none-recorded');
  });

  it('reads the SNOMED CT situations of the IPS 2.0 value set, and nothing else', () => {
    assert.equal(absentKindOf('http://snomed.info/sct', '716186003'), 'none-recorded');
    assert.equal(absentKindOf('2.16.840.1.113883.6.96', '160245001'), 'none-recorded');
    // Penicillin allergy: a real entry.
    assert.equal(absentKindOf('http://snomed.info/sct', '91936005'), undefined);
    assert.equal(absentKindOf('http://loinc.org', 'no-known-allergies'), undefined);
    assert.equal(absentKindOf(undefined, 'no-known-allergies'), undefined);
  });

  it('reads a section’s emptyReason: nilknown is none recorded, any other no information', () => {
    assert.equal(emptyReasonKind('nilknown'), 'none-recorded');
    for (const code of ['notasked', 'withheld', 'unavailable', 'notstarted', 'closed']) {
      assert.equal(emptyReasonKind(code), 'no-information');
    }
    assert.equal(emptyReasonKind(undefined), undefined);
  });

  it('says a section is empty only when every entry says so', () => {
    assert.equal(emptyKindOfEntries([]), undefined);
    assert.equal(emptyKindOfEntries(['none-recorded', undefined]), undefined);
    assert.equal(emptyKindOfEntries(['no-information', 'none-recorded']), 'none-recorded');
    assert.equal(emptyKindOfEntries(['no-information']), 'no-information');
  });
});
