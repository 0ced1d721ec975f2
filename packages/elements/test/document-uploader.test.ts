// <dsp-document-uploader> against the mock DSP server (msw's real service worker): files are
// checked by their bytes, hashed in a worker, sent with their metadata and upload progress,
// retried idempotently, and kept in an IndexedDB queue that survives reloads and lost networks.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { DspCache, kitDatabaseName } from '@dsp-kit/fhir/cache';
import { ifDefined } from 'lit/directives/if-defined.js';
import { fixtures, mockToken, sampleFiles } from '@dsp-kit/mock';
import { startSandbox, type Sandbox } from '@dsp-kit/mock/browser';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import '../src/define/dsp-document-uploader.js';
import type { DspDocumentUploadedEvent } from '../src/document-uploader/uploader.events.js';
import type { DspErrorEvent } from '../src/events.js';
import { hashFile, lastHashedIn } from '../src/document-uploader/hash.js';

const { patients, users } = fixtures;
let sandbox: Sandbox;

const pdf = sampleFiles().find((f) => f.contentType === 'application/pdf')!;
const png = sampleFiles().find((f) => f.contentType === 'image/png')!;

function as(user: string): DspClient {
  return new DspClient({
    baseUrl: sandbox.server.baseUrl,
    tokens: staticTokenProvider(mockToken(user)),
    retry: false,
  });
}

async function uploader(
  options: { user?: string; mode?: string; maxSize?: number; queueUser?: string } = {},
): Promise<DspDocumentUploader> {
  return fixture<DspDocumentUploader>(
    html`<dsp-document-uploader
      .client=${as(options.user ?? users.weber)}
      user=${ifDefined(options.queueUser)}
      patient=${patients.marie.id}
      author=${options.mode === 'patient' ? `Patient/${patients.marie.id}` : 'Practitioner/paul-weber'}
      mode=${options.mode ?? 'professional'}
      max-size=${options.maxSize ?? 20 * 1024 * 1024}
      lang="en"
    ></dsp-document-uploader>`,
  );
}

function choose(el: DspDocumentUploader, ...files: File[]): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
  const dt = new DataTransfer();
  for (const file of files) dt.items.add(file);
  input.files = dt.files;
  input.dispatchEvent(new Event('change'));
}

function rows(el: DspDocumentUploader): HTMLFieldSetElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLFieldSetElement>('[part~="row"]')];
}

async function settled(el: DspDocumentUploader): Promise<void> {
  await waitUntil(
    () => el.items.every((i) => !['checking', 'hashing', 'sending'].includes(i.status)),
    'the files did not settle',
    { timeout: 8000 },
  );
  await el.updateComplete;
}

function statusOf(row: Element): string | undefined {
  return row.querySelector<HTMLElement>('[part~="status"]')?.dataset.status;
}

function problemOf(row: Element, control: Element): string {
  const id = control.getAttribute('aria-describedby') ?? '';
  expect(id, 'aria-describedby').to.not.equal('');
  return row.querySelector(`[id="${id}"]`)?.textContent.trim() ?? '';
}

async function selectType(el: DspDocumentUploader, row: Element, code: string): Promise<void> {
  const select = row.querySelector<HTMLSelectElement>('select[name="type"]')!;
  select.value = code;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

const pdfFile = (name = 'bilan.pdf') =>
  new File([pdf.bytes as BlobPart], name, { type: 'application/pdf' });

before(async () => {
  sandbox = await startSandbox();
});
after(() => sandbox.stop());
beforeEach(async () => {
  await sandbox.reset();
  sandbox.server.clearScenarios();
  // Queues of earlier tests stay in this browser profile otherwise.
  await DspCache.clearAll();
});

describe('<dsp-document-uploader>', () => {
  it('hashes in a worker, in slices, with progress', async () => {
    const progress: number[] = [];
    const hash = await hashFile(new Blob([pdf.bytes as BlobPart]), {
      chunkSize: 100,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(hash).to.equal(pdf.sha1Base64);
    expect(lastHashedIn).to.equal('worker');
    expect(progress.length).to.be.greaterThan(1);
  });

  it('is accessible and says so when empty', async () => {
    const el = await uploader();
    expect(el.shadowRoot!.querySelector('[part~="empty"]')?.textContent).to.contain('No file');
    await expect(el).to.be.accessible();
  });

  it('sends a PDF with its metadata and hash; the server holds it', async () => {
    const el = await uploader();
    choose(el, pdfFile('bilan sanguin.pdf'));
    await settled(el);
    const [row] = rows(el);
    expect(statusOf(row!)).to.equal('invalid'); // no type yet
    expect(row!.querySelector<HTMLInputElement>('input[name="title"]')!.value).to.equal(
      'bilan sanguin',
    );
    await selectType(el, row!, 'cr-acte-diagnostique');
    expect(row!.querySelector('output[name="class"]')?.textContent.trim()).to.equal('Report');
    const date = row!.querySelector<HTMLInputElement>('input[name="date"]')!;
    date.value = '2026-11-20';
    date.dispatchEvent(new Event('change'));
    const conf = row!.querySelector<HTMLSelectElement>('select[name="confidentiality"]')!;
    conf.value = 'R';
    conf.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(statusOf(row!)).to.equal('ready');
    await expect(el).to.be.accessible();

    const uploaded = oneEvent<DspDocumentUploadedEvent>(el, 'dsp-document-uploaded');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[name="send"]')!.click();
    const event = await uploaded;
    await settled(el);
    expect(statusOf(row!)).to.equal('sent');
    const item = el.items[0]!;
    expect(event.detail.masterIdentifier).to.equal(`urn:uuid:${item.documentUuid}`);
    expect(event.detail.patientId).to.equal(patients.marie.id);
    expect(Object.keys(event.detail).sort()).to.deep.equal([
      'documentId',
      'masterIdentifier',
      'patientId',
    ]);

    const stored = sandbox.server.store
      .documentsOf(patients.marie.id)
      .find((d) => d.masterIdentifier?.value === `urn:uuid:${item.documentUuid}`);
    expect(stored, 'stored document').to.exist;
    const attachment = stored!.content[0]!.attachment;
    expect(attachment.contentType).to.equal('application/pdf');
    expect(attachment.hash).to.equal(pdf.sha1Base64);
    expect(attachment.size).to.equal(pdf.size);
    expect(attachment.title).to.equal('bilan sanguin');
    expect(stored!.type?.coding?.[0]?.code).to.equal('cr-acte-diagnostique');
    expect(stored!.securityLabel?.[0]?.coding?.[0]?.code).to.equal('R');
    expect(stored!.context?.period?.start).to.equal('2026-11-20');
    await expect(el).to.be.accessible();
  });

  it('refuses a .pdf-named HTML file, an empty file and one over the limit, each at its row', async () => {
    const el = await uploader({ maxSize: 100 });
    const html = new TextEncoder().encode('<!doctype html><p>not a PDF</p>\u0000');
    choose(
      el,
      new File([html], 'fake.pdf', { type: 'application/pdf' }),
      new File([], 'empty.pdf', { type: 'application/pdf' }),
      pdfFile('big.pdf'),
    );
    await settled(el);
    const [fake, empty, big] = rows(el);
    for (const row of [fake!, empty!, big!]) {
      expect(statusOf(row)).to.equal('invalid');
      expect(row.getAttribute('aria-invalid')).to.equal('true');
    }
    expect(problemOf(fake!, fake!)).to.contain('not a PDF');
    expect(problemOf(empty!, empty!)).to.equal('This file is empty.');
    expect(problemOf(big!, big!)).to.contain('size limit');
    await expect(el).to.be.accessible();
  });

  it('flags the same file added twice', async () => {
    const el = await uploader();
    choose(el, pdfFile('a.pdf'));
    await settled(el);
    choose(el, pdfFile('b.pdf'));
    await settled(el);
    const [, second] = rows(el);
    expect(problemOf(second!, second!)).to.equal('This file is already in the list.');
  });

  it('refuses masked and hidden together, at the flags', async () => {
    const el = await uploader();
    choose(el, new File([png.bytes as BlobPart], 'radio.png'));
    await settled(el);
    const [row] = rows(el);
    await selectType(el, row!, 'resume-patient');
    for (const name of ['masked', 'hidden']) {
      const box = row!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
      box.checked = true;
      box.dispatchEvent(new Event('change'));
    }
    await el.updateComplete;
    const masked = row!.querySelector('input[name="masked"]')!;
    expect(masked.getAttribute('aria-invalid')).to.equal('true');
    expect(problemOf(row!, masked)).to.contain('cannot be both');
    expect(statusOf(row!)).to.equal('invalid');
    await expect(el).to.be.accessible();
  });

  it('fixes the type in patient mode, and the mock accepts it', async () => {
    const el = await uploader({ user: users.marie, mode: 'patient' });
    const text = new TextEncoder().encode('Questions pour ma prochaine consultation\n');
    choose(el, new File([text], 'questions.txt'));
    await settled(el);
    const [row] = rows(el);
    expect(row!.querySelector('select[name="type"]')).to.equal(null);
    expect(row!.querySelector('input[name="masked"]')).to.equal(null);
    expect(row!.querySelector('output[name="type"]')?.textContent).to.contain(
      "Patient's own notes",
    );
    expect(statusOf(row!)).to.equal('ready');
    await el.send();
    expect(statusOf(row!)).to.equal('sent');
    await expect(el).to.be.accessible();
  });

  it('retries with the same identifiers after a lost answer: one document on the server', async () => {
    const el = await uploader();
    choose(el, pdfFile());
    await settled(el);
    const [row] = rows(el);
    await selectType(el, row!, 'resume-patient');
    const before = sandbox.server.store.documentsOf(patients.marie.id).length;
    sandbox.server.useScenario('lostResponseAfterWrite');
    const failed = oneEvent<DspErrorEvent>(el, 'dsp-error');
    await el.send();
    expect((await failed).detail.kind).to.equal('network');
    await el.updateComplete;
    expect(statusOf(row!)).to.equal('failed');
    expect(row!.querySelector('[part~="error"]')).to.exist;
    expect(row!.querySelector<HTMLInputElement>('input[name="title"]')!.value).to.equal('bilan');
    await expect(el).to.be.accessible();
    row!.querySelector<HTMLButtonElement>('button[name="retry"]')!.click();
    await settled(el);
    expect(statusOf(row!)).to.equal('sent');
    expect(sandbox.server.store.documentsOf(patients.marie.id).length).to.equal(before + 1);
  });

  it('shows upload progress while sending, up to the whole request', async () => {
    const el = await uploader();
    choose(el, pdfFile());
    await settled(el);
    const [row] = rows(el);
    await selectType(el, row!, 'resume-patient');
    // The mock answers 1.5 s late: long enough to see the row while it is sent.
    sandbox.useScenario('slowNetwork');
    const sending = el.send();
    await waitUntil(() => row!.querySelector('progress'), 'no progress bar while sending');
    expect(statusOf(row!)).to.equal('sending');
    expect(row!.querySelector('progress')!.getAttribute('aria-label')).to.equal('Upload progress');
    await expect(el).to.be.accessible();
    await sending;
    await el.updateComplete;
    const item = el.items[0]!;
    expect(statusOf(row!)).to.equal('sent');
    expect(item.uploadTotal).to.be.greaterThan(pdf.size);
    expect(item.uploaded).to.equal(item.uploadTotal);
    expect(row!.querySelector('progress')).to.equal(null);
  });

  it('keeps a file whose send found no network, and sends it once when back online', async () => {
    const el = await uploader({ queueUser: 'sub-weber' });
    choose(el, pdfFile());
    await settled(el);
    const [row] = rows(el);
    await selectType(el, row!, 'resume-patient');
    const before = sandbox.server.store.documentsOf(patients.marie.id).length;
    sandbox.useScenario('offline');
    await el.send();
    await el.updateComplete;
    expect(statusOf(row!)).to.equal('failed');
    const status = row!.querySelector('[part~="status"]')!;
    expect(status.getAttribute('role')).to.equal('status');
    expect(status.textContent).to.contain('Waiting for the network');
    expect(row!.querySelector<HTMLInputElement>('input[name="title"]')!.value).to.equal('bilan');
    await expect(el).to.be.accessible();

    sandbox.clearScenario();
    const uploaded = oneEvent<DspDocumentUploadedEvent>(el, 'dsp-document-uploaded');
    window.dispatchEvent(new Event('online'));
    await uploaded;
    await settled(el);
    expect(statusOf(row!)).to.equal('sent');
    expect(sandbox.server.store.documentsOf(patients.marie.id).length).to.equal(before + 1);
  });

  it('waits without trying while the browser is offline, then sends on `online`', async () => {
    const el = await uploader();
    choose(el, pdfFile());
    await settled(el);
    const [row] = rows(el);
    await selectType(el, row!, 'resume-patient');
    const before = sandbox.server.store.documentsOf(patients.marie.id).length;
    Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
    try {
      await el.send();
      await el.updateComplete;
      expect(statusOf(row!)).to.equal('waiting');
      expect(row!.querySelector('[part~="status"]')!.textContent).to.contain(
        'Waiting for the network',
      );
      await expect(el).to.be.accessible();
    } finally {
      // Back to the prototype's getter.
      delete (navigator as { onLine?: boolean }).onLine;
    }
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => el.items[0]?.status === 'sent', 'not sent when back online');
    expect(sandbox.server.store.documentsOf(patients.marie.id).length).to.equal(before + 1);
  });

  it('lists the queue again after a reload, same identifiers and metadata, and sends it once', async () => {
    const first = await uploader({ queueUser: 'sub-weber' });
    choose(first, pdfFile());
    await settled(first);
    const [row] = rows(first);
    await selectType(first, row!, 'resume-patient');
    const title = row!.querySelector<HTMLInputElement>('input[name="title"]')!;
    title.value = 'Bilan de juin';
    title.dispatchEvent(new Event('input'));
    const { documentUuid, submissionUuid } = first.items[0]!;
    await first.queueStored();
    first.remove();

    const el = await uploader({ queueUser: 'sub-weber' });
    await waitUntil(() => el.items.length === 1, 'the queue was not restored');
    await settled(el);
    const [again] = rows(el);
    expect(el.items[0]!.documentUuid).to.equal(documentUuid);
    expect(el.items[0]!.submissionUuid).to.equal(submissionUuid);
    expect(again!.querySelector<HTMLInputElement>('input[name="title"]')!.value).to.equal(
      'Bilan de juin',
    );
    expect(again!.querySelector<HTMLSelectElement>('select[name="type"]')!.value).to.equal(
      'resume-patient',
    );
    expect(statusOf(again!)).to.equal('ready');
    await expect(el).to.be.accessible();
    await el.send();
    expect(statusOf(again!)).to.equal('sent');
    const stored = sandbox.server.store
      .documentsOf(patients.marie.id)
      .filter((d) => d.masterIdentifier?.value === `urn:uuid:${documentUuid}`);
    expect(stored).to.have.length(1);
    await el.queueStored();
    el.remove();

    // A sent file has left the queue; another user's queue is their own.
    const later = await uploader({ queueUser: 'sub-weber' });
    const other = await uploader({ queueUser: 'sub-someone-else' });
    choose(other, pdfFile('other.pdf'));
    await other.queueStored();
    await new Promise((r) => setTimeout(r, 200));
    expect(later.items).to.have.length(0);
  });

  it('after a reload, sends by itself a file the network had stopped', async () => {
    const first = await uploader({ queueUser: 'sub-weber' });
    choose(first, pdfFile());
    await settled(first);
    await selectType(first, rows(first)[0]!, 'resume-patient');
    const { documentUuid } = first.items[0]!;
    sandbox.useScenario('offline');
    await first.send();
    expect(first.items[0]!.status).to.equal('failed');
    await first.queueStored();
    first.remove();
    sandbox.clearScenario();

    const el = await uploader({ queueUser: 'sub-weber' });
    await waitUntil(() => el.items[0]?.status === 'sent', 'the restored file was not sent', {
      timeout: 8000,
    });
    const stored = sandbox.server.store
      .documentsOf(patients.marie.id)
      .filter((d) => d.masterIdentifier?.value === `urn:uuid:${documentUuid}`);
    expect(stored).to.have.length(1);
  });

  it('DspCache.clearAll() deletes the queue database', async () => {
    const el = await uploader({ queueUser: 'sub-weber' });
    choose(el, pdfFile());
    await settled(el);
    await el.queueStored();
    const name = await kitDatabaseName('upload-queue', as(users.weber).baseUrl.href, 'sub-weber');
    const names = async () => (await indexedDB.databases()).map((d) => d.name);
    expect(await names()).to.include(name);
    await DspCache.clearAll();
    expect(await names()).to.not.include(name);
  });
});
