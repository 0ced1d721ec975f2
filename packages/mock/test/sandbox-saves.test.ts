// The sandbox saves a change before its answer arrives: a reload at once keeps it, emergency
// accesses included (they live beside the store, not in it).
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import { StorePersistence } from '../src/persistence.js';
import { createDspServer } from '../src/server.js';

const NAME = 'dsp-mock-sandbox-saves-test';
const { patients, users } = fixtures;
/** Lucien's DSP needs a grant: Dr Hansen, without one, reads it only through break-the-glass. */
const policy = { explicitGrantsFor: [patients.lucien.id] };
const asHansen = { Authorization: `Bearer ${mockToken(users.hansen)}` };
let sandbox: Sandbox;

interface SavedSnapshot {
  resources: { resourceType: string }[];
  emergencies?: [string, { reason: string }][];
}

/** What the sandbox's database holds right now, read as the reloaded page would. */
async function saved(): Promise<SavedSnapshot | undefined> {
  const db = await openDB(NAME);
  try {
    return (await db.get('snapshot', 'store')) as SavedSnapshot | undefined;
  } finally {
    db.close();
  }
}

function breakTheGlass(): Promise<Response> {
  return fetch(`${sandbox.server.baseUrl}/Patient/${patients.lucien.id}/$break-the-glass`, {
    method: 'POST',
    headers: { ...asHansen, 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify({
      resourceType: 'Parameters',
      parameter: [{ name: 'reason', valueString: 'Patient inconscient aux urgences' }],
    }),
  });
}

before(async () => {
  sandbox = await startSandbox({ persist: NAME, policy });
});
after(async () => {
  sandbox.stop();
  await deleteDB(NAME);
});

describe('the sandbox’s saved data', () => {
  it('holds an emergency access and its audit entry as soon as the answer arrives', async () => {
    const search = `${sandbox.server.baseUrl}/DocumentReference?patient=${patients.lucien.id}`;
    expect((await fetch(search, { headers: asHansen })).status).to.equal(403);
    expect((await breakTheGlass()).status).to.equal(200);
    // No waiting: what a reload the moment the answer arrives would find.
    const snapshot = await saved();
    expect(snapshot?.emergencies?.map(([key]) => key)).to.deep.equal([
      `${patients.lucien.id}|Practitioner/${users.hansen}`,
    ]);
    const audits = snapshot?.resources.filter((r) => r.resourceType === 'AuditEvent') ?? [];
    // The refused search and the emergency access.
    expect(audits).to.have.length(2);

    // A server started on the saved data, as after the reload, still lets Dr Hansen in.
    const reloaded = createDspServer({ baseUrl: sandbox.server.baseUrl, policy });
    const persistence = await StorePersistence.attach(reloaded.store, NAME, reloaded.emergencies);
    try {
      const answer = await reloaded.handle(new Request(search, { headers: asHansen }));
      expect(answer.status).to.equal(200);
    } finally {
      persistence.close();
    }
  });
});
