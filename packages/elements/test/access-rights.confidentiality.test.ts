// <dsp-access-rights> and the confidentiality (N, R, V) the patient or a DSP assistant sets on a
// document, against the mock DSP server: saved with If-Match, checked from the other side as a
// non-author professional, a change made meanwhile reported with the choice kept, a failure
// explained, a host's veto, and nothing new for a professional.
import { expect } from '@open-wc/testing';
import type { DocumentReference } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { DspDocumentUpdateEvent } from '../src/document-viewer/document-viewer.events.js';
import type { DspAccessRights } from '../src/define/dsp-access-rights.js';
import {
  as,
  buttonIn,
  eventually,
  lucien,
  marie,
  part,
  sandbox,
  signedInPanel,
  text,
  useMock,
  users,
} from './access-rights.helpers.js';

useMock();

/** Marie's blood test, normal (N), written by the LNS laboratory: no fixture user is its author. */
const bloodTest = fixtures.documents.bloodTest.id;
const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/** Lucien's physiotherapy report, normal (N), written by Marc Thill. */
const physio = fixtures.documents.lucienPhysio.id;

/** The ids of the documents Lisa Schmitt (no grant, not their author) finds in her search. */
async function schmittSees(patient = marie): Promise<string[]> {
  const page = await as(users.schmitt).searchDocuments({ patient });
  return page.entries.map((d) => d.id ?? '');
}

/** The confidentiality of `id` as the server holds it. */
function levelOnServer(id: string): string | undefined {
  const stored = sandbox().server.store.get<DocumentReference>('DocumentReference', id);
  return stored?.securityLabel
    ?.flatMap((l) => l.coding ?? [])
    .find((c) => c.system === CONFIDENTIALITY)?.code;
}

function versionOnServer(id: string): string | undefined {
  return sandbox().server.store.get<DocumentReference>('DocumentReference', id)?.meta?.versionId;
}

/** The confidentiality choice's own shadow root (its element is loaded on demand). */
function levels(el: DspAccessRights): ShadowRoot {
  const root = el.shadowRoot?.querySelector('dsp-document-levels')?.shadowRoot;
  if (!root) throw new Error('no confidentiality choice');
  return root;
}

/** The panel, once its confidentiality choice has loaded. */
async function loaded(el: Promise<DspAccessRights>): Promise<DspAccessRights> {
  const panel = await el;
  await eventually(
    () => panel.shadowRoot?.querySelector('dsp-document-levels')?.shadowRoot?.querySelector('form'),
    'the confidentiality choice did not load',
  );
  return panel;
}

function levelPart(el: DspAccessRights, name: string): Element | null {
  return levels(el).querySelector(`[part~="${name}"]`);
}

function form(el: DspAccessRights): HTMLFormElement {
  const found = levelPart(el, 'levels');
  if (!(found instanceof HTMLFormElement)) throw new Error('no confidentiality form');
  return found;
}

function select(el: DspAccessRights, name: 'document' | 'level'): HTMLSelectElement {
  const found = form(el).querySelector<HTMLSelectElement>(`select[name="${name}"]`);
  if (!found) throw new Error(`no "${name}" select`);
  return found;
}

/** Chooses `id` and `level` as a user does, and sends the form with its button. */
async function setLevel(el: DspAccessRights, id: string, level: string): Promise<void> {
  const documentSelect = select(el, 'document');
  documentSelect.value = id;
  documentSelect.dispatchEvent(new Event('change'));
  await el.updateComplete;
  const levelSelect = select(el, 'level');
  levelSelect.value = level;
  levelSelect.dispatchEvent(new Event('change'));
  await el.updateComplete;
  buttonIn(form(el), 'Save the confidentiality').click();
}

function levelStatus(el: DspAccessRights): string {
  return text(levelPart(el, 'levels-status'));
}

describe('<dsp-access-rights> confidentiality of documents', () => {
  it('lets the patient set V on a professional’s document: a non-author professional then no longer finds it', async () => {
    expect(await schmittSees()).to.include(bloodTest, 'the fixture has changed');
    const el = await loaded(signedInPanel(marie, users.marie, `Patient/${marie}`));
    expect(text(levels(el).querySelector('#levels-help')))
      .to.contain('Restricted (R): only professionals with extended access see it.')
      .and.contain(
        'Very restricted (V): only its author, you and, under the DSP’s rules, your referring doctor see it.',
      );
    const names = [...select(el, 'level').options].map((o) => text(o));
    expect(names).to.deep.equal(['Normal', 'Restricted', 'Very restricted']);
    const updates: DspDocumentUpdateEvent['detail'][] = [];
    el.addEventListener('dsp-document-update', (e) => updates.push(e.detail));

    await setLevel(el, bloodTest, 'V');
    await eventually(
      () => levelStatus(el).includes('“Bilan sanguin complet” is now Very restricted.'),
      'no status after the save',
    );
    expect(updates).to.deep.equal([{ documentId: bloodTest, change: 'confidentiality' }]);
    expect(levelOnServer(bloodTest)).to.equal('V');
    expect(await schmittSees()).to.not.include(bloodTest);
    // The list says the level saved.
    const option = [...select(el, 'document').options].find((o) => o.value === bloodTest);
    expect(text(option)).to.equal('Bilan sanguin complet — Very restricted');
    await expect(el).to.be.accessible();
  });

  it('lets a DSP assistant set R, said in the words for an assistant', async () => {
    expect(await schmittSees(lucien)).to.include(physio, 'the fixture has changed');
    const el = await loaded(signedInPanel(lucien, users.claire, `RelatedPerson/${users.claire}`));
    expect(text(levels(el).querySelector('#levels-help'))).to.contain(
      'only its author, the patient and, under the DSP’s rules, their referring doctor see it.',
    );
    await setLevel(el, physio, 'R');
    await eventually(
      () => levelStatus(el).includes('“Bilan kinésithérapique de la marche” is now Restricted.'),
      'no status after the save',
    );
    expect(levelOnServer(physio)).to.equal('R');
    expect(await schmittSees(lucien)).to.not.include(physio, 'R needs an extended grant');
  });

  it('reports a change made meanwhile, overwrites nothing, keeps the level chosen and saves it again', async () => {
    const el = await loaded(signedInPanel(marie, users.marie, `Patient/${marie}`));
    // Elsewhere (another device), the blood test becomes restricted after the panel listed it.
    const other = as(users.marie);
    const { etag } = await other.readDocumentVersioned(bloodTest);
    await other.setConfidentiality(bloodTest, 'R', etag);
    const version = versionOnServer(bloodTest);

    await setLevel(el, bloodTest, 'V');
    const alert = () => levelPart(el, 'levels-conflict');
    await eventually(() => alert(), 'no conflict message');
    expect(alert()?.getAttribute('role')).to.equal('alert');
    expect(text(alert())).to.contain(
      'This document was changed meanwhile elsewhere: its confidentiality is now Restricted.',
    );
    expect(levelOnServer(bloodTest)).to.equal('R', 'the change made meanwhile was overwritten');
    expect(versionOnServer(bloodTest)).to.equal(version);
    expect(select(el, 'level').value).to.equal('V', 'the level chosen was lost');
    const option = [...select(el, 'document').options].find((o) => o.value === bloodTest);
    expect(text(option)).to.equal('Bilan sanguin complet — Restricted');
    await expect(el).to.be.accessible();

    buttonIn(form(el), 'Save the confidentiality').click();
    await eventually(
      () => levelStatus(el).includes('is now Very restricted.'),
      'not saved on the current version',
    );
    expect(levelOnServer(bloodTest)).to.equal('V');
    expect(alert()).to.equal(null);
  });

  it('explains a save that failed, and keeps the level chosen', async () => {
    const el = await loaded(signedInPanel(marie, users.marie, `Patient/${marie}`));
    sandbox().useScenario('offline');
    await setLevel(el, bloodTest, 'R');
    const error = () => levels(el).querySelector('[role="alert"]');
    await eventually(
      () => text(error()).includes('The confidentiality was not changed.'),
      'the failure is not said',
    );
    expect(select(el, 'level').value).to.equal('R', 'the level chosen was lost');
    expect(levelOnServer(bloodTest)).to.equal('N');
    await expect(el).to.be.accessible();
  });

  it('sends nothing when the host vetoes the change', async () => {
    const el = await loaded(signedInPanel(marie, users.marie, `Patient/${marie}`));
    const version = versionOnServer(bloodTest);
    el.addEventListener('dsp-document-update', (event) => {
      event.preventDefault();
    });
    await setLevel(el, bloodTest, 'V');
    await eventually(
      () => levelStatus(el).includes('The application declined this change.'),
      'the veto is not said',
    );
    expect(versionOnServer(bloodTest)).to.equal(version);
    expect(levelOnServer(bloodTest)).to.equal('N');
    expect(await schmittSees()).to.include(bloodTest);
  });

  it('shows nothing new to a professional', async () => {
    const el = await signedInPanel(marie, users.weber, `Practitioner/${users.weber}`);
    expect(part(el, 'read-only')).to.not.equal(null);
    expect(el.shadowRoot?.querySelector('dsp-document-levels')).to.equal(null);
  });
});
