// `POST [base]` with a Bundle: a `transaction` is an ITI-65 submission; a `batch` runs each GET
// entry as its own request, with the caller's credentials, and answers them all at once.
import type { Bundle, BundleEntry, Patient } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { FhirFailure, fhirResponse, outcome } from '../fhir-http.js';
import { replaceRefusal } from '../replacements.js';
import { applyTransaction } from '../transaction.js';

export async function bundleRoute(
  context: Context,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  let body: unknown;
  try {
    body = await context.request.json();
  } catch {
    throw FhirFailure.of(400, 'structure', 'The body is not JSON');
  }
  if ((body as { resourceType?: unknown } | null)?.resourceType !== 'Bundle') {
    throw FhirFailure.of(400, 'invalid', 'Expected a Bundle', 'Bundle');
  }
  const bundle = body as Bundle;
  if (bundle.type === 'batch') return batch(context, bundle, handle);
  if (bundle.type !== 'transaction') {
    throw FhirFailure.of(
      400,
      'not-supported',
      `Bundle type "${bundle.type}" is not accepted here; use transaction or batch`,
      'Bundle.type',
    );
  }
  const { caller, store, audit, maxUploadSize } = context;
  try {
    const result = await applyTransaction(bundle, caller, store, {
      maxSize: maxUploadSize,
      // A document found again is the caller's to see, as any read of it would be.
      mayRead: (document) => {
        const patient = store.get<Patient>(
          'Patient',
          document.subject?.reference?.replace(/^Patient\//, '') ?? '',
        );
        if (!patient) return false;
        const emergency = context.emergencies.active(patient.id, caller.reference.reference);
        const access = context.policy.recordAccess(
          caller,
          patient,
          store.consentOf(patient.id),
          emergency !== undefined,
        );
        return access.document(document) === undefined;
      },
      mayReplace: (document) =>
        replaceRefusal(document, caller, store, context.policy.organisationReplaces),
      mayWrite: (patient) => {
        if (caller.kind === 'agency') return 'L’Agence eSanté n’ajoute pas de documents.';
        if (caller.kind === 'patient' || caller.kind === 'assistant') {
          return caller.patientId === patient.id ? undefined : 'Ce DSP n’est pas le vôtre.';
        }
        const access = context.policy.recordAccess(
          caller,
          patient,
          store.consentOf(patient.id),
          false,
        );
        return access.refusal === 'closed'
          ? 'Le patient a fermé son DSP.'
          : access.refusal === 'blocked'
            ? 'Le patient vous a bloqué : vous ne pouvez pas ajouter de document à son DSP.'
            : undefined;
      },
    });
    for (const document of result.created) {
      audit.record({
        caller,
        action: 'create',
        outcome: 'success',
        patient: result.patient,
        document,
      });
    }
    for (const document of result.superseded) {
      audit.record({
        caller,
        action: 'update',
        outcome: 'success',
        patient: result.patient,
        document,
      });
    }
    return fhirResponse(result.response);
  } catch (error) {
    if (error instanceof FhirFailure && error.status === 403) {
      const patient = bundle.entry?.find(
        (e) => e.resource?.resourceType === 'DocumentReference',
      )?.resource;
      const id =
        patient?.resourceType === 'DocumentReference'
          ? patient.subject?.reference?.replace(/^Patient\//, '')
          : undefined;
      if (id)
        audit.record({
          caller,
          action: 'create',
          outcome: 'refused',
          patient: id,
          outcomeDescription: error.message,
        });
    }
    throw error;
  }
}

async function batch(
  context: Context,
  bundle: Bundle,
  handle: (request: Request) => Promise<Response>,
): Promise<Response> {
  const authorization = context.request.headers.get('authorization');
  const entries: BundleEntry[] = [];
  for (const [i, entry] of (bundle.entry ?? []).entries()) {
    if (entry.request?.method !== 'GET') {
      entries.push({
        response: {
          status: '400 Bad Request',
          outcome: outcome([
            { code: 'not-supported', text: `Entry ${i}: a batch here holds GETs only` },
          ]),
        },
      });
      continue;
    }
    const url = new URL(entry.request.url, `${context.baseUrl}/`);
    const response = await handle(
      new Request(url, {
        headers: {
          Accept: 'application/fhir+json',
          ...(authorization ? { Authorization: authorization } : {}),
        },
      }),
    );
    const body: unknown = await response.json().catch(() => undefined);
    entries.push({
      ...(response.ok && body ? { resource: body as never } : {}),
      response: {
        status: `${response.status} ${response.statusText}`.trim(),
        ...(!response.ok && body ? { outcome: body as never } : {}),
      },
    });
  }
  return fhirResponse({ resourceType: 'Bundle', type: 'batch-response', entry: entries });
}
