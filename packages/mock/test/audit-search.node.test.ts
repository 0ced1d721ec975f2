// ITI-81's date parameter on the mock, as FHIR defines it: a month or a day stands for its whole
// range (`le2026-03` takes all of March, `eq2026-03-31` the whole day), whatever the route.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import { patients, users } from '../src/fixtures.js';
import { createDspServer, type DspServer } from '../src/server.js';
import { callMock } from './mock-call.js';

const BASE = 'http://127.0.0.1:8787/fhir';
let now: Date;
let server: DspServer;

beforeEach(() => {
  now = new Date('2026-03-31T15:00:00Z');
  server = createDspServer({ baseUrl: BASE, clock: () => now });
});

/** The doctor's searches recorded in Marie's log for that date parameter. */
async function doctorSearchesOn(date: string): Promise<string[]> {
  const answer = await callMock(
    server,
    users.marie,
    'GET',
    `AuditEvent?patient=${patients.marie.id}&agent=Practitioner/${users.weber}&date=${date}`,
  );
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return ((answer.body as Bundle<AuditEvent>).entry ?? []).map((e) => e.resource?.recorded ?? '');
}

describe('the audit log searched by date', () => {
  it('takes a month and a day as their whole range', async () => {
    const reference = `DocumentReference?patient=${patients.marie.id}`;
    assert.equal((await callMock(server, users.weber, 'GET', reference)).status, 200);
    now = new Date('2026-04-02T09:00:00Z');
    const march31 = ['2026-03-31T15:00:00.000Z'];
    assert.deepEqual(await doctorSearchesOn('le2026-03'), march31);
    assert.deepEqual(await doctorSearchesOn('eq2026-03-31'), march31);
    assert.deepEqual(await doctorSearchesOn('2026-03'), march31);
    assert.deepEqual(await doctorSearchesOn('lt2026-03-31'), []);
    assert.deepEqual(await doctorSearchesOn('gt2026-03'), []);
  });
});
