// <dsp-document-uploader> with CDA documents: real ones (ANS's CI-SIS test contents, see
// cda/fixtures/README.md) whose recordTarget is edited here to name the uploader's patient, or
// another: the form prefilled from the header, a document about another patient refused, one whose
// patient cannot be compared sent with a warning, the IHE format code sent, hostile XML refused.
import { expect, waitUntil } from '@open-wc/testing';
import { documentTypeByCode, label } from '@dsp-kit/fhir';
import type { DspDocumentUploader } from '../src/define/dsp-document-uploader.js';
import { cdaFixture } from './document-preview-cda.helpers.js';
import {
  choose,
  documentCount,
  enter,
  field,
  otherPdf,
  patients,
  problemAt,
  rows,
  select,
  settled,
  statusOf,
  storedFor,
  uploader,
  useSandbox,
} from './document-uploader.helpers.js';

useSandbox();

/** The kit's matricule system, which the hand-made showcase names its patient with. */
const MATRICULE_ROOT = 'https://dsp-kit.org/fhir/NamingSystem/matricule';

function matriculeOf(patient: { identifier?: { system?: string; value?: string }[] }): string {
  const value = patient.identifier?.find((i) => i.system === MATRICULE_ROOT)?.value;
  if (!value) throw new Error('The fixture patient has no matricule');
  return value;
}

const marie = matriculeOf(patients.marie);
const lucien = matriculeOf(patients.lucien);

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** `text` with `from` replaced once; fails when the fixture does not hold it. */
function edit(text: string, from: string, to: string): string {
  expect(text.includes(from), `the fixture holds ${from}`).to.equal(true);
  return text.replace(from, to);
}

/** The lab report's patient id (a French INS-NIR) as the ANS fixture writes it. */
const LAB_INS = '<id extension="279035121518989" root="1.2.250.1.213.1.4.10"/>';

/** ANS's lab report (XD-LAB) with a matricule id added before its INS in `patientRole`. */
async function labReportFor(matricule: string | undefined): Promise<File> {
  let text = decode(await cdaFixture('lab-report.xml'));
  if (matricule)
    text = edit(text, LAB_INS, `<id root="${MATRICULE_ROOT}" extension="${matricule}"/>${LAB_INS}`);
  return new File([text], 'compte-rendu-bio.xml', { type: 'text/xml' });
}

/** The showcase (the kit's matricule root) naming `matricule` instead of its own. */
async function showcaseFor(matricule: string): Promise<File> {
  const text = edit(
    decode(await cdaFixture('narrative-showcase.xml')),
    `<id root="${MATRICULE_ROOT}" extension="1985071512345"/>`,
    `<id root="${MATRICULE_ROOT}" extension="${matricule}"/>`,
  );
  return new File([text], 'bilan.xml', { type: 'text/xml' });
}

/** A level-1 fixture (`level1-pdf.xml`, `patient-summary.xml`) with Marie's matricule added. */
async function withMarie(name: string, firstId: RegExp): Promise<File> {
  const text = decode(await cdaFixture(name));
  const match = firstId.exec(text);
  expect(match, `${name} has its patient id`).to.not.equal(null);
  const id = match?.[0] ?? '';
  return new File(
    [edit(text, id, `<id root="${MATRICULE_ROOT}" extension="${marie}"/>${id}`)],
    name,
    {
      type: 'text/xml',
    },
  );
}

async function settledRow(el: DspDocumentUploader): Promise<HTMLFieldSetElement> {
  await settled(el);
  const [row] = rows(el);
  if (!row) throw new Error('No row');
  return row;
}

const note = (row: Element, key: string) =>
  row.querySelector(`[data-note="${key}"]`)?.textContent.trim();

/** The stored DocumentReference's content, as the server received it. */
function storedContent(documentUuid: string) {
  const [document] = storedFor(documentUuid);
  expect(document, 'the document is stored').to.not.equal(undefined);
  return document?.content[0];
}

describe('<dsp-document-uploader> with CDA documents', () => {
  it('prefills type, title, date, confidentiality and language from the header, editable, and says so', async function () {
    // The page's first accessibility audit loads axe: seconds on this machine.
    this.timeout(30_000);
    const el = await uploader();
    choose(el, await showcaseFor(marie));
    const row = await settledRow(el);
    // The showcase's header: LOINC 11502-2, its title, 2024-01-15T14:30+01:00, R, fr-LU.
    const type = documentTypeByCode('resultat-biologie');
    expect(el.items[0]?.metadata.typeCode).to.equal('resultat-biologie');
    expect(field(row, 'type').value).to.equal(type && label(type.labels, 'en'));
    expect(field(row, 'title').value).to.equal('Bilan sanguin de contrôle');
    expect(field(row, 'date').value).to.equal('2024-01-15');
    expect(select(row, 'confidentiality').value).to.equal('R');
    expect(select(row, 'language').value).to.equal('fr');
    expect(el.items[0]?.contentType).to.equal('text/xml');
    expect(note(row, 'prefilled')).to.equal(
      'Fields prefilled from the CDA document: check them; they can still be changed.',
    );
    // The note is read with the row.
    const noteId = row.querySelector('[data-note="prefilled"]')?.id ?? '';
    expect(row.getAttribute('aria-describedby')?.split(' ')).to.include(noteId);
    expect(note(row, 'patient'), 'the matricule is Marie’s').to.equal(undefined);
    expect(statusOf(row)).to.equal('ready');

    // Still editable: the user's title and confidentiality are what is sent.
    await enter(el, row, 'title', 'Bilan de janvier');
    const confidentiality = select(row, 'confidentiality');
    confidentiality.value = 'V';
    confidentiality.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const [result] = await el.submit();
    expect(result?.status).to.equal('sent');
    const id = el.items[0]?.documentUuid ?? '';
    const [stored] = storedFor(id);
    expect(stored?.content[0]?.attachment.title).to.equal('Bilan de janvier');
    expect(stored?.securityLabel?.[0]?.coding?.[0]?.code).to.equal('V');
  });

  it('fills no field the host gave or the user changed first', async () => {
    const el = await uploader();
    await el.add(await showcaseFor(marie), { title: 'Titre de l’hôte', language: 'de' });
    const [row] = rows(el);
    expect(field(row!, 'title').value).to.equal('Titre de l’hôte');
    expect(select(row!, 'language').value).to.equal('de');
    expect(field(row!, 'date').value, 'not given: prefilled').to.equal('2024-01-15');
    expect(el.items[0]?.prefilled).to.not.include('title');

    // The user types the title while the file is still being read.
    const other = await uploader();
    choose(other, await showcaseFor(marie));
    await other.updateComplete;
    const [fresh] = rows(other);
    expect(statusOf(fresh!)).to.equal('checking');
    await enter(other, fresh!, 'title', 'Mon titre');
    const settledFresh = await settledRow(other);
    expect(field(settledFresh, 'title').value).to.equal('Mon titre');
    expect(select(settledFresh, 'confidentiality').value, 'untouched: prefilled').to.equal('R');
  });

  for (const [lang, words] of [
    ['en', 'another patient'],
    ['fr', 'autre patient'],
    ['de', 'anderen Patienten'],
    ['lb', 'anere Patient'],
  ] as const) {
    it(`refuses a CDA naming another patient by matricule, sending nothing and losing nothing else (${lang})`, async () => {
      const el = await uploader({ lang });
      const before = documentCount();
      choose(el, otherPdf('courrier.pdf'), await labReportFor(lucien));
      await settled(el);
      const [pdfRow, cdaRow] = rows(el);
      await enter(el, pdfRow!, 'title', 'Courrier du Dr Weber');
      expect(problemAt(cdaRow!, 'file')).to.contain(words);
      // A refused file shows no form to describe it.
      expect(cdaRow!.querySelectorAll('input, select')).to.have.length(0);
      expect(el.items[1]?.status).to.equal('invalid');
      await expect(el).to.be.accessible();
      const results = await el.submit();
      expect(results[1]?.status).to.equal('invalid');
      expect(storedFor(el.items[1]?.documentUuid ?? '')).to.have.length(0);
      // The other row kept what was entered (it still needs its type: not sent either).
      expect(field(pdfRow!, 'title').value).to.equal('Courrier du Dr Weber');
      expect(documentCount()).to.equal(before);
    });
  }

  it('sends a lab report naming this patient as text/xml with the XD-LAB format code', async () => {
    const el = await uploader();
    choose(el, await labReportFor(marie));
    const row = await settledRow(el);
    expect(note(row, 'patient')).to.equal(undefined);
    expect(field(row, 'title').value).to.equal("Compte rendu d'examens biologiques");
    expect(field(row, 'date').value).to.equal('2023-01-04');
    expect(select(row, 'language').value).to.equal('fr');
    const [result] = await el.submit();
    expect(result?.status).to.equal('sent');
    const content = storedContent(el.items[0]?.documentUuid ?? '');
    expect(content?.attachment.contentType).to.equal('text/xml');
    expect(content?.format).to.deep.include({
      system: 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode',
      code: 'urn:ihe:lab:xd-lab:2008',
    });
  });

  it('warns, without refusing, when the CDA names the patient by no identifier the record has', async () => {
    const el = await uploader();
    // ANS's lab report as published: a French INS-NIR and a hospital's number only.
    choose(el, await labReportFor(undefined));
    const row = await settledRow(el);
    expect(note(row, 'patient')).to.equal(
      'The CDA document names this patient by no identifier that can be checked (matricule): make sure it is theirs before sending it.',
    );
    const noteId = row.querySelector('[data-note="patient"]')?.id ?? '';
    expect(row.getAttribute('aria-describedby')?.split(' ')).to.include(noteId);
    expect(statusOf(row)).to.equal('ready');
    await expect(el).to.be.accessible();
    const [result] = await el.submit();
    expect(result?.status).to.equal('sent');
  });

  it('sends a level-1 PDF CDA with the XDS-SD PDF code and an IPS with the PCC IPS code', async () => {
    const el = await uploader();
    // ANS's level-1 document and IPS-FR summary both name the patient first by INS-NIR.
    choose(
      el,
      await withMarie('level1-pdf.xml', /<id[^>]*root="1\.2\.250\.1\.213\.1\.4\.10"[^>]*\/>/),
      await withMarie('patient-summary.xml', /<id[^>]*root="1\.2\.250\.1\.213\.1\.4\.10"[^>]*\/>/),
    );
    await settled(el);
    expect(el.items.map((i) => i.patientUnconfirmed)).to.deep.equal([false, false]);
    const results = await el.submit();
    expect(results.map((r) => r.status)).to.deep.equal(['sent', 'sent']);
    const [level1, summary] = el.items.map((i) => storedContent(i.documentUuid));
    expect(level1?.format?.code).to.equal('urn:ihe:iti:xds-sd:pdf:2008');
    expect(summary?.format?.code).to.equal('urn:ihe:pcc:ips:2020');
    expect(summary?.attachment.contentType).to.equal('text/xml');
  });

  it('refuses hostile or broken CDA with a clear message, without hanging', async () => {
    const el = await uploader();
    const deep = `<ClinicalDocument xmlns="urn:hl7-org:v3">${'<component>'.repeat(10_000)}${'</component>'.repeat(10_000)}</ClinicalDocument>`;
    const started = performance.now();
    choose(
      el,
      new File([await cdaFixture('entity-bomb.xml')], 'bomb.xml', { type: 'text/xml' }),
      new File([await cdaFixture('malformed.xml')], 'malformed.xml', { type: 'text/xml' }),
      new File([deep], 'deep.xml', { type: 'text/xml' }),
    );
    await waitUntil(() => el.items.every((i) => i.status === 'invalid'), 'refused', {
      timeout: 5000,
    });
    await el.updateComplete;
    expect(performance.now() - started).to.be.below(5000);
    const [bomb, malformed, tooDeep] = rows(el);
    expect(problemAt(bomb!, 'file')).to.equal(
      'This CDA document declares a DOCTYPE or entities, which a CDA never does: it is neither read nor sent.',
    );
    expect(problemAt(malformed!, 'file')).to.equal(
      'This CDA document is not well-formed XML: it is not sent.',
    );
    expect(problemAt(tooDeep!, 'file')).to.equal(
      'This CDA document is too large or nested too deep to be read: it is not sent.',
    );
    await expect(el).to.be.accessible();
  });
});
