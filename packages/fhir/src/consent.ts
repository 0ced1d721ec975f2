// The patient's access rules as one IHE PCF Consent, and pure edits of it: each helper returns a
// new Consent and leaves its argument untouched.
import type {
  Consent,
  ConsentProvision,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
} from '@medplum/fhirtypes';
import { DspValidationError } from './errors.js';
import { referenceValue } from './search-params.js';
import {
  BREAK_THE_GLASS,
  CONFIDENTIALITY_SYSTEM,
  DSP_SECURITY_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
} from './vocabulary.js';

export const CONSENT_SCOPE = {
  system: 'http://terminology.hl7.org/CodeSystem/consentscope',
  code: 'patient-privacy',
};
const CONSENT_CATEGORY = { system: 'http://loinc.org', code: '59284-0' };
/** The DSP is opt-out: every insured person has one unless they refuse it. */
const POLICY_RULE = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTOUT' };
const RECIPIENT_ROLE = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  code: 'IRCP',
};
/** A grant carrying this label also covers masked documents ("full access", as the référent). */
const MASKED_LABEL = { system: DSP_SECURITY_SYSTEM, code: 'masked' };
/** A grant carrying this label is "extended": it covers restricted (R) documents, not only N. */
const RESTRICTED_LABEL = { system: CONFIDENTIALITY_SYSTEM, code: 'R' };

type Professional = Reference<Practitioner | PractitionerRole>;

/** A patient's Consent before any choice: the DSP open, emergency access allowed. */
export function defaultConsent(patientId: string, now = new Date().toISOString()): Consent {
  const id = referenceValue(patientId, 'patient', 'Patient');
  return {
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [CONSENT_SCOPE] },
    category: [{ coding: [CONSENT_CATEGORY] }],
    patient: { reference: `Patient/${id}` },
    dateTime: now,
    policyRule: { coding: [POLICY_RULE] },
    provision: { type: 'permit', provision: [] },
  };
}

function professionalReference(actor: Professional | string): string {
  const reference = typeof actor === 'string' ? actor : (actor.reference ?? '');
  if (!/^(Practitioner|PractitionerRole)\/[A-Za-z0-9\-.]{1,64}$/.test(reference)) {
    throw new DspValidationError(
      `Expected a Practitioner/<id> or PractitionerRole/<id> reference, got "${reference}"`,
      'actor',
    );
  }
  return reference;
}

function edit(
  consent: Consent,
  change: (provisions: ConsentProvision[]) => ConsentProvision[],
): Consent {
  const next = structuredClone(consent);
  const base = next.provision ?? { type: 'permit' };
  base.provision = change(base.provision ?? []);
  next.provision = base;
  return next;
}

function actorOf(provision: ConsentProvision): string | undefined {
  return provision.actor?.[0]?.reference.reference;
}

function isBreakTheGlass(provision: ConsentProvision): boolean {
  return (provision.purpose ?? []).some(
    (p) => p.system === PURPOSE_OF_USE_SYSTEM && p.code === BREAK_THE_GLASS,
  );
}

function documentOf(provision: ConsentProvision): string | undefined {
  const reference = provision.data?.[0]?.reference.reference;
  return reference?.startsWith('DocumentReference/') ? reference.slice(18) : undefined;
}

function coversMasked(provision: ConsentProvision): boolean {
  return (provision.securityLabel ?? []).some(
    (label) => label.system === MASKED_LABEL.system && label.code === MASKED_LABEL.code,
  );
}

function coversRestricted(provision: ConsentProvision): boolean {
  return (provision.securityLabel ?? []).some(
    (label) => label.system === RESTRICTED_LABEL.system && label.code === RESTRICTED_LABEL.code,
  );
}

function withoutActor(provisions: ConsentProvision[], reference: string): ConsentProvision[] {
  return provisions.filter((p) => actorOf(p) !== reference);
}

function actorProvision(
  type: 'permit' | 'deny',
  reference: string,
  actor: Professional | string,
  full = false,
  extended = false,
): ConsentProvision {
  const display = typeof actor === 'string' ? undefined : actor.display;
  return {
    type,
    actor: [
      {
        role: { coding: [RECIPIENT_ROLE] },
        reference: { reference, ...(display ? { display } : {}) },
      },
    ],
    ...(full || extended
      ? {
          securityLabel: [...(full ? [MASKED_LABEL] : []), ...(extended ? [RESTRICTED_LABEL] : [])],
        }
      : {}),
  };
}

/** Blocks a professional: they see nothing; any grant they had is withdrawn. */
export function blockProfessional(consent: Consent, actor: Professional | string): Consent {
  const reference = professionalReference(actor);
  return edit(consent, (ps) => [
    ...withoutActor(ps, reference),
    actorProvision('deny', reference, actor),
  ]);
}

/** Lifts a block; the professional is back to the default rules. */
export function unblockProfessional(consent: Consent, actor: Professional | string): Consent {
  const reference = professionalReference(actor);
  return edit(consent, (ps) => ps.filter((p) => !(p.type === 'deny' && actorOf(p) === reference)));
}

/**
 * Grants a professional access explicitly; `full` also covers masked documents, as the médecin
 * référent has; `extended` also restricted (R) documents (IHE PCF: a provision by security label),
 * where a "normal" grant covers N only. A block on them is lifted.
 */
export function grantAccess(
  consent: Consent,
  actor: Professional | string,
  options: { full?: boolean; extended?: boolean } = {},
): Consent {
  const reference = professionalReference(actor);
  return edit(consent, (ps) => [
    ...withoutActor(ps, reference),
    actorProvision('permit', reference, actor, options.full === true, options.extended === true),
  ]);
}

/** Withdraws an explicit or full grant. */
export function revokeAccess(consent: Consent, actor: Professional | string): Consent {
  const reference = professionalReference(actor);
  return edit(consent, (ps) =>
    ps.filter((p) => !(p.type === 'permit' && actorOf(p) === reference)),
  );
}

/** Masks a document from professionals (its author and full-access professionals still see it). */
export function maskDocument(consent: Consent, documentId: string): Consent {
  const id = referenceValue(documentId, 'documentId', 'DocumentReference');
  return edit(consent, (ps) => [
    ...ps.filter((p) => documentOf(p) !== id),
    {
      type: 'deny',
      data: [{ meaning: 'instance', reference: { reference: `DocumentReference/${id}` } }],
    },
  ]);
}

export function unmaskDocument(consent: Consent, documentId: string): Consent {
  const id = referenceValue(documentId, 'documentId', 'DocumentReference');
  return edit(consent, (ps) => ps.filter((p) => documentOf(p) !== id));
}

/** Allows or refuses emergency access ("break the glass"). */
export function setBreakTheGlass(consent: Consent, allowed: boolean): Consent {
  return edit(consent, (ps) => [
    ...ps.filter((p) => !isBreakTheGlass(p)),
    {
      type: allowed ? 'permit' : 'deny',
      purpose: [{ system: PURPOSE_OF_USE_SYSTEM, code: BREAK_THE_GLASS }],
    },
  ]);
}

/** Closes the DSP: no professional access. Every other choice is kept for reopening. */
export function closeDsp(consent: Consent): Consent {
  const next = structuredClone(consent);
  next.provision = { ...(next.provision ?? {}), type: 'deny' };
  return next;
}

/** Reopens the DSP with every choice it had before closing. */
export function reopenDsp(consent: Consent): Consent {
  const next = structuredClone(consent);
  next.provision = { ...(next.provision ?? {}), type: 'permit' };
  return next;
}

export interface AccessSummary {
  /** False once the patient closed the DSP. */
  readonly open: boolean;
  readonly breakTheGlass: 'allowed' | 'refused';
  readonly blocked: readonly Reference[];
  readonly granted: readonly {
    readonly actor: Reference;
    readonly full: boolean;
    /**
     * Covers restricted (R) documents too (an "extended" grant); absent on a normal grant, so
     * a normal grant reads as it did before grants had levels.
     */
    readonly extended?: true;
  }[];
  /** Ids of the documents masked from professionals. */
  readonly maskedDocuments: readonly string[];
  /** The médecin référent, declared to the CNS (`Patient.generalPractitioner`). */
  readonly referent: Reference | undefined;
}

/** What a Consent (and the patient's record) means, for display. */
export function accessSummary(consent: Consent, patient?: Patient): AccessSummary {
  const provisions = consent.provision?.provision ?? [];
  const btg = provisions.find(isBreakTheGlass);
  return {
    open: consent.status === 'active' && consent.provision?.type !== 'deny',
    breakTheGlass: btg?.type === 'deny' ? 'refused' : 'allowed',
    blocked: provisions.flatMap((p) => {
      const actor = p.actor?.[0]?.reference;
      return p.type === 'deny' && actor ? [actor] : [];
    }),
    granted: provisions.flatMap((p) => {
      const actor = p.actor?.[0]?.reference;
      return p.type === 'permit' && actor
        ? [
            {
              actor,
              full: coversMasked(p),
              ...(coversRestricted(p) ? { extended: true as const } : {}),
            },
          ]
        : [];
    }),
    maskedDocuments: provisions.flatMap((p) => {
      const id = p.type === 'deny' ? documentOf(p) : undefined;
      return id ? [id] : [];
    }),
    referent: patient?.generalPractitioner?.[0],
  };
}
