// Every body DspClient sends, checked against the IHE MHD profile it claims, from IHE's own
// StructureDefinitions (vendored in test/mhd), and against the ITI-65 rules those leave to the
// text: the Provide Document Bundle of each kind of submission, and any other body that claims a
// profile.
import assert from 'node:assert/strict';
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
import { buildProvideBundle, type DocumentSubmission } from '../src/provide.js';
import { assertValidR4 } from './fhir-r4.js';
import { MHD_PROFILES } from './mhd/definitions.js';
import { iti65Issues } from './mhd/iti65-rules.js';
import { assertConforms } from './mhd/profile-validator.js';
import {
  cdaAuthors,
  everyField,
  patientOwnDocument,
  severalDocuments,
  textSubmission,
} from './submissions.js';

const BASE = 'https://dsp.example/fhir';

const SUBMISSIONS: [string, () => DocumentSubmission][] = [
  ['one document', textSubmission],
  ['several documents', severalDocuments],
  ['every optional field', everyField],
  ["a patient's own document", patientOwnDocument],
  ['authors named by a CDA beside the sender', cdaAuthors],
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
