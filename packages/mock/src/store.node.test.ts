import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Consent, DocumentReference } from '@medplum/fhirtypes';
import { consents, documents, fixtureResources, patients } from './fixtures.js';
import { DspStore } from './store.js';

const clock = () => new Date('2026-11-26T10:00:00Z');

describe('DspStore', () => {
  it('indexes documents by patient and re-indexes a replaced one', () => {
    const store = new DspStore(fixtureResources, clock);
    assert.equal(store.documentsOf(patients.marie.id).length, 7);
    store.put<DocumentReference>({
      ...documents.summary,
      subject: { reference: `Patient/${patients.jean.id}` },
    });
    assert.equal(store.documentsOf(patients.marie.id).length, 6);
    assert.deepEqual(
      store.documentsOf(patients.jean.id).map((d) => d.id),
      [documents.summary.id],
    );
  });

  it('versions every write and keeps the history', () => {
    const store = new DspStore(fixtureResources, clock);
    const first = store.put<Consent>({ ...consents.jean, status: 'inactive' });
    const second = store.put<Consent>({ ...consents.jean, status: 'active' });
    assert.equal(first.meta?.versionId, '2');
    assert.equal(second.meta?.versionId, '3');
    assert.equal(second.meta?.lastUpdated, '2026-11-26T10:00:00.000Z');
    assert.deepEqual(
      store.history('Consent', consents.jean.id).map((c) => c.meta?.versionId),
      ['1', '2', '3'],
    );
    assert.equal(store.consentOf(patients.jean.id)?.status, 'active');
  });

  it('finds resources by identifier, content URL and practitioner', () => {
    const store = new DspStore(fixtureResources, clock);
    const { system = '', value = '' } = documents.summary.masterIdentifier ?? {};
    assert.deepEqual(
      store.byIdentifier('DocumentReference', system, value).map((d) => d.id),
      [documents.summary.id],
    );
    assert.deepEqual(
      store.documentsWithContent(`Binary/content-${documents.summary.id}`).map((d) => d.id),
      [documents.summary.id],
    );
    assert.equal(store.rolesOf('Practitioner/paul-weber').length, 1);
  });

  it('creates ids, returns copies, and goes back to its initial data on reset', () => {
    const store = new DspStore(fixtureResources, clock);
    const created = store.put({ resourceType: 'Patient' });
    assert.match(created.id, /^patient-\d+$/);
    (created as { gender?: string }).gender = 'other';
    assert.equal(store.get('Patient', created.id)?.resourceType, 'Patient');
    assert.notEqual((store.get('Patient', created.id) as { gender?: string }).gender, 'other');
    store.reset();
    assert.equal(store.get('Patient', created.id), undefined);
    assert.equal(store.documentsOf(patients.marie.id).length, 7);
  });
});
