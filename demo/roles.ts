// Who the sandbox can be and whose DSP it can open: the mock's fixture users, each with the kind
// of caller the rules see, and which panels a host would show that caller.
import { fixtures, type PolicyOptions } from '@dsp-kit/mock';

export type RoleKind = 'patient' | 'assistant' | 'professional' | 'agency';

/** The role's description, a key of the host messages' `roles`. */
export type RoleKey =
  | 'patient'
  | 'assistant'
  | 'referent'
  | 'specialist'
  | 'nurse'
  | 'physiotherapist'
  | 'biologist'
  | 'pharmacist'
  | 'blocked'
  | 'emergency'
  | 'agency';

export interface SandboxRole {
  /** The mock user id (the mock token is `mock:<user>`). */
  readonly user: string;
  /** The person's name, as the directory gives it (never translated). */
  readonly name: string;
  readonly kind: RoleKind;
  readonly role: RoleKey;
  /** The only DSP a patient or an assistant opens: their own, or the assisted patient's. */
  readonly ownPatient?: string;
  /**
   * The patients whose DSP shows what this role is about, the first opened when the role is
   * chosen (the blocked doctor: the patient who blocked him); none for the agency.
   */
  readonly patients: readonly string[];
}

interface Named {
  name?: { prefix?: string[]; given?: string[]; family?: string }[];
}

function nameOf(resource: Named): string {
  const name = resource.name?.[0];
  return [name?.prefix?.[0], name?.given?.[0], name?.family].filter(Boolean).join(' ');
}

const { practitioners: p, patients, assistants } = fixtures;

function professional(
  who: (typeof p)[keyof typeof p],
  role: RoleKey,
  about: readonly (typeof patients)[keyof typeof patients][],
): SandboxRole {
  return {
    user: who.id,
    name: nameOf(who),
    kind: 'professional',
    role,
    patients: about.map((x) => x.id),
  };
}

/** In the order the role switcher lists them. */
export const roles: readonly SandboxRole[] = [
  {
    user: patients.marie.id,
    name: nameOf(patients.marie),
    kind: 'patient',
    role: 'patient',
    ownPatient: patients.marie.id,
    patients: [patients.marie.id],
  },
  {
    user: assistants.claire.id,
    name: nameOf(assistants.claire),
    kind: 'assistant',
    role: 'assistant',
    ownPatient: patients.lucien.id,
    patients: [patients.lucien.id],
  },
  // The référent of both; what each profession reads shows on Marie's varied documents.
  professional(p.weber, 'referent', [patients.marie, patients.lucien]),
  // Tom granted her full access.
  professional(p.muller, 'specialist', [patients.tom]),
  professional(p.schmitt, 'nurse', [patients.marie]),
  professional(p.thill, 'physiotherapist', [patients.marie]),
  professional(p.faber, 'biologist', [patients.marie]),
  professional(p.meyer, 'pharmacist', [patients.marie]),
  professional(p.kremer, 'blocked', [patients.marie]),
  // Lucien's DSP needs break-the-glass; Nadia refused it.
  professional(p.hansen, 'emergency', [patients.lucien, patients.nadia]),
  {
    user: fixtures.users.agency,
    name: 'Agence eSanté',
    kind: 'agency',
    role: 'agency',
    patients: [],
  },
];

/**
 * The access rules the sandbox's mock runs under: the mock's defaults, except that Lucien's and
 * Nadia's DSPs need an explicit grant, so that break-the-glass can be shown from the form to the
 * patient's log, and Nadia's refusal of it too.
 */
export const sandboxPolicy: PolicyOptions = {
  explicitGrantsFor: [patients.lucien.id, patients.nadia.id],
};

/** What a patient's situation adds to their name in the patient switcher. */
export type PatientNote = 'empty' | 'closed' | 'grantsOnly' | 'noEmergency';

export interface SandboxPatient {
  readonly id: string;
  readonly name: string;
  readonly note?: PatientNote;
}

export const sandboxPatients: readonly SandboxPatient[] = [
  { id: patients.marie.id, name: nameOf(patients.marie) },
  { id: patients.lucien.id, name: nameOf(patients.lucien), note: 'grantsOnly' },
  { id: patients.tom.id, name: nameOf(patients.tom) },
  { id: patients.jean.id, name: nameOf(patients.jean), note: 'empty' },
  { id: patients.sophie.id, name: nameOf(patients.sophie), note: 'closed' },
  { id: patients.nadia.id, name: nameOf(patients.nadia), note: 'noEmergency' },
];

export function roleOf(user: string): SandboxRole | undefined {
  return roles.find((r) => r.user === user);
}

/** Which panels a host shows to this role. */
export interface PanelPlan {
  readonly viewer: boolean;
  /** The uploader's mode, or false when this role adds no document. */
  readonly uploader: 'professional' | 'patient' | false;
  readonly rights: boolean;
  readonly audit: boolean;
  readonly stats: boolean;
}

export function panelsFor(kind: RoleKind): PanelPlan {
  switch (kind) {
    // The patient adds their own notes ("Expression du titulaire"); both manage the rights and
    // read the log of who opened the DSP.
    case 'patient':
      return { viewer: true, uploader: 'patient', rights: true, audit: true, stats: false };
    case 'assistant':
      return { viewer: true, uploader: false, rights: true, audit: true, stats: false };
    case 'professional':
      return { viewer: true, uploader: 'professional', rights: false, audit: false, stats: false };
    // The agency sees statistics, never a record.
    case 'agency':
      return { viewer: false, uploader: false, rights: false, audit: false, stats: true };
  }
}
