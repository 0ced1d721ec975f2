// Who is calling: the mock reads the bearer token. A mock token is `mock:<user-id>`, where the id
// is a Patient (the patient), a RelatedPerson (their DSP assistant), a Practitioner (with the
// profession of their PractitionerRole) or `agence-esante` (statistics only). A deployment can
// plug its own identification instead.
import { PROFESSION_SYSTEM } from '@dsp-kit/fhir';
import type { Patient, Practitioner, Reference, RelatedPerson } from '@medplum/fhirtypes';
import type { DspStore } from './store.js';

export type Caller =
  | { kind: 'patient'; patientId: string; reference: Reference }
  | { kind: 'assistant'; patientId: string; reference: Reference }
  | {
      kind: 'professional';
      practitionerId: string;
      reference: Reference;
      profession: string | undefined;
      organization: Reference | undefined;
    }
  | { kind: 'agency'; reference: Reference };

/** Identifies the caller of a request; `undefined` means not authenticated (401). */
export type Identify = (request: Request, store: DspStore) => Caller | undefined;

export const AGENCY_USER = 'agence-esante';

function displayName(
  name: { prefix?: string[]; given?: string[]; family?: string } | undefined,
): string {
  return [name?.prefix?.[0], name?.given?.[0], name?.family].filter(Boolean).join(' ');
}

/** The caller a user id designates in the store, if any. */
export function callerOf(userId: string, store: DspStore): Caller | undefined {
  if (userId === AGENCY_USER) {
    return { kind: 'agency', reference: { display: 'Agence eSanté' } };
  }
  const patient = store.get<Patient>('Patient', userId);
  if (patient) {
    return {
      kind: 'patient',
      patientId: patient.id,
      reference: { reference: `Patient/${patient.id}`, display: displayName(patient.name?.[0]) },
    };
  }
  const assistant = store.get<RelatedPerson>('RelatedPerson', userId);
  const assisted = assistant?.patient.reference?.replace(/^Patient\//, '');
  // A withdrawn assistant (`active: false`) is no one's assistant any more.
  if (assistant && assisted && assistant.active !== false) {
    return {
      kind: 'assistant',
      patientId: assisted,
      reference: {
        reference: `RelatedPerson/${assistant.id}`,
        display: displayName(assistant.name?.[0]),
      },
    };
  }
  const practitioner = store.get<Practitioner>('Practitioner', userId);
  if (practitioner) {
    const reference = `Practitioner/${practitioner.id}`;
    const role = store.rolesOf(reference)[0];
    return {
      kind: 'professional',
      practitionerId: practitioner.id,
      reference: { reference, display: displayName(practitioner.name?.[0]) },
      profession: role?.code
        ?.flatMap((c) => c.coding ?? [])
        .find((c) => c.system === PROFESSION_SYSTEM)?.code,
      organization: role?.organization,
    };
  }
  return undefined;
}

/** The default identification: `Authorization: Bearer mock:<user-id>`. */
export const identifyMockToken: Identify = (request, store) => {
  const match = /^Bearer\s+mock:(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1] ? callerOf(match[1], store) : undefined;
};
