// <dsp-document-uploader> refusing bad input: each problem a specific message at its field
// (aria-invalid, aria-describedby), nothing sent, and nothing the user had entered lost.
import { aTimeout, expect } from '@open-wc/testing';
import { fixtures } from '@dsp-kit/mock';
import {
  as,
  chooseType,
  choose,
  documentCount,
  enter,
  field,
  formValues,
  otherPdf,
  pdfFile,
  png,
  problemAt,
  rows,
  select,
  settled,
  statusOf,
  storedFor,
  tick,
  uploader,
  users,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

const fixtureDocuments = fixtures.documents;

/** A row's metadata as the user entered it, before the file's problem is shown. */
const entered = {
  typeCode: 'rapport-medical',
  title: 'Rapport du Dr Weber',
  date: '2026-11-02',
  confidentiality: 'R',
  language: 'de',
} as const;

function expectEnteredKept(row: Element): void {
  expect(field(row, 'type').value).to.equal('Medical reports');
  expect(field(row, 'title').value).to.equal(entered.title);
  expect(field(row, 'date').value).to.equal(entered.date);
  expect(select(row, 'confidentiality').value).to.equal('R');
  expect(select(row, 'language').value).to.equal('de');
}

/** A refused file shows its name, its problem and Remove: no form to describe it. */
function expectRefusedAlone(row: Element): void {
  expect(row.querySelectorAll('input, select')).to.have.length(0);
  expect(row.querySelector('button[name="remove"]')).to.exist;
}

describe('<dsp-document-uploader> bad input', () => {
  it('refuses a .pdf that is really a Windows program, keeping what was entered', async () => {
    const el = await uploader();
    const program = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0, 0, 0, 0x04, 0, 0, 0]);
    const id = await el.add(
      new File([program], 'facture.pdf', { type: 'application/pdf' }),
      entered,
    );
    const [row] = rows(el);
    expect(statusOf(row!)).to.equal('invalid');
    expect(problemAt(row!, 'file')).to.equal(
      'This file is a program, not a document: it is not accepted, whatever its name.',
    );
    expectRefusedAlone(row!);
    expect(el.items[0]!.metadata.title).to.equal(entered.title);
    await expect(el).to.be.accessible();
    const [result] = await el.submit();
    expect(result).to.deep.equal({ id, status: 'invalid' });
    expect(storedFor(id)).to.have.length(0);
  });

  it('refuses a .pdf that is really a web page, even as valid text', async () => {
    const el = await uploader();
    const page = new TextEncoder().encode('\n<!DOCTYPE html>\n<html><script>alert(1)</script>');
    await el.add(new File([page], 'résultats.pdf', { type: 'application/pdf' }), entered);
    const [row] = rows(el);
    expect(problemAt(row!, 'file')).to.equal(
      'This file is a web page (HTML), not a document: it is not accepted, whatever its name.',
    );
    expect(el.items[0]!.contentType).to.equal('text/html');
    expectRefusedAlone(row!);
    await expect(el).to.be.accessible();
  });

  it('refuses an empty file, a file over the limit, and content neither document nor text', async () => {
    const el = await uploader({ maxSize: 100 });
    choose(
      el,
      new File([], 'empty.pdf', { type: 'application/pdf' }),
      pdfFile('big.pdf'),
      new File([new Uint8Array([0x00, 0x01, 0x02, 0xfe])], 'data.bin'),
    );
    await settled(el);
    const [empty, big, binary] = rows(el);
    for (const row of [empty!, big!, binary!]) expect(statusOf(row)).to.equal('invalid');
    expect(problemAt(empty!, 'file')).to.equal('This file is empty.');
    expect(problemAt(big!, 'file')).to.equal('This file is over the size limit (100 bytes).');
    expect(problemAt(binary!, 'file')).to.equal(
      'This file’s content is not a PDF, a JPEG, PNG or TIFF image, nor text.',
    );
    await expect(el).to.be.accessible();
  });

  it('says the limit in the page’s language and units', async () => {
    const el = await uploader({ maxSize: 2048 * 1024, lang: 'fr' });
    await el.add(new File([new Uint8Array(2048 * 1024 + 1).fill(0x41)], 'long.txt'));
    // CLDR's French for megabytes: "Mo", after a no-break space.
    expect(problemAt(rows(el)[0]!, 'file')).to.match(
      /^Ce fichier dépasse la taille maximale \(2[\s\u00a0\u202f]Mo\)\.$/,
    );
  });

  it('asks for a title for a file with an empty name, and takes one', async () => {
    const el = await uploader();
    await el.add(new File([png.bytes as BlobPart], ''), { typeCode: 'imagerie' });
    const [row] = rows(el);
    expect(row!.querySelector('legend')?.textContent).to.equal('Unnamed file');
    expect(problemAt(row!, 'title')).to.equal('This file has no name: give the document a title.');
    expect(statusOf(row!)).to.equal('invalid');
    await expect(el).to.be.accessible();
    await enter(el, row!, 'title', 'Radio du genou');
    expect(field(row!, 'title').getAttribute('aria-invalid')).to.equal('false');
    expect(statusOf(row!)).to.equal('ready');
    const [result] = await el.submit();
    expect(result!.status).to.equal('sent');
    expect(storedFor(result!.id)[0]!.content[0]!.attachment.title).to.equal('Radio du genou');
  });

  it('refuses a content type the host does not accept', async () => {
    const el = await uploader({ acceptTypes: 'application/pdf' });
    await el.add(new File([png.bytes as BlobPart], 'radio.pdf'), entered);
    const [row] = rows(el);
    expect(el.items[0]!.contentType).to.equal('image/png');
    expect(problemAt(row!, 'file')).to.equal('This type of file is not accepted.');
    expectRefusedAlone(row!);
    await expect(el).to.be.accessible();
  });

  it('asks for the type and the title, and sends nothing without them', async () => {
    const el = await uploader();
    choose(el, otherPdf('scan.pdf'));
    await settled(el);
    const [row] = rows(el);
    await enter(el, row!, 'date', '2026-10-01');
    await enter(el, row!, 'title', '   ');
    expect(problemAt(row!, 'title')).to.equal('Give a title.');
    const before = documentCount();
    const [result] = await el.submit();
    expect(result!.status).to.equal('invalid');
    await el.updateComplete;
    expect(problemAt(row!, 'type')).to.equal('Choose the document type.');
    await expect(el).to.be.accessible();
    expect(documentCount()).to.equal(before);
    expect(field(row!, 'date').value).to.equal('2026-10-01');
    await chooseType(el, row!, 'certificat-medical');
    await enter(el, row!, 'title', 'Certificat');
    expect(statusOf(row!)).to.equal('ready');
  });

  it('refuses a date in the future, and one that does not exist', async () => {
    const el = await uploader();
    const later = new Date();
    later.setDate(later.getDate() + 2);
    const future = `${later.getFullYear()}-${String(later.getMonth() + 1).padStart(2, '0')}-${String(later.getDate()).padStart(2, '0')}`;
    await el.add(otherPdf(), { ...entered, date: future });
    const [row] = rows(el);
    expect(problemAt(row!, 'date')).to.equal('The date of the act cannot be in the future.');
    expect(field(row!, 'title').value).to.equal(entered.title);
    await expect(el).to.be.accessible();
    await el.add(otherPdf(), { ...entered, date: '2026-02-30' });
    expect(problemAt(rows(el)[1]!, 'date')).to.equal(
      'This date does not exist: enter it as dd/mm/yyyy.',
    );
    await enter(el, row!, 'date', '2026-11-01');
    expect(field(row!, 'date').getAttribute('aria-invalid')).to.equal('false');
    expect(statusOf(row!)).to.equal('ready');
  });

  it('refuses masked and hidden together, at the flags', async () => {
    const el = await uploader();
    await el.add(otherPdf(), entered);
    const [row] = rows(el);
    await tick(el, row!, 'masked');
    await tick(el, row!, 'hidden');
    expect(problemAt(row!, 'masked')).to.equal(
      'A document cannot be both masked from professionals and hidden from the patient.',
    );
    expect(problemAt(row!, 'hidden')).to.contain('cannot be both');
    expect(statusOf(row!)).to.equal('invalid');
    expectEnteredKept(row!);
    await expect(el).to.be.accessible();
    await tick(el, row!, 'masked');
    expect(statusOf(row!)).to.equal('ready');
  });

  it('keeps a patient to her own type, through add() too, and lets her put it right', async () => {
    const el = await uploader({ user: users.marie, mode: 'patient' });
    await el.add(otherPdf('résumé.pdf'), {
      typeCode: 'resume-patient',
      title: 'Mon résumé',
      masked: true,
    });
    const [row] = rows(el);
    expect(problemAt(row!, 'type')).to.equal(
      'A patient can only add “Patient’s own notes” documents.',
    );
    expect(field(row!, 'type').value).to.equal('Patient summaries');
    expect(problemAt(row!, 'masked')).to.equal(
      'Only a professional can mask a document or hide it from the patient.',
    );
    // Her list holds her one type only.
    row!.querySelector<HTMLButtonElement>('.combobox .toggle')!.click();
    await el.updateComplete;
    expect(
      [...row!.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.code),
    ).to.deep.equal(['expression-titulaire']);
    await expect(el).to.be.accessible();
    const [result] = await el.submit();
    expect(result!.status).to.equal('invalid');

    row!.querySelector<HTMLButtonElement>('button[name="use-patient-type"]')!.click();
    await el.updateComplete;
    await tick(el, row!, 'masked');
    expect(field(row!, 'type').readOnly).to.equal(true);
    expect(field(row!, 'title').value).to.equal('Mon résumé');
    expect(statusOf(row!)).to.equal('ready');
    expect((await el.submit())[0]!.status).to.equal('sent');
  });

  it('puts the server’s field-level refusal at its field and keeps everything entered', async () => {
    // The host forgot mode="patient": the form offers every type, the server refuses.
    const el = await uploader({ user: users.marie });
    await el.add(otherPdf(), entered);
    const [row] = rows(el);
    await tick(el, row!, 'hidden');
    const before = formValues(row!);
    const failed = el.submit();
    const [result] = await failed;
    await el.updateComplete;
    expect(result!.status).to.equal('failed');
    expect(statusOf(row!)).to.equal('failed');
    expect(problemAt(row!, 'type')).to.equal(
      'A patient adds only documents of type "Expression du titulaire"',
    );
    expect(row!.querySelector('[part~="error"]')?.textContent).to.contain('422');
    expect(formValues(row!)).to.deep.equal(before);
    await expect(el).to.be.accessible();
    // Changing the field answers the server there; the other fields keep their values.
    await chooseType(el, row!, 'expression-titulaire');
    expect(field(row!, 'type').getAttribute('aria-invalid')).to.equal('false');
    expect(field(row!, 'title').value).to.equal(entered.title);
  });

  it('flags the same file added twice', async () => {
    const el = await uploader();
    choose(el, pdfFile('a.pdf'));
    await settled(el);
    choose(el, pdfFile('b.pdf'));
    await settled(el);
    const [, second] = rows(el);
    expect(problemAt(second!, 'file')).to.equal('This file is already in the list.');
  });

  it('flags a file whose content the patient’s DSP already holds, and one just sent', async () => {
    const el = await uploader();
    // The content of one of Marie's documents, as another file name.
    const summary = await as(users.weber).readDocument(fixtureDocuments.summary.id);
    const bytes = await as(users.weber).retrieveContent(summary.content[0]!.attachment);
    await el.add(new File([bytes], 'copie.txt', { type: 'text/plain' }), entered);
    const [row] = rows(el);
    expect(statusOf(row!)).to.equal('invalid');
    expect(problemAt(row!, 'file')).to.equal(
      'This file is already in this patient’s DSP (same content).',
    );
    expectRefusedAlone(row!);
    await expect(el).to.be.accessible();

    // Sent from here, the same content added again is known to be there too.
    const sent = await el.add(otherPdf('nouveau.pdf'), entered);
    const results = await el.submit();
    expect(results.find((r) => r.id === sent)?.status).to.equal('sent');
    const again = el.items.find((i) => i.documentUuid === sent)!.file;
    await el.clear();
    await el.add(new File([again], 'encore.pdf', { type: 'application/pdf' }), entered);
    expect(problemAt(rows(el)[0]!, 'file')).to.equal(
      'This file is already in this patient’s DSP (same content).',
    );
  });

  it('says a typed text is no DSP type, and a type code from add() that is none either', async () => {
    const el = await uploader();
    await el.add(otherPdf(), { typeCode: 'radiographie', title: 'Radio' });
    const [row] = rows(el);
    expect(problemAt(row!, 'type')).to.equal(
      'This type is not one of the 27 DSP types: choose one from the list.',
    );
    const input = field(row!, 'type');
    input.focus();
    input.value = 'radiographie du genou';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    input.blur();
    await aTimeout(0);
    await el.updateComplete;
    expect(input.value).to.equal('radiographie du genou');
    expect(problemAt(row!, 'type')).to.equal(
      '“radiographie du genou” is not a DSP type: choose one from the list.',
    );
    expect(field(row!, 'title').value).to.equal('Radio');
    await expect(el).to.be.accessible();
  });
});
