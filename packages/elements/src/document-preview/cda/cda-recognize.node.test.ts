// Recognising a CDA from its metadata and first bytes, against the IHE format codes and the
// openings of real documents (ANS's CI-SIS test contents, HL7's C-CDA examples).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cdaLikelihood, hasCdaRoot } from './cda-recognize.js';

describe('cdaLikelihood', () => {
  it('takes the CDA media types as CDA whatever the format', () => {
    assert.equal(cdaLikelihood('application/hl7-v3+xml', undefined), 'cda');
    assert.equal(cdaLikelihood('application/cda+xml; charset=UTF-8', undefined), 'cda');
  });

  it('takes generic XML with an IHE CDA format code as CDA (XD-LAB, XPHR, XDS-SD)', () => {
    assert.equal(cdaLikelihood('text/xml', 'urn:ihe:lab:xd-lab:2008'), 'cda');
    assert.equal(cdaLikelihood('application/xml', 'urn:ihe:pcc:xphr:2007'), 'cda');
    assert.equal(cdaLikelihood('text/xml', 'urn:ihe:iti:xds-sd:pdf:2008'), 'cda');
  });

  it('knows the other IHE CDA profiles, and not radiology’s DICOM manifests', () => {
    assert.equal(cdaLikelihood('text/xml', 'urn:ihe:pcc:xds-ms:2007'), 'cda');
    assert.equal(cdaLikelihood('text/xml', 'urn:ihe:pcc:ips:2020'), 'cda');
    assert.equal(cdaLikelihood('text/xml', 'urn:ihe:iti:xds-sd:text:2008'), 'cda');
    assert.equal(
      cdaLikelihood('text/xml', 'urn:ihe:rad:CDA:ImagingReportStructuredHeadings:2013'),
      'cda',
    );
    assert.equal(cdaLikelihood('text/xml', 'urn:hl7-org:sdwg:ccda-structuredBody:2.1'), 'cda');
    // KOS manifests (ITI TF-3 4.2.3.2.9 format codes) are DICOM, not CDA.
    assert.equal(
      cdaLikelihood('application/xml', 'urn:ihe:rad:1.2.840.10008.5.1.4.1.1.88.59'),
      'xml',
    );
    assert.equal(cdaLikelihood('text/xml', 'urn:ihe:iti:xds-sd:pdfx:2008'), 'xml');
  });

  it('leaves generic XML to its root, and anything else out', () => {
    assert.equal(cdaLikelihood('text/xml', undefined), 'xml');
    assert.equal(
      cdaLikelihood('application/xml', 'urn:ihe:iti:xds:2017:mimeTypeSufficient'),
      'xml',
    );
    assert.equal(cdaLikelihood('application/pdf', 'urn:ihe:lab:xd-lab:2008'), undefined);
    assert.equal(cdaLikelihood('text/html', undefined), undefined);
    assert.equal(cdaLikelihood(undefined, undefined), undefined);
  });
});

describe('hasCdaRoot', () => {
  it('finds the root after the declaration, stylesheet and schema instructions and comments (ANS)', () => {
    // The opening of ANS's BIO-CR-BIO_2023.01_Electrophorese.xml, comments shortened.
    const head = `<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="../FeuilleDeStyle/CDA-FO.xsl"?>
<?oxygen SCHSchema="../schematrons/profils/IHE.sch"?>
<!--
	**********************************************************************************
	Compte-rendu de biologie
	**********************************************************************************
-->
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:lab="urn:oid:1.3.6.1.4.1.19376.1.3.2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:hl7-org:v3 ../infrastructure/cda/CDA_extended.xsd">
  <realmCode code="FR"/>`;
    assert.equal(hasCdaRoot(head), true);
  });

  it('finds a prefixed root and a byte order mark (HL7 C-CDA style)', () => {
    assert.equal(
      hasCdaRoot(
        '\uFEFF<v3:ClinicalDocument xmlns:v3="urn:hl7-org:v3" xmlns:sdtc="urn:hl7-org:sdtc">',
      ),
      true,
    );
    assert.equal(hasCdaRoot("<ClinicalDocument xmlns='urn:hl7-org:v3'/>"), true);
  });

  it('refuses another root, another namespace, a prefix bound elsewhere, and no namespace', () => {
    assert.equal(hasCdaRoot('<?xml version="1.0"?><Bundle xmlns="http://hl7.org/fhir">'), false);
    assert.equal(hasCdaRoot('<ClinicalDocument xmlns="urn:hl7-org:v2">'), false);
    assert.equal(hasCdaRoot('<ClinicalDocument>'), false);
    assert.equal(
      hasCdaRoot('<x:ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:x="urn:other">'),
      false,
    );
    assert.equal(hasCdaRoot('<ClinicalDocumentX xmlns="urn:hl7-org:v3">'), false);
    assert.equal(hasCdaRoot('not xml at all'), false);
  });
});
