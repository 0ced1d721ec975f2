// IHE PCF: the patient's privacy Consent — search, read, create, versioned update with ETag and
// If-Match (412 on a stale version), and its history. Only the patient and their assistant manage
// it; every change is audited, naming what it changed (and each newly masked document as a `mask`).
import { accessSummary } from '@dsp-kit/fhir';
import type { Consent, Resource } from '@medplum/fhirtypes';
import type { Context } from '../context.js';
import { FhirFailure, fhirResponse } from '../fhir-http.js';
import { rightsChanges } from '../rights-changes.js';
import { requiredPatient, searchset } from '../search.js';

function etag(consent: Consent): string {
  return `W/"${consent.meta?.versionId ?? '1'}"`;
}

function withEtag(consent: Consent, status = 200): Response {
  return fhirResponse(consent, status, {
    ETag: etag(consent),
    Location: `Consent/${consent.id ?? ''}/_history/${consent.meta?.versionId ?? '1'}`,
  });
}

/** The patient whose Consent the caller may manage, or a 403. */
function managedPatient(context: Context, patientId: string, write: boolean): string {
  const { caller } = context;
  if ((caller.kind === 'patient' || caller.kind === 'assistant') && caller.patientId === patientId)
    return patientId;
  if (!write && caller.kind === 'professional') {
    throw FhirFailure.of(
      403,
      'forbidden',
      'Seuls le patient et son assistant DSP consultent ses droits d’accès.',
    );
  }
  throw FhirFailure.of(
    403,
    'forbidden',
    'Seuls le patient et son assistant DSP gèrent ses droits d’accès.',
  );
}

function patientOf(consent: Consent): string {
  return consent.patient?.reference?.replace(/^Patient\//, '') ?? '';
}

export function searchConsentRoute(context: Context): Response {
  const patient = requiredPatient(context.url.searchParams);
  managedPatient(context, patient, false);
  const consent = context.store.consentOf(patient);
  return fhirResponse(searchset(context.url, consent ? [consent] : []));
}

export function readConsentRoute(context: Context, id: string, version?: string): Response {
  const current = context.store.get<Consent>('Consent', id);
  if (!current) throw FhirFailure.of(404, 'not-found', `Consent/${id} not found`);
  managedPatient(context, patientOf(current), false);
  if (version === undefined) return withEtag(current);
  const found = context.store.history('Consent', id).find((c) => c.meta?.versionId === version);
  if (!found) throw FhirFailure.of(404, 'not-found', `Consent/${id} has no version ${version}`);
  return withEtag(found as Consent);
}

export function consentHistoryRoute(context: Context, id: string): Response {
  const current = context.store.get<Consent>('Consent', id);
  if (!current) throw FhirFailure.of(404, 'not-found', `Consent/${id} not found`);
  managedPatient(context, patientOf(current), false);
  const versions = [...context.store.history('Consent', id)].reverse();
  return fhirResponse({
    resourceType: 'Bundle',
    type: 'history',
    total: versions.length,
    entry: versions.map((resource) => ({ resource })),
  });
}

async function readConsentBody(context: Context): Promise<Consent> {
  let body: unknown;
  try {
    body = await context.request.json();
  } catch {
    throw FhirFailure.of(400, 'structure', 'The body is not JSON');
  }
  if ((body as { resourceType?: unknown } | null)?.resourceType !== 'Consent') {
    throw FhirFailure.of(400, 'invalid', 'The body must be a Consent', 'Consent');
  }
  const consent = body as Consent;
  if (!consent.patient?.reference)
    throw FhirFailure.of(422, 'required', 'patient is required', 'Consent.patient');
  if (!consent.provision)
    throw FhirFailure.of(422, 'required', 'provision is required', 'Consent.provision');
  return consent;
}

function actorsOf(consent: Consent | undefined): string[] {
  return (consent?.provision?.provision ?? []).flatMap((p) =>
    (p.actor ?? []).flatMap((a) => (a.reference.reference ? [a.reference.reference] : [])),
  );
}

/**
 * Referential integrity: a 422 when the Consent names someone the server does not know (a
 * mistyped or invented practitioner id). Only names new to this version are checked, so a
 * professional who left the directory does not make the patient's Consent unsavable.
 */
function checkActors(context: Context, before: Consent | undefined, after: Consent): void {
  const known = new Set(actorsOf(before));
  for (const reference of actorsOf(after)) {
    if (known.has(reference)) continue;
    const [type = '', id = ''] = reference.split('/');
    if (context.store.get(type as Resource['resourceType'], id)) continue;
    throw FhirFailure.of(
      422,
      'not-found',
      `${reference} n’existe pas dans l’annuaire des professionnels.`,
      'Consent.provision.provision.actor',
    );
  }
}

function auditChange(
  context: Context,
  patient: string,
  before: Consent | undefined,
  after: Consent,
): void {
  const { caller, audit, store } = context;
  audit.record({
    caller,
    action: 'consent',
    outcome: 'success',
    patient,
    changes: rightsChanges(store, before, after),
  });
  const wasMasked = new Set(before ? accessSummary(before).maskedDocuments : []);
  for (const id of accessSummary(after).maskedDocuments) {
    if (wasMasked.has(id)) continue;
    const document = store.get('DocumentReference', id);
    audit.record({
      caller,
      action: 'mask',
      outcome: 'success',
      patient,
      ...(document?.resourceType === 'DocumentReference' ? { document } : {}),
    });
  }
}

export async function createConsentRoute(context: Context): Promise<Response> {
  const consent = await readConsentBody(context);
  const patient = managedPatient(context, patientOf(consent), true);
  const existing = context.store.consentOf(patient);
  if (existing) {
    // Conditional create (If-None-Exist): the patient has one already; it is returned, unchanged.
    if (context.request.headers.has('if-none-exist')) return withEtag(existing);
    throw FhirFailure.of(
      409,
      'duplicate',
      'This patient already has a privacy Consent; update it instead',
    );
  }
  checkActors(context, undefined, consent);
  // The server names what it creates.
  const stored = context.store.put<Consent>({ ...consent, id: undefined });
  auditChange(context, patient, undefined, stored);
  return withEtag(stored, 201);
}

export async function updateConsentRoute(context: Context, id: string): Promise<Response> {
  const current = context.store.get<Consent>('Consent', id);
  if (!current) throw FhirFailure.of(404, 'not-found', `Consent/${id} not found`);
  const patient = managedPatient(context, patientOf(current), true);
  const ifMatch = context.request.headers.get('if-match');
  if (!ifMatch) {
    throw FhirFailure.of(
      428,
      'required',
      'An update of a Consent needs If-Match with the ETag it was read with',
    );
  }
  if (ifMatch !== etag(current)) {
    throw FhirFailure.of(
      412,
      'conflict',
      `The Consent changed meanwhile: current version is ${current.meta?.versionId ?? '1'}`,
    );
  }
  const consent = await readConsentBody(context);
  if (patientOf(consent) !== patient) {
    throw FhirFailure.of(
      422,
      'invalid',
      'A Consent cannot move to another patient',
      'Consent.patient',
    );
  }
  checkActors(context, current, consent);
  const stored = context.store.put<Consent>({ ...consent, id });
  auditChange(context, patient, current, stored);
  return withEtag(stored);
}
