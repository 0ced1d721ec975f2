// The viewer's "Replace with a new version" against the mock, in Chromium: the uploader opened
// from the document's row replaces it through `DspClient.replaceDocument`, says which document it
// replaces (no id to type), explains a refusal of the server with nothing entered lost, cancels
// the replacement, and offers the actions to the author's organisation when the host says so.
import { expect } from '@open-wc/testing';
import type { DspClient, DocumentReference } from '@dsp-kit/fhir';
import { fixtures } from '@dsp-kit/mock';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import '../src/define/dsp-document-uploader.js';
import {
  $,
  actionsOf,
  chooseAndSend,
  clientAs,
  sandbox,
  useSandbox,
  viewer,
  waitUntil,
} from './document-viewer-actions.helpers.js';

const { documents, patients, users } = fixtures;
const MARIE = patients.marie.id;
const LUCIEN = patients.lucien.id;
const RESUME = documents.summary.id;
/** Lucien's discharge letter, written by the CHL as an organisation (where Dr Muller works). */
const LETTER = documents.lucienDischarge.id;

// The author alone replaces here: the host's word that Dr Muller's organisation may act is wrong,
// and the server says so.
useSandbox({ policy: { organisationReplaces: false } });

interface Spied {
  readonly client: DspClient;
  /** The ids `replaceDocument` was called with; the calls go through to the server. */
  readonly replaced: string[];
}

function spiedClientAs(user: string): Spied {
  const client = clientAs(user);
  const replaced: string[] = [];
  const replaceDocument = client.replaceDocument.bind(client);
  client.replaceDocument = (id, submission, options) => {
    replaced.push(id);
    return replaceDocument(id, submission, options);
  };
  return { client, replaced };
}

/** Clicks "Replace with a new version" and resolves with the dialog's uploader, rendered. */
async function openReplace(actions: HTMLElement): Promise<DspDocumentUploader> {
  $(actions, 'button[name="replace"]')!.click();
  const uploader = await waitUntil(() =>
    $<DspDocumentUploader>(actions, '#replace-dialog dsp-document-uploader'),
  );
  await waitUntil(() => uploader.shadowRoot?.querySelector('[part~="replaces"]'), 'no note', {
    timeout: 10000,
  });
  return uploader;
}

function stored(id: string): DocumentReference | undefined {
  return sandbox().server.store.get<DocumentReference>('DocumentReference', id);
}

describe('replace from the document’s row', function () {
  // The uploader loads on demand, then hashes and sends: slow on a loaded machine.
  this.timeout(30_000);

  it('sends the new version through replaceDocument: the old one superseded, said', async () => {
    const { client, replaced } = spiedClientAs(users.weber);
    const el = await viewer(client, {
      patient: MARIE,
      user: `Practitioner/${users.weber}`,
      userName: 'Dr Paul Weber',
    });
    const actions = await actionsOf(el, RESUME);
    const uploader = await openReplace(actions);
    // Which document it replaces, read-only; no id to type anywhere.
    expect($(uploader, '[part~="replaces"] p')!.textContent).to.contain('“Résumé patient”');
    expect(uploader.shadowRoot!.querySelector('[name="replaces"]')).to.equal(null);
    expect($<HTMLInputElement>(uploader, 'input[type=file]')!.multiple).to.equal(false);
    await expect(uploader).to.be.accessible();
    await chooseAndSend(uploader, 'Résumé patient\nv2\n', 'v2.txt');
    await waitUntil(() => stored(RESUME)?.status === 'superseded', 'not superseded', {
      timeout: 8000,
    });
    expect(replaced).to.deep.equal([RESUME]);
    await waitUntil(() => $(actions, '#replace-dialog') === null, 'the dialog stayed');
    const newest = sandbox()
      .server.store.documentsOf(MARIE)
      .find((d) => d.relatesTo?.some((r) => r.target.reference === `DocumentReference/${RESUME}`));
    expect(newest?.status).to.equal('current');
    // The viewer's `user-name` is the new version's author name, as readers see it.
    expect(newest?.author?.map((a) => a.display)).to.include('Dr Paul Weber');
  });

  it('explains a refusal of the server in the row, keeping what was entered', async () => {
    const { client, replaced } = spiedClientAs(users.muller);
    // Without her organisation, Dr Muller is offered nothing on the CHL's letter…
    const plain = await viewer(client, { patient: LUCIEN, user: `Practitioner/${users.muller}` });
    expect($(await actionsOf(plain, LETTER), 'button[name="replace"]')).to.equal(null);
    plain.remove();
    // …with it, the actions; this server lets the author alone replace.
    const el = await viewer(client, {
      patient: LUCIEN,
      user: `Practitioner/${users.muller}`,
      organization: 'Organization/chl',
    });
    const actions = await actionsOf(el, LETTER);
    const uploader = await openReplace(actions);
    await chooseAndSend(uploader, 'Lettre de sortie\nv2\n', 'v2.txt');
    const error = await waitUntil(() => $(uploader, '[part~="row"] [part="error"]'), 'no error', {
      timeout: 8000,
    });
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('The new version was not sent');
    expect(error.textContent).to.contain('Seul l’auteur du document peut le remplacer.');
    expect(replaced).to.deep.equal([LETTER]);
    // Nothing entered is lost: the row, its values and its retry stay, in the open dialog.
    const row = $(uploader, '[part~="row"]')!;
    expect(row.querySelector<HTMLInputElement>('[name="title"]')!.value).to.equal(
      'Lettre de sortie — service de gériatrie',
    );
    expect(row.querySelector('button[name="retry"]')).to.not.equal(null);
    expect($<HTMLDialogElement>(actions, '#replace-dialog')!.open).to.equal(true);
    expect(stored(LETTER)?.status).to.equal('current');
    await expect(uploader).to.be.accessible();
  });

  it('cancels the replacement: the dialog closes, nothing is sent, focus goes back', async () => {
    const { client, replaced } = spiedClientAs(users.weber);
    const el = await viewer(client, { patient: MARIE, user: `Practitioner/${users.weber}` });
    const actions = await actionsOf(el, RESUME);
    const before = sandbox().server.store.documentsOf(MARIE).length;
    const uploader = await openReplace(actions);
    const cancelled = new Promise<Event>((resolve) => {
      uploader.addEventListener('dsp-replace-cancel', resolve, { once: true });
    });
    const outOfViewer: string[] = [];
    el.addEventListener('dsp-replace-cancel', (e) => outOfViewer.push(e.detail.documentId));
    $(uploader, 'button[name="cancel-replace"]')!.click();
    const event = (await cancelled) as Event & { detail: { documentId: string } };
    expect(event.detail.documentId).to.equal(RESUME);
    // It leaves the viewer, as the viewer's manifest says.
    expect(outOfViewer).to.deep.equal([RESUME]);
    await waitUntil(() => $(actions, '#replace-dialog') === null, 'the dialog stayed');
    await waitUntil(() => actions.shadowRoot!.activeElement?.getAttribute('name') === 'replace');
    expect(replaced).to.deep.equal([]);
    expect(sandbox().server.store.documentsOf(MARIE).length).to.equal(before);
    expect(stored(RESUME)?.status).to.equal('current');
  });
});
