import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocumentReference } from '@medplum/fhirtypes';
import { documents, fixtureResources, patients } from './fixtures.js';
import { DspStore } from './store.js';

describe('DspStore', () => {
  it('indexes documents by patient and re-indexes a replaced one', () => {
    const store = new DspStore(fixtureResources);
    assert.equal(store.documentsOf(patients.marie.id).length, 5);
    const moved: DocumentReference = {
      ...documents.summary,
      subject: { reference: `Patient/${patients.jean.id}` },
    };
    store.put(moved);
    assert.equal(store.documentsOf(patients.marie.id).length, 4);
    assert.deepEqual(
      store.documentsOf(patients.jean.id).map((d) => d.id),
      [documents.summary.id],
    );
  });

  it('returns to its initial data on reset, unaffected by changes to stored objects', () => {
    const store = new DspStore(fixtureResources);
    store.put({ resourceType: 'Patient', id: 'extra' });
    const stored = store.get<DocumentReference>('DocumentReference', documents.summary.id);
    assert.ok(stored);
    stored.description = 'changed';
    store.reset();
    assert.equal(store.get('Patient', 'extra'), undefined);
    assert.equal(
      store.get<DocumentReference>('DocumentReference', documents.summary.id)?.description,
      documents.summary.description,
    );
  });

  it('refuses a resource without id', () => {
    assert.throws(() => new DspStore().put({ resourceType: 'Patient' }), /without id/);
  });
});
