// Who may replace which document, over real HTTP (node:http on 127.0.0.1) as the fixture users:
// the author's organisation per policy, a refusal that names why, a `replaces` naming another
// patient's document or none that refuses the whole transaction; and the chained author search
// finding the authors the uploader writes contained, as a CDA's other authors.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  DspClient,
  DspHttpError,
  type DocumentReference,
  type DocumentSubmission,
} from '@dsp-kit/fhir';
import { documents, patients, practitioners, users } from '../src/fixtures.js';
import { startHttpServer, type RunningHttpServer } from '../src/http-server.js';

/** A server with the default policy (an organisation acts for its members), one without. */
let withOrganisation: RunningHttpServer;
let authorOnly: RunningHttpServer;
before(async () => {
  withOrganisation = await startHttpServer({ port: 0 });
  authorOnly = await startHttpServer({ port: 0, policy: { organisationReplaces: false } });
});
after(async () => {
  await withOrganisation.close();
  await authorOnly.close();
});
beforeEach(() => {
  withOrganisation.server.reset();
  authorOnly.server.reset();
});

function as(running: RunningHttpServer, user: string): DspClient {
  return new DspClient({
    baseUrl: running.url,
    tokens: { getAccessToken: () => Promise.resolve(`mock:${user}`) },
    retry: false,
  });
}

/** A one-document submission by `author` for `patient`: a new version of a discharge letter. */
function submission(patient: string, author: string): DocumentSubmission {
  return {
    uuid: randomUUID(),
    patient,
    author: { reference: author },
    date: '2026-12-01T10:00:00+01:00',
    documents: [
      {
        uuid: randomUUID(),
        typeCode: 'cr-sejour-hospitalier',
        title: 'Lettre de sortie (corrigée)',
        contentType: 'text/plain',
        data: btoa('abc'),
        size: 3,
        // SHA-1 of "abc" (FIPS 180-2, appendix A.1), base64.
        hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
      },
    ],
  };
}

const stored = (running: RunningHttpServer, id: string) =>
  running.server.store.get<DocumentReference>('DocumentReference', id);

/** Every resource of the store, counted by type: a refused transaction changes none. */
function counts(running: RunningHttpServer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const type of ['DocumentReference', 'List', 'Binary', 'AuditEvent'] as const) {
    out[type] = running.server.store.list(type).length;
  }
  return out;
}

const LETTER = documents.lucienDischarge.id;
const LUCIEN = patients.lucien.id;
const MULLER = `Practitioner/${practitioners.muller.id}`;

describe('replacing a document of the author’s organisation, per policy', () => {
  it('lets a professional of the authoring organisation replace it (Dr Muller, CHL)', async () => {
    assert.equal(documents.lucienDischarge.author?.[0]?.reference, 'Organization/chl');
    const result = await as(withOrganisation, users.muller).replaceDocument(
      LETTER,
      submission(LUCIEN, MULLER),
    );
    assert.deepEqual(
      result.entries.map((e) => e.status),
      ['201 Created', '201 Created', '201 Created', '200 OK'],
    );
    assert.equal(stored(withOrganisation, LETTER)?.status, 'superseded');
  });

  it('refuses her where the policy is the author alone, saying so, and changes nothing', async () => {
    const before = counts(authorOnly);
    await assert.rejects(
      as(authorOnly, users.muller).replaceDocument(LETTER, submission(LUCIEN, MULLER)),
      (e: unknown) =>
        e instanceof DspHttpError &&
        e.status === 403 &&
        e.serverMessage === 'Seul l’auteur du document peut le remplacer.',
    );
    assert.equal(stored(authorOnly, LETTER)?.status, 'current');
    const after = counts(authorOnly);
    // The refusal is audited; nothing else was stored.
    assert.deepEqual({ ...after, AuditEvent: before.AuditEvent }, before);
  });

  it('refuses a professional of another organisation, naming the rule', async () => {
    await assert.rejects(
      as(withOrganisation, users.weber).replaceDocument(
        LETTER,
        submission(LUCIEN, `Practitioner/${practitioners.weber.id}`),
      ),
      (e: unknown) =>
        e instanceof DspHttpError &&
        e.status === 403 &&
        e.serverMessage === 'Seul l’auteur du document, ou son organisation, peut le remplacer.',
    );
    assert.equal(stored(withOrganisation, LETTER)?.status, 'current');
  });
});

describe('a replacement naming a document outside the record refuses the whole transaction', () => {
  const cases: [string, string][] = [
    ['another patient’s document', documents.nadiaAllergy.id],
    ['a document that does not exist', 'doc-none'],
  ];
  for (const [what, target] of cases) {
    it(`refuses ${what}: 422, nothing stored, the other document untouched`, async () => {
      const before = counts(withOrganisation);
      const other = stored(withOrganisation, target);
      await assert.rejects(
        as(withOrganisation, users.muller).replaceDocument(target, submission(LUCIEN, MULLER)),
        (e: unknown) =>
          e instanceof DspHttpError &&
          e.status === 422 &&
          e.serverMessage ===
            `DocumentReference/${target} is no document of this record that you may replace`,
      );
      assert.deepEqual(counts(withOrganisation), before);
      assert.deepEqual(stored(withOrganisation, target), other);
    });
  }
});

describe('author:Practitioner.family finds the authors the uploader writes contained', () => {
  it('finds a CDA’s other author (contained PractitionerRole of a contained Practitioner)', async () => {
    const weber = as(withOrganisation, users.weber);
    const sent = submission(patients.marie.id, `Practitioner/${practitioners.weber.id}`);
    sent.documents[0]!.typeCode = 'rapport-medical';
    sent.documents[0]!.additionalAuthors = [
      {
        name: { text: 'Dr Claude Schroeder', family: 'Schroeder', given: ['Claude'] },
        organization: { name: 'Clinique Bohler' },
      },
    ];
    const result = await weber.provideDocuments(sent);
    const id = (result.entries[1]?.location ?? '').split('/')[1];
    const found = await weber.searchDocuments({ patient: patients.marie.id, author: 'schroe' });
    assert.deepEqual(
      found.entries.map((d) => d.id),
      [id],
    );
    // The sender stays findable under their own name.
    const bySender = await weber.searchDocuments({ patient: patients.marie.id, author: 'weber' });
    assert.ok(bySender.entries.some((d) => d.id === id));
  });
});
