// The real DspClient against the mock through msw's interception in Node: the slice's contract.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import {
  DspClient,
  DspHttpError,
  DspNetworkError,
  DspProtocolError,
  documentTypeOf,
} from '@dsp-kit/fhir';
import { documents, patients } from '../src/fixtures.js';
import { startNodeMock, type NodeMock } from '../src/node.js';

describe('DspClient against the mock', () => {
  let mock: NodeMock;
  let client: DspClient;

  before(() => {
    mock = startNodeMock();
    client = new DspClient({ baseUrl: mock.server.baseUrl });
  });
  afterEach(() => mock.clearScenario());
  after(() => mock.close());

  it("lists the fixture patient's documents with their DSP types", async () => {
    const page = await client.searchDocuments({ patient: patients.marie.id });
    assert.equal(page.total, 5);
    assert.deepEqual(
      page.entries.map((d) => [d.description, documentTypeOf(d.type)?.labels.fr]),
      [
        ['Bilan sanguin complet', "Résultats d'examens biologiques"],
        ['Échocardiographie transthoracique', "CR d'actes diagnostiques"],
        ['Résumé patient', 'Résumés patients'],
        ["Certificat d'aptitude au sport", 'Certificats médicaux'],
        ['Mes directives anticipées', 'Expression du titulaire'],
      ],
    );
  });

  it('walks every page through the next links', async () => {
    const seen: (string | undefined)[] = [];
    let page = await client.searchDocuments({ patient: patients.marie.id, _count: 2 });
    for (;;) {
      seen.push(...page.entries.map((d) => d.id));
      const next = await page.next();
      if (!next) break;
      page = next;
    }
    assert.deepEqual(
      seen,
      Object.values(documents).map((d) => d.id),
    );
  });

  it('finds an empty DSP empty', async () => {
    const page = await client.searchDocuments({ patient: patients.jean.id });
    assert.equal(page.total, 0);
    assert.equal(page.entries.length, 0);
  });

  it('reports the server-side scenarios as typed errors', async () => {
    mock.useScenario('searchUnavailable');
    await assert.rejects(
      client.searchDocuments({ patient: patients.marie.id }),
      (error: unknown) => {
        assert.ok(error instanceof DspHttpError);
        assert.equal(error.status, 503);
        assert.match(error.serverMessage ?? '', /maintenance/);
        return true;
      },
    );
    mock.clearScenario();
    mock.useScenario('searchNotFhir');
    await assert.rejects(client.searchDocuments({ patient: patients.marie.id }), DspProtocolError);
    mock.clearScenario();
    mock.useScenario('searchNetworkError');
    await assert.rejects(client.searchDocuments({ patient: patients.marie.id }), DspNetworkError);
  });

  it('answers a search the server cannot run with a 400 OperationOutcome', async () => {
    const response = await fetch(`${mock.server.baseUrl}/DocumentReference?status=current`);
    assert.equal(response.status, 400);
    assert.match(response.headers.get('content-type') ?? '', /application\/fhir\+json/);
    const body = (await response.json()) as { resourceType: string };
    assert.equal(body.resourceType, 'OperationOutcome');
  });
});
