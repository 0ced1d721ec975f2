// The contract of `@dsp-kit/fhir`'s DspClient with a FHIR R4 server, as data: one check per
// interaction the panels rely on, each verified against what the server itself holds or against
// what the check sent, never against what the client computed. Run in this order: the write
// checks that add documents come first, so a test patient without documents can be checked.
import { randomInt } from 'node:crypto';
import type {
  AuditEvent,
  CapabilityStatement,
  Consent,
  DocumentReference,
  Practitioner,
} from '@medplum/fhirtypes';
import { readSearchSet } from '../../src/bundle.js';
import { CONSENT_SCOPE, defaultConsent } from '../../src/consent.js';
import { DspConflictError } from '../../src/errors.js';
import { makeMatricule } from '../../src/matricule.js';
import { buildCountBatch, readCountBatch } from '../../src/stats.js';
import type { DocumentQuery } from '../../src/client.js';
import { documentTypes } from '../../src/vocabulary.js';
import type { Use } from './capabilities.js';
import type { ContractContext } from './context.js';
import {
  allDocuments,
  answered,
  byMasterIdentifier,
  classCodeOf,
  confidentialityOf,
  conformanceSubmission,
  newestDocuments,
  outOfOrder,
  patientOf,
  practitionerAuthorOf,
  refersTo,
  timeOf,
  typeCodeOf,
} from './documents.js';
import { ContractFailure, expect, skipped, unsupported, type RunResult } from './verdict.js';

export interface Check {
  /** A stable id, for tests and logs. */
  readonly name: string;
  /** What the table shows, e.g. `ITI-67 search by patient`. */
  readonly interaction: string;
  /** What the run needs: permission to write, a patient. */
  readonly needs: { readonly write?: boolean; readonly patient?: boolean };
  /** What the server must offer; a CapabilityStatement that lists otherwise makes it unsupported. */
  readonly uses: readonly Use[];
  /** Resolves when the server keeps the contract; throws (a `ContractFailure`, a DspError) if not. */
  run(ctx: ContractContext): Promise<RunResult>;
}

const DAY_MS = 86_400_000;
/** A family name no directory and no author has: a filter the server ignores would still match. */
const NOBODY = 'Zzyzxconformance';

const searchDocuments = (...params: string[]): Use => ({
  type: 'DocumentReference',
  interaction: 'search-type',
  params: ['patient', 'status', ...params],
});

function noDocument(ctx: ContractContext, what = 'current document'): RunResult {
  return skipped(`Patient/${patientOf(ctx)} has no ${what}`);
}

/** The patient's newest document that `has` what the check filters on. */
async function documentWith(
  ctx: ContractContext,
  has: (document: DocumentReference) => unknown,
): Promise<DocumentReference | undefined> {
  return (await newestDocuments(ctx)).find(has);
}

function expectIncluded(
  found: readonly DocumentReference[],
  document: DocumentReference,
  by: string,
) {
  expect(
    found.some((d) => d.id === document.id),
    `The search by ${by} left out DocumentReference/${document.id ?? '?'}, which matches it`,
  );
}

/** The patient's Consent and its ETag, as the holder reads it; created (the default) if none. */
async function currentConsent(ctx: ContractContext): Promise<{ consent: Consent; etag: string }> {
  const patient = patientOf(ctx);
  const current = await ctx.holder.getConsent(patient);
  const saved = current.etag
    ? current
    : await ctx.holder.saveConsent(defaultConsent(patient), undefined);
  expect(saved.consent.id, 'The saved Consent came back without an id');
  expect(saved.etag, `Consent/${saved.consent.id} came back without an ETag (nor meta.versionId)`);
  return { consent: saved.consent, etag: saved.etag };
}

/** A valid matricule of someone born between 1940 and 1999, unlikely to exist on the server. */
function randomMatricule(): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const birthDate = `${1940 + randomInt(60)}-${pad(1 + randomInt(12))}-${pad(1 + randomInt(28))}`;
  return makeMatricule(birthDate, randomInt(1000));
}

const capabilities: Check = {
  name: 'capabilities',
  interaction: 'capabilities (GET metadata)',
  needs: {},
  uses: [],
  run: (ctx) => {
    const { metadata } = ctx;
    if ('unsupported' in metadata) return Promise.resolve(unsupported(metadata.unsupported));
    if ('problem' in metadata) throw new ContractFailure(metadata.problem);
    // Typed as required, but a server's statement may lack them.
    const { fhirVersion, format } = metadata.statement as Partial<CapabilityStatement>;
    expect(
      fhirVersion?.startsWith('4.0.'),
      `The server speaks FHIR ${fhirVersion ?? '(no fhirVersion)'}, not R4 (4.0.x)`,
    );
    expect(
      (format ?? []).some((f) => f === 'json' || f.includes('fhir+json')),
      `The server declares no JSON format (format: ${(format ?? []).join(', ') || 'none'})`,
    );
    return Promise.resolve('passed');
  },
};

const readPatient: Check = {
  name: 'read-patient',
  interaction: 'read Patient',
  needs: { patient: true },
  uses: [{ type: 'Patient', interaction: 'read' }],
  run: async (ctx) => {
    const patient = await ctx.professional.readPatient(patientOf(ctx));
    expect(
      patient.id === ctx.patient,
      `Patient/${ctx.patient ?? ''} was answered with id ${patient.id ?? '(none)'}`,
    );
    return 'passed';
  },
};

const provide: Check = {
  name: 'provide',
  interaction: 'ITI-65 provide documents',
  needs: { write: true, patient: true },
  uses: [{ system: 'transaction' }, searchDocuments('identifier')],
  run: async (ctx) => {
    const known = conformanceSubmission(ctx);
    const uuid = known.submission.documents[0]?.uuid ?? '';
    const result = await ctx.professional.provideDocuments(known.submission);
    const entry = answered(result, 'DocumentReference');
    expect(entry, 'The transaction-response names no DocumentReference');
    expect(
      entry.status.startsWith('201'),
      `The new DocumentReference was answered "${entry.status}", not 201 Created`,
    );
    const found = await byMasterIdentifier(ctx, uuid);
    expect(
      found.length === 1,
      `${found.length} DocumentReferences carry the masterIdentifier just sent, not 1`,
    );
    const [document] = found as [DocumentReference];
    expect(
      entry.id === undefined || entry.id === document.id,
      `The transaction-response says DocumentReference/${entry.id ?? ''}, the search finds ${document.id ?? '?'}`,
    );
    expect(document.status === 'current', `The new document is "${document.status}", not current`);
    expect(
      refersTo(document.subject?.reference, 'Patient', patientOf(ctx)),
      `The new document is about ${document.subject?.reference ?? 'no one'}`,
    );
    expect(
      typeCodeOf(document) === known.submission.documents[0]?.typeCode,
      'The new document lost its DSP type',
    );
    const attachment = document.content[0]?.attachment;
    expect(attachment?.url, 'The new document has no content URL');
    expect(
      attachment.size === known.size,
      `The stored size is ${String(attachment.size)}, the content has ${known.size} bytes`,
    );
    expect(attachment.hash === known.hash, 'The stored SHA-1 is not the content’s');
    const content = await ctx.professional.retrieveContent(attachment);
    expect(
      (await content.text()) === known.text,
      'The content read back differs from what was sent',
    );
    return 'passed';
  },
};

const resend: Check = {
  name: 'resend',
  interaction: 'ITI-65 resend creates nothing',
  needs: { write: true, patient: true },
  uses: [{ system: 'transaction' }, searchDocuments('identifier')],
  run: async (ctx) => {
    // The same submission twice, as after an answer lost on the way back. A Binary has no
    // identifier to match on: a server may store its bytes again, unreferenced; the SubmissionSet
    // and the DocumentReference must be found, not created again.
    const { submission } = conformanceSubmission(ctx);
    const first = await ctx.professional.provideDocuments(submission);
    const second = await ctx.professional.provideDocuments(submission);
    for (const type of ['List', 'DocumentReference'] as const) {
      const before = answered(first, type);
      const again = answered(second, type);
      expect(before && again, `The transaction-responses name no ${type}`);
      expect(
        again.status.startsWith('200'),
        `The resent ${type} was answered "${again.status}", not 200 OK: the server created it again`,
      );
      expect(
        before.id === undefined || again.id === undefined || before.id === again.id,
        `The resent ${type} is ${type}/${again.id ?? ''}, not the ${type}/${before.id ?? ''} created first`,
      );
    }
    const found = await byMasterIdentifier(ctx, submission.documents[0]?.uuid ?? '');
    expect(
      found.length === 1,
      `${found.length} DocumentReferences carry the masterIdentifier sent twice, not 1`,
    );
    return 'passed';
  },
};

const searchByPatient: Check = {
  name: 'search-patient',
  interaction: 'ITI-67 search by patient',
  needs: { patient: true },
  uses: [searchDocuments()],
  run: async (ctx) => {
    const patient = patientOf(ctx);
    const page = await ctx.professional.searchDocuments({ patient, _count: 50 });
    if (page.entries.length === 0) return noDocument(ctx);
    for (const document of page.entries) {
      expect(
        refersTo(document.subject?.reference, 'Patient', patient),
        `DocumentReference/${document.id ?? '?'} is about ${document.subject?.reference ?? 'no one'}, not Patient/${patient}`,
      );
      expect(
        document.status === 'current',
        `DocumentReference/${document.id ?? '?'} is "${document.status}" in a search for current documents`,
      );
    }
    const disorder = outOfOrder(page.entries);
    expect(!disorder, `Not newest first (_sort=-date): ${disorder ?? ''}`);
    expect(
      page.total === undefined || page.total >= page.entries.length,
      `total says ${String(page.total)} for ${page.entries.length} entries`,
    );
    return 'passed';
  },
};

const nextPage: Check = {
  name: 'search-next-page',
  interaction: 'ITI-67 next page',
  needs: { patient: true },
  uses: [searchDocuments()],
  run: async (ctx) => {
    const first = await ctx.professional.searchDocuments({ patient: patientOf(ctx), _count: 1 });
    expect(first.entries.length <= 1, `_count=1 answered ${first.entries.length} documents`);
    if (!first.hasNext) {
      expect(
        first.total === undefined || first.total <= 1,
        `total says ${String(first.total)}, but the page of 1 has no next link`,
      );
      return noDocument(ctx, 'second current document');
    }
    const second = await first.next();
    const [a] = first.entries;
    const b = second?.entries[0];
    expect(a && b, 'The next page is empty');
    expect(a.id !== b.id, `The next page repeats DocumentReference/${a.id ?? '?'}`);
    expect(
      !(timeOf(b.date) > timeOf(a.date)),
      `The second page's ${b.id ?? '?'} is newer than the first page's ${a.id ?? '?'}`,
    );
    return 'passed';
  },
};

/**
 * A check of a search by one token (type, class, confidentiality): a document carrying a code is
 * found by it, and nothing carrying another code is.
 */
function searchByToken(options: {
  name: string;
  interaction: string;
  param: string;
  /** What the check needs a document of, when the patient has none. */
  wanted: string;
  codeOf: (document: DocumentReference) => string | undefined;
  query: (code: string) => Partial<DocumentQuery>;
  /** How the search and an answer's code are named in a failure. */
  searchName: string;
  answered: (code: string | undefined) => string;
}): Check {
  return {
    name: options.name,
    interaction: options.interaction,
    needs: { patient: true },
    uses: [searchDocuments(options.param)],
    run: async (ctx) => {
      const document = await documentWith(ctx, options.codeOf);
      const code = document && options.codeOf(document);
      if (!document || !code) return noDocument(ctx, options.wanted);
      const found = (
        await ctx.professional.searchDocuments({ patient: patientOf(ctx), ...options.query(code) })
      ).entries;
      expectIncluded(found, document, `${options.searchName} ${code}`);
      const other = found.find((d) => options.codeOf(d) !== code);
      expect(
        !other,
        `The search by ${options.searchName} ${code} answered DocumentReference/${other?.id ?? ''} ${options.answered(other && options.codeOf(other))}`,
      );
      return 'passed';
    },
  };
}

const searchByType = searchByToken({
  name: 'search-type',
  interaction: 'ITI-67 search by type',
  param: 'type',
  wanted: 'document of a DSP type',
  codeOf: typeCodeOf,
  query: (type) => ({ type }),
  searchName: 'type',
  answered: (code) => `of type ${code ?? 'unknown'}`,
});

const searchByClass = searchByToken({
  name: 'search-class',
  interaction: 'ITI-67 search by class',
  param: 'category',
  wanted: 'document of a DSP class',
  codeOf: classCodeOf,
  query: (category) => ({ category }),
  searchName: 'class',
  answered: (code) => `of class ${code ?? 'unknown'}`,
});

const searchByDate: Check = {
  name: 'search-date',
  interaction: 'ITI-67 search by date',
  needs: { patient: true },
  uses: [searchDocuments('date')],
  run: async (ctx) => {
    const document = await documentWith(ctx, (d) => !Number.isNaN(timeOf(d.date)));
    if (!document) return noDocument(ctx, 'dated document');
    // Instants a day either side: a range that does not depend on the server's time zone.
    const at = timeOf(document.date);
    const from = new Date(at - DAY_MS);
    const to = new Date(at + DAY_MS);
    const found = (await ctx.professional.searchDocuments({ patient: patientOf(ctx), from, to }))
      .entries;
    expectIncluded(found, document, `date ${from.toISOString()} to ${to.toISOString()}`);
    const outside = found.find(
      (d) => !(timeOf(d.date) >= from.getTime() && timeOf(d.date) <= to.getTime()),
    );
    expect(
      !outside,
      `The search from ${from.toISOString()} to ${to.toISOString()} answered DocumentReference/${outside?.id ?? ''} dated ${outside?.date ?? '(none)'}`,
    );
    return 'passed';
  },
};

const searchByAuthor: Check = {
  name: 'search-author',
  interaction: 'ITI-67 search by author',
  needs: { patient: true },
  uses: [searchDocuments('author')],
  run: async (ctx) => {
    const document = await documentWith(ctx, practitionerAuthorOf);
    const author = document && practitionerAuthorOf(document);
    if (!document || !author) return noDocument(ctx, 'document written by a Practitioner');
    const family =
      'family' in author
        ? author.family
        : ((await ctx.get(`Practitioner/${author.id}`)) as Practitioner).name?.find((n) => n.family)
            ?.family;
    expect(family, `The author of DocumentReference/${document.id ?? '?'} has no family name`);
    const patient = patientOf(ctx);
    const found = (await ctx.professional.searchDocuments({ patient, author: family })).entries;
    expectIncluded(found, document, `author ${family}`);
    const none = (await ctx.professional.searchDocuments({ patient, author: NOBODY })).entries;
    expect(
      none.length === 0,
      `The search by an author no one is (${NOBODY}) answered ${none.length} documents: the filter is ignored`,
    );
    return 'passed';
  },
};

const searchByConfidentiality = searchByToken({
  name: 'search-confidentiality',
  interaction: 'ITI-67 search by confidentiality',
  param: 'security-label',
  wanted: 'document with a confidentiality code',
  codeOf: confidentialityOf,
  query: (code) => ({ securityLabel: code as 'N' | 'R' | 'V' }),
  searchName: 'confidentiality',
  answered: (code) => `labelled ${code ?? 'none'}`,
});

const readDocument: Check = {
  name: 'read-document',
  interaction: 'read DocumentReference',
  needs: { patient: true },
  uses: [searchDocuments(), { type: 'DocumentReference', interaction: 'read' }],
  run: async (ctx) => {
    const listed = await documentWith(ctx, (d) => d.id);
    if (!listed?.id) return noDocument(ctx);
    const read = await ctx.professional.readDocument(listed.id);
    expect(
      read.id === listed.id,
      `DocumentReference/${listed.id} was answered with id ${read.id ?? '(none)'}`,
    );
    expect(
      refersTo(read.subject?.reference, 'Patient', patientOf(ctx)),
      `DocumentReference/${listed.id} read is about ${read.subject?.reference ?? 'no one'}`,
    );
    expect(
      read.masterIdentifier?.value === listed.masterIdentifier?.value,
      `DocumentReference/${listed.id} read has another masterIdentifier than in the search`,
    );
    return 'passed';
  },
};

const retrieve: Check = {
  name: 'retrieve',
  interaction: 'ITI-68 retrieve content',
  needs: { patient: true },
  uses: [searchDocuments()],
  run: async (ctx) => {
    const document = await documentWith(ctx, (d) => d.content[0]?.attachment.url);
    const attachment = document?.content[0]?.attachment;
    if (!document || !attachment) return noDocument(ctx, 'document with a content URL');
    // The client checks the bytes against the attachment's size and SHA-1 (DspIntegrityError).
    const content = await ctx.professional.retrieveContent(attachment);
    expect(
      attachment.size === undefined || content.size === attachment.size,
      `The content has ${content.size} bytes; its attachment says ${String(attachment.size)}`,
    );
    expect(
      attachment.hash !== undefined || attachment.size !== undefined,
      `The attachment of DocumentReference/${document.id ?? '?'} has neither size nor hash to check the content against`,
    );
    return 'passed';
  },
};

const countBatch: Check = {
  name: 'count-batch',
  interaction: 'count batch (_summary=count)',
  needs: { patient: true },
  uses: [{ system: 'batch' }, searchDocuments('type', 'date')],
  run: async (ctx) => {
    const documents = await allDocuments(ctx);
    if (!documents)
      return skipped(`Patient/${patientOf(ctx)} has over 1,000 documents to count by hand`);
    const dated = documents.filter((d) => typeCodeOf(d) && !Number.isNaN(timeOf(d.date)));
    if (dated.length === 0) return noDocument(ctx, 'dated document of a DSP type');
    // The expected table is counted here from the documents the search lists: the counts of
    // documents dated before the first instant (UTC) of the month after each snapshot month.
    const months = [
      ...new Set(dated.map((d) => new Date(timeOf(d.date)).toISOString().slice(0, 7))),
    ].sort();
    const oldest = months[0] ?? '';
    const before = new Date(
      Date.UTC(Number(oldest.slice(0, 4)), Number(oldest.slice(5, 7)) - 2, 1),
    );
    const dates = [...new Set([before.toISOString().slice(0, 7), oldest, months.at(-1) ?? oldest])];
    const present = [...new Set(dated.map(typeCodeOf))].slice(0, 3) as string[];
    const absent = documentTypes.find((t) => !present.includes(t.code))?.code;
    const typeCodes = absent ? [...present, absent] : present;
    const bound = (month: string) =>
      Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1);
    const expected = typeCodes.map((code) =>
      dates.map(
        (month) =>
          dated.filter((d) => typeCodeOf(d) === code && timeOf(d.date) < bound(month)).length,
      ),
    );
    const query = { dates, typeCodes, patient: patientOf(ctx) };
    const answer = await ctx.professional.batch(buildCountBatch(query));
    const { counts } = readCountBatch(answer, dates, typeCodes);
    typeCodes.forEach((code, t) =>
      dates.forEach((month, d) => {
        const want = expected[t]?.[d];
        const got = counts[t]?.[d];
        expect(
          got === want,
          `The count of type ${code} before the end of ${month} is ${String(got)}; the search lists ${String(want)}`,
        );
      }),
    );
    return 'passed';
  },
};

const directory: Check = {
  name: 'directory',
  interaction: 'directory search (PractitionerRole)',
  needs: {},
  uses: [
    { type: 'PractitionerRole', interaction: 'search-type', params: ['practitioner'] },
    { type: 'Practitioner', interaction: 'read' },
  ],
  run: async (ctx) => {
    // A professional the directory holds, found with plain FHIR, then looked up by family name.
    const path = 'PractitionerRole?_count=20';
    const roles = readSearchSet<{
      resourceType: 'PractitionerRole';
      id?: string;
      practitioner?: { reference?: string };
      organization?: { reference?: string };
    }>(
      await ctx.get(path),
      'PractitionerRole',
      new URL(path, ctx.baseUrl).href,
      new URL(ctx.baseUrl).origin,
    ).entries;
    const role = roles.find((r) =>
      /(?:^|\/)Practitioner\/[^/]+$/.test(r.practitioner?.reference ?? ''),
    );
    if (!role?.practitioner?.reference)
      return skipped('The directory holds no PractitionerRole of a Practitioner');
    const practitionerId = /Practitioner\/([^/]+)$/.exec(role.practitioner.reference)?.[1] ?? '';
    const person = (await ctx.get(`Practitioner/${practitionerId}`)) as Practitioner;
    const family = person.name?.find((n) => n.family)?.family;
    if (!family) return skipped(`Practitioner/${practitionerId} has no family name to search by`);
    const found = await ctx.professional.searchPractitioners(family, { count: 50 });
    const entry = found.find((e) => e.role.id === role.id);
    expect(
      entry,
      `Searching the directory for "${family}" left out PractitionerRole/${role.id ?? '?'}`,
    );
    expect(
      entry.practitioner?.id === practitionerId,
      `PractitionerRole/${role.id ?? '?'} came without its Practitioner (_include=PractitionerRole:practitioner)`,
    );
    expect(
      !role.organization?.reference || entry.organization,
      `PractitionerRole/${role.id ?? '?'} came without its Organization (_include=PractitionerRole:organization)`,
    );
    const none = await ctx.professional.searchPractitioners(NOBODY);
    expect(
      none.length === 0,
      `Searching the directory for ${NOBODY} answered ${none.length} professionals: the filter is ignored`,
    );
    return 'passed';
  },
};

const readConsent: Check = {
  name: 'consent-read',
  interaction: 'PCF read Consent',
  needs: { patient: true },
  uses: [
    { type: 'Consent', interaction: 'search-type', params: ['patient', 'scope'] },
    { type: 'Consent', interaction: 'read' },
  ],
  run: async (ctx) => {
    const patient = patientOf(ctx);
    const { consent, etag } = await ctx.holder.getConsent(patient);
    if (etag === undefined) {
      expect(consent.id === undefined, `Consent/${consent.id ?? ''} was read without an ETag`);
      return skipped(`Patient/${patient} has no privacy Consent`);
    }
    expect(
      refersTo(consent.patient?.reference, 'Patient', patient),
      `The privacy Consent found is about ${consent.patient?.reference ?? 'no one'}`,
    );
    expect(
      (consent as Partial<Consent>).scope?.coding?.some(
        (c) => c.system === CONSENT_SCOPE.system && c.code === CONSENT_SCOPE.code,
      ),
      `Consent/${consent.id ?? '?'} found by scope ${CONSENT_SCOPE.code} has another scope`,
    );
    return 'passed';
  },
};

const saveConsent: Check = {
  name: 'consent-save',
  interaction: 'PCF save Consent (If-Match)',
  needs: { write: true, patient: true },
  uses: [
    { type: 'Consent', interaction: 'update' },
    { type: 'Consent', interaction: 'search-type', params: ['patient', 'scope'] },
  ],
  run: async (ctx) => {
    const { consent, etag } = await currentConsent(ctx);
    const dateTime = new Date().toISOString();
    const saved = await ctx.holder.saveConsent({ ...consent, dateTime }, etag);
    expect(
      saved.etag && saved.etag !== etag,
      `The update answered ${saved.etag ? 'the same ETag' : 'no ETag'}: the next edit could not be told apart`,
    );
    const again = await ctx.holder.getConsent(patientOf(ctx));
    expect(
      again.etag === saved.etag,
      `Consent/${consent.id ?? '?'} reads back with ETag ${again.etag ?? '(none)'}, the update answered ${saved.etag}`,
    );
    expect(timeOf(again.consent.dateTime) === timeOf(dateTime), 'The change was not kept');
    return 'passed';
  },
};

const consentConflict: Check = {
  name: 'consent-conflict',
  interaction: 'PCF stale ETag refused (412)',
  needs: { write: true, patient: true },
  uses: [{ type: 'Consent', interaction: 'update' }],
  run: async (ctx) => {
    const { consent, etag } = await currentConsent(ctx);
    // Another editor saves first; a save still carrying the old ETag must not overwrite it.
    const newer = await ctx.holder.saveConsent(
      { ...consent, dateTime: new Date().toISOString() },
      etag,
    );
    let conflict: DspConflictError | undefined;
    try {
      await ctx.holder.saveConsent({ ...consent, dateTime: '2001-01-01T00:00:00Z' }, etag);
    } catch (error) {
      if (!(error instanceof DspConflictError)) throw error;
      conflict = error;
    }
    expect(
      conflict,
      'A save with a stale ETag was accepted: it overwrote the other editor’s change',
    );
    expect(
      conflict.etag === newer.etag,
      `The conflict carries ETag ${conflict.etag ?? '(none)'}, the current one is ${newer.etag ?? '(none)'}`,
    );
    const after = await ctx.holder.getConsent(patientOf(ctx));
    expect(
      after.etag === newer.etag &&
        timeOf(after.consent.dateTime) !== timeOf('2001-01-01T00:00:00Z'),
      'The refused save changed the Consent',
    );
    return 'passed';
  },
};

const documentUpdate: Check = {
  name: 'document-update',
  interaction: 'update DocumentReference (If-Match, stale ETag refused)',
  needs: { write: true, patient: true },
  uses: [
    { system: 'transaction' },
    searchDocuments('identifier'),
    { type: 'DocumentReference', interaction: 'update' },
  ],
  run: async (ctx) => {
    // A document of the check's own, so only what it wrote is corrected.
    const { submission } = conformanceSubmission(ctx);
    await ctx.professional.provideDocuments(submission);
    const [sent] = await byMasterIdentifier(ctx, submission.documents[0]?.uuid ?? '');
    expect(sent?.id, 'The document just sent is not found by its masterIdentifier');
    const read = await ctx.professional.readDocumentVersioned(sent.id);
    const saved = await ctx.professional.updateDocument(
      { ...read.document, description: 'Conformance: corrected' },
      read.etag,
    );
    expect(
      saved.etag !== read.etag,
      `The update answered the ETag it was sent (${saved.etag}): the next edit could not be told apart`,
    );
    let conflict: DspConflictError | undefined;
    try {
      await ctx.professional.updateDocument(
        { ...read.document, description: 'Conformance: stale' },
        read.etag,
      );
    } catch (error) {
      if (!(error instanceof DspConflictError)) throw error;
      conflict = error;
    }
    expect(conflict, 'An update with a stale ETag was accepted: it overwrote the newer version');
    expect(
      conflict.etag === saved.etag,
      `The conflict carries ETag ${conflict.etag ?? '(none)'}, the current one is ${saved.etag}`,
    );
    const after = (await ctx.get(`DocumentReference/${sent.id}`)) as DocumentReference;
    expect(
      after.description === 'Conformance: corrected',
      `DocumentReference/${sent.id} reads back "${after.description ?? ''}", not the accepted correction`,
    );
    return 'passed';
  },
};

const audit: Check = {
  name: 'audit',
  interaction: 'ITI-81 search AuditEvent',
  needs: { patient: true },
  uses: [{ type: 'AuditEvent', interaction: 'search-type', params: ['patient', 'date'] }],
  run: async (ctx) => {
    const patient = patientOf(ctx);
    const events = (await ctx.holder.searchAuditEvents({ patient, _count: 50 })).entries;
    if (events.length === 0) return skipped(`The access log of Patient/${patient} is empty`);
    const mentions = (e: AuditEvent) =>
      (e.entity ?? []).some((x) => refersTo(x.what?.reference, 'Patient', patient)) ||
      e.agent.some((a) => refersTo(a.who?.reference, 'Patient', patient));
    const stranger = events.find((e) => !mentions(e));
    expect(!stranger, `AuditEvent/${stranger?.id ?? '?'} does not concern Patient/${patient}`);
    for (let i = 1; i < events.length; i++) {
      const [a, b] = [events[i - 1], events[i]];
      expect(
        !(timeOf(b?.recorded) > timeOf(a?.recorded)),
        `Not newest first: AuditEvent/${b?.id ?? '?'} (${b?.recorded ?? ''}) after AuditEvent/${a?.id ?? '?'} (${a?.recorded ?? ''})`,
      );
    }
    return 'passed';
  },
};

const assistants: Check = {
  name: 'assistants-search',
  interaction: 'assistants search (RelatedPerson)',
  needs: { patient: true },
  uses: [{ type: 'RelatedPerson', interaction: 'search-type', params: ['patient', 'active'] }],
  run: async (ctx) => {
    const patient = patientOf(ctx);
    const found = await ctx.holder.searchAssistants(patient);
    if (found.length === 0) return skipped(`Patient/${patient} has no DSP assistant`);
    const other = found.find((a) => !refersTo(a.resource.patient.reference, 'Patient', patient));
    expect(!other, `RelatedPerson/${other?.id ?? ''} is not an assistant of Patient/${patient}`);
    const withdrawn = found.find((a) => !a.active);
    expect(
      !withdrawn,
      `The search for current assistants answered the withdrawn RelatedPerson/${withdrawn?.id ?? ''}`,
    );
    return 'passed';
  },
};

const nameAssistant: Check = {
  name: 'assistants-name',
  interaction: 'assistants name (idempotent)',
  needs: { write: true, patient: true },
  uses: [
    { type: 'RelatedPerson', interaction: 'create' },
    { type: 'RelatedPerson', interaction: 'update' },
  ],
  run: async (ctx) => {
    const patient = patientOf(ctx);
    const input = { given: 'Conformance', family: 'Check', matricule: randomMatricule() };
    const named = await ctx.holder.addAssistant(patient, input);
    try {
      expect(named.id && named.active, 'The new assistant came back without id, or not active');
      expect(named.matricule === input.matricule, 'The new assistant lost their matricule');
      const again = await ctx.holder.addAssistant(patient, input);
      expect(
        again.id === named.id,
        `Naming the same person again made RelatedPerson/${again.id}, beside RelatedPerson/${named.id}`,
      );
      const listed = await ctx.holder.searchAssistants(patient);
      expect(
        listed.filter((a) => a.matricule === input.matricule).length === 1,
        'The assistant is not listed once among the current assistants',
      );
    } finally {
      // Nobody keeps access to the patient's record after a check.
      await ctx.holder.removeAssistant(patient, named.id);
    }
    return 'passed';
  },
};

const withdrawAssistant: Check = {
  name: 'assistants-withdraw',
  interaction: 'assistants withdraw and restore',
  needs: { write: true, patient: true },
  uses: [
    { type: 'RelatedPerson', interaction: 'create' },
    { type: 'RelatedPerson', interaction: 'update' },
  ],
  run: async (ctx) => {
    const patient = patientOf(ctx);
    const named = await ctx.holder.addAssistant(patient, {
      given: 'Conformance',
      family: 'Withdrawn',
      matricule: randomMatricule(),
    });
    const listed = async () =>
      (await ctx.holder.searchAssistants(patient)).some((a) => a.id === named.id);
    const withdrawn = await ctx.holder.removeAssistant(patient, named.id);
    expect(!withdrawn.active, `RelatedPerson/${named.id} is still active after its withdrawal`);
    expect(
      !(await listed()),
      `The withdrawn RelatedPerson/${named.id} is still listed as a current assistant`,
    );
    const restored = await ctx.holder.restoreAssistant(patient, named.id);
    expect(
      restored.id === named.id && restored.active,
      `RelatedPerson/${named.id} was not restored as the same record`,
    );
    expect(await listed(), `The restored RelatedPerson/${named.id} is not listed`);
    await ctx.holder.removeAssistant(patient, named.id);
    return 'passed';
  },
};

/** The suite, in the order it runs. */
export const contractChecks: readonly Check[] = [
  capabilities,
  readPatient,
  provide,
  resend,
  searchByPatient,
  nextPage,
  searchByType,
  searchByClass,
  searchByDate,
  searchByAuthor,
  searchByConfidentiality,
  readDocument,
  retrieve,
  countBatch,
  directory,
  readConsent,
  saveConsent,
  consentConflict,
  documentUpdate,
  audit,
  assistants,
  nameAssistant,
  withdrawAssistant,
];
