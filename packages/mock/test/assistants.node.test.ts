// DSP assistants on the mock server: who may list, name and withdraw them, the checks on their
// details, idempotent naming, and the rights a newly named assistant gets — checked by signing in
// as them. Also the Consent's referential integrity and a professional's attempt to edit it.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  auditRows,
  blockProfessional,
  MATRICULE_SYSTEM,
  type AuditRow,
  type Consent,
} from '@dsp-kit/fhir';
import { buildAssistant, matriculeOf } from '@dsp-kit/fhir/assistant';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import type { Bundle, OperationOutcome, RelatedPerson } from '@medplum/fhirtypes';
import { assistants, consents, patients, users } from '../src/fixtures.js';
import { createDspServer, type DspServer } from '../src/server.js';
import { callMock, type Answer } from './mock-call.js';

const BASE = 'http://127.0.0.1:8787/fhir';
const lucien = patients.lucien.id;
const claire = users.claire;
const paulMatricule = makeMatricule('1961-05-17', 44);
let server: DspServer;

beforeEach(() => {
  server = createDspServer({ baseUrl: BASE, clock: () => new Date('2026-11-26T10:00:00Z') });
});

const call = (
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<Answer> => callMock(server, user, method, path, body, headers);

function names(answer: Answer): string[] {
  return ((answer.body as Bundle<RelatedPerson>).entry ?? []).map(
    (e) => e.resource?.name?.[0]?.given?.[0] ?? '',
  );
}

function issues(answer: Answer): { text: string; expression: string | undefined }[] {
  return (answer.body as OperationOutcome).issue.map((i) => ({
    text: i.details?.text ?? '',
    expression: i.expression?.[0],
  }));
}

function lastAudit(patient: string): AuditRow {
  const row = auditRows([...server.store.auditOf(patient)].slice(-1))[0];
  assert.ok(row, 'no AuditEvent written');
  return row;
}

const paul = () =>
  buildAssistant(lucien, { given: 'Paul', family: 'Wagner', matricule: paulMatricule });

const name = (user: string, resource: RelatedPerson = paul(), headers = {}) =>
  call(user, 'POST', 'RelatedPerson', resource, headers);

const conditional = (resource: RelatedPerson = paul()) => ({
  'If-None-Exist': `patient=${lucien}&identifier=${MATRICULE_SYSTEM}|${resource.identifier?.[0]?.value ?? ''}`,
});

describe('DSP assistants on the mock server', () => {
  it('lists a patient’s assistants to the patient and to the assistant, to no one else', async () => {
    const asLucien = await call(lucien, 'GET', `RelatedPerson?patient=${lucien}&active=true`);
    assert.equal(asLucien.status, 200);
    assert.deepEqual(names(asLucien), ['Claire']);
    assert.deepEqual(names(await call(claire, 'GET', `RelatedPerson?patient=${lucien}`)), [
      'Claire',
    ]);
    for (const user of [users.marie, users.weber, users.agency]) {
      const refused = await call(user, 'GET', `RelatedPerson?patient=${lucien}`);
      assert.equal(refused.status, 403, user);
    }
    assert.equal((await call(users.weber, 'GET', `RelatedPerson/${claire}`)).status, 403);
    assert.equal(
      (await call(lucien, 'GET', `RelatedPerson/${claire}`)).headers.get('etag'),
      'W/"1"',
    );
  });

  it('names an assistant once, however often asked, and audits it', async () => {
    const created = await name(lucien, paul(), conditional());
    assert.equal(created.status, 201);
    const id = (created.body as RelatedPerson).id ?? '';
    assert.ok(id);
    const row = lastAudit(lucien);
    assert.equal(row.action, 'consent');
    assert.equal(row.outcome, 'success');
    const again = await name(lucien, paul(), conditional());
    assert.equal(again.status, 200);
    assert.equal((again.body as RelatedPerson).id, id);
    const duplicate = await name(lucien);
    assert.equal(duplicate.status, 409);
    assert.deepEqual(names(await call(lucien, 'GET', `RelatedPerson?patient=${lucien}`)), [
      'Claire',
      'Paul',
    ]);
  });

  it('gives a new assistant the patient’s rights, and takes them back on withdrawal', async () => {
    const id = ((await name(lucien, paul(), conditional())).body as RelatedPerson).id ?? '';
    const search = () => call(id, 'GET', `DocumentReference?patient=${lucien}`);
    assert.equal((await search()).status, 200);
    assert.equal((await call(id, 'GET', `Consent?patient=${lucien}`)).status, 200);
    assert.equal(
      (await call(id, 'GET', `DocumentReference?patient=${patients.marie.id}`)).status,
      403,
    );

    const current = (await call(lucien, 'GET', `RelatedPerson/${id}`)).body as RelatedPerson;
    const withdrawn = await call(
      lucien,
      'PUT',
      `RelatedPerson/${id}`,
      { ...current, active: false },
      { 'If-Match': 'W/"1"' },
    );
    assert.equal(withdrawn.status, 200);
    assert.equal((await search()).status, 401, 'a withdrawn assistant is no one');
    assert.deepEqual(
      names(await call(lucien, 'GET', `RelatedPerson?patient=${lucien}&active=true`)),
      ['Claire'],
    );

    // Named again: the same record, active again.
    const renamed = await name(lucien, paul(), conditional());
    assert.equal(renamed.status, 200);
    assert.equal((renamed.body as RelatedPerson).id, id);
    assert.equal((await search()).status, 200);
  });

  it('lets an assistant withdraw themselves, not name or withdraw another', async () => {
    const refused = await name(claire, paul(), conditional());
    assert.equal(refused.status, 403);
    assert.match(issues(refused)[0]?.text ?? '', /Seul le patient désigne/);
    const row = lastAudit(lucien);
    assert.equal(row.outcome, 'refused');
    assert.equal(row.action, 'consent');

    const id = ((await name(lucien, paul(), conditional())).body as RelatedPerson).id ?? '';
    assert.equal((await call(claire, 'DELETE', `RelatedPerson/${id}`)).status, 403);
    assert.equal((await call(claire, 'DELETE', `RelatedPerson/${claire}`)).status, 204);
    assert.equal((await call(claire, 'GET', `RelatedPerson?patient=${lucien}`)).status, 401);
    assert.equal(server.store.get<RelatedPerson>('RelatedPerson', claire)?.active, false);
  });

  it('withdraws and restores an assistant named before matricules were required', async () => {
    const put = (user: string, active: boolean, version: string) =>
      call(
        user,
        'PUT',
        `RelatedPerson/${claire}`,
        { ...assistants.claire, active },
        { 'If-Match': `W/"${version}"` },
      );
    assert.equal((await put(lucien, false, '1')).status, 200);
    assert.equal((await call(claire, 'GET', `Consent?patient=${lucien}`)).status, 401);
    assert.equal((await put(lucien, true, '2')).status, 200);
    assert.equal((await call(claire, 'GET', `Consent?patient=${lucien}`)).status, 200);
    // Claire may withdraw herself, not rename or restore anyone.
    const renamed = await call(
      claire,
      'PUT',
      `RelatedPerson/${claire}`,
      { ...assistants.claire, name: [{ family: 'Wagner', given: ['Claire-Marie'] }] },
      { 'If-Match': 'W/"3"' },
    );
    assert.equal(renamed.status, 403);
  });

  it('refuses invalid details field by field, and the patient as their own assistant', async () => {
    const invalid = buildAssistant(lucien, {
      given: 'X',
      family: 'Wagner',
      matricule: paulMatricule,
    });
    invalid.name = [{ family: ' ', given: [''] }];
    invalid.identifier = [{ system: MATRICULE_SYSTEM, value: `${paulMatricule.slice(0, 12)}0` }];
    if (paulMatricule.endsWith('0'))
      invalid.identifier[0]!.value = `${paulMatricule.slice(0, 12)}1`;
    const refused = await name(lucien, invalid);
    assert.equal(refused.status, 422);
    assert.deepEqual(
      issues(refused).map((i) => i.expression),
      [
        'RelatedPerson.name[0].given[0]',
        'RelatedPerson.name[0].family',
        'RelatedPerson.identifier',
      ],
    );
    assert.match(issues(refused)[2]?.text ?? '', /Verhoeff/);

    const self = buildAssistant(lucien, {
      given: 'Lucien',
      family: 'Wagner',
      matricule: matriculeOf(patients.lucien) ?? '',
    });
    const selfRefused = await name(lucien, self);
    assert.equal(selfRefused.status, 422);
    assert.match(issues(selfRefused)[0]?.text ?? '', /own assistant/);
    assert.equal(server.store.list('RelatedPerson').length, 1);
  });

  it('updates only with the current ETag, never to another matricule or patient', async () => {
    const current = assistants.claire;
    const put = (body: unknown, headers: Record<string, string>) =>
      call(lucien, 'PUT', `RelatedPerson/${claire}`, body, headers);
    assert.equal((await put(current, {})).status, 428);
    assert.equal((await put(current, { 'If-Match': 'W/"9"' })).status, 412);
    const moved = await put(
      { ...current, identifier: [{ system: MATRICULE_SYSTEM, value: paulMatricule }] },
      { 'If-Match': 'W/"1"' },
    );
    assert.equal(moved.status, 422);
    const elsewhere = await put(
      { ...current, patient: { reference: `Patient/${patients.marie.id}` } },
      { 'If-Match': 'W/"1"' },
    );
    assert.equal(elsewhere.status, 422);
    assert.equal((await call(lucien, 'DELETE', `RelatedPerson/${claire}`)).status, 204);
    assert.equal((await call(lucien, 'DELETE', `RelatedPerson/${claire}`)).status, 204);
  });
});

describe('Consent edits the server refuses', () => {
  const put = (user: string, consent: Consent, etag = 'W/"1"') =>
    call(user, 'PUT', `Consent/${consents.marie.id}`, consent, { 'If-Match': etag });

  it('refuses a Consent naming a practitioner the directory does not know', async () => {
    const answer = await put(
      users.marie,
      blockProfessional(consents.marie, 'Practitioner/no-such-doctor'),
    );
    assert.equal(answer.status, 422);
    assert.match(issues(answer)[0]?.text ?? '', /Practitioner\/no-such-doctor n’existe pas/);
    const known = await put(
      users.marie,
      blockProfessional(consents.marie, 'Practitioner/anne-muller'),
    );
    assert.equal(known.status, 200);
  });

  it('refuses a professional blocking themselves (or any edit by a professional)', async () => {
    const answer = await put(
      users.weber,
      blockProfessional(consents.marie, `Practitioner/${users.weber}`),
    );
    assert.equal(answer.status, 403);
    assert.equal(server.store.consentOf(patients.marie.id)?.meta?.versionId, '1');
  });
});
