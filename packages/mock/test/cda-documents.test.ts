// The mock's CDA documents, fixtures and generated, read by the browser's own XML parser: well
// formed, in the CDA namespace, about the patient their DocumentReference names, of the DSP type
// their LOINC code maps to, with level-3 sections a reader can follow.
import { expect } from '@open-wc/testing';
import { LOINC_SYSTEM, MATRICULE_SYSTEM, documentTypeOf } from '@dsp-kit/fhir';
import type { Binary, DocumentReference, Patient, Resource } from '@medplum/fhirtypes';
import { generateDataset } from '../src/dataset.js';
import { fixtureResources } from '../src/fixtures.js';

const V3 = 'urn:hl7-org:v3';
const LOINC_OID = '2.16.840.1.113883.6.1';

function bytesOf(binary: Binary): Uint8Array<ArrayBuffer> {
  const text = atob(binary.data ?? '');
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

async function sha1(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', bytes));
  return btoa(String.fromCharCode(...digest));
}

/** The elements named `name` in the CDA namespace under `root`. */
function all(root: Element | Document, name: string): Element[] {
  return [...root.getElementsByTagNameNS(V3, name)];
}

function child(parent: Element | undefined, name: string): Element | undefined {
  return [...(parent?.children ?? [])].find((c) => c.namespaceURI === V3 && c.localName === name);
}

interface Cda {
  doc: DocumentReference;
  xml: Document;
}

async function cdasOf(resources: readonly Resource[]): Promise<Cda[]> {
  const binaries = new Map(
    resources.filter((r): r is Binary => r.resourceType === 'Binary').map((b) => [b.id, b]),
  );
  const found: Cda[] = [];
  for (const doc of resources) {
    if (doc.resourceType !== 'DocumentReference') continue;
    const attachment = doc.content[0]!.attachment;
    if (attachment.contentType !== 'text/xml') continue;
    const binary = binaries.get(attachment.url?.replace(/^Binary\//, '') ?? '');
    expect(binary, `${doc.id}: its Binary`).to.exist;
    const bytes = bytesOf(binary!);
    expect(bytes.length, `${doc.id}: size`).to.equal(attachment.size);
    expect(await sha1(bytes), `${doc.id}: SHA-1`).to.equal(attachment.hash);
    const xml = new DOMParser().parseFromString(new TextDecoder().decode(bytes), 'application/xml');
    found.push({ doc, xml });
  }
  return found;
}

function checkCda({ doc, xml }: Cda, resources: readonly Resource[]): void {
  const where = doc.id ?? '';
  expect(xml.getElementsByTagName('parsererror').length, `${where}: well formed`).to.equal(0);
  const root = xml.documentElement;
  expect([root.namespaceURI, root.localName], where).to.deep.equal([V3, 'ClinicalDocument']);

  // The patient: the DocumentReference's subject, by their matricule.
  const patient = resources.find(
    (r): r is Patient =>
      r.resourceType === 'Patient' && `Patient/${r.id}` === doc.subject?.reference,
  );
  const patientId = all(root, 'patientRole')
    .flatMap((role) => [child(role, 'id')])
    .find((id) => id?.getAttribute('root') === MATRICULE_SYSTEM);
  expect(patientId?.getAttribute('extension'), `${where}: matricule`).to.equal(
    patient?.identifier?.[0]?.value,
  );
  expect(all(root, 'family')[0]?.textContent, `${where}: name`).to.equal(
    patient?.name?.[0]?.family,
  );

  // The document's LOINC code maps to the DocumentReference's DSP type.
  const code = child(root, 'code');
  expect(code?.getAttribute('codeSystem')).to.equal(LOINC_OID);
  const typeOfCode = documentTypeOf({
    coding: [{ system: LOINC_SYSTEM, code: code?.getAttribute('code') ?? '' }],
  });
  expect(typeOfCode?.code, `${where}: LOINC → DSP type`).to.equal(documentTypeOf(doc.type)?.code);

  // The header parts a reader of the document relies on.
  for (const part of [
    'typeId',
    'id',
    'title',
    'effectiveTime',
    'confidentialityCode',
    'languageCode',
    'recordTarget',
    'author',
    'custodian',
    'legalAuthenticator',
    'documentationOf',
  ]) {
    expect(child(root, part), `${where}: ${part}`).to.exist;
  }
  const language = child(root, 'languageCode')?.getAttribute('code') ?? '';
  expect(language.slice(0, 2), `${where}: language`).to.equal(doc.content[0]!.attachment.language);
  expect(child(root, 'id')?.getAttribute('root')?.toLowerCase()).to.equal(
    doc.masterIdentifier?.value?.replace('urn:uuid:', ''),
  );

  // Level 3: LOINC-coded sections with a title and a narrative; tables with their header row.
  for (const section of all(root, 'section')) {
    expect(child(section, 'code')?.getAttribute('codeSystem'), `${where}: section code`).to.equal(
      LOINC_OID,
    );
    expect(child(section, 'title')?.textContent, `${where}: section title`).to.not.be.empty;
    expect(child(section, 'text'), `${where}: narrative`).to.exist;
  }
  for (const table of all(root, 'table')) {
    expect(child(table, 'thead'), `${where}: thead`).to.exist;
  }
}

describe('the mock’s CDA documents', () => {
  it('are well-formed CDA about their patient, of the DSP type their LOINC code maps to (fixtures)', async () => {
    const cdas = await cdasOf(fixtureResources);
    expect(cdas.length).to.be.at.least(5);
    for (const cda of cdas) checkCda(cda, fixtureResources);
  });

  it('are well-formed CDA about their patient, of the DSP type their LOINC code maps to (generated)', async () => {
    const data = generateDataset({ seed: 9, patients: 25, documents: 800 });
    const cdas = await cdasOf(data);
    expect(cdas.length).to.be.at.least(5);
    for (const cda of cdas) checkCda(cda, data);
  });

  it('flag the lab report’s abnormal results on entries pointing at the narrative', async () => {
    const lab = (await cdasOf(fixtureResources)).find(
      (c) => c.doc.content[0]!.format?.code === 'urn:ihe:lab:xd-lab:2008',
    );
    expect(lab).to.exist;
    const ids = new Set(
      [...lab!.xml.querySelectorAll('[ID]')].map((element) => element.getAttribute('ID')),
    );
    const flagged = all(lab!.xml, 'observation').filter((o) =>
      ['H', 'L'].includes(child(o, 'interpretationCode')?.getAttribute('code') ?? ''),
    );
    expect(flagged.length).to.be.at.least(2);
    for (const observation of flagged) {
      const target = child(child(observation, 'text'), 'reference')?.getAttribute('value') ?? '';
      expect(ids.has(target.slice(1)), target).to.equal(true);
    }
    expect(all(lab!.xml, 'section').length).to.be.at.least(2);
  });

  it('give the imaging report a web link to an image viewer, the discharge letter a PDF', async () => {
    const cdas = await cdasOf(fixtureResources);
    const imaging = cdas.find((c) => documentTypeOf(c.doc.type)?.code === 'imagerie');
    const link = all(imaging!.xml, 'linkHtml')[0]?.getAttribute('href') ?? '';
    expect(new URL(link).protocol).to.equal('https:');
    const letter = cdas.find((c) => documentTypeOf(c.doc.type)?.code === 'cr-sejour-hospitalier');
    const body = all(letter!.xml, 'nonXMLBody')[0];
    const text = child(body, 'text');
    expect(text?.getAttribute('mediaType')).to.equal('application/pdf');
    expect(atob(text?.textContent ?? '').startsWith('%PDF-')).to.equal(true);
  });
});
