// The sandbox patients' summaries as the mock serves them: a format the patient summary card
// reads (a CDA or a FHIR IPS document), never plain text, about the patient the document names,
// with the sections a summary opens with (allergies, problems, medication: LOINC 48765-2,
// 11450-4 and 10160-0, as IHE PCC and the HL7 IPS code them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOCUMENT_TYPE_SYSTEM } from '@dsp-kit/fhir';
import type { Bundle, DocumentReference } from '@medplum/fhirtypes';
import { patients, users } from '../src/fixtures.js';
import { createDspServer } from '../src/server.js';
import { callMock } from './mock-call.js';

/** The format codes IHE gives patient summaries: PCC XPHR, IPS (sIPS), epSOS/eHDSI. */
const SUMMARY_FORMATS = new Set([
  'urn:ihe:pcc:xphr:2007',
  'urn:ihe:pcc:ips:2020',
  'urn:epSOS:ps:ps:2010',
]);
const OPENING_SECTIONS = ['48765-2', '11450-4', '10160-0'];

async function servedSummary(patient: string) {
  const server = createDspServer({ baseUrl: 'http://127.0.0.1:8787/fhir' });
  const type = encodeURIComponent(`${DOCUMENT_TYPE_SYSTEM}|resume-patient`);
  const search = await callMock(
    server,
    users.weber,
    'GET',
    `DocumentReference?patient=${patient}&type=${type}&status=current`,
  );
  assert.equal(search.status, 200);
  const found = ((search.body as Bundle).entry ?? [])
    .filter((e) => e.search?.mode === 'match')
    .map((e) => e.resource as DocumentReference);
  assert.equal(found.length, 1, `${patient}: one current summary`);
  const content = found[0]!.content[0]!;
  const answer = await server.handle(
    new Request(`${server.baseUrl}/${content.attachment.url!}`, {
      headers: { Accept: '*/*', Authorization: `Bearer mock:${users.weber}` },
    }),
  );
  assert.equal(answer.status, 200);
  return { content, served: answer.headers.get('Content-Type') ?? '', text: await answer.text() };
}

describe('the sandbox’s patient summaries', () => {
  it('serve Marie’s as an IHE PCC CDA summary about her, opening with allergies, problems, medication', async () => {
    const { content, served, text } = await servedSummary(patients.marie.id);
    assert.match(served, /^text\/xml/);
    assert.equal(content.attachment.contentType, 'text/xml');
    assert.ok(SUMMARY_FORMATS.has(content.format?.code ?? ''), content.format?.code);
    assert.match(text, /^<\?xml [^>]*\?>\s*<ClinicalDocument xmlns="urn:hl7-org:v3"/);
    assert.match(text, /<code code="60591-5" codeSystem="2\.16\.840\.1\.113883\.6\.1"/);
    const marie = patients.marie;
    assert.ok(text.includes(`extension="${marie.identifier![0]!.value!}"`), 'her matricule');
    assert.ok(text.includes('<given>Marie</given><family>Schmit</family>'), 'her name');
    assert.ok(text.includes('<birthTime value="19780314"/>'), 'her birth date');
    const sections = [
      ...text.matchAll(/<section[^>]*>(?:<templateId [^>]*>)?<code code="([^"]+)"/g),
    ].map((m) => m[1]);
    assert.deepEqual(sections.slice(0, 3), OPENING_SECTIONS);
    // What her record says elsewhere: a mild asthma, treated with salbutamol when needed.
    assert.match(text, /Asthme/);
    assert.match(text, /Salbutamol/);
  });
});
