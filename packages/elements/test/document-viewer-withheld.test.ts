// <dsp-document-viewer> against the mock DSP server: the notice of documents the rules withheld,
// the mark of what the patient masked, and an uploaded document dated by its act.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { accessSummary, documentTypeOf, DspClient, sha1Base64 } from '@dsp-kit/fhir';
import type { DocumentReference } from '@dsp-kit/fhir';
import { defaultProfessionMatrix, fixtures, mockToken } from '@dsp-kit/mock';
import { staticTokenProvider } from '@dsp-kit/auth';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import { setViewport } from '@web/test-runner-commands';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import './resize-observer-notice.js';
import { createItem } from '../src/document-uploader/upload-item.js';
import { submissionOf } from '../src/document-uploader/upload-send.js';

const { patients, documents, users, practitioners, consents } = fixtures;

// What Marc Thill, physiotherapist, may read of Marie's DSP, worked out from the fixtures (her
// documents, her Consent read by the client's helper) and the profession matrix.
const marie: DocumentReference[] = Object.values(documents).filter(
  (d) => d.subject?.reference === `Patient/${patients.marie.id}`,
);
const masked = new Set(accessSummary(consents.marie).maskedDocuments);
const physioReads = new Set(defaultProfessionMatrix.kinesitherapeute);
const readable = (d: DocumentReference) => physioReads.has(documentTypeOf(d.type)?.code ?? '');
const physio = {
  sees: marie.filter((d) => !masked.has(d.id ?? '') && readable(d)),
  withheld: marie.filter((d) => !masked.has(d.id ?? '') && !readable(d)),
};

let sandbox: Sandbox;

before(async () => {
  sandbox = await startSandbox();
  // A window tall enough for every row of Marie's DSP: the virtualized list renders the rows in
  // the window and a margin beyond, and these tests read all of them.
  await setViewport({ width: 800, height: 1600 });
});
afterEach(async () => {
  await sandbox.reset();
});
after(() => sandbox.stop());

function clientOf(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

function part(el: Element, name: string): HTMLElement | null {
  return el.shadowRoot!.querySelector(`[part~="${name}"]`);
}

/** Marie's DSP as `user` sees it, once its rows are shown. */
async function viewerAs(user: string): Promise<DspDocumentViewer> {
  const el = await fixture<DspDocumentViewer>(
    html`<dsp-document-viewer
      .client=${clientOf(user)}
      patient=${patients.marie.id}
    ></dsp-document-viewer>`,
  );
  el.style.setProperty('--dsp-document-viewer-height', '1000rem');
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="row"]'), 'no row appeared', {
    timeout: 5000,
  });
  return el;
}

function row(el: Element, title: string): HTMLElement {
  const found = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].find(
    (r) => r.querySelector('.title')?.textContent.trim() === title,
  );
  if (!found) throw new Error(`no row "${title}"`);
  return found;
}

/** The header of the inline preview, once it shows a document. */
function previewHeader(el: Element): HTMLElement | null {
  return (
    el
      .shadowRoot!.querySelector('dsp-document-preview')
      ?.shadowRoot?.querySelector<HTMLElement>('[part="header"]') ?? null
  );
}

const marks = (r: Element) =>
  [...r.querySelectorAll('[part~="mark"]')].map((m) => m.textContent.trim());

describe('<dsp-document-viewer> and withheld documents', () => {
  it('tells the physiotherapist how many documents the profession rules withhold', async () => {
    expect(physio.withheld.length).to.be.above(1);
    const el = await viewerAs(users.thill);
    expect(
      [...el.shadowRoot!.querySelectorAll('[part~="row"] .title')]
        .map((t) => t.textContent.trim())
        .sort(),
    ).to.deep.equal(physio.sees.map((d) => d.content[0]?.attachment.title).sort());
    const notice = part(el, 'withheld');
    expect(notice, 'a notice').to.exist;
    expect(notice!.getAttribute('role')).to.equal('status');
    expect(notice!.textContent.trim()).to.equal(
      `${physio.withheld.length} documents de ce DSP ne vous sont pas montrés : votre profession n’a pas accès à leur type.`,
    );
  });

  it('says nothing to a professional who sees every document', async () => {
    const el = await viewerAs(users.weber);
    expect(el.shadowRoot!.querySelectorAll('[part~="row"]').length).to.equal(marie.length);
    expect(part(el, 'withheld')).to.equal(null);
  });

  it('marks for the médecin référent the document the patient masked, and no other', async () => {
    const el = await viewerAs(users.weber);
    expect(marks(row(el, documents.masked.description!))).to.include('Masqué par le patient');
    for (const title of [documents.summary.description!, documents.bloodTest.description!]) {
      expect(marks(row(el, title))).not.to.include('Masqué par le patient');
    }
  });
});

describe('<dsp-document-viewer> and an uploaded document', () => {
  it('shows its act date, its author, and its filing date as such', async () => {
    const bytes = new TextEncoder().encode('Compte rendu opératoire\n');
    const item = createItem(
      new File([bytes], 'cr.txt'),
      { patientMode: false, language: 'fr' },
      { typeCode: 'cr-acte-therapeutique', title: 'Compte rendu opératoire', date: '2024-03-10' },
    );
    item.contentType = 'text/plain';
    item.hash = await sha1Base64(bytes);
    const sent = await clientOf(users.weber).provideDocuments(
      submissionOf(
        item,
        bytes,
        patients.marie.id,
        `Practitioner/${practitioners.weber.id}`,
        '2026-11-26T08:30:00Z',
        'Dr Paul Weber',
      ),
    );
    const el = await viewerAs(users.weber);
    const uploaded = row(el, 'Compte rendu opératoire');
    expect(uploaded.querySelector('time')!.textContent.trim()).to.equal('10 mars 2024');
    expect(uploaded.querySelector('time')!.getAttribute('datetime')).to.equal('2024-03-10');
    expect(uploaded.querySelector('.meta')!.textContent.trim()).to.equal('par Dr Paul Weber');
    expect(uploaded.querySelector('.filed')!.textContent.trim()).to.equal(
      'déposé le 26 novembre 2026',
    );
    // Filed last, but the oldest act of Marie's DSP: last of the list, newest first.
    expect(marie.every((d) => (d.date ?? '') > '2024-03-11')).to.equal(true);
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="row"]')];
    expect(rows.at(-1)).to.equal(uploaded);

    // The preview's header says the same.
    const id = /DocumentReference\/([^/]+)/.exec(sent.entries[1]?.location ?? '')?.[1] ?? '';
    el.open(id);
    await waitUntil(() => previewHeader(el), 'no preview header', { timeout: 5000 });
    const header = previewHeader(el)!;
    expect(header.querySelector('time')!.textContent.trim()).to.equal('10 mars 2024');
    expect(header.textContent).to.include('Date de l’acte');
    expect(header.textContent).to.include('déposé le 26 novembre 2026');
    expect(header.textContent).to.include('par Dr Paul Weber');
  });
});
