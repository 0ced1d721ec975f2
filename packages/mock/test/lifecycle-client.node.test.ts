// DspClient's document lifecycle calls against the mock over real HTTP (node:http on 127.0.0.1):
// reads with their ETag, updates with If-Match, conflicts that overwrite nothing, the safe resend
// of a write whose answer was lost, withdrawals and their reason, confidentiality, replacements
// and the chain of earlier versions.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  DspClient,
  DspConflictError,
  DspHttpError,
  DspValidationError,
  withdrawalReason,
  type DocumentReference,
  type DocumentSubmission,
} from '@dsp-kit/fhir';
import { documents, patients, practitioners, users } from '../src/fixtures.js';
import { startHttpServer, type RunningHttpServer } from '../src/http-server.js';

let running: RunningHttpServer;
before(async () => {
  running = await startHttpServer({ port: 0 });
});
after(() => running.close());

let sent: { method: string; url: string; ifMatch: string | null }[];
beforeEach(() => {
  running.server.reset();
  sent = [];
});

/**
 * A client signed in as `user`, over HTTP; `loseAnswers` drops that many answers after the
 * server applied the request (a connection lost on the way back), as a real network can.
 */
function as(user: string, loseAnswers = 0): DspClient {
  let toLose = loseAnswers;
  return new DspClient({
    baseUrl: running.url,
    tokens: { getAccessToken: () => Promise.resolve(`mock:${user}`) },
    retry: { tries: 3, baseDelayMs: 1, maxDelayMs: 5 },
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push({
        method: request.method,
        url: request.url,
        ifMatch: request.headers.get('if-match'),
      });
      const response = await fetch(request);
      if (request.method !== 'GET' && toLose > 0) {
        toLose--;
        await response.body?.cancel();
        throw new TypeError('fetch failed: the connection was reset');
      }
      return response;
    },
  });
}

const stored = (id: string) => running.server.store.get<DocumentReference>('DocumentReference', id);

/** A one-document submission by `author` for `patient`, of the given type. */
function submission(
  patient: string,
  author: string,
  typeCode = 'certificat-medical',
): DocumentSubmission {
  return {
    uuid: randomUUID(),
    patient,
    author: { reference: author },
    date: '2026-12-01T10:00:00+01:00',
    documents: [
      {
        uuid: randomUUID(),
        typeCode,
        title: 'Certificat (nouvelle version)',
        contentType: 'text/plain',
        data: btoa('abc'),
        size: 3,
        // SHA-1 of "abc" (FIPS 180-2, appendix A.1), base64.
        hash: 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=',
      },
    ],
  };
}

describe('DspClient: reading and correcting a document', () => {
  it('reads a document with its ETag, and corrects it with If-Match', async () => {
    const weber = as(users.weber);
    const { document, etag } = await weber.readDocumentVersioned(documents.summary.id);
    assert.equal(etag, 'W/"1"');
    const saved = await weber.updateDocument({ ...document, description: 'Résumé 2026' }, etag);
    assert.equal(saved.etag, 'W/"2"');
    assert.equal(saved.document.description, 'Résumé 2026');
    assert.deepEqual(
      sent.filter((r) => r.method === 'PUT').map((r) => r.ifMatch),
      ['W/"1"'],
    );
    assert.equal(stored(documents.summary.id)?.description, 'Résumé 2026');
  });

  it('rejects a stale ETag with a DspConflictError carrying the current version; nothing overwritten', async () => {
    const first = as(users.weber);
    const second = as(users.weber);
    const a = await first.readDocumentVersioned(documents.summary.id);
    const b = await second.readDocumentVersioned(documents.summary.id);
    await first.updateDocument({ ...a.document, description: 'Par le premier' }, a.etag);
    const conflict = await second
      .updateDocument({ ...b.document, description: 'Par le second' }, b.etag)
      .then(
        () => assert.fail('expected a conflict'),
        (error: unknown) => error,
      );
    assert.ok(conflict instanceof DspConflictError);
    assert.equal(conflict.status, 412);
    assert.equal(conflict.etag, 'W/"2"');
    assert.equal((conflict.current as DocumentReference).description, 'Par le premier');
    assert.equal(stored(documents.summary.id)?.description, 'Par le premier');
  });

  it('sends a write again after its answer was lost, and it is applied once', async () => {
    const weber = as(users.weber, 1);
    const { document, etag } = await weber.readDocumentVersioned(documents.summary.id);
    const saved = await weber.updateDocument({ ...document, description: 'Une fois' }, etag);
    // Two PUTs went out: the first landed, the second met 412, and the read-back shows ours.
    assert.deepEqual(
      sent.filter((r) => r.method === 'PUT').map((r) => r.ifMatch),
      ['W/"1"', 'W/"1"'],
    );
    assert.equal(saved.etag, 'W/"2"');
    assert.equal(saved.document.description, 'Une fois');
    assert.equal(stored(documents.summary.id)?.meta?.versionId, '2');
    const updates = running.server.store
      .auditOf(patients.marie.id)
      .filter((e) => e.action === 'U' && e.outcome === '0');
    assert.equal(updates.length, 1);
  });

  it('refuses bad input before any request', async () => {
    const weber = as(users.weber);
    await assert.rejects(
      weber.updateDocument({ ...documents.summary }, ''),
      (e: unknown) => e instanceof DspValidationError && e.field === 'etag',
    );
    await assert.rejects(
      weber.updateDocument({ ...documents.summary, id: '../x' }, 'W/"1"'),
      (e: unknown) => e instanceof DspValidationError && e.field === 'document.id',
    );
    await assert.rejects(
      weber.setConfidentiality(documents.summary.id, 'X' as 'N', 'W/"1"'),
      (e: unknown) => e instanceof DspValidationError && e.field === 'level',
    );
    assert.deepEqual(sent, []);
  });

  it('refuses a change the server forbids with its reason (403)', async () => {
    const muller = as(users.muller);
    const { document, etag } = await muller.readDocumentVersioned(documents.summary.id);
    await assert.rejects(
      muller.updateDocument({ ...document, description: 'Pas le mien' }, etag),
      (e: unknown) => e instanceof DspHttpError && e.status === 403 && e.message.includes('auteur'),
    );
  });
});

describe('DspClient: withdrawing and confidentiality', () => {
  it('withdraws with a reason: entered-in-error, no longer listed', async () => {
    const weber = as(users.weber);
    const reason = 'Certificat établi pour un autre patient';
    const result = await weber.withdrawDocument(documents.certificate.id, reason);
    assert.equal(result.document.status, 'entered-in-error');
    assert.equal(withdrawalReason(result.document), reason);
    assert.equal(stored(documents.certificate.id)?.status, 'entered-in-error');
    const page = await weber.searchDocuments({ patient: patients.marie.id });
    assert.ok(!page.entries.some((d) => d.id === documents.certificate.id));
  });

  it('refuses a withdrawal without a reason before sending anything', async () => {
    for (const reason of ['', '  ', 'x'.repeat(501)]) {
      await assert.rejects(
        as(users.weber).withdrawDocument(documents.certificate.id, reason),
        (e: unknown) => e instanceof DspValidationError && e.field === 'reason',
      );
    }
    assert.deepEqual(sent, []);
  });

  it('withdraws against the ETag the user saw: a change meanwhile is a conflict', async () => {
    const weber = as(users.weber);
    const seen = await weber.readDocumentVersioned(documents.certificate.id);
    await weber.updateDocument({ ...seen.document, description: 'Changé entre-temps' }, seen.etag);
    await assert.rejects(
      weber.withdrawDocument(documents.certificate.id, 'Erreur', { etag: seen.etag }),
      (e: unknown) => e instanceof DspConflictError && e.etag === 'W/"2"',
    );
    assert.equal(stored(documents.certificate.id)?.status, 'current');
  });

  it('lets the patient set a confidentiality level, and no professional withdraw what they did not write', async () => {
    const marie = as(users.marie);
    const { etag } = await marie.readDocumentVersioned(documents.bloodTest.id);
    const result = await marie.setConfidentiality(documents.bloodTest.id, 'V', etag);
    assert.equal(result.etag, 'W/"2"');
    const levels = (stored(documents.bloodTest.id)?.securityLabel ?? [])
      .flatMap((l) => l.coding ?? [])
      .map((c) => c.code);
    assert.ok(levels.includes('V'));
    assert.ok(!levels.includes('N'));
    await assert.rejects(
      marie.withdrawDocument(documents.summary.id, 'Je ne veux plus le voir'),
      (e: unknown) => e instanceof DspHttpError && e.status === 403,
    );
  });
});

describe('DspClient: replacing a document and its earlier versions', () => {
  it('replaces: the old one superseded in the same transaction, listed as an earlier version', async () => {
    const weber = as(users.weber);
    const first = await weber.replaceDocument(
      documents.certificate.id,
      submission(patients.marie.id, `Practitioner/${practitioners.weber.id}`),
    );
    assert.deepEqual(
      first.entries.map((e) => e.status),
      ['201 Created', '201 Created', '201 Created', '200 OK'],
    );
    const secondId = (first.entries[1]?.location ?? '').split('/')[1] ?? '';
    assert.equal(stored(documents.certificate.id)?.status, 'superseded');
    const second = await weber.replaceDocument(
      secondId,
      submission(patients.marie.id, `Practitioner/${practitioners.weber.id}`),
    );
    const thirdId = (second.entries[1]?.location ?? '').split('/')[1] ?? '';
    const versions = await weber.documentVersions(thirdId);
    assert.deepEqual(
      versions.map((d) => [d.id, d.status]),
      [
        [secondId, 'superseded'],
        [documents.certificate.id, 'superseded'],
      ],
    );
    const current = await weber.searchDocuments({ patient: patients.marie.id });
    const ids = current.entries.map((d) => d.id);
    assert.ok(ids.includes(thirdId));
    assert.ok(!ids.includes(secondId));
    assert.ok(!ids.includes(documents.certificate.id));
    assert.deepEqual(await weber.documentVersions(documents.summary.id), []);
  });

  const refused: [string, string, string, string, number][] = [
    ['a document that does not exist', users.weber, patients.marie.id, 'doc-none', 422],
    ['another patient’s document', users.hansen, patients.marie.id, documents.nadiaAllergy.id, 422],
    ['a document of another author', users.weber, patients.marie.id, documents.cardiology.id, 403],
  ];
  for (const [what, user, patient, target, status] of refused) {
    it(`refuses replacing ${what}, whole (${status})`, async () => {
      const before = running.server.store.documentsOf(patient).length;
      await assert.rejects(
        as(user).replaceDocument(target, submission(patient, `Practitioner/${user}`)),
        (e: unknown) => e instanceof DspHttpError && e.status === status,
      );
      assert.equal(running.server.store.documentsOf(patient).length, before);
    });
  }

  it('refuses a replacement of several documents, or naming another, before sending', async () => {
    const weber = as(users.weber);
    const two = submission(patients.marie.id, `Practitioner/${practitioners.weber.id}`);
    two.documents.push({ ...two.documents[0]!, uuid: randomUUID() });
    await assert.rejects(
      weber.replaceDocument(documents.certificate.id, two),
      (e: unknown) => e instanceof DspValidationError && e.field === 'documents',
    );
    const other = submission(patients.marie.id, `Practitioner/${practitioners.weber.id}`);
    other.documents[0]!.replaces = documents.summary.id;
    await assert.rejects(
      weber.replaceDocument(documents.certificate.id, other),
      (e: unknown) => e instanceof DspValidationError && e.field === 'documents[0].replaces',
    );
    assert.deepEqual(sent, []);
  });
});
