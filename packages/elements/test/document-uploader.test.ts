// <dsp-document-uploader> against the mock DSP server (msw's real service worker): the happy
// paths of a professional and a patient, the API (add, submit, clear), its events, replacement,
// the host's facility defaults, and a viewer on the same page showing the new document.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DspValidationError } from '@dsp-kit/fhir';
import { hashFile, lastHashedIn } from '../src/document-uploader/hash.js';
import type {
  DspDocumentUploadedEvent,
  DspUploadProgressEvent,
} from '../src/document-uploader/document-uploader.events.js';
import { MissingClientError } from '../src/base/error-message.js';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import type { DspDocumentViewer } from '../src/define/dsp-document-viewer.js';
import '../src/define/dsp-document-viewer.js';
import {
  as,
  chooseType,
  choose,
  documentCount,
  enter,
  field,
  otherPdf,
  patients,
  pdf,
  pdfFile,
  problemAt,
  rows,
  select,
  sandbox,
  settled,
  statusOf,
  storedFor,
  uploader,
  users,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

function collect<E extends Event>(el: EventTarget, type: string): E[] {
  const events: E[] = [];
  el.addEventListener(type, (event) => events.push(event as E));
  return events;
}

describe('<dsp-document-uploader>', () => {
  for (const queueUser of [undefined, 'paul-weber'] as const) {
    it(`never sends a patient’s files into another’s DSP when the patient changes (${queueUser ? 'stored queue' : 'in memory'})`, async () => {
      const el = await uploader(queueUser ? { queueUser } : {});
      const id = await el.add(pdfFile(), { typeCode: 'resume-patient', title: 'Pour Marie' });
      const lucien = () => sandbox().server.store.documentsOf(patients.lucien.id).length;
      const lucienBefore = lucien();

      el.patient = patients.lucien.id;
      await el.updateComplete;
      expect(rows(el)).to.have.length(0);
      expect(await el.submit()).to.deep.equal([]);
      expect(lucien()).to.equal(lucienBefore);

      // Back on Marie: her file is there again, and goes to her DSP.
      el.patient = patients.marie.id;
      await waitUntil(() => rows(el).length === 1, 'Marie’s file did not come back');
      await settled(el);
      const [result] = await el.submit();
      expect(result).to.include({ id, status: 'sent' });
      expect(storedFor(id)).to.have.length(1);
      expect(lucien()).to.equal(lucienBefore);
    });
  }

  it('hashes in a worker, in slices, with progress', async () => {
    const progress: number[] = [];
    const hash = await hashFile(new Blob([pdf.bytes as BlobPart]), {
      chunkSize: 100,
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(hash).to.equal(pdf.sha1Base64);
    expect(lastHashedIn).to.equal('worker');
    expect(progress.length).to.be.greaterThan(1);
    expect(progress.at(-1)).to.equal(pdf.size);
  });

  it('is accessible and says so when empty', async () => {
    const el = await uploader();
    expect(el.shadowRoot!.querySelector('[part~="empty"]')?.textContent).to.contain('No file');
    await expect(el).to.be.accessible();
  });

  it('sends a professional’s PDF with its metadata and hash; events say so with ids only', async () => {
    const el = await uploader();
    const progress = collect<DspUploadProgressEvent>(el, 'dsp-upload-progress');
    choose(el, pdfFile('bilan sanguin.pdf'));
    await settled(el);
    const [row] = rows(el);
    expect(statusOf(row!)).to.equal('invalid'); // no type yet
    expect(field(row!, 'title').value).to.equal('bilan sanguin');
    await chooseType(el, row!, 'cr-acte-diagnostique');
    expect(field(row!, 'type').value).to.equal('Diagnostic procedure reports');
    expect(row!.querySelector('output[name="class"]')?.textContent.trim()).to.equal('Report');
    await enter(el, row!, 'date', '2026-11-20');
    const conf = select(row!, 'confidentiality');
    conf.value = 'R';
    conf.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(statusOf(row!)).to.equal('ready');
    await expect(el).to.be.accessible();

    const uploaded = oneEvent<DspDocumentUploadedEvent>(el, 'dsp-document-uploaded');
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[name="send"]')!.click();
    const event = await uploaded;
    await settled(el);
    // Sent from the panel: the row gives way to the summary of the documents sent.
    expect(rows(el)).to.have.length(0);
    const item = el.items[0]!;
    expect(item.status).to.equal('sent');
    expect(event.detail).to.deep.equal({
      id: item.documentUuid,
      documentId: item.documentId,
      masterIdentifier: `urn:uuid:${item.documentUuid}`,
      patientId: patients.marie.id,
    });
    expect(event.detail.documentId).to.be.a('string');
    expect(event.bubbles && event.composed).to.equal(true);

    const [stored] = storedFor(item.documentUuid);
    expect(stored, 'stored document').to.exist;
    expect(stored!.id).to.equal(event.detail.documentId);
    const attachment = stored!.content[0]!.attachment;
    expect(attachment.contentType).to.equal('application/pdf');
    expect(attachment.hash).to.equal(pdf.sha1Base64);
    expect(attachment.size).to.equal(pdf.size);
    expect(attachment.title).to.equal('bilan sanguin');
    expect(stored!.type?.coding?.[0]?.code).to.equal('cr-acte-diagnostique');
    expect(stored!.category?.[0]?.coding?.[0]?.code).to.equal('compte-rendu');
    expect(stored!.securityLabel?.[0]?.coding?.[0]?.code).to.equal('R');
    expect(stored!.context?.period?.start).to.equal('2026-11-20');
    // The author is contained (MHD Comprehensive): a role of the practitioner who sent it.
    const author = stored!.contained?.find(
      (r) => `#${r.id ?? ''}` === stored!.author?.[0]?.reference,
    );
    expect(author?.resourceType === 'PractitionerRole' && author.practitioner?.reference).to.equal(
      'Practitioner/paul-weber',
    );

    // Progress: the hashing phase reaches the file's size, the sending phase its request's.
    const hashing = progress.filter((e) => e.detail.phase === 'hashing');
    const sending = progress.filter((e) => e.detail.phase === 'sending');
    expect(hashing.at(-1)!.detail).to.deep.equal({
      id: item.documentUuid,
      phase: 'hashing',
      loaded: pdf.size,
      total: pdf.size,
    });
    expect(sending.length).to.be.greaterThan(0);
    const last = sending.at(-1)!.detail;
    expect(last.loaded).to.equal(last.total);
    expect(last.total).to.be.greaterThan(pdf.size);
    for (const e of progress)
      expect(Object.keys(e.detail).sort()).to.deep.equal(['id', 'loaded', 'phase', 'total']);
    const loads = sending.map((e) => e.detail.loaded);
    expect([...loads].sort((a, b) => a - b)).to.deep.equal(loads);
    await expect(el).to.be.accessible();
  });

  it('shows upload progress while sending, up to the whole request', async () => {
    const el = await uploader();
    await el.add(pdfFile(), { typeCode: 'resume-patient' });
    const [row] = rows(el);
    // The mock answers 1.5 s late: long enough to see the row while it is sent.
    sandbox().useScenario('slowNetwork');
    const sending = el.submit();
    await waitUntil(() => row!.querySelector('progress'), 'no progress bar while sending');
    expect(statusOf(row!)).to.equal('sending');
    expect(row!.querySelector('progress')!.getAttribute('aria-label')).to.equal('Upload progress');
    expect(field(row!, 'title').disabled).to.equal(true);
    expect(row!.querySelector('button[name="cancel"]')).to.exist;
    expect(row!.querySelector('button[name="remove"]')).to.equal(null);
    await expect(el).to.be.accessible();
    const [result] = await sending;
    await el.updateComplete;
    const item = el.items[0]!;
    expect(result).to.deep.equal({
      id: item.documentUuid,
      status: 'sent',
      documentId: item.documentId,
    });
    expect(statusOf(row!)).to.equal('sent');
    expect(item.uploaded).to.equal(item.uploadTotal);
    expect(row!.querySelector('progress')).to.equal(null);
  });

  it('lets a patient add her own notes: the type is fixed, no masks, she is the author', async () => {
    const el = await uploader({ user: users.marie, mode: 'patient' });
    const text = new TextEncoder().encode('Questions pour ma prochaine consultation\n');
    choose(el, new File([text], 'questions.txt'));
    await settled(el);
    const [row] = rows(el);
    const type = field(row!, 'type');
    expect(type.readOnly).to.equal(true);
    expect(type.value).to.equal("Patient's own notes");
    expect(row!.querySelector('[role="combobox"]')).to.equal(null);
    expect(row!.querySelector('input[name="masked"]')).to.equal(null);
    expect(row!.querySelector('input[name="hidden"]')).to.equal(null);
    expect(statusOf(row!)).to.equal('ready');
    await expect(el).to.be.accessible();
    const [result] = await el.submit();
    expect(result!.status).to.equal('sent');
    expect(statusOf(row!)).to.equal('sent');
    const [stored] = storedFor(el.items[0]!.documentUuid);
    expect(stored!.type?.coding?.[0]?.code).to.equal('expression-titulaire');
    // The author is contained (MHD Comprehensive): the patient, linked to her record.
    const author = stored!.contained?.find(
      (r) => `#${r.id ?? ''}` === stored!.author?.[0]?.reference,
    );
    expect(author?.resourceType === 'Patient' && author.link?.[0]?.other.reference).to.equal(
      `Patient/${patients.marie.id}`,
    );
    expect(stored!.content[0]!.attachment.contentType).to.equal('text/plain');
    await expect(el).to.be.accessible();
  });

  it('add() takes the host’s metadata and runs the picker’s checks; submit() says how each file ended', async () => {
    const el = await uploader();
    const id = await el.add(otherPdf('ordonnance.pdf'), {
      typeCode: 'traitements-prescrits',
      title: 'Ordonnance du 20 novembre',
      date: '2026-11-20',
      confidentiality: 'V',
      language: 'de',
    });
    const bad = await el.add(new File(['MZ\x90\x00 this is a program'], 'facture.pdf'), {
      typeCode: 'resume-patient',
    });
    expect(el.items.map((i) => i.documentUuid)).to.deep.equal([id, bad]);
    const [good, program] = rows(el);
    expect(field(good!, 'type').value).to.equal('Prescribed treatments');
    expect(field(good!, 'title').value).to.equal('Ordonnance du 20 novembre');
    expect(field(good!, 'date').value).to.equal('2026-11-20');
    expect(select(good!, 'confidentiality').value).to.equal('V');
    expect(select(good!, 'language').value).to.equal('de');
    expect(statusOf(good!)).to.equal('ready');
    expect(statusOf(program!)).to.equal('invalid');

    const before = documentCount();
    const results = await el.submit();
    expect(results.map((r) => [r.id, r.status])).to.deep.equal([
      [id, 'sent'],
      [bad, 'invalid'],
    ]);
    expect(results[0]!.documentId).to.be.a('string');
    expect(documentCount()).to.equal(before + 1);
    expect(storedFor(id)[0]!.content[0]!.attachment.language).to.equal('de');
    expect(storedFor(bad)).to.have.length(0);

    // Sent rows are not sent again: the next submit() speaks of the others only.
    expect((await el.submit()).map((r) => r.id)).to.deep.equal([bad]);
    expect(documentCount()).to.equal(before + 1);
  });

  it('add() refuses what is not a file; submit() without a client, patient or author says so', async () => {
    const el = await uploader();
    let error: unknown;
    await el.add('bilan.pdf' as unknown as File).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
    expect(el.items).to.have.length(0);

    el.patient = undefined;
    await el.updateComplete;
    error = await el.submit().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DspValidationError);
    expect((error as DspValidationError).field).to.equal('patient');
    await expect(el).to.be.accessible();

    const lone = await fixture<DspDocumentUploader>(
      html`<dsp-document-uploader
        patient="marie-schmit"
        author="Practitioner/x"
      ></dsp-document-uploader>`,
    );
    error = await lone.submit().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(MissingClientError);
  });

  it('clear() removes every file not being sent, from the list and the stored queue', async () => {
    const el = await uploader({ queueUser: 'sub-weber' });
    await el.add(otherPdf(), { typeCode: 'resume-patient' });
    await el.add(otherPdf());
    await el.add(otherPdf(), { typeCode: 'resume-patient' });
    const [, , third] = rows(el);
    sandbox().useScenario('slowNetwork');
    const sending = el.submit();
    await waitUntil(() => statusOf(third!) === 'sending' || statusOf(rows(el)[0]!) === 'sending');
    const inFlight = el.items.filter((i) => i.status === 'sending').map((i) => i.documentUuid);
    expect(inFlight.length).to.be.greaterThan(0);
    await el.clear();
    expect(el.items.map((i) => i.documentUuid)).to.deep.equal(inFlight);
    await expect(el).to.be.accessible();
    await sending;
    await el.queueStored();
    el.remove();
    // Nothing left to restore: the cleared files were deleted, the sent ones forgotten.
    const again = await uploader({ queueUser: 'sub-weber' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(again.items).to.have.length(0);
  });

  it('sends a replacement set by the host: shown read-only, related to the one it replaces', async () => {
    const el = await uploader();
    const first = await el.add(otherPdf('compte-rendu.pdf'), { typeCode: 'rapport-medical' });
    const [sent] = await el.submit();
    const replaced = sent!.documentId!;
    expect(replaced).to.be.a('string');
    el.replaces = replaced;
    el.replacesTitle = 'Compte rendu';
    const second = await el.add(otherPdf('compte-rendu corrigé.pdf'), {
      typeCode: 'rapport-medical',
    });
    await el.updateComplete;
    const row = rows(el)[1]!;
    // No field to type an id: the row says which document it replaces, and is described by it.
    expect(row.querySelector('[name="replaces"]')).to.equal(null);
    const note = row.querySelector('[data-note="replaces"]')!;
    expect(note.textContent?.trim()).to.equal('New version of “Compte rendu”.');
    expect(row.getAttribute('aria-describedby')).to.contain(note.id);
    await expect(el).to.be.accessible();
    const results = await el.submit();
    expect(results.map((r) => r.status)).to.deep.equal(['sent']);
    const [stored] = storedFor(second);
    expect(stored!.relatesTo).to.deep.equal([
      { code: 'replaces', target: { reference: `DocumentReference/${replaced}` } },
    ]);
    expect(storedFor(first)[0]!.status).to.equal('superseded');
  });

  it('says a host’s replacement id is not valid, at the row, and sends nothing', async () => {
    const el = await uploader();
    el.replaces = 'not a document id';
    await el.add(otherPdf('compte-rendu.pdf'), { typeCode: 'rapport-medical' });
    await el.updateComplete;
    const row = rows(el)[0]!;
    const before = documentCount();
    expect((await el.submit()).map((r) => r.status)).to.deep.equal(['invalid']);
    await el.updateComplete;
    const problem = row.querySelector('[id$="-replaces-problem"]');
    expect(problem?.textContent?.trim()).to.equal('This document id is not valid.');
    expect(row.getAttribute('aria-describedby')).to.contain(problem!.id);
    expect(documentCount()).to.equal(before);
  });

  it('gives new documents the host’s facility type and practice setting', async () => {
    const el = await uploader();
    const facilityType = {
      system: 'https://dsp-kit.org/fhir/CodeSystem/facility-type',
      code: 'hopital',
      display: 'Hôpital',
    };
    const practiceSetting = {
      system: 'https://dsp-kit.org/fhir/CodeSystem/practice-setting',
      code: 'cardiologie',
      display: 'Cardiologie',
    };
    el.facilityType = facilityType;
    el.practiceSetting = practiceSetting;
    const id = await el.add(otherPdf(), { typeCode: 'cr-acte-diagnostique' });
    const [row] = rows(el);
    expect(row!.querySelector('output[name="facilityType"]')?.textContent).to.equal('Hôpital');
    expect(row!.querySelector('output[name="practiceSetting"]')?.textContent).to.equal(
      'Cardiologie',
    );
    await expect(el).to.be.accessible();
    await el.submit();
    const [stored] = storedFor(id);
    expect(stored!.context?.facilityType?.coding).to.deep.equal([facilityType]);
    expect(stored!.context?.practiceSetting?.coding).to.deep.equal([practiceSetting]);
  });

  it('works in every language: French by default', async () => {
    const el = await fixture<DspDocumentUploader>(
      html`<dsp-document-uploader
        .client=${as(users.weber)}
        patient=${patients.marie.id}
        author="Practitioner/paul-weber"
      ></dsp-document-uploader>`,
    );
    await el.add(new File([], 'vide.pdf'));
    const [row] = rows(el);
    expect(problemAt(row!, 'file')).to.equal('Ce fichier est vide.');
    el.lang = 'de';
    await el.updateComplete;
    expect(problemAt(row!, 'file')).to.equal('Diese Datei ist leer.');
    el.lang = 'lb';
    await el.updateComplete;
    expect(problemAt(row!, 'file')).to.equal('Dëse Fichier ass eidel.');
  });

  it('lets a viewer on the same page show the new document, without a reload', async () => {
    const client = as(users.weber);
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <dsp-document-viewer .client=${client} patient=${patients.marie.id} lang="en">
        </dsp-document-viewer>
        <dsp-document-uploader
          .client=${client}
          patient=${patients.marie.id}
          author="Practitioner/paul-weber"
          lang="en"
          retries="0"
        ></dsp-document-uploader>
      </div>`,
    );
    const viewer = page.querySelector<DspDocumentViewer>('dsp-document-viewer')!;
    const el = page.querySelector<DspDocumentUploader>('dsp-document-uploader')!;
    // The host's wiring, as in the sandbox: a stored document refreshes the viewer.
    el.addEventListener('dsp-document-uploaded', () => {
      viewer.refresh();
    });
    const titles = () =>
      [...viewer.shadowRoot!.querySelectorAll('[part~="row"]')].map((r) => r.textContent);
    await waitUntil(() => titles().length > 0, 'the viewer shows no document', { timeout: 8000 });
    expect(titles().some((t) => t.includes('Lettre de la cardiologue'))).to.equal(false);
    await el.add(otherPdf('lettre.pdf'), {
      typeCode: 'rapport-medical',
      title: 'Lettre de la cardiologue',
    });
    await el.submit();
    await waitUntil(
      () => titles().some((t) => t.includes('Lettre de la cardiologue')),
      'the viewer did not show the new document',
      { timeout: 8000 },
    );
  });
});
