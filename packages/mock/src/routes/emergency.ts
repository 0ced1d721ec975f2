// Break-the-glass: `POST Patient/<id>/$break-the-glass` with a `reason` parameter grants a
// professional emergency access for a while, unless the patient refused it; always audited.
import type { Parameters } from '@medplum/fhirtypes';
import type { Patient } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import { breakTheGlassRefused, refusalText } from '../policy.js';

const REFUSED = 'Le patient a refusé l’accès en urgence à son DSP.';
/** The reason's bounds once trimmed, as in the client's `breakTheGlass`. */
const REASON_MIN = 10;
const REASON_MAX = 500;

/** The trimmed `reason` of a Parameters body, '' when it has none; a 400 for any other body. */
function reasonOf(body: unknown): string {
  const parameters = body as { resourceType?: unknown; parameter?: unknown } | null;
  const entries = parameters?.parameter ?? [];
  if (parameters?.resourceType !== 'Parameters' || !Array.isArray(entries)) {
    throw FhirFailure.of(400, 'structure', 'The body must be a Parameters resource');
  }
  const reason = (entries as ({ name?: unknown; valueString?: unknown } | null)[]).find(
    (p) => p?.name === 'reason',
  )?.valueString;
  return typeof reason === 'string' ? reason.trim() : '';
}

export async function breakTheGlassRoute(context: Context, patientId: string): Promise<Response> {
  const { caller, audit, store, emergencies, clock } = context;
  if (caller.kind !== 'professional') {
    throw FhirFailure.of(
      403,
      'forbidden',
      'Seul un professionnel de santé peut demander un accès en urgence.',
    );
  }
  let body: unknown;
  try {
    body = await context.request.json();
  } catch {
    throw FhirFailure.of(400, 'structure', 'The body must be a Parameters resource');
  }
  const reason = reasonOf(body);
  if (reason.length < REASON_MIN) {
    throw FhirFailure.of(
      400,
      'required',
      `Un accès en urgence exige un motif (${REASON_MIN} caractères au moins).`,
      'Parameters.parameter[reason]',
    );
  }
  // The reason is kept in the audit log and shown to the patient: bounded, as the client bounds it.
  if (reason.length > REASON_MAX) {
    throw FhirFailure.of(
      400,
      'too-long',
      `Le motif d’un accès en urgence tient en ${REASON_MAX} caractères au plus.`,
      'Parameters.parameter[reason]',
    );
  }
  const patient = store.get<Patient>('Patient', patientId);
  if (!patient) throw FhirFailure.of(404, 'not-found', `Patient/${patientId} not found`);
  if (breakTheGlassRefused(store.consentOf(patientId))) {
    audit.record({
      caller,
      action: 'break-the-glass',
      outcome: 'refused',
      patient: patientId,
      breakTheGlass: { reason },
      outcomeDescription: REFUSED,
    });
    throw FhirFailure.of(403, 'forbidden', REFUSED);
  }
  // A blocked professional, or a closed DSP, stays refused even in an emergency.
  const access = context.policy.recordAccess(caller, patient, store.consentOf(patientId), true);
  if (access.refusal) {
    const text = refusalText[access.refusal];
    audit.record({
      caller,
      action: 'break-the-glass',
      outcome: 'refused',
      patient: patientId,
      breakTheGlass: { reason },
      outcomeDescription: text,
    });
    throw FhirFailure.of(403, 'forbidden', text);
  }
  const expires = clock().getTime() + context.emergencyAccessHours * 3_600_000;
  emergencies.grant(patientId, caller.reference.reference ?? '', { expires, reason });
  audit.record({
    caller,
    action: 'break-the-glass',
    outcome: 'success',
    patient: patientId,
    breakTheGlass: { reason },
  });
  const result: Parameters = {
    resourceType: 'Parameters',
    parameter: [{ name: 'expires', valueInstant: new Date(expires).toISOString() }],
  };
  return fhirResponse(result);
}
