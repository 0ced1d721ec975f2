// ITI-81: the access log of a patient's DSP, for the patient and their assistant. Reading the
// log is itself audited.
import type { AuditEvent } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import {
  checkParameters,
  dateMatcher,
  dateSortDirection,
  paging,
  requiredPatient,
  searchset,
} from '../search.js';

const SUPPORTED = new Set([
  'patient',
  'date',
  'agent',
  'action',
  'entity',
  '_sort',
  '_count',
  '_offset',
]);

export function searchAuditRoute(context: Context): Response {
  const { url, caller, store } = context;
  const params = url.searchParams;
  checkParameters(params, SUPPORTED);
  const patient = requiredPatient(params);
  if (!(
    (caller.kind === 'patient' || caller.kind === 'assistant') &&
    caller.patientId === patient
  )) {
    context.audit.record({
      caller,
      action: 'search',
      outcome: 'refused',
      patient,
      outcomeDescription: 'Journal d’accès réservé au patient',
    });
    throw FhirFailure.of(
      403,
      'forbidden',
      'Seuls le patient et son assistant DSP consultent le journal des accès.',
    );
  }
  const filters: ((e: AuditEvent) => boolean)[] = [];
  for (const value of params.getAll('date')) {
    const matches = dateMatcher(value);
    filters.push((e) => matches(e.recorded));
  }
  const agent = params.get('agent');
  if (agent) filters.push((e) => e.agent.some((a) => a.who?.reference === agent));
  const action = params.get('action');
  if (action) filters.push((e) => e.action === action);
  const entity = params.get('entity');
  if (entity) filters.push((e) => (e.entity ?? []).some((x) => x.what?.reference === entity));
  const direction = dateSortDirection(params);
  const page = paging(params);
  const matches = store
    .auditOf(patient)
    .filter((e) => filters.every((f) => f(e)))
    .sort((a, b) => direction * (Date.parse(a.recorded) - Date.parse(b.recorded)));
  const bundle = searchset(url, matches, { page });
  // Recorded after the search, so the log read shows in the next one.
  context.audit.record({
    caller,
    action: 'search',
    outcome: 'success',
    patient,
    outcomeDescription: 'Consultation du journal des accès',
  });
  return fhirResponse(bundle);
}
