// Documents: ITI-67 search (and `_summary=count` for statistics), DocumentReference read, and
// ITI-68 content retrieval, each filtered by the rules and audited.
import { MASKED_BY_PATIENT_LABEL, WITHHELD_BY_PROFESSION } from '@dsp-kit/fhir';
import type { Binary, DocumentReference } from '@medplum/fhirtypes';
import { emergencyFlag, openRecord, type Context } from '../context.js';
import { decodeBase64 } from '../base64.js';
import { directoryOf, patientId, searchDocuments } from '../document-search.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import { refusalText, type Refusal } from '../policy.js';
import type { Stored } from '../store.js';

/** The document with the mark of the patient's mask, for one who sees it nonetheless. */
function withMaskMark(document: DocumentReference): DocumentReference {
  return {
    ...document,
    securityLabel: [
      ...(document.securityLabel ?? []),
      { coding: [{ ...MASKED_BY_PATIENT_LABEL }] },
    ],
  };
}

/** A refused document is answered 404 when the rules make it invisible, 403 otherwise. */
export function documentFailure(refusal: Refusal): FhirFailure {
  return refusal === 'masked' || refusal === 'hidden-from-patient' || refusal === 'confidentiality'
    ? FhirFailure.of(404, 'not-found', 'Document not found')
    : FhirFailure.of(403, 'forbidden', refusalText[refusal]);
}

export function searchDocumentsRoute(context: Context): Response {
  const { url, store, caller } = context;
  const patient = url.searchParams.get('patient')?.trim();
  if (!patient) {
    if (url.searchParams.get('_summary') === 'count' && caller.kind !== 'agency') {
      throw FhirFailure.of(
        403,
        'forbidden',
        'Seule l’Agence eSanté compte les documents de tous les DSP.',
      );
    }
    // Counts across every DSP: the agency's statistics. No document leaves the server.
    const bundle = searchDocuments({
      url,
      documents: () => store.list<DocumentReference>('DocumentReference'),
      visible: () => true,
      allowWithoutPatient: caller.kind === 'agency',
    });
    return fhirResponse(bundle);
  }
  const record = openRecord(context, patientId(patient), 'search');
  const bundle = searchDocuments({
    url,
    documents: (id) => (id ? store.documentsOf(id) : []),
    visible: (doc) => record.access.document(doc) === undefined,
    // The profession matrix is told (the professional knows it, and must look elsewhere); a
    // masked document or one hidden from the patient stays unseen, as its read answers 404.
    withheld: (doc) =>
      record.access.document(doc) === 'profession' ? WITHHELD_BY_PROFESSION : undefined,
    present: (doc) => (record.access.seesMask(doc) ? withMaskMark(doc) : doc),
    allowWithoutPatient: false,
    practitioner: directoryOf(store),
  });
  context.audit.record({
    caller,
    action: 'search',
    outcome: 'success',
    patient: record.patient.id,
    ...emergencyFlag(record),
  });
  return fhirResponse(bundle);
}

function documentAccess(context: Context, document: DocumentReference & { id: string }) {
  const patient = document.subject?.reference?.replace(/^Patient\//, '') ?? '';
  const record = openRecord(context, patient, 'read');
  const refusal = record.access.document(document);
  if (refusal) {
    context.audit.record({
      caller: context.caller,
      action: 'read',
      outcome: 'refused',
      patient,
      document,
      outcomeDescription: refusalText[refusal],
    });
    throw documentFailure(refusal);
  }
  context.audit.record({
    caller: context.caller,
    action: 'read',
    outcome: 'success',
    patient,
    document,
    ...emergencyFlag(record),
  });
}

export function readDocumentRoute(context: Context, id: string): Response {
  const document = context.store.get<DocumentReference>('DocumentReference', id);
  if (!document) throw FhirFailure.of(404, 'not-found', `DocumentReference/${id} not found`);
  documentAccess(context, document);
  return fhirResponse(document, 200, { ETag: `W/"${document.meta?.versionId ?? '1'}"` });
}

/**
 * The documents through which `Binary/<id>` may be read. Content a transaction wrote names its
 * one document in `securityContext`, and is read only through it (and only while that document
 * still points at it). Content without one is seeded data, which generated documents may share.
 */
function documentsOfContent(
  context: Context,
  binary: Binary & { id: string },
): readonly Stored<DocumentReference>[] {
  const url = `Binary/${binary.id}`;
  const owner = binary.securityContext?.reference;
  if (owner === undefined) return context.store.documentsWithContent(url);
  const id = owner.startsWith('DocumentReference/') ? owner.slice('DocumentReference/'.length) : '';
  const document = context.store.get<DocumentReference>('DocumentReference', id);
  return document?.content.some((c) => c.attachment.url === url) ? [document] : [];
}

/** ITI-68: the content, raw (or as a FHIR Binary when asked for FHIR JSON). */
export function readBinaryRoute(context: Context, id: string): Response {
  const binary = context.store.get<Binary>('Binary', id);
  const users = binary ? documentsOfContent(context, binary) : [];
  if (!binary || users.length === 0)
    throw FhirFailure.of(404, 'not-found', `Binary/${id} not found`);
  // Shared content (generated data) is readable through any document the caller may see.
  let lastFailure: unknown;
  let allowed = false;
  for (const document of users) {
    try {
      documentAccess(context, document);
      allowed = true;
      break;
    } catch (error) {
      lastFailure = error;
    }
  }
  if (!allowed) throw lastFailure;
  if ((context.request.headers.get('accept') ?? '').includes('fhir+json'))
    return fhirResponse(binary);
  const bytes = decodeBase64(binary.data ?? '');
  if (!bytes) throw new Error(`Binary/${id} holds no base64`);
  return new Response(bytes, {
    headers: {
      'Content-Type': binary.contentType,
      'Content-Length': String(bytes.byteLength),
      // The declared type, never one a browser would guess from the bytes.
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
