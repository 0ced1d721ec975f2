// The DSP status batch (`buildStatusBatch` / `readStatusBatch`) against the mock server, as each
// fixture role: one request whatever the number of patients, and every state the badge shows.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  buildStatusBatch,
  closeDsp,
  DspClient,
  DspValidationError,
  readStatusBatch,
  reopenDsp,
  setBreakTheGlass,
  type Consent,
  type DocumentReference,
  type DspStatus,
  type StatusQuery,
} from '@dsp-kit/fhir';
import { consents, documents, patients, users } from '../src/fixtures.js';
import { createDspServer, type DspServer } from '../src/server.js';

const BASE = 'http://127.0.0.1:8787/fhir';
let now: Date;
let server: DspServer;
let sent: Request[];

beforeEach(() => {
  now = new Date('2026-11-26T10:00:00Z');
  server = createDspServer({
    baseUrl: BASE,
    clock: () => now,
    policy: { explicitGrantsFor: [patients.jean.id] },
  });
  sent = [];
});

function as(user: string): DspClient {
  return new DspClient({
    baseUrl: BASE,
    tokens: { getAccessToken: () => Promise.resolve(`mock:${user}`) },
    retry: false,
    fetch: (input, init) => {
      const request = new Request(input, init);
      sent.push(request);
      return server.handle(request);
    },
  });
}

async function statusOf(user: string, queries: StatusQuery[]): Promise<DspStatus[]> {
  const response = await as(user).batch(buildStatusBatch(queries));
  return readStatusBatch(response, queries);
}

async function one(user: string, patient: string, since?: string): Promise<DspStatus> {
  const [status] = await statusOf(user, [{ patient, ...(since ? { since } : {}) }]);
  assert.ok(status);
  return status;
}

describe('DSP status batch on the mock', () => {
  it('tells the patient their own open DSP, and that emergency access is allowed', async () => {
    const status = await one(users.marie, patients.marie.id);
    assert.equal(status.state, 'open');
    assert.ok(status.state === 'open');
    assert.equal(status.access, 'own');
    assert.equal(status.breakTheGlass, 'allowed');
    assert.equal(status.name, 'Marie Schmit');
  });

  it('tells Nadia she refused emergency access', async () => {
    const status = await one(patients.nadia.id, patients.nadia.id);
    assert.ok(status.state === 'open');
    assert.equal(status.breakTheGlass, 'refused');
  });

  it('tells the référent and a full grant "full", another professional "normal"', async () => {
    const weber = await one(users.weber, patients.marie.id);
    const muller = await one(users.muller, patients.tom.id);
    const schmitt = await one(users.schmitt, patients.tom.id);
    assert.ok(weber.state === 'open' && muller.state === 'open' && schmitt.state === 'open');
    assert.equal(weber.access, 'full');
    assert.equal(muller.access, 'full');
    assert.equal(schmitt.access, 'normal');
    // Whether the patient allows emergency access is hers: not told to professionals.
    assert.equal(schmitt.breakTheGlass, undefined);
  });

  it('says blocked, closed since its date, and no grant with emergency access available', async () => {
    const blocked = await one(users.kremer, patients.marie.id);
    assert.ok(blocked.state === 'refused');
    assert.equal(blocked.refusal, 'blocked');
    assert.equal(blocked.breakTheGlassAvailable, false);

    // Sophie reopens, closes again on a known day, then edits her rights while closed: the date
    // is that of the close.
    now = new Date('2026-11-10T08:00:00Z');
    server.store.put<Consent>(reopenDsp(consents.sophie));
    now = new Date('2026-11-20T08:30:00Z');
    server.store.put<Consent>(closeDsp(reopenDsp(consents.sophie)));
    now = new Date('2026-11-22T09:00:00Z');
    server.store.put<Consent>(setBreakTheGlass(closeDsp(consents.sophie), false));
    now = new Date('2026-11-26T10:00:00Z');
    const closed = await one(users.weber, patients.sophie.id);
    assert.ok(closed.state === 'refused');
    assert.equal(closed.refusal, 'closed');
    assert.equal(closed.closedSince, '2026-11-20T08:30:00.000Z');
    const own = await one(patients.sophie.id, patients.sophie.id);
    assert.ok(own.state === 'closed');
    assert.equal(own.closedSince, '2026-11-20T08:30:00.000Z');

    const noGrant = await one(users.hansen, patients.jean.id);
    assert.ok(noGrant.state === 'refused');
    assert.equal(noGrant.refusal, 'no-grant');
    assert.equal(noGrant.breakTheGlassAvailable, true);
  });

  it('says emergency access and until when, once granted', async () => {
    const client = as(users.hansen);
    const { expires } = await client.breakTheGlass(
      patients.jean.id,
      'Patient inconscient aux urgences',
    );
    const status = await one(users.hansen, patients.jean.id);
    assert.ok(status.state === 'open');
    assert.equal(status.access, 'emergency');
    assert.equal(status.emergencyUntil, expires);
    assert.equal(expires, '2026-11-27T10:00:00.000Z');
  });

  it('says an unknown patient, and refuses another patient’s DSP to a patient', async () => {
    assert.equal((await one(users.weber, 'nobody-here')).state, 'unknown-patient');
    const other = await one(users.marie, patients.tom.id);
    assert.ok(other.state === 'refused');
    assert.equal(other.refusal, 'not-own-record');
  });

  it('counts the documents stored after the last visit, and none before it', async () => {
    const visit = '2026-11-26T10:00:00.000Z';
    now = new Date('2026-11-26T11:00:00Z');
    server.store.put<DocumentReference>({
      ...(structuredClone(documents.bloodTest) as DocumentReference),
      id: 'doc-marie-new-lab',
      masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.2.3.9' },
    });
    const status = await one(users.weber, patients.marie.id, visit);
    assert.ok(status.state === 'open');
    assert.equal(status.newCount, 1);
    assert.equal(status.since, visit);
    const later = await one(users.weber, patients.marie.id, '2026-11-26T11:30:00Z');
    assert.ok(later.state === 'open');
    assert.equal(later.newCount, 0);
  });

  it('asks about 50 patients in one request', async () => {
    const ids = [
      patients.marie.id,
      patients.tom.id,
      'unknown-one',
      patients.sophie.id,
      patients.lucien.id,
    ];
    const queries = Array.from({ length: 50 }, (_, i) => ({
      patient: ids[i % ids.length] ?? '',
      since: '2026-11-01T00:00:00Z',
    }));
    const statuses = await statusOf(users.weber, queries);
    assert.equal(sent.length, 1);
    assert.equal(statuses.length, 50);
    assert.deepEqual(
      statuses.slice(0, 5).map((s) => s.state),
      ['open', 'open', 'unknown-patient', 'refused', 'open'],
    );
  });

  it('refuses more than 50 patients, or a malformed id, before sending anything', () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ patient: `p${i}` }));
    assert.throws(() => buildStatusBatch(many), DspValidationError);
    assert.throws(() => buildStatusBatch([{ patient: 'a/b' }]), DspValidationError);
    assert.throws(
      () => buildStatusBatch([{ patient: 'ok', since: 'yesterday' }]),
      DspValidationError,
    );
  });
});
