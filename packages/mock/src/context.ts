// What every route gets: the store, the rules, the audit trail, the caller, and the way to check
// the caller's access to a patient's record (refusals are audited and answered with a 403).
import type { Consent, Patient } from '@medplum/fhirtypes';
import type { AuditTrail } from './audit-trail.js';
import { FhirFailure } from './fhir-http.js';
import type { Caller } from './identity.js';
import {
  breakTheGlassRefused,
  breakTheGlassRefusedText,
  refusalText,
  type Policy,
  type RecordAccess,
} from './policy.js';
import { refusalDetails } from './dsp-status.js';
import type { DspStore } from './store.js';
import { BREAK_THE_GLASS_AVAILABLE, OUTCOME_SYSTEM, type DspAuditAction } from '@dsp-kit/fhir';

export interface EmergencyAccess {
  readonly expires: number;
  readonly reason: string;
}

/** Emergency accesses in progress, by `patientId|Practitioner/id`. */
export class EmergencyAccesses {
  readonly #grants = new Map<string, EmergencyAccess>();
  /** Called after every grant, e.g. to persist. */
  onChange: (() => void) | undefined;
  constructor(private readonly clock: () => Date) {}
  grant(patient: string, practitioner: string, access: EmergencyAccess): void {
    this.#grants.set(`${patient}|${practitioner}`, access);
    this.onChange?.();
  }
  /** Every access granted, by key, e.g. to persist. */
  entries(): [string, EmergencyAccess][] {
    return [...this.#grants];
  }
  /** Replaces the accesses with saved `entries`. */
  load(entries: readonly (readonly [string, EmergencyAccess])[]): void {
    this.#grants.clear();
    for (const [key, access] of entries) this.#grants.set(key, access);
  }
  active(patient: string, practitioner: string | undefined): EmergencyAccess | undefined {
    const access = this.#grants.get(`${patient}|${practitioner ?? ''}`);
    return access && access.expires > this.clock().getTime() ? access : undefined;
  }
  clear(): void {
    this.#grants.clear();
  }
}

export interface ServerState {
  readonly baseUrl: string;
  readonly store: DspStore;
  readonly policy: Policy;
  readonly audit: AuditTrail;
  readonly emergencies: EmergencyAccesses;
  readonly clock: () => Date;
  readonly maxUploadSize: number;
  readonly emergencyAccessHours: number;
}

export interface Context extends ServerState {
  readonly request: Request;
  readonly url: URL;
  readonly caller: Caller;
}

export interface OpenRecord {
  readonly patient: Patient & { id: string };
  readonly consent: Consent | undefined;
  readonly access: RecordAccess;
  /** The emergency access this caller holds on the record, if any. */
  readonly emergency: EmergencyAccess | undefined;
}

/**
 * Opens a patient's record for the caller, or throws a 403 (audited as `action`, refused) saying
 * why; a 404 when there is no such patient.
 */
export function openRecord(
  context: Context,
  patientId: string,
  action: DspAuditAction,
): OpenRecord {
  const patient = context.store.get<Patient>('Patient', patientId);
  if (!patient) throw FhirFailure.of(404, 'not-found', `Patient/${patientId} not found`);
  const consent = context.store.consentOf(patient.id);
  const emergency = context.emergencies.active(patient.id, context.caller.reference.reference);
  const access = context.policy.recordAccess(
    context.caller,
    patient,
    consent,
    emergency !== undefined,
  );
  if (access.refusal) {
    context.audit.record({
      caller: context.caller,
      action,
      outcome: 'refused',
      patient: patient.id,
      outcomeDescription: refusalText[access.refusal],
    });
    // Without a grant, a professional may still ask for emergency access, unless the patient
    // refused it: the refusal says so, for the panel to offer it, or says she refused it.
    const refusedEmergency = access.refusal === 'no-grant' && breakTheGlassRefused(consent);
    const offer = access.refusal === 'no-grant' && !refusedEmergency;
    const details = refusalDetails(access.refusal, context.store, consent);
    throw new FhirFailure(403, [
      {
        code: 'forbidden',
        text: refusalText[access.refusal],
        ...details,
        ...(offer ? { coding: [{ system: OUTCOME_SYSTEM, code: BREAK_THE_GLASS_AVAILABLE }] } : {}),
      },
      ...(refusedEmergency ? [{ code: 'forbidden' as const, text: breakTheGlassRefusedText }] : []),
    ]);
  }
  return { patient, consent, access, emergency };
}

/** The BTG flag of an audit record when the access rests on an emergency access. */
export function emergencyFlag(record: OpenRecord): { breakTheGlass?: { reason: string } } {
  return record.access.breakTheGlass && record.emergency
    ? { breakTheGlass: { reason: record.emergency.reason } }
    : {};
}
