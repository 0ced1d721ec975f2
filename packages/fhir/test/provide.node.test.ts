// The ITI-65 bundle builder: complete metadata, idempotent requests, valid FHIR R4, and precise
// refusals of bad submissions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Binary, DocumentReference, List } from '@medplum/fhirtypes';
import { DspValidationError } from '../src/errors.js';
import { buildProvideBundle, type DocumentSubmission } from '../src/provide.js';
import {
  CONFIDENTIALITY_SYSTEM,
  DOCUMENT_TYPE_SYSTEM,
  DSP_SECURITY_SYSTEM,
  LOINC_SYSTEM,
} from '../src/vocabulary.js';
import { assertValidR4 } from './fhir-r4.js';

const content = Buffer.from('%PDF-1.7 test');
const submission = (): DocumentSubmission => ({
  uuid: '6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
  patient: 'marie-schmit',
  author: { reference: 'Practitioner/paul-weber', display: 'Dr Paul Weber' },
  date: '2026-11-26T09:30:00+01:00',
  documents: [
    {
      uuid: '0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
      typeCode: 'resultat-biologie',
      title: ' Bilan lipidique ',
      contentType: 'application/pdf',
      data: content.toString('base64'),
      size: content.byteLength,
      hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
      language: 'fr-LU',
      serviceStart: '2026-11-20',
      serviceEnd: '2026-11-21',
      confidentiality: 'R',
      facilityType: {
        system: 'https://dsp-kit.org/fhir/CodeSystem/facility-type',
        code: 'laboratoire',
      },
      practiceSetting: {
        system: 'https://dsp-kit.org/fhir/CodeSystem/practice-setting',
        code: 'biologie',
      },
      maskedFromProfessionals: true,
      replaces: 'doc-old',
    },
  ],
});

describe('buildProvideBundle', () => {
  it('builds a transaction of SubmissionSet, DocumentReference and Binary, all valid FHIR R4', () => {
    const bundle = buildProvideBundle(submission());
    assertValidR4(bundle);
    assert.equal(bundle.type, 'transaction');
    const [list, doc, binary] = (bundle.entry ?? []).map((e) => e.resource);
    assert.equal(list?.resourceType, 'List');
    assert.equal(doc?.resourceType, 'DocumentReference');
    assert.equal(binary?.resourceType, 'Binary');
    for (const resource of [list, doc, binary]) if (resource) assertValidR4(resource);
  });

  it('writes comprehensive document metadata', () => {
    const doc = buildProvideBundle(submission()).entry?.[1]?.resource as DocumentReference;
    assert.deepEqual(doc.masterIdentifier, {
      system: 'urn:ietf:rfc:3986',
      value: 'urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
    });
    assert.deepEqual(
      doc.type?.coding?.map((c) => [c.system, c.code]),
      [
        [DOCUMENT_TYPE_SYSTEM, 'resultat-biologie'],
        [LOINC_SYSTEM, '11502-2'],
      ],
    );
    assert.equal(doc.category?.[0]?.coding?.[0]?.code, 'compte-rendu');
    assert.deepEqual(doc.subject, { reference: 'Patient/marie-schmit' });
    assert.equal(doc.author?.[0]?.reference, 'Practitioner/paul-weber');
    assert.deepEqual(
      doc.securityLabel?.map((l) => [l.coding?.[0]?.system, l.coding?.[0]?.code]),
      [
        [CONFIDENTIALITY_SYSTEM, 'R'],
        [DSP_SECURITY_SYSTEM, 'masked'],
      ],
    );
    assert.deepEqual(doc.content[0]?.attachment, {
      contentType: 'application/pdf',
      language: 'fr-LU',
      url: 'Binary/content-0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
      size: content.byteLength,
      hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
      title: 'Bilan lipidique',
      creation: '2026-11-26T09:30:00+01:00',
    });
    assert.deepEqual(doc.context?.period, { start: '2026-11-20', end: '2026-11-21' });
    assert.equal(doc.context?.facilityType?.coding?.[0]?.code, 'laboratoire');
    assert.equal(doc.context?.practiceSetting?.coding?.[0]?.code, 'biologie');
    assert.deepEqual(doc.relatesTo, [
      { code: 'replaces', target: { reference: 'DocumentReference/doc-old' } },
    ]);
  });

  it('takes files of many megabytes (the base64 check does not recurse)', () => {
    const large = Buffer.alloc(12_000_000, 0x25);
    const s = submission();
    s.documents[0]!.data = large.toString('base64');
    s.documents[0]!.size = large.byteLength;
    const binary = buildProvideBundle(s).entry?.[2]?.resource as Binary;
    assert.equal(binary.data?.length, 16_000_000);
  });

  it('makes every request safe to send twice', () => {
    const entries = buildProvideBundle(submission()).entry ?? [];
    assert.deepEqual(
      entries.map((e) => e.request),
      [
        {
          method: 'POST',
          url: 'List',
          ifNoneExist: 'identifier=urn:ietf:rfc:3986|urn:uuid:6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
        },
        {
          method: 'POST',
          url: 'DocumentReference',
          ifNoneExist: 'identifier=urn:ietf:rfc:3986|urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
        },
        { method: 'PUT', url: 'Binary/content-0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11' },
      ],
    );
    const list = entries[0]?.resource as List;
    assert.deepEqual(
      list.entry?.map((e) => e.item.reference),
      [entries[1]?.fullUrl],
    );
    assert.equal((entries[2]?.resource as Binary).data, content.toString('base64'));
    assert.deepEqual(buildProvideBundle(submission()), buildProvideBundle(submission()));
  });

  it('leaves LOINC out where the pairing is unconfirmed, and patient documents unlabelled', () => {
    const s = submission();
    s.documents[0] = {
      ...s.documents[0]!,
      typeCode: 'rapport-medical',
      maskedFromProfessionals: false,
      confidentiality: undefined,
    };
    const doc = buildProvideBundle(s).entry?.[1]?.resource as DocumentReference;
    assert.deepEqual(
      doc.type?.coding?.map((c) => c.system),
      [DOCUMENT_TYPE_SYSTEM],
    );
    assert.deepEqual(
      doc.securityLabel?.map((l) => l.coding?.[0]?.code),
      ['N'],
    );
  });

  const bad: [string, (s: DocumentSubmission) => void, string, RegExp][] = [
    [
      'a submission without documents',
      (s) => (s.documents = []),
      'documents',
      /at least one document/,
    ],
    ['an empty file', (s) => (s.documents[0]!.size = 0), 'documents[0].size', /empty file/],
    [
      'data not matching size',
      (s) => (s.documents[0]!.size = 3),
      'documents[0].data',
      /holds 13 bytes, but size says 3/,
    ],
    [
      'a hash that is not SHA-1',
      (s) => (s.documents[0]!.hash = 'abc='),
      'documents[0].hash',
      /SHA-1/,
    ],
    [
      'an unknown type',
      (s) => (s.documents[0]!.typeCode = 'radio'),
      'documents[0].typeCode',
      /"radio" is not a DSP document type/,
    ],
    ['a blank title', (s) => (s.documents[0]!.title = '  '), 'documents[0].title', /required/],
    [
      'a bad MIME type',
      (s) => (s.documents[0]!.contentType = 'pdf'),
      'documents[0].contentType',
      /not a MIME type/,
    ],
    [
      'masked and hidden at once',
      (s) => (s.documents[0]!.hiddenFromPatient = true),
      'documents[0].hiddenFromPatient',
      /both masked/,
    ],
    [
      'a period ending first',
      (s) => (s.documents[0]!.serviceEnd = '2026-11-01'),
      'documents[0].serviceEnd',
      /before/,
    ],
    ['a bad uuid', (s) => (s.uuid = 'x'), 'uuid', /UUID/],
    [
      'two documents with one uuid',
      (s) => s.documents.push({ ...s.documents[0]! }),
      'documents',
      /share a uuid/,
    ],
    [
      'an author that is not a person',
      (s) => (s.author = { reference: 'Device/x' }),
      'author',
      /Device\/x/,
    ],
    ['a bad date', (s) => (s.date = '26/11/2026'), 'date', /FHIR instant/],
    ['a date without time', (s) => (s.date = '2026-11-26'), 'date', /seconds and time zone/],
    ['a bad patient', (s) => (s.patient = ''), 'patient', /required/],
    [
      'data with padding inside',
      (s) => (s.documents[0]!.data = 'JVBE=Ri0xLjcgdGVzdA=='),
      'documents[0].data',
      /not base64/,
    ],
    [
      'data cut short of a quad',
      (s) => (s.documents[0]!.data = 'JVBERi0xLjcgdGVzdA='),
      'documents[0].data',
      /not base64/,
    ],
  ];
  for (const [name, spoil, field, message] of bad) {
    it(`refuses ${name}, naming ${field}`, () => {
      const s = submission();
      spoil(s);
      assert.throws(
        () => buildProvideBundle(s),
        (error: unknown) =>
          error instanceof DspValidationError &&
          error.field === field &&
          message.test(error.message),
      );
    });
  }
});
