// The DSP's rules, one test each, through the server's own request handling: each asserts the
// answer and the AuditEvent written, refusals included.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  auditRows,
  grantAccess,
  maskDocument,
  reopenDsp,
  type AuditRow,
  type Consent,
  type DocumentSubmission,
} from '@dsp-kit/fhir';
import { buildProvideBundle } from '@dsp-kit/fhir/provide';
import type { Bundle, OperationOutcome, Parameters } from '@medplum/fhirtypes';
import { consents, documents, patients, practitioners, users } from '../src/fixtures.js';
import { createDspServer, type DspServer } from '../src/server.js';
import { callMock, type Answer } from './mock-call.js';

const BASE = 'http://127.0.0.1:8787/fhir';
let now = new Date('2026-11-26T10:00:00Z');
let server: DspServer;

beforeEach(() => {
  now = new Date('2026-11-26T10:00:00Z');
  server = createDspServer({ baseUrl: BASE, clock: () => now });
});

const call = (
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Answer> => callMock(server, user, method, path, body, headers);

function ids(answer: Answer): (string | undefined)[] {
  return ((answer.body as Bundle).entry ?? []).map((e) => e.resource?.id);
}

function message(answer: Answer): string {
  return (answer.body as OperationOutcome).issue.map((i) => i.details?.text ?? '').join(' ');
}

/** The newest audit row of a patient's log. */
function lastAudit(patient: string): AuditRow {
  const events = [...server.store.auditOf(patient)];
  const row = auditRows(events.slice(-1))[0];
  assert.ok(row, 'no AuditEvent written');
  return row;
}

const search = (user: string, patient = patients.marie.id) =>
  call(user, 'GET', `DocumentReference?patient=${patient}`);

describe('the mock DSP server', () => {
  it('asks for authentication without a known token, and audits nothing', async () => {
    for (const user of [undefined, 'nobody']) {
      const answer = await call(user, 'GET', `DocumentReference?patient=${patients.marie.id}`);
      assert.equal(answer.status, 401);
      assert.equal(answer.headers.get('www-authenticate'), 'Bearer realm="DSP"');
    }
    assert.equal(server.store.auditOf(patients.marie.id).length, 0);
  });

  it('shows the patient their documents except those hidden until explained, and audits the search', async () => {
    const answer = await search(users.marie);
    assert.equal(answer.status, 200);
    assert.ok(!ids(answer).includes(documents.hidden.id));
    assert.equal(ids(answer).length, 6);
    const read = await call(users.marie, 'GET', `DocumentReference/${documents.hidden.id}`);
    assert.equal(read.status, 404);
    const row = lastAudit(patients.marie.id);
    assert.equal(row.action, 'read');
    assert.equal(row.outcome, 'refused');
    assert.equal(row.document?.id, documents.hidden.id);
  });

  it('refuses a blocked professional everything, saying why, and audits the refusal', async () => {
    const answer = await search(users.kremer);
    assert.equal(answer.status, 403);
    assert.match(message(answer), /vous a bloqué/);
    const row = lastAudit(patients.marie.id);
    assert.deepEqual(
      [row.who.reference, row.action, row.outcome],
      ['Practitioner/luc-kremer', 'search', 'refused'],
    );
    assert.match(row.outcomeDescription ?? '', /bloqué/);
    assert.equal((await call(users.kremer, 'GET', `Patient/${patients.marie.id}`)).status, 403);
  });

  it('hides a masked document from professionals but its author and those with full access', async () => {
    assert.ok(!ids(await search(users.schmitt)).includes(documents.masked.id), 'nurse');
    assert.ok(ids(await search(users.muller)).includes(documents.masked.id), 'author');
    assert.ok(ids(await search(users.weber)).includes(documents.masked.id), 'médecin référent');
    assert.equal(
      (await call(users.hansen, 'GET', `DocumentReference/${documents.masked.id}`)).status,
      404,
    );
    // Full access granted by the patient covers masked documents too (a normal one: her masked
    // consultation is very restricted, V, which only its author, she and her référent see).
    const marie = server.store.consentOf(patients.marie.id) as Consent;
    server.store.put(
      maskDocument(
        grantAccess(marie, `Practitioner/${practitioners.hansen.id}`, { full: true }),
        documents.summary.id,
      ),
    );
    assert.ok(ids(await search(users.hansen)).includes(documents.summary.id));
    assert.ok(!ids(await search(users.schmitt)).includes(documents.summary.id), 'nurse');
    assert.ok(!ids(await search(users.hansen)).includes(documents.masked.id), 'V');
  });

  it('limits what a profession reads: a physiotherapist does not read lab results', async () => {
    const physio = ids(await search(users.thill));
    assert.ok(!physio.includes(documents.bloodTest.id));
    assert.ok(physio.includes(documents.summary.id));
    const read = await call(users.thill, 'GET', `DocumentReference/${documents.bloodTest.id}`);
    assert.equal(read.status, 403);
    assert.match(message(read), /profession/);
    assert.equal(lastAudit(patients.marie.id).outcome, 'refused');
  });

  it('refuses all professional access to a closed DSP, and reopening restores it', async () => {
    const closed = await search(users.weber, patients.sophie.id);
    assert.equal(closed.status, 403);
    assert.match(message(closed), /fermé/);
    assert.equal(lastAudit(patients.sophie.id).outcome, 'refused');
    assert.equal((await search(users.kremer, patients.sophie.id)).status, 403);
    const current = server.store.consentOf(patients.sophie.id) as Consent;
    server.store.put(reopenDsp(current));
    const reopened = await search(users.kremer, patients.sophie.id);
    assert.equal(reopened.status, 200);
    assert.deepEqual(ids(reopened), [documents.sophieSummary.id]);
  });

  it('grants break-the-glass with a reason, flags it, and refuses it when the patient opted out', async () => {
    const noReason = await call(
      users.hansen,
      'POST',
      `Patient/${patients.marie.id}/$break-the-glass`,
      {
        resourceType: 'Parameters',
        parameter: [{ name: 'reason', valueString: 'urgent' }],
      },
    );
    assert.equal(noReason.status, 400);
    const parameters: Parameters = {
      resourceType: 'Parameters',
      parameter: [{ name: 'reason', valueString: 'Patiente inconsciente aux urgences du CHEM' }],
    };
    const granted = await call(
      users.hansen,
      'POST',
      `Patient/${patients.marie.id}/$break-the-glass`,
      parameters,
    );
    assert.equal(granted.status, 200);
    assert.equal(
      (granted.body as Parameters).parameter?.[0]?.valueInstant,
      '2026-11-27T10:00:00.000Z',
    );
    const row = lastAudit(patients.marie.id);
    assert.deepEqual(
      [row.action, row.outcome, row.breakTheGlass, row.reason],
      ['break-the-glass', 'success', true, 'Patiente inconsciente aux urgences du CHEM'],
    );
    await search(users.hansen);
    assert.equal(
      lastAudit(patients.marie.id).breakTheGlass,
      true,
      'accesses during the emergency are flagged',
    );
    const refused = await call(
      users.hansen,
      'POST',
      `Patient/${patients.nadia.id}/$break-the-glass`,
      parameters,
    );
    assert.equal(refused.status, 403);
    assert.match(message(refused), /refusé l’accès en urgence/);
    assert.deepEqual(
      [lastAudit(patients.nadia.id).action, lastAudit(patients.nadia.id).outcome],
      ['break-the-glass', 'refused'],
    );
    const blocked = await call(
      users.kremer,
      'POST',
      `Patient/${patients.marie.id}/$break-the-glass`,
      parameters,
    );
    assert.equal(blocked.status, 403);
  });

  it('lets an emergency access open a record only explicit grants open, for a limited time', async () => {
    server = createDspServer({
      baseUrl: BASE,
      clock: () => now,
      policy: { explicitGrantsOnly: true },
    });
    assert.equal((await search(users.hansen)).status, 403);
    await call(users.hansen, 'POST', `Patient/${patients.marie.id}/$break-the-glass`, {
      resourceType: 'Parameters',
      parameter: [{ name: 'reason', valueString: 'Arrêt cardiaque, antécédents nécessaires' }],
    });
    assert.equal((await search(users.hansen)).status, 200);
    now = new Date('2026-11-27T10:00:01Z');
    assert.equal((await search(users.hansen)).status, 403);
    assert.equal((await search(users.weber)).status, 200, 'the médecin référent needs no grant');
  });

  it('gives the agency counts across every DSP and never a document', async () => {
    const count = await call(
      users.agency,
      'GET',
      'DocumentReference?_summary=count&type=resume-patient',
    );
    assert.equal(count.status, 200);
    assert.equal((count.body as Bundle).total, 5);
    assert.equal((count.body as Bundle).entry, undefined);
    assert.equal(
      (await call(users.agency, 'GET', 'DocumentReference?type=resume-patient')).status,
      400,
    );
    assert.equal((await search(users.agency)).status, 403);
    const doctor = await call(users.weber, 'GET', 'DocumentReference?_summary=count');
    assert.equal(doctor.status, 403);
    assert.match(message(doctor), /Seule l’Agence eSanté/);
  });

  it('serves content (ITI-68) to whoever may read the document, and audits it', async () => {
    const content = await call(
      users.weber,
      'GET',
      `Binary/content-${documents.bloodTest.id}`,
      undefined,
      { Accept: 'text/plain' },
    );
    assert.equal(content.status, 200);
    assert.equal(content.headers.get('content-type'), 'text/plain');
    assert.match(String(content.body), /^Bilan sanguin complet/);
    assert.equal(lastAudit(patients.marie.id).document?.id, documents.bloodTest.id);
    const physio = await call(users.thill, 'GET', `Binary/content-${documents.bloodTest.id}`);
    assert.equal(physio.status, 403);
  });

  it('lets only the patient and their assistant read the log, and audits the reading', async () => {
    await search(users.weber);
    const log = await call(users.marie, 'GET', `AuditEvent?patient=${patients.marie.id}`);
    assert.equal(log.status, 200);
    const rows = auditRows(((log.body as Bundle).entry ?? []).map((e) => e.resource as never));
    assert.deepEqual(
      rows.map((r) => r.who.name),
      ['Dr Paul Weber'],
    );
    const row = lastAudit(patients.marie.id);
    assert.deepEqual([row.who.reference, row.action], [`Patient/${patients.marie.id}`, 'search']);
    assert.equal(
      (await call(users.weber, 'GET', `AuditEvent?patient=${patients.marie.id}`)).status,
      403,
    );
    assert.equal(
      (await call(users.claire, 'GET', `AuditEvent?patient=${patients.lucien.id}`)).status,
      200,
      'the DSP assistant',
    );
    assert.equal(
      (await call(users.claire, 'GET', `AuditEvent?patient=${patients.marie.id}`)).status,
      403,
    );
  });
});

describe('consent on the mock server', () => {
  it('updates with If-Match, refuses a stale version with 412, and keeps the history', async () => {
    const read = await call(users.marie, 'GET', `Consent/${consents.marie.id}`);
    const etag = read.headers.get('etag');
    assert.equal(etag, 'W/"1"');
    const consent = read.body as Consent;
    const saved = await call(
      users.marie,
      'PUT',
      `Consent/${consents.marie.id}`,
      { ...consent, dateTime: '2026-11-26T10:00:00Z' },
      { 'If-Match': etag ?? '' },
    );
    assert.equal(saved.status, 200);
    assert.equal(saved.headers.get('etag'), 'W/"2"');
    assert.equal(lastAudit(patients.marie.id).action, 'consent');
    const stale = await call(users.marie, 'PUT', `Consent/${consents.marie.id}`, consent, {
      'If-Match': 'W/"1"',
    });
    assert.equal(stale.status, 412);
    assert.equal(
      (await call(users.marie, 'PUT', `Consent/${consents.marie.id}`, consent)).status,
      428,
    );
    const history = await call(users.marie, 'GET', `Consent/${consents.marie.id}/_history`);
    assert.deepEqual(
      ((history.body as Bundle).entry ?? []).map((e) => e.resource?.meta?.versionId),
      ['2', '1'],
    );
    assert.equal(
      (await call(users.marie, 'GET', `Consent/${consents.marie.id}/_history/1`)).headers.get(
        'etag',
      ),
      'W/"1"',
    );
    assert.equal(
      (
        await call(users.weber, 'PUT', `Consent/${consents.marie.id}`, consent, {
          'If-Match': 'W/"2"',
        })
      ).status,
      403,
    );
  });
});

describe('document submission (ITI-65) on the mock server', () => {
  const text = new TextEncoder().encode('Compte rendu de consultation\n');
  const submission = async (
    overrides: Partial<DocumentSubmission['documents'][number]> = {},
  ): Promise<DocumentSubmission> => ({
    uuid: '6f1c1a6e-2d1b-4f7e-9a51-1f1f0d3c4b5a',
    patient: patients.marie.id,
    author: { reference: `Practitioner/${practitioners.weber.id}`, display: 'Dr Paul Weber' },
    date: '2026-11-26T10:00:00Z',
    documents: [
      {
        uuid: '0b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11',
        typeCode: 'rapport-medical',
        title: 'Consultation du 26 novembre',
        contentType: 'text/plain',
        data: btoa(String.fromCharCode(...text)),
        size: text.byteLength,
        hash: Buffer.from(await crypto.subtle.digest('SHA-1', text)).toString('base64'),
        ...overrides,
      },
    ],
  });

  it('stores the documents, audits each, and never duplicates a resent submission', async () => {
    const bundle = buildProvideBundle(await submission());
    const first = await call(users.weber, 'POST', '', bundle);
    assert.equal(first.status, 200);
    assert.deepEqual(
      ((first.body as Bundle).entry ?? []).map((e) => e.response?.status),
      ['201 Created', '201 Created', '201 Created'],
    );
    assert.equal(server.store.documentsOf(patients.marie.id).length, 8);
    assert.equal(lastAudit(patients.marie.id).action, 'create');
    const again = await call(users.weber, 'POST', '', bundle);
    assert.deepEqual(
      ((again.body as Bundle).entry ?? []).map((e) => e.response?.status)[1],
      '200 OK',
    );
    assert.equal(server.store.documentsOf(patients.marie.id).length, 8);
    const created = (first.body as Bundle).entry?.[1]?.response?.location?.split('/')[1] ?? '';
    const content = await call(
      users.weber,
      'GET',
      `Binary/${(server.store.get('DocumentReference', created) as { content: { attachment: { url: string } }[] }).content[0]!.attachment.url.split('/')[1]!}`,
      undefined,
      { Accept: 'text/plain' },
    );
    assert.equal(content.body, 'Compte rendu de consultation\n');
  });

  it('refuses invalid metadata with 422 and issues pointing at each field', async () => {
    const bundle = buildProvideBundle(await submission());
    const doc = bundle.entry?.[1]?.resource as {
      type: unknown;
      content: { attachment: { size: number; hash: string; contentType: string } }[];
    };
    doc.type = { coding: [{ system: 'urn:other', code: 'x' }] };
    doc.content[0]!.attachment.size = 3;
    doc.content[0]!.attachment.hash = 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0=';
    doc.content[0]!.attachment.contentType = 'text/html';
    const answer = await call(users.weber, 'POST', '', bundle);
    assert.equal(answer.status, 422);
    const expressions = (answer.body as OperationOutcome).issue.map((i) => i.expression?.[0]);
    for (const expected of [
      'Bundle.entry[1].resource.type',
      'Bundle.entry[1].resource.content[0].attachment.contentType',
      'Bundle.entry[1].resource.content[0].attachment.size',
      'Bundle.entry[1].resource.content[0].attachment.hash',
    ]) {
      assert.ok(
        expressions.includes(expected),
        `no issue at ${expected}: ${expressions.join(', ')}`,
      );
    }
    assert.equal(server.store.documentsOf(patients.marie.id).length, 7, 'nothing was stored');
  });

  it('refuses an unknown patient and a document over the size limit', async () => {
    server = createDspServer({ baseUrl: BASE, clock: () => now, maxUploadSize: 10 });
    const tooLarge = await call(users.weber, 'POST', '', buildProvideBundle(await submission()));
    assert.equal(tooLarge.status, 422);
    assert.deepEqual(
      (tooLarge.body as OperationOutcome).issue.map((i) => [i.code, i.expression?.[0]]),
      [['too-long', 'Bundle.entry[1].resource.content[0].attachment.size']],
    );
    const unknown = await call(
      users.weber,
      'POST',
      '',
      buildProvideBundle({ ...(await submission()), patient: 'nobody' }),
    );
    assert.equal(unknown.status, 422);
    assert.equal(
      (unknown.body as OperationOutcome).issue[0]?.expression?.[0],
      'Bundle.entry[1].resource.subject',
    );
  });

  it('lets a patient add only "Expression du titulaire", and a blocked professional nothing', async () => {
    const asPatient = buildProvideBundle({
      ...(await submission()),
      author: { reference: `Patient/${patients.marie.id}` },
    });
    const refused = await call(users.marie, 'POST', '', asPatient);
    assert.equal(refused.status, 422);
    assert.equal(
      (refused.body as OperationOutcome).issue[0]?.expression?.[0],
      'Bundle.entry[1].resource.type',
    );
    const own = buildProvideBundle({
      ...(await submission({ typeCode: 'expression-titulaire' })),
      author: { reference: `Patient/${patients.marie.id}` },
    });
    assert.equal((await call(users.marie, 'POST', '', own)).status, 200);
    const blocked = await call(
      users.kremer,
      'POST',
      '',
      buildProvideBundle(await submission({ uuid: '1b8e3f0e-9b8a-4a59-8f53-3c0c7c1d2e11' })),
    );
    assert.equal(blocked.status, 403);
    assert.deepEqual(
      [lastAudit(patients.marie.id).action, lastAudit(patients.marie.id).outcome],
      ['create', 'refused'],
    );
  });
});

describe('directory, reads and batches on the mock server', () => {
  it('finds professionals by name, accents aside, and by profession', async () => {
    const answer = await call(
      users.marie,
      'GET',
      'PractitionerRole?practitioner.name=ines&_include=PractitionerRole:practitioner&_include=PractitionerRole:organization',
    );
    const entries = (answer.body as Bundle).entry ?? [];
    assert.deepEqual(
      entries.map((e) => [e.resource?.resourceType, e.search?.mode]),
      [
        ['PractitionerRole', 'match'],
        ['Practitioner', 'include'],
        ['Organization', 'include'],
      ],
    );
    const nurses = await call(
      users.marie,
      'GET',
      'PractitionerRole?role=https://dsp-kit.org/fhir/CodeSystem/profession|infirmier',
    );
    assert.deepEqual(ids(nurses), ['role-lisa-schmitt']);
    assert.deepEqual(ids(await call(users.marie, 'GET', 'Practitioner?name=Dr web')), [
      'paul-weber',
    ]);
  });

  it('answers a batch of GETs one by one, with the caller’s rights', async () => {
    const answer = await call(users.agency, 'POST', '', {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { request: { method: 'GET', url: 'DocumentReference?_summary=count&type=resume-patient' } },
        { request: { method: 'GET', url: `DocumentReference?patient=${patients.marie.id}` } },
        { request: { method: 'DELETE', url: 'Patient/x' } },
      ],
    });
    assert.equal(answer.status, 200);
    const entries = (answer.body as Bundle).entry ?? [];
    assert.equal((entries[0]?.resource as Bundle | undefined)?.total, 5);
    assert.match(entries[1]?.response?.status ?? '', /^403/);
    assert.match(entries[2]?.response?.status ?? '', /^400/);
  });
});
