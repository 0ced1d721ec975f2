// Break-the-glass: `POST Patient/<id>/$break-the-glass` with a `reason` parameter grants a
// professional emergency access for a while, unless the patient refused it; always audited.
import type { Parameters } from '@medplum/fhirtypes';
import type { Patient } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import { breakTheGlassRefused, refusalText } from '../policy.js';

const REFUSED = 'Le patient a refusé l’accès en urgence à son DSP.';

export async function breakTheGlassRoute(context: Context, patientId: string): Promise<Response> {
  const { caller, audit, store, emergencies, clock } = context;
  if (caller.kind !== 'professional') {
    throw FhirFailure.of(
      403,
      'forbidden',
      'Seul un professionnel de santé peut demander un accès en urgence.',
    );
  }
  let parameters: Parameters | undefined;
  try {
    parameters = (await context.request.json()) as Parameters;
  } catch {
    throw FhirFailure.of(400, 'structure', 'The body must be a Parameters resource');
  }
  const reason = parameters.parameter?.find((p) => p.name === 'reason')?.valueString?.trim() ?? '';
  if (reason.length < 10) {
    throw FhirFailure.of(
      400,
      'required',
      'Un accès en urgence exige un motif (10 caractères au moins).',
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
