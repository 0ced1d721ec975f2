// What a search tells about the documents it did not return: a professional whose profession may
// not read some of them is told how many, not which; the médecin référent sees which documents
// the patient masked. What each one may read is worked out here from the fixtures (Marie's
// documents, her Consent read by the client's helper) and the profession matrix.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessSummary, CONFIDENTIALITY_SYSTEM, documentTypeOf } from '@dsp-kit/fhir';
import type { Bundle, DocumentReference, OperationOutcome } from '@medplum/fhirtypes';
import { consents, documents, patients, users } from '../src/fixtures.js';
import { defaultProfessionMatrix } from '../src/policy.js';
import { createDspServer } from '../src/server.js';
import { callMock } from './mock-call.js';

const OUTCOME_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-outcome';
const SECURITY_SYSTEM = 'https://dsp-kit.org/fhir/CodeSystem/dsp-security';

async function search(user: string, query = '') {
  const server = createDspServer({ baseUrl: 'http://127.0.0.1:8787/fhir' });
  const answer = await callMock(
    server,
    user,
    'GET',
    `DocumentReference?patient=${patients.marie.id}${query}`,
  );
  assert.equal(answer.status, 200);
  const bundle = answer.body as Bundle;
  const entries = bundle.entry ?? [];
  return {
    server,
    bundle,
    documents: entries
      .filter((e) => e.search?.mode === 'match')
      .map((e) => e.resource as DocumentReference),
    outcomes: entries
      .filter((e) => e.search?.mode === 'outcome')
      .map((e) => e.resource as OperationOutcome),
  };
}

const marks = (doc: DocumentReference) =>
  (doc.securityLabel ?? [])
    .flatMap((l) => l.coding ?? [])
    .filter((c) => c.system === SECURITY_SYSTEM)
    .map((c) => c.code);

const marie: DocumentReference[] = Object.values(documents).filter(
  (d) => d.subject?.reference === `Patient/${patients.marie.id}`,
);
const masked = new Set(accessSummary(consents.marie).maskedDocuments);
const physioReads = new Set(defaultProfessionMatrix.kinesitherapeute);
const readable = (d: DocumentReference) => physioReads.has(documentTypeOf(d.type)?.code ?? '');
/** Normal (N) documents: what a professional without an extended grant may see at all. */
const normal = (d: DocumentReference) =>
  !(d.securityLabel ?? []).some((l) =>
    (l.coding ?? []).some((c) => c.system === CONFIDENTIALITY_SYSTEM && c.code !== 'N'),
  );
/**
 * What Marc Thill, physiotherapist, sees of Marie's DSP, and what his profession withholds. A
 * document above his access's confidentiality stays unseen; one whose type his profession never
 * reads is counted as withheld for that, whatever its confidentiality.
 */
const physio = {
  sees: marie.filter((d) => !masked.has(d.id ?? '') && normal(d) && readable(d)),
  withheld: marie.filter((d) => !masked.has(d.id ?? '') && !readable(d)),
};

describe('withheld documents', () => {
  it('tells the physiotherapist how many documents the profession rules withhold', async () => {
    // The fixtures as this test relies on them: the summary and Marie's own note are types a
    // physiotherapist reads, the lab result is not, and the masked consultation is masked.
    assert.ok(physio.sees.some((d) => d.id === documents.summary.id));
    assert.ok(physio.sees.some((d) => d.id === documents.ownNote.id));
    assert.ok(physio.withheld.some((d) => d.id === documents.bloodTest.id));
    assert.ok(masked.has(documents.masked.id));
    const { bundle, documents: found, outcomes } = await search(users.thill);
    assert.deepEqual(found.map((d) => d.id).sort(), physio.sees.map((d) => d.id).sort());
    assert.equal(bundle.total, physio.sees.length);
    assert.equal(outcomes.length, 1);
    const [issue] = outcomes[0]!.issue;
    assert.equal(issue!.severity, 'information');
    assert.equal(issue!.code, 'suppressed');
    assert.deepEqual(issue!.details?.coding, [
      { system: OUTCOME_SYSTEM, code: 'withheld-profession' },
    ]);
    assert.deepEqual(issue!.extension, [
      {
        url: 'https://dsp-kit.org/fhir/StructureDefinition/withheld-count',
        // The masked consultation is not counted: a masked document stays unseen (its read
        // answers 404, not 403).
        valueUnsignedInt: physio.withheld.length,
      },
    ]);
    // Nothing says which: no title, type or id of a withheld document.
    const said = JSON.stringify(outcomes);
    for (const withheld of [...physio.withheld, documents.masked]) {
      const id = withheld.id ?? '';
      assert.ok(!said.includes(id), id);
      assert.ok(!said.includes(withheld.content[0]?.attachment.title ?? '?'), id);
    }
    assert.ok(!said.includes('resultat-biologie'));
  });

  it('counts only what the search asked for', async () => {
    const { outcomes } = await search(users.thill, '&type=resultat-biologie');
    const labResults = physio.withheld.filter(
      (d) => documentTypeOf(d.type)?.code === 'resultat-biologie',
    );
    assert.equal(outcomes[0]?.issue[0]?.extension?.[0]?.valueUnsignedInt, labResults.length);
    const none = await search(users.thill, '&type=resume-patient');
    assert.deepEqual(none.outcomes, []);
  });

  it('tells nothing to a professional who sees every document', async () => {
    const { documents: found, outcomes } = await search(users.weber);
    assert.equal(found.length, marie.length);
    assert.deepEqual(outcomes, []);
  });

  it('marks what the patient masked for the médecin référent, and stores no mark', async () => {
    const { server, documents: found } = await search(users.weber);
    const masked = found.filter((d) => marks(d).includes('masked-by-patient')).map((d) => d.id);
    assert.deepEqual(masked, [documents.masked.id]);
    const stored = server.store.get<DocumentReference>('DocumentReference', documents.masked.id);
    assert.deepEqual(marks(stored!), []);
  });

  it('marks it for no one else: not its author, who sees it as its author, nor the patient', async () => {
    const own = await search(users.marie);
    assert.ok(own.documents.some((d) => d.id === documents.masked.id));
    assert.deepEqual(
      own.documents.filter((d) => marks(d).includes('masked-by-patient')),
      [],
    );
    assert.deepEqual(own.outcomes, []);
    const author = await search(users.muller);
    const consultation = author.documents.find((d) => d.id === documents.masked.id);
    assert.ok(consultation);
    assert.deepEqual(marks(consultation), []);
  });
});
