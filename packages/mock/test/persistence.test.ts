// The sandbox's data survives a reload: the store saved to real IndexedDB and loaded back.
import { expect } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { fixtureResources, patients } from '../src/fixtures.js';
import { StorePersistence } from '../src/persistence.js';
import { DspStore } from '../src/store.js';

const NAME = 'dsp-mock-sandbox-test';

describe('store persistence', () => {
  afterEach(() => deleteDB(NAME));

  it('saves changes and loads them into a fresh store, as after a reload', async () => {
    const first = new DspStore(fixtureResources);
    const saving = await StorePersistence.attach(first, NAME);
    first.put({ resourceType: 'Patient', id: 'added-in-sandbox', name: [{ family: 'Neu' }] });
    await saving.flush();
    saving.close();

    const second = new DspStore(fixtureResources);
    const loading = await StorePersistence.attach(second, NAME);
    expect(second.get('Patient', 'added-in-sandbox')).to.not.equal(undefined);
    expect(second.documentsOf(patients.marie.id)).to.have.length(7);

    await loading.clear();
    second.reset();
    loading.close();
    const third = new DspStore(fixtureResources);
    const empty = await StorePersistence.attach(third, NAME);
    expect(third.get('Patient', 'added-in-sandbox')).to.equal(undefined);
    empty.close();
  });

  it('saves a change still waiting when the page goes away', async () => {
    const first = new DspStore(fixtureResources);
    const saving = await StorePersistence.attach(first, NAME);
    first.put({ resourceType: 'Patient', id: 'just-before-reload', name: [{ family: 'Vite' }] });
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    saving.close(); // what a reload does next; the save begun on pagehide still completes

    const second = new DspStore(fixtureResources);
    const loading = await StorePersistence.attach(second, NAME);
    expect(second.get('Patient', 'just-before-reload')).to.not.equal(undefined);
    loading.close();
  });

  it('lets another page delete its database instead of blocking it', async () => {
    const store = new DspStore(fixtureResources);
    await StorePersistence.attach(store, NAME);
    await deleteDB(NAME, {
      blocked: () => {
        throw new Error('the open persistence blocked the deletion');
      },
    });
    // Closed by then: a change is kept in the store and no longer saved, without an error.
    store.put({ resourceType: 'Patient', id: 'after-delete', name: [{ family: 'Nach' }] });
    expect(store.get('Patient', 'after-delete')).to.not.equal(undefined);
  });
});
