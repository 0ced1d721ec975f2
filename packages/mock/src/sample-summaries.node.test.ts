import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bundle, Composition, DocumentReference } from '@medplum/fhirtypes';
import { documents, fixtureResources } from './fixtures.js';

function contentOf(document: DocumentReference): string {
  const url = document.content[0]!.attachment.url!;
  const binary = fixtureResources.find(
    (r) => r.resourceType === 'Binary' && `Binary/${r.id}` === url,
  ) as { data: string } | undefined;
  return Buffer.from(binary!.data, 'base64').toString('utf8');
}

describe('the mock’s patient summaries', () => {
  it('hold Lucien’s as an IPS document Bundle, every section coded as the IPS guide codes it', () => {
    const document = documents.lucienSummary;
    assert.equal(document.content[0]!.attachment.contentType, 'application/fhir+json');
    // IHE's format code for the IPS (as IHE sIPS lists it with application/fhir+json).
    assert.equal(document.content[0]!.format?.code, 'urn:ihe:pcc:ips:2020');
    const bundle = JSON.parse(contentOf(document)) as Bundle;
    assert.equal(bundle.type, 'document');
    const composition = bundle.entry![0]!.resource as Composition;
    assert.equal(composition.resourceType, 'Composition');
    assert.equal(composition.type.coding![0]!.code, '60591-5');
    const codes = composition.section!.map((s) => s.code!.coding![0]!.code);
    // sectionAllergies, sectionProblems, sectionMedications, sectionImmunizations,
    // sectionMedicalDevices, sectionProceduresHx, sectionAdvanceDirectives.
    assert.deepEqual(codes, [
      '48765-2',
      '11450-4',
      '10160-0',
      '11369-6',
      '46264-8',
      '47519-4',
      '42348-3',
    ]);
    // Every reference resolves inside the Bundle, by its fullUrl.
    const fullUrls = new Set(bundle.entry!.map((e) => e.fullUrl));
    const references = JSON.stringify(bundle).match(/"reference":"[^"]+"/g) ?? [];
    assert.ok(references.length > 10);
    for (const reference of references) {
      assert.ok(fullUrls.has(reference.slice(13, -1)), reference);
    }
    for (const section of composition.section!) {
      assert.match(section.text!.div, /^<div xmlns="http:\/\/www\.w3\.org\/1999\/xhtml">/);
    }
  });

  it('hold Nadia’s old eHDSI summary, its empty sections in the eHDSI convention', () => {
    const document = documents.nadiaSummary;
    assert.equal(document.content[0]!.format?.code, 'urn:epSOS:ps:ps:2010');
    assert.ok(document.date! < '2022');
    const xml = contentOf(document);
    assert.match(xml, /<templateId root="1\.3\.6\.1\.4\.1\.12559\.11\.10\.1\.3\.1\.1\.3"\/>/);
    assert.match(xml, /code="no-known-allergies" codeSystem="2\.16\.840\.1\.113883\.5\.1150\.1"/);
    assert.match(xml, /code="no-immunization-info" codeSystem="2\.16\.840\.1\.113883\.5\.1150\.1"/);
    assert.match(xml, /<section nullFlavor="NI"><code code="11450-4"/);
    assert.doesNotMatch(xml, /code="46264-8"|code="47519-4"/);
  });
});
