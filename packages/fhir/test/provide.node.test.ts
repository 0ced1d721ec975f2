// The ITI-65 bundle builder: MHD Comprehensive metadata, idempotent requests, valid FHIR R4, and
// precise refusals of bad submissions. IHE's URLs and codes are written out as the MHD
// Implementation Guide (IHE/ITI.MHD, input/fsh) and IHE's format codes define them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type {
  Binary,
  Bundle,
  DocumentReference,
  Identifier,
  List,
  Parameters,
  Patient,
  PractitionerRole,
  RelatedPerson,
} from '@medplum/fhirtypes';
import { DspValidationError } from '../src/errors.js';
import { buildProvideBundle, type DocumentSubmission } from '../src/provide.js';
import {
  CONFIDENTIALITY_SYSTEM,
  DOCUMENT_TYPE_SYSTEM,
  DSP_SECURITY_SYSTEM,
  LOINC_SYSTEM,
} from '../src/vocabulary.js';
import { assertValidR4 } from './fhir-r4.js';
import { everyField, patientOwnDocument, severalDocuments, textSubmission } from './submissions.js';

/** The Parameters of the PATCH entry of one of IHE's example bundles (vendored in test/mhd). */
function ihePatchOf(example: string): Parameters {
  const path = fileURLToPath(new URL(`./mhd/examples/${example}`, import.meta.url));
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle;
  const entry = bundle.entry?.find((e) => e.request?.method === 'PATCH');
  assert.ok(entry, `${example} has no PATCH entry`);
  return entry.resource as Parameters;
}

const MHD = 'https://profiles.ihe.net/ITI/MHD';
const IDENTIFIER_TYPE = `${MHD}/CodeSystem/IHE.MHD.MHDIdentifierType`;
/** MHD 4.2.3 (`use`) and its current build (`type`) each say a uniqueId or an entryUUID so. */
const uniqueId = (value: string): Identifier => ({
  use: 'usual',
  type: { coding: [{ system: IDENTIFIER_TYPE, code: 'uniqueId' }] },
  system: 'urn:ietf:rfc:3986',
  value,
});
const entryUuid = (value: string): Identifier => ({
  use: 'official',
  type: { coding: [{ system: IDENTIFIER_TYPE, code: 'entryUUID' }] },
  system: 'urn:ietf:rfc:3986',
  value,
});
const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const resources = (bundle: Bundle) => (bundle.entry ?? []).map((e) => e.resource);

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
    const bundle = buildProvideBundle(submission());
    const doc = bundle.entry?.[1]?.resource as DocumentReference;
    assert.deepEqual(doc.meta?.profile, [
      `${MHD}/StructureDefinition/IHE.MHD.Comprehensive.DocumentReference`,
    ]);
    assert.deepEqual(
      doc.masterIdentifier,
      uniqueId('urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11'),
    );
    assert.deepEqual(
      doc.type?.coding?.map((c) => [c.system, c.code]),
      [
        [DOCUMENT_TYPE_SYSTEM, 'resultat-biologie'],
        [LOINC_SYSTEM, '11502-2'],
      ],
    );
    assert.equal(doc.category?.length, 1);
    assert.equal(doc.category?.[0]?.coding?.[0]?.code, 'compte-rendu');
    assert.deepEqual(doc.subject, { reference: 'Patient/marie-schmit' });
    assert.deepEqual(
      doc.securityLabel?.map((l) => [l.coding?.[0]?.system, l.coding?.[0]?.code]),
      [
        [CONFIDENTIALITY_SYSTEM, 'R'],
        [DSP_SECURITY_SYSTEM, 'masked'],
      ],
    );
    assert.equal(doc.content.length, 1);
    assert.deepEqual(doc.content[0]?.attachment, {
      contentType: 'application/pdf',
      language: 'fr-LU',
      url: bundle.entry?.[2]?.fullUrl,
      size: content.byteLength,
      hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
      title: 'Bilan lipidique',
      creation: '2026-11-26T09:30:00+01:00',
    });
    assert.deepEqual(doc.content[0]?.format, {
      system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode',
      code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient',
      display: 'mimeType Sufficient',
    });
    assert.deepEqual(doc.context?.period, { start: '2026-11-20', end: '2026-11-21' });
    assert.equal(doc.context?.facilityType?.coding?.[0]?.code, 'laboratoire');
    assert.equal(doc.context?.practiceSetting?.coding?.[0]?.code, 'biologie');
    assert.deepEqual(doc.relatesTo, [
      { code: 'replaces', target: { reference: 'DocumentReference/doc-old' } },
    ]);
  });

  it('contains the author and the source patient, each pointing at the real resource', () => {
    const doc = buildProvideBundle(submission()).entry?.[1]?.resource as DocumentReference;
    const contained = (reference: string | undefined) => {
      assert.match(reference ?? '', /^#/);
      return doc.contained?.find((r) => `#${r.id ?? ''}` === reference);
    };
    assert.equal(doc.author?.length, 1);
    assert.equal(doc.author?.[0]?.display, 'Dr Paul Weber');
    const author = contained(doc.author?.[0]?.reference) as PractitionerRole;
    assert.equal(author.resourceType, 'PractitionerRole');
    assert.equal(author.practitioner?.reference, 'Practitioner/paul-weber');
    const source = contained(doc.context?.sourcePatientInfo?.reference) as Patient;
    assert.equal(source.resourceType, 'Patient');
    assert.deepEqual(source.link, [
      { other: { reference: 'Patient/marie-schmit' }, type: 'seealso' },
    ]);
  });

  it('says "unknown" for the codes MHD requires that the submission does not give', () => {
    const doc = buildProvideBundle(textSubmission()).entry?.[1]?.resource as DocumentReference;
    const unknown = {
      coding: [
        {
          system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
          code: 'UNK',
          display: 'unknown',
        },
      ],
    };
    assert.deepEqual(doc.context?.facilityType, unknown);
    assert.deepEqual(doc.context?.practiceSetting, unknown);
    assert.equal(doc.content[0]?.attachment.language, 'fr');
    assert.equal(doc.content[0]?.attachment.creation, '2026-11-26T10:00:00Z');
    const list = buildProvideBundle(textSubmission()).entry?.[0]?.resource as List;
    assert.deepEqual(
      list.extension?.find((e) => e.url === `${MHD}/StructureDefinition/ihe-designationType`)
        ?.valueCodeableConcept,
      unknown,
    );
  });

  it('writes a Comprehensive SubmissionSet: sourceId, designationType, uniqueId and entryUUID, contained source', () => {
    const list = buildProvideBundle(submission()).entry?.[0]?.resource as List;
    assert.deepEqual(list.meta?.profile, [
      `${MHD}/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet`,
    ]);
    // The sourceId is DSP Kit's: the 2.25 OID (ITU-T X.667) of UUID
    // e1370a57-c0b2-4888-83b8-2f8bfeac0c3d, as Python's int(uuid.UUID(...)) gives it.
    assert.deepEqual(
      list.extension?.find((e) => e.url === `${MHD}/StructureDefinition/ihe-sourceId`)
        ?.valueIdentifier,
      {
        system: 'urn:ietf:rfc:3986',
        value: 'urn:oid:2.25.299362085155408315390852382292234210365',
      },
    );
    // The uniqueId is an OID (MHD's mhd-startswithoid): the submission's UUID under 2.25.
    assert.deepEqual(list.identifier, [
      uniqueId('urn:oid:2.25.147690227915872050419881321749592951642'),
      entryUuid('urn:uuid:6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a'),
    ]);
    assert.equal(list.status, 'current');
    assert.equal(list.mode, 'working');
    assert.deepEqual(list.code?.coding, [
      { system: `${MHD}/CodeSystem/MHDlistTypes`, code: 'submissionset' },
    ]);
    assert.deepEqual(list.subject, { reference: 'Patient/marie-schmit' });
    assert.equal(list.date, '2026-11-26T09:30:00+01:00');
    const source = list.contained?.find((r) => `#${r.id ?? ''}` === list.source?.reference);
    assert.ok(source?.resourceType === 'PractitionerRole');
    assert.equal(source.practitioner?.reference, 'Practitioner/paul-weber');

    const given = buildProvideBundle(everyField()).entry?.[0]?.resource as List;
    assert.deepEqual(
      given.extension?.map((e) => [e.url, e.valueIdentifier?.value ?? e.valueCodeableConcept]),
      [
        [`${MHD}/StructureDefinition/ihe-sourceId`, 'urn:oid:1.2.3.4'],
        [
          `${MHD}/StructureDefinition/ihe-designationType`,
          { coding: [{ system: 'http://snomed.info/sct', code: '225728007' }] },
        ],
      ],
    );
  });

  it('names an organisation as the SubmissionSet’s authorOrg, and an assistant nowhere (List.source cannot name one)', () => {
    const asOrganization = buildProvideBundle({
      ...textSubmission(),
      author: { reference: 'Organization/lns', display: 'LNS' },
    });
    const list = asOrganization.entry?.[0]?.resource as List;
    assert.deepEqual(list.source, {
      extension: [
        {
          url: `${MHD}/StructureDefinition/ihe-authorOrg`,
          valueReference: { reference: 'Organization/lns', display: 'LNS' },
        },
      ],
    });
    const doc = asOrganization.entry?.[1]?.resource as DocumentReference;
    const author = doc.contained?.find((r) => r.id === 'author') as PractitionerRole;
    assert.equal(author.organization?.reference, 'Organization/lns');

    const asAssistant = buildProvideBundle({
      ...patientOwnDocument(),
      author: { reference: 'RelatedPerson/claire' },
    });
    assert.equal((asAssistant.entry?.[0]?.resource as List).source, undefined);
    const written = asAssistant.entry?.[1]?.resource as DocumentReference;
    const assistant = written.contained?.find((r) => r.id === 'author') as RelatedPerson;
    assert.deepEqual(assistant.patient, { reference: 'Patient/p1' });

    const own = buildProvideBundle(patientOwnDocument()).entry?.[1]?.resource as DocumentReference;
    const patient = own.contained?.find((r) => r.id === 'author') as Patient;
    assert.deepEqual(patient.link?.[0]?.other, {
      reference: 'Patient/p1',
      display: 'Marie Schmit',
    });
  });

  it('sends each Binary by POST under a urn:uuid of its own, named by its document', () => {
    const entries = buildProvideBundle(submission()).entry ?? [];
    const [, document, content] = entries;
    assert.deepEqual(content?.request, { method: 'POST', url: 'Binary' });
    assert.match(content?.fullUrl ?? '', UUID_URN);
    const binary = content?.resource as Binary;
    assert.equal(binary.id, undefined);
    assert.equal(binary.contentType, 'application/pdf');
    assert.deepEqual(binary.securityContext, { reference: document?.fullUrl });
    assert.equal(
      (document?.resource as DocumentReference).content[0]?.attachment.url,
      content?.fullUrl,
    );
  });

  it('takes files of many megabytes (the base64 check does not recurse)', () => {
    const large = Buffer.alloc(12_000_000, 0x25);
    const s = submission();
    s.documents[0]!.data = large.toString('base64');
    s.documents[0]!.size = large.byteLength;
    const binary = buildProvideBundle(s).entry?.[2]?.resource as Binary;
    assert.equal(binary.data?.length, 16_000_000);
  });

  it('makes the List and each DocumentReference a conditional create on its uniqueId', () => {
    const entries = buildProvideBundle(submission()).entry ?? [];
    assert.deepEqual(
      entries.map((e) => e.request),
      [
        {
          method: 'POST',
          url: 'List',
          ifNoneExist:
            'identifier=urn:ietf:rfc:3986|urn:oid:2.25.147690227915872050419881321749592951642',
        },
        {
          method: 'POST',
          url: 'DocumentReference',
          ifNoneExist: 'identifier=urn:ietf:rfc:3986|urn:uuid:0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
        },
        { method: 'POST', url: 'Binary' },
        { method: 'PATCH', url: 'DocumentReference/doc-old' },
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

  it('gives every entry a fullUrl of its own, which no identifier shares', () => {
    for (const s of [submission(), textSubmission(), severalDocuments(), everyField()]) {
      const bundle = buildProvideBundle(s);
      const fullUrls = (bundle.entry ?? []).map((e) => e.fullUrl ?? '');
      for (const url of fullUrls) assert.match(url, UUID_URN);
      assert.equal(new Set(fullUrls).size, fullUrls.length);
      // A server resolving the transaction rewrites each fullUrl wherever it appears as a string
      // (Medplum does): the identifiers, and the searches that find them again, must not change.
      let rewritten = JSON.stringify(bundle);
      fullUrls.forEach((url, i) => (rewritten = rewritten.replaceAll(url, `Assigned/${i}`)));
      const after = JSON.parse(rewritten) as Bundle;
      const identifiers = (b: Bundle) =>
        (b.entry ?? []).map((e) => [
          e.request?.ifNoneExist,
          e.resource?.resourceType === 'DocumentReference'
            ? e.resource.masterIdentifier
            : e.resource?.resourceType === 'List'
              ? e.resource.identifier
              : undefined,
        ]);
      assert.deepEqual(identifiers(after), identifiers(bundle));
    }
  });

  it('is valid FHIR R4 for every kind of submission, with one DocumentReference and Binary per document, and a PATCH per replacement', () => {
    for (const s of [textSubmission(), severalDocuments(), everyField(), patientOwnDocument()]) {
      const bundle = buildProvideBundle(s);
      assertValidR4(bundle);
      for (const resource of resources(bundle)) if (resource) assertValidR4(resource);
      assert.deepEqual(
        resources(bundle).map((r) => r?.resourceType),
        [
          'List',
          ...s.documents.flatMap(() => ['DocumentReference', 'Binary']),
          ...s.documents.flatMap((d) => (d.replaces ? ['Parameters'] : [])),
        ],
      );
      const list = bundle.entry?.[0]?.resource as List;
      assert.equal(list.entry?.length, s.documents.length);
    }
  });

  it('supersedes each replaced document by a PATCH of its status in the same transaction (ITI-65.md:120)', () => {
    const entries = buildProvideBundle(submission()).entry ?? [];
    const patches = entries.filter((e) => e.request?.method === 'PATCH');
    assert.equal(patches.length, 1);
    const [patch] = patches;
    assert.deepEqual(patch?.request, { method: 'PATCH', url: 'DocumentReference/doc-old' });
    assert.match(patch?.fullUrl ?? '', UUID_URN);
    // After the documents and their Binaries: the answer's entries 1 and 2 stay the first document.
    assert.equal(entries.at(-1), patch);
    // The FHIRPath Patch (R4 fhirpatch.html) of MHD's UpdateDocumentRefs slice, operation for
    // operation as IHE's own example of a replacing submission writes it.
    const example = ihePatchOf('Bundle-ex-comprehensiveProvideDocumentBundleReplace.json');
    const sent = patch?.resource as Parameters;
    assert.equal(sent.resourceType, 'Parameters');
    assert.deepEqual(sent.meta?.profile, example.meta?.profile);
    assert.deepEqual(sent.parameter, example.parameter);
    assertValidR4(sent);
  });

  it('names the replaced document alike with or without "DocumentReference/", one PATCH per replacement', () => {
    const s = severalDocuments();
    s.documents[0]!.replaces = 'DocumentReference/doc-a';
    s.documents[2]!.replaces = 'doc-b';
    const patches = (buildProvideBundle(s).entry ?? []).filter(
      (e) => e.request?.method === 'PATCH',
    );
    assert.deepEqual(
      patches.map((e) => e.request?.url),
      ['DocumentReference/doc-a', 'DocumentReference/doc-b'],
    );
    assert.equal(
      (buildProvideBundle(textSubmission()).entry ?? []).filter(
        (e) => e.request?.method === 'PATCH',
      ).length,
      0,
    );
    // The same submission, the same PATCH entries (a resend is the same bundle).
    assert.deepEqual(buildProvideBundle(s), buildProvideBundle(s));
  });

  it('takes the patient as an id or a Patient/ reference alike', () => {
    const doc = buildProvideBundle(everyField()).entry?.[1]?.resource as DocumentReference;
    assert.deepEqual(doc.subject, { reference: 'Patient/p1' });
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
      'two documents replacing one',
      (s) =>
        s.documents.push({
          ...s.documents[0]!,
          uuid: '1c9f4a1f-0c9b-4b6a-9064-4d1d8d2e3f22',
          replaces: 'DocumentReference/doc-old',
        }),
      'documents[1].replaces',
      /replaced by documents\[0\] already/,
    ],
    [
      'an author that is not a person',
      (s) => (s.author = { reference: 'Device/x' }),
      'author',
      /Device\/x/,
    ],
    [
      'a PractitionerRole as author (a contained author could not point at it)',
      (s) => (s.author = { reference: 'PractitionerRole/role-x' } as never),
      'author',
      /PractitionerRole\/role-x/,
    ],
    [
      'an author id that is no FHIR id',
      (s) => (s.author = { reference: 'Practitioner/a b' }),
      'author',
      /FHIR id/,
    ],
    [
      'a sourceId that is no OID',
      (s) => (s.sourceId = 'urn:uuid:6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a'),
      'sourceId',
      /OID/,
    ],
    [
      'a format without code',
      (s) =>
        (s.documents[0]!.format = {
          system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode',
        }),
      'documents[0].format',
      /system and a code/,
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
