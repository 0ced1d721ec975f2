// DSP assistants as RelatedPersons: search by patient, read, create (conditional on the
// matricule, so naming one twice names them once), update with If-Match, and delete as a withdrawal
// (`active: false`, kept in the history). The rules are `assistantRefusal`'s; every change and
// every refused change is audited as an access-rights change.
import { MATRICULE_SYSTEM } from '@dsp-kit/fhir';
import {
  assistantProblems,
  isAssistantOf,
  matriculeOf,
  readAssistant,
} from '@dsp-kit/fhir/assistant';
import type { Patient, RelatedPerson } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import { assistantRefusal, assistantRefusalText, type AssistantAction } from '../policy.js';
import { requiredPatient, searchset } from '../search.js';
import type { Stored } from '../store.js';

function etag(resource: RelatedPerson): string {
  return `W/"${resource.meta?.versionId ?? '1'}"`;
}

function withEtag(resource: RelatedPerson, status = 200): Response {
  return fhirResponse(resource, status, {
    ETag: etag(resource),
    Location: `RelatedPerson/${resource.id ?? ''}/_history/${resource.meta?.versionId ?? '1'}`,
  });
}

function patientIdOf(resource: RelatedPerson): string {
  return resource.patient.reference?.replace(/^Patient\//, '') ?? '';
}

/** Throws a 403 (audited when it refuses a change) unless the caller may do `action`. */
function allow(
  context: Context,
  patientId: string,
  action: AssistantAction,
  assistantId?: string,
): void {
  const refusal = assistantRefusal(context.caller, patientId, action, assistantId);
  if (!refusal) return;
  const text = assistantRefusalText[refusal];
  if (action !== 'read' && context.store.get('Patient', patientId)) {
    context.audit.record({
      caller: context.caller,
      action: 'consent',
      outcome: 'refused',
      patient: patientId,
      outcomeDescription: text,
    });
  }
  throw FhirFailure.of(403, 'forbidden', text);
}

function audited(context: Context, patientId: string, description: string): void {
  context.audit.record({
    caller: context.caller,
    action: 'consent',
    outcome: 'success',
    patient: patientId,
    outcomeDescription: description,
  });
}

function assistantsOf(context: Context, patientId: string): Stored<RelatedPerson>[] {
  return context.store
    .list<RelatedPerson>('RelatedPerson')
    .filter((r) => patientIdOf(r) === patientId);
}

function patientOf(context: Context, patientId: string): Stored<Patient> {
  const patient = context.store.get<Patient>('Patient', patientId);
  if (!patient) {
    throw FhirFailure.of(
      422,
      'not-found',
      `Patient/${patientId} not found`,
      'RelatedPerson.patient',
    );
  }
  return patient;
}

async function readBody(context: Context): Promise<RelatedPerson> {
  let body: unknown;
  try {
    body = await context.request.json();
  } catch {
    throw FhirFailure.of(400, 'structure', 'The body is not JSON');
  }
  if ((body as { resourceType?: unknown } | null)?.resourceType !== 'RelatedPerson') {
    throw FhirFailure.of(400, 'invalid', 'The body must be a RelatedPerson', 'RelatedPerson');
  }
  const resource = body as RelatedPerson;
  // Typed as required, but a request may lack it.
  const patient = (resource as { patient?: RelatedPerson['patient'] }).patient;
  if (!patient?.reference?.startsWith('Patient/'))
    throw FhirFailure.of(422, 'required', 'patient is required', 'RelatedPerson.patient');
  return resource;
}

const EXPRESSIONS = {
  given: 'RelatedPerson.name[0].given[0]',
  family: 'RelatedPerson.name[0].family',
  matricule: 'RelatedPerson.identifier',
} as const;

/**
 * A 422 listing every problem of the assistant's details, each with its FHIRPath. An update
 * checks the name only: its matricule cannot change (and records named before matricules were
 * required may have none).
 */
function checkDetails(resource: RelatedPerson, patient: Patient, update = false): void {
  const name = resource.name?.[0];
  const problems = assistantProblems(
    { given: name?.given?.join(' '), family: name?.family, matricule: matriculeOf(resource) },
    { patientMatricule: matriculeOf(patient) },
  ).filter((p) => !update || p.field !== 'matricule');
  if (problems.length === 0) return;
  throw new FhirFailure(
    422,
    problems.map((p) => ({
      code: p.problem === 'required' ? 'required' : 'value',
      text: p.message,
      expression: EXPRESSIONS[p.field],
    })),
  );
}

export function searchAssistantsRoute(context: Context): Response {
  const params = context.url.searchParams;
  const patientId = requiredPatient(params);
  allow(context, patientId, 'read');
  const active = params.get('active');
  const identifier = params.get('identifier');
  const matches = assistantsOf(context, patientId).filter(
    (r) =>
      (active === null || String(r.active !== false) === active) &&
      (identifier === null || `${MATRICULE_SYSTEM}|${matriculeOf(r) ?? ''}` === identifier),
  );
  return fhirResponse(searchset(context.url, matches));
}

export function readAssistantRoute(context: Context, id: string): Response {
  const current = context.store.get<RelatedPerson>('RelatedPerson', id);
  if (!current) throw FhirFailure.of(404, 'not-found', `RelatedPerson/${id} not found`);
  allow(context, patientIdOf(current), 'read');
  return withEtag(current);
}

/**
 * Names an assistant. With `If-None-Exist` (the kit's client sends it), an assistant already named
 * with that matricule is answered as is; a withdrawn one is named again under the same id, so the
 * person keeps one history.
 */
export async function createAssistantRoute(context: Context): Promise<Response> {
  const resource = await readBody(context);
  const patientId = patientIdOf(resource);
  allow(context, patientId, 'add');
  const patient = patientOf(context, patientId);
  checkDetails(resource, patient);
  const matricule = matriculeOf(resource);
  const existing = assistantsOf(context, patientId).find((r) => matriculeOf(r) === matricule);
  if (existing && existing.active !== false) {
    if (context.request.headers.has('if-none-exist')) return withEtag(existing);
    throw FhirFailure.of(
      409,
      'duplicate',
      'Cette personne est déjà assistant DSP de ce patient.',
      'RelatedPerson.identifier',
    );
  }
  const stored = context.store.put<RelatedPerson>({
    ...resource,
    id: existing?.id,
    active: true,
  });
  audited(context, patientId, `Assistant DSP désigné : ${readAssistant(stored).name}`);
  return withEtag(stored, existing ? 200 : 201);
}

export async function updateAssistantRoute(context: Context, id: string): Promise<Response> {
  const current = context.store.get<RelatedPerson>('RelatedPerson', id);
  if (!current) throw FhirFailure.of(404, 'not-found', `RelatedPerson/${id} not found`);
  const patientId = patientIdOf(current);
  const resource = await readBody(context);
  const withdrawing = current.active !== false && resource.active === false;
  allow(context, patientId, withdrawing ? 'withdraw' : 'change', id);
  const ifMatch = context.request.headers.get('if-match');
  if (!ifMatch) {
    throw FhirFailure.of(428, 'required', 'An update of an assistant needs If-Match');
  }
  if (ifMatch !== etag(current)) {
    throw FhirFailure.of(
      412,
      'conflict',
      `The assistant changed meanwhile: current version is ${current.meta?.versionId ?? '1'}`,
    );
  }
  if (!isAssistantOf(resource, patientId)) {
    throw FhirFailure.of(
      422,
      'invalid',
      'An assistant cannot move to another patient',
      'RelatedPerson.patient',
    );
  }
  if (matriculeOf(resource) !== matriculeOf(current)) {
    throw FhirFailure.of(
      422,
      'invalid',
      'An assistant’s matricule does not change: withdraw them and name the other person',
      'RelatedPerson.identifier',
    );
  }
  checkDetails(resource, patientOf(context, patientId), true);
  const stored = context.store.put<RelatedPerson>({ ...resource, id });
  const name = readAssistant(stored).name;
  audited(
    context,
    patientId,
    withdrawing ? `Assistant DSP retiré : ${name}` : `Assistant DSP modifié : ${name}`,
  );
  return withEtag(stored);
}

/** FHIR delete, as a withdrawal: idempotent, the record stays in the history. */
export function deleteAssistantRoute(context: Context, id: string): Response {
  const current = context.store.get<RelatedPerson>('RelatedPerson', id);
  if (!current) throw FhirFailure.of(404, 'not-found', `RelatedPerson/${id} not found`);
  const patientId = patientIdOf(current);
  allow(context, patientId, 'withdraw', id);
  if (current.active !== false) {
    const stored = context.store.put<RelatedPerson>({ ...current, active: false });
    audited(context, patientId, `Assistant DSP retiré : ${readAssistant(stored).name}`);
  }
  return new Response(null, { status: 204 });
}
