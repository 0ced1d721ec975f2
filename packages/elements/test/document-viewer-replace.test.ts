// The viewer's "Replace with a new version" against the mock, in Chromium: the uploader opened
// from the document's row replaces it through `DspClient.replaceDocument`, says which document it
// replaces (no id to type), explains a refusal of the server with nothing entered lost, cancels
// the replacement, and offers the actions to the author's organisation when the host says so.
import { expect, fixture, html, waitUntil as waitFor } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient, type DocumentReference } from '@dsp-kit/fhir';
import { fixtures, mockToken } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-preview.js';
import '../src/define/dsp-document-uploader.js';
import '../src/document-viewer/document-actions.component.js';
import './resize-observer-notice.js';

const { documents, patients, users } = fixtures;
const MARIE = patients.marie.id;
const LUCIEN = patients.lucien.id;
const RESUME = documents.summary.id;
/** Lucien's discharge letter, written by the CHL as an organisation (where Dr Muller works). */
const LETTER = documents.lucienDischarge.id;

let sandbox: Sandbox;

before(async () => {
  // The author alone replaces here: the host's word that Dr Muller's organisation may act is
  // wrong, and the server says so.
  sandbox = await startSandbox({ policy: { organisationReplaces: false } });
});
afterEach(() => sandbox.reset());
after(() => sandbox.stop());

interface Spied {
  readonly client: DspClient;
  /** The ids `replaceDocument` was called with; the calls go through to the server. */
  readonly replaced: string[];
}

function clientAs(user: string): Spied {
  const client = new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
  const replaced: string[] = [];
  const replaceDocument = client.replaceDocument.bind(client);
  client.replaceDocument = (id, submission, options) => {
    replaced.push(id);
    return replaceDocument(id, submission, options);
  };
  return { client, replaced };
}

async function viewer(
  client: DspClient,
  patient: string,
  user: string,
  organization?: string,
  userName?: string,
): Promise<DspDocumentViewer> {
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer
      .client=${client}
      patient=${patient}
      user=${user}
      user-organization=${organization ?? ''}
      user-name=${userName ?? ''}
      lang="en"
    ></dsp-document-viewer>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"] .title'), 'no row', {
    timeout: 5000,
  });
  return el;
}

/** Waits for `predicate` to give a value, and resolves with it. */
async function waitUntil<T>(
  predicate: () => T | Promise<T>,
  message?: string,
  options?: { timeout?: number },
): Promise<NonNullable<T>> {
  let value: T | undefined;
  await waitFor(
    async () => {
      value = await predicate();
      return Boolean(value);
    },
    message,
    options,
  );
  return value as NonNullable<T>;
}

// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the caller names the element type
function $<T extends Element = HTMLElement>(host: Element, selector: string): T | null {
  return host.shadowRoot!.querySelector<T>(selector);
}

async function actionsOf(el: DspDocumentViewer, id: string): Promise<HTMLElement> {
  el.open(id);
  await el.updateComplete;
  const actions = await waitUntil(
    () => el.shadowRoot!.querySelector('dsp-document-actions'),
    'no actions element',
  );
  await waitUntil(() => actions.shadowRoot?.querySelector('[part="actions"]'), 'no actions');
  return actions;
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

/** Chooses a file in the uploader's picker, as a user does, and waits for it to be sendable. */
async function chooseAndSend(uploader: DspDocumentUploader, text: string): Promise<void> {
  const input = $<HTMLInputElement>(uploader, 'input[type=file]')!;
  const transfer = new DataTransfer();
  transfer.items.add(new File([text], 'v2.txt', { type: 'text/plain' }));
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
  const send = await waitUntil(
    () => {
      const button = $<HTMLButtonElement>(uploader, 'button[name="send"]');
      return button && !button.disabled ? button : undefined;
    },
    'not sendable',
    { timeout: 5000 },
  );
  send.click();
}

function stored(id: string): DocumentReference | undefined {
  return sandbox.server.store.get<DocumentReference>('DocumentReference', id);
}

describe('replace from the document’s row', function () {
  // The uploader loads on demand, then hashes and sends: slow on a loaded machine.
  this.timeout(30_000);

  it('sends the new version through replaceDocument: the old one superseded, said', async () => {
    const { client, replaced } = clientAs(users.weber);
    const el = await viewer(client, MARIE, `Practitioner/${users.weber}`, '', 'Dr Paul Weber');
    const actions = await actionsOf(el, RESUME);
    const uploader = await openReplace(actions);
    // Which document it replaces, read-only; no id to type anywhere.
    expect($(uploader, '[part~="replaces"] p')!.textContent).to.contain('“Résumé patient”');
    expect(uploader.shadowRoot!.querySelector('[name="replaces"]')).to.equal(null);
    expect($<HTMLInputElement>(uploader, 'input[type=file]')!.multiple).to.equal(false);
    await expect(uploader).to.be.accessible();
    await chooseAndSend(uploader, 'Résumé patient\nv2\n');
    await waitUntil(() => stored(RESUME)?.status === 'superseded', 'not superseded', {
      timeout: 8000,
    });
    expect(replaced).to.deep.equal([RESUME]);
    await waitUntil(() => $(actions, '#replace-dialog') === null, 'the dialog stayed');
    const newest = sandbox.server.store
      .documentsOf(MARIE)
      .find((d) => d.relatesTo?.some((r) => r.target.reference === `DocumentReference/${RESUME}`));
    expect(newest?.status).to.equal('current');
    // The viewer's `user-name` is the new version's author name, as readers see it.
    expect(newest?.author?.map((a) => a.display)).to.include('Dr Paul Weber');
  });

  it('explains a refusal of the server in the row, keeping what was entered', async () => {
    const { client, replaced } = clientAs(users.muller);
    // Without her organisation, Dr Muller is offered nothing on the CHL's letter…
    const plain = await viewer(client, LUCIEN, `Practitioner/${users.muller}`);
    expect($(await actionsOf(plain, LETTER), 'button[name="replace"]')).to.equal(null);
    plain.remove();
    // …with it, the actions; this server lets the author alone replace.
    const el = await viewer(client, LUCIEN, `Practitioner/${users.muller}`, 'Organization/chl');
    const actions = await actionsOf(el, LETTER);
    const uploader = await openReplace(actions);
    await chooseAndSend(uploader, 'Lettre de sortie\nv2\n');
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
    const { client, replaced } = clientAs(users.weber);
    const el = await viewer(client, MARIE, `Practitioner/${users.weber}`);
    const actions = await actionsOf(el, RESUME);
    const before = sandbox.server.store.documentsOf(MARIE).length;
    const uploader = await openReplace(actions);
    const cancelled = new Promise<Event>((resolve) => {
      uploader.addEventListener('dsp-replace-cancel', resolve, { once: true });
    });
    $(uploader, 'button[name="cancel-replace"]')!.click();
    const event = (await cancelled) as Event & { detail: { documentId: string } };
    expect(event.detail.documentId).to.equal(RESUME);
    await waitUntil(() => $(actions, '#replace-dialog') === null, 'the dialog stayed');
    await waitUntil(() => actions.shadowRoot!.activeElement?.getAttribute('name') === 'replace');
    expect(replaced).to.deep.equal([]);
    expect(sandbox.server.store.documentsOf(MARIE).length).to.equal(before);
    expect(stored(RESUME)?.status).to.equal('current');
  });
});
