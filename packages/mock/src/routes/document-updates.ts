// DocumentReference updates: `PUT` and JSON Patch (`PATCH`, RFC 6902) with `If-Match`, for the
// document lifecycle (correct, withdraw, restore, confidentiality); judged by lifecycle-policy.ts,
// each one audited with what it did.
import type { DocumentReference } from '@medplum/fhirtypes';
import { emergencyFlag, openRecord, type Context } from '../context.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import { applyJsonPatch } from '../json-patch.js';
import { changeRefusal, planUpdate } from '../lifecycle-policy.js';
import { refusalText } from '../policy.js';
import type { Stored } from '../store.js';
import { documentFailure } from './documents.js';

const JSON_PATCH = 'application/json-patch+json';

function etagOf(document: DocumentReference): string {
  return `W/"${document.meta?.versionId ?? '1'}"`;
}

/**
 * The version `If-Match` names matches the current one: a 428 without it (an update that does
 * not say which version it was made from could overwrite a change it never saw), a 412 when stale.
 * A strong `"n"` is read as the weak `W/"n"` the server sends, as FHIR servers do.
 */
function checkIfMatch(context: Context, current: Stored<DocumentReference>): void {
  const ifMatch = context.request.headers.get('if-match')?.trim();
  if (!ifMatch) {
    throw FhirFailure.of(
      428,
      'required',
      'A change of a document needs If-Match with the ETag it was read with (W/"<versionId>"), so that it never overwrites a change made meanwhile',
    );
  }
  const version = current.meta?.versionId ?? '1';
  if (ifMatch !== `W/"${version}"` && ifMatch !== `"${version}"`) {
    throw FhirFailure.of(
      412,
      'conflict',
      `The document changed meanwhile: its current version is ${version}, not ${ifMatch}`,
    );
  }
}

async function readJson(context: Context): Promise<unknown> {
  try {
    return (await context.request.json()) as unknown;
  } catch {
    throw FhirFailure.of(400, 'structure', 'The body is not JSON');
  }
}

/** The document the request proposes: the PUT's body, or the current one with the patch applied. */
async function proposed(
  context: Context,
  current: Stored<DocumentReference>,
  patch: boolean,
): Promise<DocumentReference> {
  const contentType = (context.request.headers.get('content-type') ?? '').split(';')[0]?.trim();
  if (patch) {
    if (contentType !== JSON_PATCH) {
      throw FhirFailure.of(
        415,
        'not-supported',
        `A PATCH here is a JSON Patch (${JSON_PATCH}), not "${contentType ?? ''}"`,
      );
    }
    return applyJsonPatch(current, await readJson(context));
  }
  const body = await readJson(context);
  if ((body as { resourceType?: unknown } | null)?.resourceType !== 'DocumentReference') {
    throw FhirFailure.of(
      400,
      'invalid',
      'The body must be a DocumentReference',
      'DocumentReference',
    );
  }
  const document = body as DocumentReference;
  if (document.id !== current.id) {
    throw FhirFailure.of(
      400,
      'invalid',
      `The body's id "${String(document.id)}" is not the id in the URL, ${current.id}`,
      'DocumentReference.id',
    );
  }
  return document;
}

/** `PUT` or `PATCH DocumentReference/<id>`. */
export async function updateDocumentRoute(
  context: Context,
  id: string,
  patch: boolean,
): Promise<Response> {
  const current = context.store.get<DocumentReference>('DocumentReference', id);
  if (!current) throw FhirFailure.of(404, 'not-found', `DocumentReference/${id} not found`);
  const patient = current.subject?.reference?.replace(/^Patient\//, '') ?? '';
  const record = openRecord(context, patient, 'update');
  const { caller, audit } = context;
  const hidden = record.access.document(current);
  if (hidden) {
    audit.record({
      caller,
      action: 'update',
      outcome: 'refused',
      patient,
      document: current,
      outcomeDescription: refusalText[hidden],
    });
    throw documentFailure(hidden);
  }
  checkIfMatch(context, current);
  const update = planUpdate(current, await proposed(context, current, patch));
  const refusal = changeRefusal(
    caller,
    current,
    update,
    context.store,
    context.policy.organisationReplaces,
  );
  if (refusal) {
    audit.record({
      caller,
      action: 'update',
      outcome: 'refused',
      patient,
      document: current,
      outcomeDescription: refusal,
    });
    throw FhirFailure.of(403, 'forbidden', refusal);
  }
  const stored =
    update.fields.length === 0
      ? current
      : context.store.put<DocumentReference>({ ...update.document, id, meta: current.meta });
  if (stored !== current) {
    audit.record({
      caller,
      action: 'update',
      outcome: 'success',
      patient,
      document: stored,
      documentChange: update.change,
      ...emergencyFlag(record),
    });
  }
  return fhirResponse(stored, 200, {
    ETag: etagOf(stored),
    Location: `DocumentReference/${id}/_history/${stored.meta?.versionId ?? '1'}`,
  });
}
