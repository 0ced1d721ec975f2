// The document probes the contract checks share: a patient's documents as the server lists them,
// a fresh submission whose bytes the check knows, and lookups by masterIdentifier and location.
import { createHash, randomUUID } from 'node:crypto';
import type { DocumentReference, Reference } from '@medplum/fhirtypes';
import { readSearchSet } from '../../src/bundle.js';
import type { ProvideResult } from '../../src/client.js';
import type { DocumentSubmission } from '../../src/provide.js';
import {
  CONFIDENTIALITY_SYSTEM,
  DOCUMENT_CLASS_SYSTEM,
  documentTypeOf,
} from '../../src/vocabulary.js';
import type { ContractContext } from './context.js';

/** Identifier system of `urn:uuid:` values (masterIdentifier, SubmissionSet identifier). */
const URI_SYSTEM = 'urn:ietf:rfc:3986';

/** The patient the check runs on: checks needing one only run with one (`needs.patient`). */
export function patientOf(ctx: ContractContext): string {
  if (ctx.patient === undefined) throw new Error('This check needs a patient');
  return ctx.patient;
}

/** Whether a reference (relative or absolute) designates `type/id`. */
export function refersTo(reference: string | undefined, type: string, id: string): boolean {
  return reference === `${type}/${id}` || (reference?.endsWith(`/${type}/${id}`) ?? false);
}

/** Milliseconds of a FHIR date or instant, NaN when there is none. */
export function timeOf(value: string | undefined): number {
  return value === undefined ? Number.NaN : Date.parse(value);
}

/** The newest current documents of the patient (one page). */
export async function newestDocuments(
  ctx: ContractContext,
  count = 50,
): Promise<readonly DocumentReference[]> {
  return (await ctx.professional.searchDocuments({ patient: patientOf(ctx), _count: count }))
    .entries;
}

/** Every current document of the patient, page after page; undefined beyond `max`. */
export async function allDocuments(
  ctx: ContractContext,
  max = 1000,
): Promise<DocumentReference[] | undefined> {
  const documents: DocumentReference[] = [];
  let page = await ctx.professional.searchDocuments({ patient: patientOf(ctx), _count: 100 });
  for (;;) {
    documents.push(...page.entries);
    if (documents.length > max) return undefined;
    const next = await page.next();
    if (!next) return documents;
    page = next;
  }
}

export function typeCodeOf(document: DocumentReference): string | undefined {
  return documentTypeOf(document.type)?.code;
}

export function classCodeOf(document: DocumentReference): string | undefined {
  return (document.category ?? [])
    .flatMap((c) => c.coding ?? [])
    .find((c) => c.system === DOCUMENT_CLASS_SYSTEM)?.code;
}

export function confidentialityOf(document: DocumentReference): 'N' | 'R' | 'V' | undefined {
  const code = (document.securityLabel ?? [])
    .flatMap((l) => l.coding ?? [])
    .find((c) => c.system === CONFIDENTIALITY_SYSTEM)?.code;
  return code === 'N' || code === 'R' || code === 'V' ? code : undefined;
}

/** The practitioner who wrote a document: by reference, or named in a contained resource. */
export type PractitionerAuthor = { readonly id: string } | { readonly family: string };

/**
 * The document's author person when a Practitioner: a `Practitioner/<id>` reference, or (as the
 * MHD Comprehensive profiles carry authors) a contained Practitioner with a family name or a
 * contained PractitionerRole pointing at one. ITI-67's `author.family` searches that person.
 */
export function practitionerAuthorOf(document: DocumentReference): PractitionerAuthor | undefined {
  const idIn = (reference: string | undefined) =>
    /(?:^|\/)Practitioner\/([^/]+)$/.exec(reference ?? '')?.[1];
  for (const author of document.author ?? []) {
    const reference = author.reference ?? '';
    const direct = idIn(reference);
    if (direct) return { id: direct };
    if (!reference.startsWith('#')) continue;
    const contained = document.contained?.find((r) => r.id === reference.slice(1));
    if (contained?.resourceType === 'Practitioner') {
      const family = contained.name?.find((n) => n.family)?.family;
      if (family) return { family };
    }
    const id =
      contained?.resourceType === 'PractitionerRole'
        ? idIn(contained.practitioner?.reference)
        : undefined;
    if (id) return { id };
  }
  return undefined;
}

/** The first entry dated after the one before it, when a newest-first list is out of order. */
export function outOfOrder(documents: readonly DocumentReference[]): string | undefined {
  for (let i = 1; i < documents.length; i++) {
    const before = documents[i - 1];
    const after = documents[i];
    if (timeOf(after?.date) > timeOf(before?.date)) {
      return `${after?.id ?? '?'} (${after?.date ?? '?'}) comes after ${before?.id ?? '?'} (${before?.date ?? '?'}) though newer`;
    }
  }
  return undefined;
}

export interface KnownSubmission {
  readonly submission: DocumentSubmission;
  /** The text the one document holds. */
  readonly text: string;
  readonly size: number;
  /** Its SHA-1, base64, computed here (not by the kit). */
  readonly hash: string;
}

/** FHIR instant of now, to the second (what an ITI-65 submission date carries). */
function nowInstant(): string {
  return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A new one-document submission of a short text, with UUIDs of its own, signed by the context's
 * author (or by the patient). A patient or their assistant writes "Expression du titulaire"; a
 * professional a medical certificate.
 */
export function conformanceSubmission(ctx: ContractContext): KnownSubmission {
  const patient = patientOf(ctx);
  const date = nowInstant();
  const text = `DSP Kit conformance check, ${date}\n`;
  const bytes = Buffer.from(text, 'utf8');
  const hash = createHash('sha1').update(bytes).digest('base64');
  const author: Reference = ctx.author ?? { reference: `Patient/${patient}` };
  const byPatientSide = /^(Patient|RelatedPerson)\//.test(author.reference ?? '');
  return {
    text,
    size: bytes.byteLength,
    hash,
    submission: {
      uuid: randomUUID(),
      patient,
      author: author as DocumentSubmission['author'],
      date,
      documents: [
        {
          uuid: randomUUID(),
          typeCode: byPatientSide ? 'expression-titulaire' : 'certificat-medical',
          title: 'DSP Kit conformance check',
          contentType: 'text/plain',
          data: bytes.toString('base64'),
          size: bytes.byteLength,
          hash,
          language: 'en',
        },
      ],
    },
  };
}

/** The patient's DocumentReferences whose masterIdentifier is `urn:uuid:<uuid>`. */
export async function byMasterIdentifier(
  ctx: ContractContext,
  uuid: string,
): Promise<DocumentReference[]> {
  const params = new URLSearchParams({
    patient: patientOf(ctx),
    identifier: `${URI_SYSTEM}|urn:uuid:${uuid}`,
  });
  const path = `DocumentReference?${params.toString()}`;
  const url = new URL(path, ctx.baseUrl).href;
  return readSearchSet<DocumentReference>(
    await ctx.get(path),
    'DocumentReference',
    url,
    new URL(ctx.baseUrl).origin,
  ).entries.filter((d) => d.masterIdentifier?.value === `urn:uuid:${uuid}`);
}

export interface AnsweredEntry {
  readonly status: string;
  readonly id: string | undefined;
}

/**
 * The transaction-response entry of a resource type: found by its location (`Type/id…`), or by its
 * place in the request (ITI-65's order: the SubmissionSet, then the document) when the server
 * gives no locations at all.
 */
export function answered(
  result: ProvideResult,
  type: 'List' | 'DocumentReference',
): AnsweredEntry | undefined {
  const pattern = new RegExp(`(?:^|/)${type}/([^/]+)`);
  const located = result.entries.some((e) => e.location !== undefined);
  const entry = located
    ? result.entries.find((e) => pattern.test(e.location ?? ''))
    : result.entries[type === 'List' ? 0 : 1];
  if (!entry) return undefined;
  return { status: entry.status, id: pattern.exec(entry.location ?? '')?.[1] };
}
