// The document lifecycle over real HTTP (node:http on 127.0.0.1), as each fixture user: who may
// correct, withdraw (with a reason) and restore a document, and set its confidentiality; `PUT`
// and JSON Patch with `If-Match` (428 without, 412 when stale); what no update may change; the
// confidentiality levels gating every read; and the audit entry of every change and refusal.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  auditRows,
  CONFIDENTIALITY_SYSTEM,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
  grantAccess,
  readDocumentChange,
  WITHDRAWAL_REASON_EXTENSION,
  type Consent,
  type DocumentChangeRecord,
} from '@dsp-kit/fhir';
import type { AuditEvent, Bundle, DocumentReference, OperationOutcome } from '@medplum/fhirtypes';
import { documents, patients, practitioners, users } from '../src/fixtures.js';
import { startHttpServer, type RunningHttpServer } from '../src/http-server.js';
import type { PolicyOptions } from '../src/policy.js';
import { callHttp, type HttpAnswer } from './cli-server.js';

let running: RunningHttpServer;
before(async () => {
  running = await startHttpServer({ port: 0 });
});
after(() => running.close());
beforeEach(() => {
  running.server.reset();
});

const call = (
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => callHttp(running.url, user, method, path, body, headers);

const read = async (user: string, id: string) => call(user, 'GET', `DocumentReference/${id}`);
/** The document as stored, whoever may read it (the server's own store, not an answer). */
const stored = (id: string) => running.server.store.get<DocumentReference>('DocumentReference', id);

/** `PUT` of `document` as `user`, If-Match its version (or the header given). */
function put(user: string, document: DocumentReference, ifMatch?: string | null) {
  const version = `W/"${document.meta?.versionId ?? '1'}"`;
  return call(
    user,
    'PUT',
    `DocumentReference/${document.id ?? ''}`,
    document,
    ifMatch === null ? {} : { 'If-Match': ifMatch ?? version },
  );
}

/** JSON Patch of document `id` as `user`, If-Match W/"1" unless told. */
function patch(user: string, id: string, operations: unknown, ifMatch = 'W/"1"') {
  return call(user, 'PATCH', `DocumentReference/${id}`, JSON.stringify(operations), {
    'Content-Type': 'application/json-patch+json',
    'If-Match': ifMatch,
  });
}

const withdrawal = (reason: string) => [
  { op: 'test', path: '/status', value: 'current' },
  { op: 'replace', path: '/status', value: 'entered-in-error' },
  {
    op: 'add',
    path: '/extension',
    value: [{ url: WITHDRAWAL_REASON_EXTENSION, valueString: reason }],
  },
];

const retitled = (doc: DocumentReference, title: string): DocumentReference => ({
  ...structuredClone(doc),
  description: title,
});

function withLevel(doc: DocumentReference, level: string): DocumentReference {
  return {
    ...structuredClone(doc),
    securityLabel: [
      { coding: [{ system: CONFIDENTIALITY_SYSTEM, code: level }] },
      ...(doc.securityLabel ?? []).filter(
        (l) => !(l.coding ?? []).some((c) => c.system === CONFIDENTIALITY_SYSTEM),
      ),
    ],
  };
}

function issueOf(answer: HttpAnswer): { text: string; expression: string[] } {
  const [issue] = (answer.body as OperationOutcome).issue;
  return { text: issue?.details?.text ?? '', expression: issue?.expression ?? [] };
}

/** The ids `user` gets from a search of `patient`'s record (the default status: current). */
async function listed(user: string, patient: string, query = ''): Promise<string[]> {
  const answer = await call(
    user,
    'GET',
    `DocumentReference?patient=${patient}&_count=1000${query}`,
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
  return ((answer.body as Bundle).entry ?? [])
    .filter((e) => e.search?.mode !== 'outcome')
    .map((e) => e.resource?.id ?? '');
}

/** The update entries of a document in the patient's log: who, outcome, what the change did. */
function updatesOf(patient: string, document: string) {
  const events = running.server.store.auditOf(patient) as AuditEvent[];
  return events
    .filter((e) =>
      (e.entity ?? []).some((x) => x.what?.reference === `DocumentReference/${document}`),
    )
    .map((event) => ({ row: auditRows([event])[0]!, change: readDocumentChange(event) }))
    .filter(({ row }) => row.action === 'update')
    .map(({ row, change }) => ({ who: row.who.reference, outcome: row.outcome, change }));
}

describe('PUT and JSON Patch of a DocumentReference, with If-Match', () => {
  it('lets the author correct the title: a new version, its ETag, audited as a correction', async () => {
    const answer = await put(users.weber, retitled(documents.summary, 'Résumé patient 2026'));
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
    assert.equal(answer.headers.get('etag'), 'W/"2"');
    assert.equal((answer.body as DocumentReference).description, 'Résumé patient 2026');
    assert.equal(stored(documents.summary.id)?.meta?.versionId, '2');
    const again = await read(users.marie, documents.summary.id);
    assert.equal((again.body as DocumentReference).description, 'Résumé patient 2026');
    assert.equal(again.headers.get('etag'), 'W/"2"');
    assert.deepEqual(updatesOf(patients.marie.id, documents.summary.id), [
      {
        who: `Practitioner/${practitioners.weber.id}`,
        outcome: 'success',
        change: { change: 'corrected', reason: undefined, confidentiality: undefined },
      },
    ]);
  });

  it('answers 428 without If-Match and 412 on a stale one, saying why, and changes nothing', async () => {
    const missing = await put(users.weber, retitled(documents.summary, 'Sans version'), null);
    assert.equal(missing.status, 428);
    assert.match(issueOf(missing).text, /If-Match/);
    assert.equal((await put(users.weber, retitled(documents.summary, 'v2'))).status, 200);
    // A second editor still holding version 1.
    const stale = await put(users.weber, retitled(documents.summary, 'Autre titre'), 'W/"1"');
    assert.equal(stale.status, 412);
    assert.match(issueOf(stale).text, /version is 2/);
    assert.equal(stored(documents.summary.id)?.description, 'v2');
    assert.equal(stored(documents.summary.id)?.meta?.versionId, '2');
    // The same write sent again after it landed: refused, not applied twice.
    const resend = await put(users.weber, retitled(documents.summary, 'v2'), 'W/"1"');
    assert.equal(resend.status, 412);
    assert.equal(stored(documents.summary.id)?.meta?.versionId, '2');
    // A strong ETag names the same version.
    assert.equal((await put(users.weber, retitled(documents.summary, 'v3'), '"2"')).status, 200);
  });

  it('corrects type (with its class), date, confidentiality and "hidden from the patient" at once', async () => {
    const type = documentTypeByCode('rapport-medical')!;
    const corrected: DocumentReference = {
      ...withLevel(documents.hidden, 'N'),
      type: documentTypeConcept(type),
      category: [documentClassConcept(type)],
      date: '2026-11-03T09:00:00+01:00',
      // Visible to the patient now, after the consultation.
      securityLabel: [{ coding: [{ system: CONFIDENTIALITY_SYSTEM, code: 'N' }] }],
    };
    assert.equal((await read(users.marie, documents.hidden.id)).status, 404);
    const answer = await put(users.muller, corrected);
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 400));
    assert.equal((await read(users.marie, documents.hidden.id)).status, 200);
    assert.deepEqual(updatesOf(patients.marie.id, documents.hidden.id)[0]?.change, {
      change: 'corrected',
      reason: undefined,
      confidentiality: 'N',
    });
  });

  const invalid: [string, (doc: DocumentReference) => void, number, string][] = [
    [
      'the subject',
      (d) => (d.subject = { reference: `Patient/${patients.tom.id}` }),
      422,
      'subject',
    ],
    ['the authors', (d) => (d.author = [{ reference: 'Practitioner/julie-meyer' }]), 422, 'author'],
    ['the content', (d) => (d.content[0]!.attachment.url = 'Binary/other'), 422, 'content'],
    [
      'the masterIdentifier',
      (d) => (d.masterIdentifier = { value: 'urn:uuid:x' }),
      422,
      'masterIdentifier',
    ],
    ['an unknown type', (d) => (d.type = { coding: [{ code: 'nope' }] }), 422, 'type'],
    [
      'a type without its class',
      (d) => (d.type = documentTypeConcept(documentTypeByCode('imagerie')!)),
      422,
      'category',
    ],
    ['a date that is no FHIR dateTime', (d) => (d.date = '02/11/2026'), 422, 'date'],
    ['an empty title', (d) => (d.description = '  '), 422, 'description'],
    [
      'an unknown confidentiality',
      (d) => (d.securityLabel = [{ coding: [{ system: CONFIDENTIALITY_SYSTEM, code: 'X' }] }]),
      422,
      'securityLabel',
    ],
    ['the status superseded', (d) => (d.status = 'superseded'), 422, 'status'],
    [
      'a reason without a withdrawal',
      (d) => (d.extension = [{ url: WITHDRAWAL_REASON_EXTENSION, valueString: 'x' }]),
      422,
      'extension',
    ],
    ['another id than the URL', (d) => (d.id = documents.certificate.id), 400, 'id'],
  ];
  for (const [what, change, status, element] of invalid) {
    it(`refuses ${what} (${status} at DocumentReference.${element}), changing nothing`, async () => {
      const doc = structuredClone(documents.summary) as DocumentReference;
      change(doc);
      const answer = await call(
        users.weber,
        'PUT',
        `DocumentReference/${documents.summary.id}`,
        doc,
        {
          'If-Match': 'W/"1"',
        },
      );
      assert.equal(answer.status, status, JSON.stringify(answer.body).slice(0, 300));
      assert.deepEqual(issueOf(answer).expression, [`DocumentReference.${element}`]);
      assert.equal(stored(documents.summary.id)?.meta?.versionId, '1');
    });
  }

  it('applies a JSON Patch, and refuses a malformed one, the wrong media type or a failed test', async () => {
    const ok = await patch(users.weber, documents.summary.id, [
      { op: 'replace', path: '/description', value: 'Résumé (corrigé)' },
    ]);
    assert.equal(ok.status, 200, JSON.stringify(ok.body).slice(0, 300));
    assert.equal(stored(documents.summary.id)?.description, 'Résumé (corrigé)');
    const failedTest = await patch(
      users.weber,
      documents.summary.id,
      [{ op: 'test', path: '/description', value: 'Résumé patient' }],
      'W/"2"',
    );
    assert.equal(failedTest.status, 409);
    assert.deepEqual(issueOf(failedTest).expression, ['Patch[0].value']);
    const noPath = await patch(
      users.weber,
      documents.summary.id,
      [{ op: 'replace', path: '/nothing/here', value: 1 }],
      'W/"2"',
    );
    assert.equal(noPath.status, 422);
    assert.deepEqual(issueOf(noPath).expression, ['Patch[0].path']);
    const notArray = await patch(users.weber, documents.summary.id, { op: 'remove' }, 'W/"2"');
    assert.equal(notArray.status, 422);
    const wrongType = await call(
      users.weber,
      'PATCH',
      `DocumentReference/${documents.summary.id}`,
      '[]',
      {
        'Content-Type': 'application/fhir+json',
        'If-Match': 'W/"2"',
      },
    );
    assert.equal(wrongType.status, 415);
    const notJson = await call(
      users.weber,
      'PUT',
      `DocumentReference/${documents.summary.id}`,
      '{',
      {
        'If-Match': 'W/"2"',
      },
    );
    assert.equal(notJson.status, 400);
    assert.equal(stored(documents.summary.id)?.meta?.versionId, '2');
  });

  it('answers 404 for an unknown document and for one the caller may not see', async () => {
    assert.equal((await patch(users.weber, 'doc-none', withdrawal('x'))).status, 404);
    // Marie does not see the biopsy result her doctor has not explained yet.
    const hidden = await patch(users.marie, documents.hidden.id, [
      { op: 'replace', path: '/description', value: 'x' },
    ]);
    assert.equal(hidden.status, 404);
    assert.equal(stored(documents.hidden.id)?.meta?.versionId, '1');
  });
});

describe('withdrawal: entered-in-error, with a reason, by the author', () => {
  it('withdraws: gone from every list, still readable by id, audited with who and why', async () => {
    const reason = 'Certificat établi pour un autre patient';
    const answer = await patch(users.weber, documents.certificate.id, withdrawal(reason));
    assert.equal(answer.status, 200, JSON.stringify(answer.body).slice(0, 300));
    const withdrawn = answer.body as DocumentReference;
    assert.equal(withdrawn.status, 'entered-in-error');
    assert.deepEqual(withdrawn.extension, [
      { url: WITHDRAWAL_REASON_EXTENSION, valueString: reason },
    ]);
    for (const user of [users.weber, users.marie, users.hansen, users.muller]) {
      assert.ok(!(await listed(user, patients.marie.id)).includes(documents.certificate.id), user);
      assert.ok(
        !(await listed(user, patients.marie.id, '&status=current')).includes(
          documents.certificate.id,
        ),
        user,
      );
    }
    assert.ok(
      (await listed(users.weber, patients.marie.id, '&status=entered-in-error')).includes(
        documents.certificate.id,
      ),
    );
    const [entry] = updatesOf(patients.marie.id, documents.certificate.id);
    assert.deepEqual(entry, {
      who: `Practitioner/${practitioners.weber.id}`,
      outcome: 'success',
      change: { change: 'withdrawn', reason, confidentiality: undefined },
    });
    // The recorded time is the server's clock at the withdrawal.
    const events = running.server.store.auditOf(patients.marie.id) as AuditEvent[];
    assert.ok(events.some((e) => readDocumentChange(e)?.change === 'withdrawn' && e.recorded));
  });

  it('refuses a withdrawal without a reason, or with other changes, and changes nothing', async () => {
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      const answer = await patch(users.weber, documents.certificate.id, withdrawal(reason));
      assert.equal(answer.status, 422, JSON.stringify(reason.slice(0, 5)));
      assert.deepEqual(issueOf(answer).expression, ['DocumentReference.extension']);
    }
    const mixed = await patch(users.weber, documents.certificate.id, [
      ...withdrawal('Erreur'),
      { op: 'replace', path: '/description', value: 'autre' },
    ]);
    assert.equal(mixed.status, 422);
    assert.equal(stored(documents.certificate.id)?.status, 'current');
    assert.equal(stored(documents.certificate.id)?.meta?.versionId, '1');
  });

  it('undoes a withdrawal (back to current, the reason removed), audited as restored', async () => {
    assert.equal(
      (await patch(users.weber, documents.certificate.id, withdrawal('Erreur'))).status,
      200,
    );
    const restore = await patch(
      users.weber,
      documents.certificate.id,
      [
        { op: 'replace', path: '/status', value: 'current' },
        { op: 'remove', path: '/extension' },
      ],
      'W/"2"',
    );
    assert.equal(restore.status, 200, JSON.stringify(restore.body).slice(0, 300));
    assert.ok((await listed(users.marie, patients.marie.id)).includes(documents.certificate.id));
    assert.deepEqual(
      updatesOf(patients.marie.id, documents.certificate.id).map((u) => u.change?.change),
      ['withdrawn', 'restored'],
    );
    // A withdrawn document changes in no other way.
    await patch(users.weber, documents.certificate.id, withdrawal('Erreur'), 'W/"3"');
    const edit = await patch(
      users.weber,
      documents.certificate.id,
      [{ op: 'replace', path: '/description', value: 'x' }],
      'W/"4"',
    );
    assert.equal(edit.status, 409);
  });

  it('changes no superseded version (409): only the current one', async () => {
    const old = running.server.store.put({ ...documents.summary, status: 'superseded' as const });
    const answer = await put(users.weber, retitled(old, 'Autre'));
    assert.equal(answer.status, 409);
    assert.equal(stored(documents.summary.id)?.description, documents.summary.description);
  });
});

describe('who may change what, as each fixture user', () => {
  // Each professional of the fixtures and a document they wrote (or their organisation signed).
  const own: [string, string, DocumentReference][] = [
    ['Dr Weber', users.weber, documents.summary],
    ['Dr Muller', users.muller, documents.cardiology],
    ['Dr Muller, for the CHL', users.muller, documents.lucienDischarge],
    ['Lisa Schmitt', users.schmitt, documents.lucienCare],
    ['Marc Thill', users.thill, documents.lucienPhysio],
    ['Dr Faber', users.faber, documents.tomSerology],
    ['Dr Faber, for Ketterthill', users.faber, documents.tomLabReport],
    ['Dr Kremer', users.kremer, documents.tomMedication],
    ['Dr Hansen', users.hansen, documents.tomEmergency],
    ['Julie Meyer', users.meyer, documents.tomPharmacy],
  ];
  for (const [who, user, doc] of own) {
    it(`${who} corrects and withdraws their document ${doc.id}`, async () => {
      const corrected = await put(user, retitled(doc, `${doc.description ?? ''} (corrigé)`));
      assert.equal(corrected.status, 200, JSON.stringify(corrected.body).slice(0, 300));
      const withdrawn = await patch(user, doc.id!, withdrawal('Document erroné'), 'W/"2"');
      assert.equal(withdrawn.status, 200, JSON.stringify(withdrawn.body).slice(0, 300));
      const patient = doc.subject?.reference?.slice('Patient/'.length) ?? '';
      assert.deepEqual(
        updatesOf(patient, doc.id!).map((u) => [u.who, u.outcome, u.change?.change]),
        [
          [`Practitioner/${user}`, 'success', 'corrected'],
          [`Practitioner/${user}`, 'success', 'withdrawn'],
        ],
      );
    });
  }

  // A professional who reads a document someone else wrote may not change it: 403, audited.
  const others: [string, string, DocumentReference][] = [
    ['Dr Muller', users.muller, documents.summary],
    ['Dr Hansen', users.hansen, documents.certificate],
    ['Lisa Schmitt', users.schmitt, documents.lucienPhysio],
    ['Marc Thill', users.thill, documents.lucienCare],
    ['Dr Faber', users.faber, documents.tomMedication],
    ['Dr Kremer', users.kremer, documents.tomPharmacy],
    ['Julie Meyer', users.meyer, documents.tomMedication],
    ['Dr Weber', users.weber, documents.lucienCare],
  ];
  for (const [who, user, doc] of others) {
    it(`${who} may neither correct nor withdraw ${doc.id}, written by another`, async () => {
      assert.equal((await read(user, doc.id!)).status, 200, 'reads it');
      const corrected = await put(user, retitled(doc, 'Pas le mien'));
      assert.equal(corrected.status, 403);
      assert.match(issueOf(corrected).text, /auteur/);
      assert.equal((await patch(user, doc.id!, withdrawal('Pas le mien'))).status, 403);
      assert.equal(stored(doc.id!)?.meta?.versionId, '1');
      const patient = doc.subject?.reference?.slice('Patient/'.length) ?? '';
      assert.deepEqual(
        updatesOf(patient, doc.id!).map((u) => [u.who, u.outcome]),
        [
          [`Practitioner/${user}`, 'refused'],
          [`Practitioner/${user}`, 'refused'],
        ],
      );
    });
  }

  it('keeps a colleague of the author’s organisation out when the policy says so', async () => {
    const strict = await startHttpServer({ port: 0, policy: { organisationReplaces: false } });
    try {
      const answer = await callHttp(
        strict.url,
        users.muller,
        'PUT',
        `DocumentReference/${documents.lucienDischarge.id}`,
        retitled(documents.lucienDischarge, 'x'),
        { 'If-Match': 'W/"1"' },
      );
      assert.equal(answer.status, 403);
    } finally {
      await strict.close();
    }
  });

  it('the patient masks a professional’s document but may not withdraw or correct it', async () => {
    const withdraw = await patch(users.marie, documents.summary.id, withdrawal('Je ne veux plus'));
    assert.equal(withdraw.status, 403);
    assert.match(issueOf(withdraw).text, /masquer/);
    const correct = await put(users.marie, retitled(documents.summary, 'Mon titre'));
    assert.equal(correct.status, 403);
    assert.equal(stored(documents.summary.id)?.meta?.versionId, '1');
    assert.deepEqual(
      updatesOf(patients.marie.id, documents.summary.id).map((u) => [u.who, u.outcome]),
      [
        [`Patient/${patients.marie.id}`, 'refused'],
        [`Patient/${patients.marie.id}`, 'refused'],
      ],
    );
  });

  it('the patient and her assistant correct and delete their own "Expression du titulaire"', async () => {
    const mine = await put(users.marie, retitled(documents.ownNote, 'Mes directives (2026)'));
    assert.equal(mine.status, 200, JSON.stringify(mine.body).slice(0, 300));
    assert.equal(
      (await patch(users.marie, documents.ownNote.id, withdrawal('Remplacées'), 'W/"2"')).status,
      200,
    );
    // Claire, Lucien's assistant, deletes his note: his rights, as DOMAIN.md gives her.
    assert.equal(
      (await patch(users.claire, documents.lucienNote.id, withdrawal('Écrit par erreur'))).status,
      200,
    );
    assert.deepEqual(
      updatesOf(patients.lucien.id, documents.lucienNote.id).map((u) => [u.who, u.change?.change]),
      [['RelatedPerson/claire-wagner', 'withdrawn']],
    );
    // Not a professional's document of Lucien's.
    assert.equal(
      (await patch(users.claire, documents.lucienCare.id, withdrawal('Non'))).status,
      403,
    );
    // Nor another patient's note.
    assert.equal(
      (await patch(users.lucien, documents.ownNote.id, withdrawal('Non'), 'W/"3"')).status,
      403,
    );
  });

  it('the patient or an assistant sets N, R or V on any of their documents, audited', async () => {
    const marie = await put(users.marie, withLevel(documents.bloodTest, 'R'));
    assert.equal(marie.status, 200, JSON.stringify(marie.body).slice(0, 300));
    const claire = await put(users.claire, withLevel(documents.lucienCare, 'V'));
    assert.equal(claire.status, 200, JSON.stringify(claire.body).slice(0, 300));
    assert.deepEqual(updatesOf(patients.lucien.id, documents.lucienCare.id)[0], {
      who: 'RelatedPerson/claire-wagner',
      outcome: 'success',
      change: { change: 'confidentiality', reason: undefined, confidentiality: 'V' },
    });
    // Only the confidentiality: the title with it is a correction, the author's.
    const both = await put(users.marie, retitled(withLevel(documents.summary, 'V'), 'Titre'));
    assert.equal(both.status, 403);
  });

  it('the agency changes nothing', async () => {
    const answer = await put(users.agency, withLevel(documents.summary, 'V'));
    assert.equal(answer.status, 403);
  });
});

describe('confidentiality levels gate every read', () => {
  const sees = async (user: string, patient: string, id: string) => {
    const inList = (await listed(user, patient)).includes(id);
    const status = (await read(user, id)).status;
    assert.equal(inList, status === 200, `${user}: listed ${inList}, read ${status}`);
    return inList;
  };

  it('R: the author, the patient, the référent and extended grants; not a normal access', async () => {
    // Marie's echocardiography is restricted (R), written by Dr Muller.
    assert.ok(await sees(users.muller, patients.marie.id, documents.cardiology.id), 'author');
    assert.ok(await sees(users.marie, patients.marie.id, documents.cardiology.id), 'patient');
    assert.ok(await sees(users.weber, patients.marie.id, documents.cardiology.id), 'référent');
    assert.ok(!(await sees(users.hansen, patients.marie.id, documents.cardiology.id)), 'normal');
    // Tom's serology (R): Dr Muller's full grant is not an extended one.
    assert.ok(!(await sees(users.muller, patients.tom.id, documents.tomSerology.id)), 'full');
    // An extended grant (a provision labelled R, as IHE PCF says) covers it.
    const consent = running.server.store.consentOf(patients.marie.id) as Consent;
    running.server.store.put(
      grantAccess(consent, `Practitioner/${users.hansen}`, { extended: true }),
    );
    assert.ok(await sees(users.hansen, patients.marie.id, documents.cardiology.id), 'extended');
  });

  it('V: the author, the patient and the référent only (a policy flag)', async () => {
    // Marie makes her lab result very restricted.
    assert.equal((await put(users.marie, withLevel(documents.bloodTest, 'V'))).status, 200);
    assert.ok(await sees(users.marie, patients.marie.id, documents.bloodTest.id), 'patient');
    assert.ok(await sees(users.weber, patients.marie.id, documents.bloodTest.id), 'référent');
    const consent = running.server.store.consentOf(patients.marie.id) as Consent;
    running.server.store.put(
      grantAccess(consent, `Practitioner/${users.hansen}`, { extended: true, full: true }),
    );
    assert.ok(!(await sees(users.hansen, patients.marie.id, documents.bloodTest.id)), 'extended');
    // Tom's addiction consultation: Dr Kremer wrote it (and is his référent); Tom reads it.
    assert.ok(await sees(users.kremer, patients.tom.id, documents.tomAddiction.id), 'author');
    assert.ok(!(await sees(users.muller, patients.tom.id, documents.tomAddiction.id)), 'full');
  });

  it('V without the référent when the flag is off', async () => {
    const policy: PolicyOptions = { referentSeesVeryRestricted: false };
    const strict = await startHttpServer({ port: 0, policy });
    try {
      const ids = async (user: string) =>
        (
          (
            (
              await callHttp(
                strict.url,
                user,
                'GET',
                `DocumentReference?patient=${patients.marie.id}`,
              )
            ).body as Bundle
          ).entry ?? []
        ).map((e) => e.resource?.id);
      // Her masked consultation is V, by Dr Muller: Dr Weber, her référent, no longer sees it.
      assert.ok(!(await ids(users.weber)).includes(documents.masked.id));
      assert.ok((await ids(users.weber)).includes(documents.cardiology.id), 'R still');
      assert.ok((await ids(users.muller)).includes(documents.masked.id), 'author');
    } finally {
      await strict.close();
    }
  });

  for (const normalOnly of [true, false]) {
    it(`emergency access sees ${normalOnly ? 'N only (default)' : 'N and R (flag off)'}`, async () => {
      const server = await startHttpServer({
        port: 0,
        policy: {
          explicitGrantsFor: [patients.marie.id],
          ...(normalOnly ? {} : { emergencySeesNormalOnly: false }),
        },
      });
      try {
        const asHansen = (method: string, path: string, body?: unknown) =>
          callHttp(server.url, users.hansen, method, path, body);
        assert.equal(
          (await asHansen('GET', `DocumentReference?patient=${patients.marie.id}`)).status,
          403,
        );
        const granted = await asHansen('POST', `Patient/${patients.marie.id}/$break-the-glass`, {
          resourceType: 'Parameters',
          parameter: [{ name: 'reason', valueString: 'Patiente inconsciente aux urgences' }],
        });
        assert.equal(granted.status, 200);
        const ids = (
          ((await asHansen('GET', `DocumentReference?patient=${patients.marie.id}`)).body as Bundle)
            .entry ?? []
        ).map((e) => e.resource?.id);
        assert.ok(ids.includes(documents.bloodTest.id), 'N');
        assert.equal(ids.includes(documents.cardiology.id), !normalOnly, 'R');
        assert.ok(!ids.includes(documents.masked.id), 'V');
      } finally {
        await server.close();
      }
    });
  }
});

describe('superseded and withdrawn documents are never current', () => {
  it('lists neither, by default nor with status=current, for every user who reads the record', async () => {
    assert.equal(
      (await patch(users.weber, documents.certificate.id, withdrawal('Erreur'))).status,
      200,
    );
    running.server.store.put({ ...documents.summary, status: 'superseded' as const });
    for (const user of [
      users.marie,
      users.weber,
      users.muller,
      users.hansen,
      users.schmitt,
      users.thill,
    ]) {
      for (const query of ['', '&status=current']) {
        const ids = await listed(user, patients.marie.id, query);
        assert.ok(!ids.includes(documents.certificate.id), `${user}${query}: withdrawn`);
        assert.ok(!ids.includes(documents.summary.id), `${user}${query}: superseded`);
      }
    }
    // Each stays readable by its id (an earlier version, a withdrawal's trace).
    assert.equal((await read(users.weber, documents.summary.id)).status, 200);
    assert.equal((await read(users.weber, documents.certificate.id)).status, 200);
  });
});

describe('the audit of a change', () => {
  it('records the change a document update did, read back by readDocumentChange', async () => {
    await put(users.marie, withLevel(documents.summary, 'R'));
    const changes: (DocumentChangeRecord | undefined)[] = (
      running.server.store.auditOf(patients.marie.id) as AuditEvent[]
    ).map(readDocumentChange);
    assert.deepEqual(changes.filter(Boolean), [
      { change: 'confidentiality', reason: undefined, confidentiality: 'R' },
    ]);
  });
});
