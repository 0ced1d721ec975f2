// ITI-81: the access log of a patient's DSP, for the patient and their assistant. Reading the
// log is itself audited.
import type { AuditEvent, Bundle } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { patientId } from '../document-search.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';

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

function bound(value: string): { prefix: string; time: number } {
  const match = /^(ge|le|gt|lt|eq)?(\d{4}(-\d{2}(-\d{2}(T.+)?)?)?)$/.exec(value);
  const date = match?.[2];
  const time = date
    ? Date.parse(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date)
    : Number.NaN;
  if (!match || Number.isNaN(time))
    throw FhirFailure.of(400, 'value', `Invalid date parameter "${value}"`);
  return { prefix: match[1] ?? 'eq', time };
}

export function searchAuditRoute(context: Context): Response {
  const { url, caller, store } = context;
  const params = url.searchParams;
  for (const name of params.keys()) {
    if (!SUPPORTED.has(name))
      throw FhirFailure.of(400, 'not-supported', `Unsupported search parameter "${name}"`);
  }
  const patientParam = params.get('patient');
  if (!patientParam)
    throw FhirFailure.of(400, 'required', 'The "patient" search parameter is required');
  const patient = patientId(patientParam);
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
    const { prefix, time } = bound(value);
    filters.push((e) => {
      const t = Date.parse(e.recorded);
      return prefix === 'ge'
        ? t >= time
        : prefix === 'gt'
          ? t > time
          : prefix === 'lt'
            ? t < time
            : prefix === 'le'
              ? t <= time + 86_399_999
              : t === time;
    });
  }
  const agent = params.get('agent');
  if (agent) filters.push((e) => e.agent.some((a) => a.who?.reference === agent));
  const action = params.get('action');
  if (action) filters.push((e) => e.action === action);
  const entity = params.get('entity');
  if (entity) filters.push((e) => (e.entity ?? []).some((x) => x.what?.reference === entity));
  const sort = params.get('_sort') ?? '-date';
  if (sort !== '-date' && sort !== 'date')
    throw FhirFailure.of(400, 'not-supported', `Unsupported _sort "${sort}"`);
  const count = Number(params.get('_count') ?? '50');
  const offset = Number(params.get('_offset') ?? '0');
  if (!Number.isInteger(count) || count < 1 || count > 1000)
    throw FhirFailure.of(400, 'value', '_count must be an integer from 1 to 1000');
  if (!Number.isInteger(offset) || offset < 0)
    throw FhirFailure.of(400, 'value', '_offset must be a non-negative integer');
  const direction = sort === 'date' ? 1 : -1;
  const matches = store
    .auditOf(patient)
    .filter((e) => filters.every((f) => f(e)))
    .sort((a, b) => direction * (Date.parse(a.recorded) - Date.parse(b.recorded)));
  const link: Bundle['link'] = [{ relation: 'self', url: url.href }];
  if (offset + count < matches.length) {
    const next = new URL(url);
    next.searchParams.set('_offset', String(offset + count));
    next.searchParams.set('_count', String(count));
    link.push({ relation: 'next', url: next.href });
  }
  const bundle: Bundle<AuditEvent> = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: matches.length,
    link,
    entry: matches
      .slice(offset, offset + count)
      .map((resource) => ({ resource, search: { mode: 'match' } })),
  };
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
