import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { documentTypeOf } from '@dsp-kit/fhir';
import type { Binary, DocumentReference } from '@medplum/fhirtypes';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { generateDataset } from './dataset.js';
import { documents, fixtureResources, patients } from './fixtures.js';

/** pdf.js's metrics of the 14 standard fonts, which the sample PDFs use without embedding them. */
const STANDARD_FONTS = join(
  dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts/',
);

/** The IHE format code of each CDA kind, from IHE's format code list. */
const CDA_FORMATS = {
  'resultat-biologie': 'urn:ihe:lab:xd-lab:2008',
  'resume-patient': 'urn:ihe:pcc:xphr:2007',
  'cr-sejour-hospitalier': 'urn:ihe:iti:xds-sd:pdf:2008',
  'passage-urgences': 'urn:ihe:pcc:edes:2007',
  imagerie: 'urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013',
} as const;

function binariesOf(resources: readonly { resourceType: string }[]): Map<string, Binary> {
  return new Map(
    resources
      .filter((r): r is Binary => r.resourceType === 'Binary')
      .map((b) => [`Binary/${b.id}`, b]),
  );
}

function bytesOf(doc: DocumentReference, binaries: Map<string, Binary>): Buffer {
  const binary = binaries.get(doc.content[0]?.attachment.url ?? '');
  assert.ok(binary, `${doc.id}: its Binary`);
  return Buffer.from(binary.data ?? '', 'base64');
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl: STANDARD_FONTS,
  }).promise;
  const pages = pdf.numPages;
  // Every page must draw: pdf.js reads its content stream.
  for (let n = 1; n <= pages; n++) await (await pdf.getPage(n)).getTextContent();
  await pdf.destroy();
  return pages;
}

/** The PDF a level-1 CDA wraps, decoded from its `nonXMLBody`. */
function wrappedPdf(xml: string): Uint8Array {
  const body = /<nonXMLBody><text mediaType="application\/pdf" representation="B64">([^<]+)</.exec(
    xml,
  );
  assert.ok(body, 'a nonXMLBody holding a base64 PDF');
  return new Uint8Array(Buffer.from(body[1]!, 'base64'));
}

const fixtureDocuments = Object.values(documents) as DocumentReference[];
const fixtureBinaries = binariesOf(fixtureResources);

describe('the fixtures’ documents', () => {
  it('match their Binary: content type, size and SHA-1 computed by node:crypto', () => {
    for (const doc of fixtureDocuments) {
      const attachment = doc.content[0]!.attachment;
      const bytes = bytesOf(doc, fixtureBinaries);
      assert.equal(attachment.size, bytes.length, doc.id);
      assert.equal(attachment.hash, createHash('sha1').update(bytes).digest('base64'), doc.id);
      assert.equal(fixtureBinaries.get(attachment.url!)?.contentType, attachment.contentType);
    }
  });

  it('give the sandbox’s patients multi-page PDFs, images, CDA documents and text', async () => {
    const of = (patient: { id: string }) =>
      fixtureDocuments.filter((d) => d.subject?.reference === `Patient/${patient.id}`);
    const typeOf = (doc: DocumentReference) => doc.content[0]!.attachment.contentType;
    const pdfs = of(patients.marie).filter((d) => typeOf(d) === 'application/pdf');
    assert.ok(pdfs.length >= 1, 'Marie has a PDF');
    for (const doc of pdfs) {
      assert.ok((await pageCount(bytesOf(doc, fixtureBinaries))) >= 2, `${doc.id}: pages`);
    }
    assert.ok(of(patients.marie).filter((d) => typeOf(d) === 'text/plain').length >= 2);
    const tom = of(patients.tom);
    assert.ok(
      tom.some((d) => typeOf(d) === 'image/png'),
      'Tom has an image',
    );
    assert.deepEqual(
      tom
        .map((d) => d.content[0]!.format?.code)
        .filter((code) => code !== undefined)
        .sort(),
      [
        CDA_FORMATS['resultat-biologie'],
        CDA_FORMATS['passage-urgences'],
        CDA_FORMATS['resume-patient'],
        CDA_FORMATS.imagerie,
      ].sort(),
      'Tom has the lab report, summary, emergency summary and imaging report',
    );
    assert.ok(
      of(patients.lucien).some(
        (d) => d.content[0]!.format?.code === CDA_FORMATS['cr-sejour-hospitalier'],
      ),
      'Lucien has the discharge letter',
    );
  });

  it('hold an image and the five CDA kinds, each with the format code of its DSP type', () => {
    const images = fixtureDocuments.filter((d) =>
      d.content[0]!.attachment.contentType?.startsWith('image/'),
    );
    assert.ok(images.length >= 1);
    for (const doc of images) {
      const bytes = bytesOf(doc, fixtureBinaries);
      assert.deepEqual([...bytes.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], `${doc.id}: a PNG`);
    }
    // The eHDSI patient summary (`sample-summaries.ts`) has epSOS's format code; tested there.
    const cdas = fixtureDocuments.filter(
      (d) =>
        d.content[0]!.attachment.contentType === 'text/xml' &&
        d.content[0]!.format?.code !== 'urn:epSOS:ps:ps:2010',
    );
    const seen = new Set<string>();
    for (const doc of cdas) {
      const type = documentTypeOf(doc.type)?.code as keyof typeof CDA_FORMATS;
      assert.equal(doc.content[0]!.format?.code, CDA_FORMATS[type], `${doc.id}: format`);
      assert.equal(
        doc.content[0]!.format?.system,
        'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode',
      );
      seen.add(type);
    }
    assert.deepEqual([...seen].sort(), Object.keys(CDA_FORMATS).sort());
  });

  it('wrap a multi-page PDF in each level-1 discharge letter', async () => {
    const letters = fixtureDocuments.filter(
      (d) => d.content[0]!.format?.code === CDA_FORMATS['cr-sejour-hospitalier'],
    );
    assert.ok(letters.length >= 1);
    for (const doc of letters) {
      const xml = bytesOf(doc, fixtureBinaries).toString('utf8');
      assert.ok((await pageCount(wrappedPdf(xml))) >= 2, doc.id);
    }
  });
});

describe('the generated data’s documents', () => {
  const data = generateDataset({ seed: 4, patients: 30, documents: 1500 });
  const docs = data.filter((r): r is DocumentReference => r.resourceType === 'DocumentReference');
  const binaries = binariesOf(data);

  it('include CDA documents of the five kinds, whose bytes match their attachment', () => {
    const cdas = docs.filter((d) => d.content[0]!.attachment.contentType === 'text/xml');
    const kinds = new Set(cdas.map((d) => documentTypeOf(d.type)?.code));
    assert.deepEqual([...kinds].sort(), Object.keys(CDA_FORMATS).sort());
    for (const doc of cdas) {
      const bytes = bytesOf(doc, binaries);
      assert.equal(doc.content[0]!.attachment.size, bytes.length);
      assert.equal(
        doc.content[0]!.attachment.hash,
        createHash('sha1').update(bytes).digest('base64'),
      );
      const type = documentTypeOf(doc.type)?.code as keyof typeof CDA_FORMATS;
      assert.equal(doc.content[0]!.format?.code, CDA_FORMATS[type], doc.id);
    }
  });

  it('keep the pool’s PDFs and images for the other documents', () => {
    const types = new Set(docs.map((d) => d.content[0]!.attachment.contentType));
    for (const type of ['application/pdf', 'image/png', 'text/plain', 'text/xml']) {
      assert.ok(types.has(type), type);
    }
  });
});
