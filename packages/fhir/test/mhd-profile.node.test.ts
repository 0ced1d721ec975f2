// Every body DspClient sends, checked against the IHE MHD profile it claims, from IHE's own
// StructureDefinitions (vendored in test/mhd), and against the ITI-65 rules those leave to the
// text: the Provide Document Bundle of each kind of submission, and any other body that claims a
// profile.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import type {
  Binary,
  Bundle,
  DocumentReference,
  List,
  Resource,
  ResourceType,
} from '@medplum/fhirtypes';
import { DspClient } from '../src/client.js';
import { defaultConsent } from '../src/consent.js';
import { makeMatricule } from '../src/matricule.js';
import {
  buildProvideBundle,
  type DocumentSubmission,
  type SubmittedDocument,
} from '../src/provide.js';
import { assertValidR4 } from './fhir-r4.js';
import { MHD_PROFILES } from './mhd/definitions.js';
import { iti65Issues } from './mhd/iti65-rules.js';
import { assertConforms } from './mhd/profile-validator.js';
import { textSubmission } from './submissions.js';

const BASE = 'https://dsp.example/fhir';

/** A document of `text`, with its true size and SHA-1, on the shared fixture's document. */
function document(uuid: string, typeCode: string, title: string, text: string): SubmittedDocument {
  const bytes = Buffer.from(text);
  return {
    ...textSubmission().documents[0]!,
    uuid,
    typeCode,
    title,
    data: bytes.toString('base64'),
    size: bytes.byteLength,
    hash: createHash('sha1').update(bytes).digest('base64'),
  };
}

function severalDocuments(): DocumentSubmission {
  return {
    ...textSubmission(),
    documents: [
      document('1d6e4b52-0c8e-4a57-9a0e-5f3f4f6f0001', 'certificat-medical', 'Certificat', 'a'),
      document('1d6e4b52-0c8e-4a57-9a0e-5f3f4f6f0002', 'resultat-biologie', 'Bilan', 'bc'),
      document('1d6e4b52-0c8e-4a57-9a0e-5f3f4f6f0003', 'rapport-medical', 'Rapport', 'def'),
    ],
  };
}

function everyOptionalField(): DocumentSubmission {
  const base = textSubmission();
  return {
    ...base,
    author: { reference: 'Practitioner/paul-weber', display: 'Dr Paul Weber' },
    documents: [
      {
        ...document('0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11', 'resultat-biologie', ' Bilan ', '%PDF'),
        contentType: 'application/pdf',
        description: 'Bilan lipidique de contrôle',
        language: 'fr-LU',
        creation: '2026-11-21T16:00:00+01:00',
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
  };
}

function patientsOwnDocument(): DocumentSubmission {
  const base = textSubmission();
  return {
    ...base,
    author: { reference: `Patient/${base.patient}` },
    documents: [
      document('5a0c2f7e-3b1d-4c8a-9e2f-6d7c8b9a0001', 'expression-titulaire', 'Mes volontés', 'x'),
    ],
  };
}

const SUBMISSIONS: [string, () => DocumentSubmission][] = [
  ['one document', textSubmission],
  ['several documents', severalDocuments],
  ['every optional field', everyOptionalField],
  ["a patient's own document", patientsOwnDocument],
];

function resourcesOf<T extends Resource>(bundle: Bundle, type: ResourceType): T[] {
  return (bundle.entry ?? [])
    .map((entry) => entry.resource)
    .filter((r): r is T => r?.resourceType === type);
}

/** The resource and every resource inside it (bundle entries, contained) that claim a profile. */
function claimingProfiles(value: unknown): Resource[] {
  if (Array.isArray(value)) return value.flatMap(claimingProfiles);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown> & Partial<Resource>;
  const own = object.resourceType && object.meta?.profile?.length ? [object as Resource] : [];
  return [...own, ...Object.values(object).flatMap(claimingProfiles)];
}

describe('ITI-65 bundles against IHE MHD Comprehensive', () => {
  for (const [name, submission] of SUBMISSIONS) {
    describe(name, () => {
      it('claims the Comprehensive ProvideBundle profile and conforms to it', () => {
        const bundle = buildProvideBundle(submission());
        assert.deepEqual(bundle.meta?.profile, [MHD_PROFILES.provideBundle]);
        assertValidR4(bundle);
        assertConforms(bundle);
      });

      it('sends one Comprehensive SubmissionSet', () => {
        const lists = resourcesOf<List>(buildProvideBundle(submission()), 'List');
        assert.equal(lists.length, 1);
        assertConforms(lists[0]!, MHD_PROFILES.submissionSet);
      });

      it('sends a Comprehensive DocumentReference and a valid Binary per document', () => {
        const bundle = buildProvideBundle(submission());
        const count = submission().documents.length;
        const documents = resourcesOf<DocumentReference>(bundle, 'DocumentReference');
        const binaries = resourcesOf<Binary>(bundle, 'Binary');
        assert.equal(documents.length, count);
        assert.equal(binaries.length, count);
        for (const doc of documents) assertConforms(doc, MHD_PROFILES.documentReference);
        for (const binary of binaries) assertValidR4(binary);
      });

      it('meets the ITI-65 rules the profiles leave to the text', () => {
        assert.deepEqual(iti65Issues(buildProvideBundle(submission())), []);
      });
    });
  }
});

describe('what DspClient sends', () => {
  /** A client whose every request is kept, answered by `answer` (an echo of the body by default). */
  function recordingClient() {
    const requests: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      requests.push(request.clone());
      if (request.method === 'GET') {
        const person = { resourceType: 'RelatedPerson', id: 'a1', meta: { versionId: '1' } };
        return Response.json({ ...person, patient: { reference: 'Patient/p1' }, active: true });
      }
      const body = await request.text();
      const answer: unknown = new URL(request.url).pathname.endsWith('/fhir/')
        ? { resourceType: 'Bundle', type: 'transaction-response', entry: [] }
        : JSON.parse(body || '{}');
      return Response.json(answer, { headers: { ETag: 'W/"2"' } });
    };
    return { client: new DspClient({ baseUrl: BASE, fetch }), requests };
  }

  it('POSTs each Provide bundle as FHIR JSON (ITI-65.md:42), conforming to what it claims', async () => {
    for (const [name, submission] of SUBMISSIONS) {
      const { client, requests } = recordingClient();
      await client.provideDocuments(submission());
      assert.equal(requests.length, 1, name);
      const request = requests[0]!;
      assert.equal(request.method, 'POST');
      assert.match(request.headers.get('content-type') ?? '', /^application\/fhir\+json\b/, name);
      const bundle = (await request.json()) as Bundle;
      assert.deepEqual(bundle.meta?.profile, [MHD_PROFILES.provideBundle], name);
      for (const resource of claimingProfiles(bundle)) assertConforms(resource);
      assert.deepEqual(iti65Issues(bundle), [], name);
    }
  });

  it('checks every other body it sends against each profile the body claims', async () => {
    const { client, requests } = recordingClient();
    const ignore = () => undefined;
    await client.saveConsent(defaultConsent('p1'), undefined).catch(ignore);
    const assistant = {
      given: 'Paul',
      family: 'Wagner',
      matricule: makeMatricule('1961-05-17', 44),
    };
    await client.addAssistant('p1', assistant).catch(ignore);
    await client.removeAssistant('p1', 'a1').catch(ignore);
    await client.breakTheGlass('p1', 'Patient inconscient aux urgences').catch(ignore);
    const bodies = await Promise.all(
      requests.filter((r) => r.method !== 'GET').map((r) => r.json() as Promise<Resource>),
    );
    // Each call sent its body, so none of them goes unchecked.
    assert.deepEqual(
      bodies.map((b) => b.resourceType),
      ['Consent', 'RelatedPerson', 'RelatedPerson', 'Parameters'],
    );
    for (const body of bodies) {
      assertValidR4(body);
      for (const resource of claimingProfiles(body)) assertConforms(resource);
    }
  });
});
