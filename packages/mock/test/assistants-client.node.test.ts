// DspClient's DSP assistant methods against the mock server (its `handle` as the client's fetch):
// what they send, that naming and withdrawing are idempotent, that invalid details never leave the
// client, and that the RelatedPerson sent is valid FHIR R4.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import {
  DspClient,
  DspConflictError,
  DspHttpError,
  DspValidationError,
  type RelatedPerson,
} from '@dsp-kit/fhir';
import { makeMatricule } from '@dsp-kit/fhir/matricule';
import { assertValidR4 } from '../../fhir/test/fhir-r4.js';
import { patients, users } from '../src/fixtures.js';
import { createDspServer, type DspServer } from '../src/server.js';

const BASE = 'http://127.0.0.1:8787/fhir';
const lucien = patients.lucien.id;
const paul = { given: 'Paul', family: 'Wagner', matricule: makeMatricule('1961-05-17', 44) };
let server: DspServer;
let sent: Request[];

beforeEach(() => {
  server = createDspServer({ baseUrl: BASE });
  sent = [];
});

/** A client signed in as `user` whose requests go to the mock server, and are recorded. */
function as(user: string, retry = false): DspClient {
  return new DspClient({
    baseUrl: BASE,
    tokens: { getAccessToken: () => Promise.resolve(`mock:${user}`) },
    retry: retry ? { tries: 2, baseDelayMs: 1, maxDelayMs: 5 } : false,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push(request.clone());
      const response = await server.handle(request);
      // A scenario's `Response.error()` is what a real fetch rejects with.
      if (response.type === 'error') throw new TypeError('fetch failed');
      return response;
    },
  });
}

describe('DspClient and DSP assistants', () => {
  it('lists the current assistants', async () => {
    const found = await as(users.lucien).searchAssistants(lucien);
    assert.deepEqual(
      found.map((a) => [a.id, a.name, a.active]),
      [['claire-wagner', 'Claire Wagner', true]],
    );
    assert.equal(new URL(sent[0]!.url).search, `?patient=${lucien}&active=true&_count=50`);
  });

  it('names an assistant with a valid, conditional create, once however often asked', async () => {
    const client = as(users.lucien);
    const first = await client.addAssistant(`Patient/${lucien}`, paul);
    const request = sent[0]!;
    assert.equal(request.method, 'POST');
    assert.equal(request.url, `${BASE}/RelatedPerson`);
    assert.match(request.headers.get('if-none-exist') ?? '', /^patient=lucien-wagner&identifier=/);
    assertValidR4((await request.json()) as RelatedPerson);
    const again = await client.addAssistant(lucien, { ...paul, given: ' Paul ' });
    assert.equal(again.id, first.id);
    assert.equal((await client.searchAssistants(lucien)).length, 2);
  });

  it('sends a naming again after a lost answer, without naming twice', async () => {
    server.useScenario('lostResponseAfterWrite');
    const named = await as(users.lucien, true).addAssistant(lucien, paul);
    assert.equal(sent.length, 2, 'the lost create was not sent again');
    server.clearScenarios();
    const found = await as(users.lucien).searchAssistants(lucien);
    assert.deepEqual(found.map((a) => a.id).sort(), ['claire-wagner', named.id].sort());
  });

  it('refuses invalid details before sending anything, naming the field', async () => {
    const client = as(users.lucien);
    for (const [input, field] of [
      [{ ...paul, family: '' }, 'family'],
      [{ ...paul, matricule: '12345' }, 'matricule'],
    ] as const) {
      await assert.rejects(
        client.addAssistant(lucien, input),
        (error: unknown) => error instanceof DspValidationError && error.field === field,
      );
    }
    assert.equal(sent.length, 0);
  });

  it('withdraws and restores an assistant, idempotently', async () => {
    const client = as(users.lucien);
    const withdrawn = await client.removeAssistant(lucien, 'claire-wagner');
    assert.equal(withdrawn.active, false);
    const put = sent.find((r) => r.method === 'PUT');
    assert.equal(put?.headers.get('if-match'), 'W/"1"');
    assertValidR4((await put.json()) as RelatedPerson);
    const puts = sent.filter((r) => r.method === 'PUT').length;
    assert.equal((await client.removeAssistant(lucien, 'claire-wagner')).active, false);
    assert.equal(sent.filter((r) => r.method === 'PUT').length, puts, 'withdrawn twice');
    assert.deepEqual(await client.searchAssistants(lucien), []);
    assert.equal((await client.restoreAssistant(lucien, 'claire-wagner')).active, true);
    assert.equal((await client.searchAssistants(lucien)).length, 1);
  });

  it('re-reads the assistant when someone changed it meanwhile', async () => {
    let raced = false;
    const racing = new DspClient({
      baseUrl: BASE,
      tokens: { getAccessToken: () => Promise.resolve(`mock:${users.lucien}`) },
      retry: false,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        if (request.method === 'PUT' && !raced) {
          raced = true;
          // Someone renames Claire between the client's read and its update.
          const current = server.store.get<RelatedPerson>('RelatedPerson', 'claire-wagner');
          server.store.put({ ...current!, name: [{ family: 'Wagner', given: ['Claire-Marie'] }] });
        }
        return server.handle(request);
      },
    });
    const withdrawn = await racing.removeAssistant(lucien, 'claire-wagner');
    assert.equal(withdrawn.active, false);
    assert.equal(withdrawn.given, 'Claire-Marie', 'the other edit was overwritten');
    assert.ok(raced);
  });

  it('refuses to withdraw another patient’s assistant, and reports the server’s refusals', async () => {
    await assert.rejects(
      as(users.lucien).removeAssistant(patients.marie.id, 'claire-wagner'),
      (error: unknown) => error instanceof DspValidationError && error.field === 'assistant',
    );
    await assert.rejects(
      as(users.claire).addAssistant(lucien, paul),
      (error: unknown) =>
        error instanceof DspHttpError &&
        !(error instanceof DspConflictError) &&
        error.status === 403 &&
        (error.serverMessage ?? '').includes('Seul le patient'),
    );
    await assert.rejects(
      as(users.weber).searchAssistants(lucien),
      (error: unknown) => error instanceof DspHttpError && error.status === 403,
    );
  });
});
