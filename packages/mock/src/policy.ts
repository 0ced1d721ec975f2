// The DSP's access rules (DOMAIN.md), as decisions the endpoints ask for: may this caller see this
// patient's record, and each of its documents? The profession matrix is data, replaceable.
import {
  BREAK_THE_GLASS,
  CONFIDENTIALITY_SYSTEM,
  DSP_SECURITY_SYSTEM,
  PURPOSE_OF_USE_SYSTEM,
  documentTypeOf,
} from '@dsp-kit/fhir';
import type { Consent, ConsentProvision, DocumentReference, Patient } from '@medplum/fhirtypes';
import { authorReferences } from './authors.js';
import type { Caller } from './identity.js';

/** Which DSP document types each profession may read; a profession not listed reads every type. */
export type ProfessionMatrix = Readonly<Record<string, readonly string[]>>;

const TREATMENTS = [
  'traitements-medicamenteux',
  'traitements-prescrits',
  'traitements-preventifs',
  'cr-administration',
  'schema-therapeutique',
];
const HISTORY = ['antecedents-medicaux', 'antecedents-familiaux', 'allergies', 'facteurs-risque'];

/** A sensible default: physicians read everything; other professions what their care needs. */
export const defaultProfessionMatrix: ProfessionMatrix = {
  infirmier: [
    'resume-patient',
    'resume-soins',
    'resultat-biologie',
    'passage-urgences',
    'cr-sejour-hospitalier',
    'suivi-pluridisciplinaire',
    'carnet-soins-palliatifs',
    'bilan-autonomie',
    'bilan-fonctionnel',
    'education',
    'expression-titulaire',
    'protheses-appareillages',
    ...TREATMENTS,
    ...HISTORY,
  ],
  kinesitherapeute: [
    'resume-patient',
    'resume-soins',
    'imagerie',
    'bilan-fonctionnel',
    'bilan-autonomie',
    'cr-acte-therapeutique',
    'protheses-appareillages',
    'suivi-pluridisciplinaire',
    'cr-sejour-hospitalier',
    'antecedents-medicaux',
    'allergies',
    'expression-titulaire',
  ],
  pharmacien: [
    'resume-patient',
    'resultat-biologie',
    'expression-titulaire',
    ...TREATMENTS,
    ...HISTORY,
  ],
  'sage-femme': [
    'resume-patient',
    'resultat-biologie',
    'imagerie',
    'cr-acte-diagnostique',
    'cr-acte-preventif',
    'certificat-medical',
    'expression-titulaire',
    ...TREATMENTS,
    ...HISTORY,
  ],
  biologiste: ['resume-patient', 'resultat-biologie', 'traitements-medicamenteux', 'allergies'],
  'medecin-dentiste': [
    'resume-patient',
    'imagerie',
    'protheses-appareillages',
    'expression-titulaire',
    'traitements-medicamenteux',
    'traitements-prescrits',
    'antecedents-medicaux',
    'allergies',
  ],
};

export interface PolicyOptions {
  /** The profession × document-type matrix. */
  professions?: ProfessionMatrix;
  /** Professionals need an explicit grant (DMP's "explicit grants only"); default false. */
  explicitGrantsOnly?: boolean;
  /**
   * Patients (ids) whose DSP needs an explicit grant whatever `explicitGrantsOnly` says: a
   * per-patient policy. A professional without a grant, who is not the patient's référent,
   * reads such a DSP only through break-the-glass; the other patients follow
   * `explicitGrantsOnly`. None by default.
   */
  explicitGrantsFor?: readonly string[];
  /** The médecin référent sees masked documents (DMP rule); default true. */
  referentSeesMasked?: boolean;
  /**
   * A professional may replace a document written by their organisation or by a colleague of it,
   * not only their own (DOMAIN.md: "the author, or their organisation, per policy"); default true.
   */
  organisationReplaces?: boolean;
  /**
   * The médecin référent sees very restricted (V) documents, as their author and the patient do
   * (DOMAIN.md, "Document lifecycle"); default true. Nobody else sees them.
   */
  referentSeesVeryRestricted?: boolean;
  /** An emergency access (break-the-glass) sees normal (N) documents only; default true. */
  emergencySeesNormalOnly?: boolean;
}

/** Why a caller may not see a record; each reason has a sentence in the 403's OperationOutcome. */
export type Refusal =
  | 'not-own-record'
  | 'agency'
  | 'closed'
  | 'blocked'
  | 'no-grant'
  | 'hidden-from-patient'
  | 'masked'
  | 'confidentiality'
  | 'profession';

export const refusalText: Record<Refusal, string> = {
  'not-own-record': 'Ce DSP n’est pas le vôtre.',
  agency: 'L’Agence eSanté n’a accès qu’aux statistiques, jamais aux documents.',
  closed: 'Le patient a fermé son DSP : aucun professionnel n’y a accès.',
  blocked: 'Le patient vous a bloqué : vous n’avez pas accès à son DSP.',
  'no-grant': 'Le patient ne vous a pas donné accès à son DSP.',
  'hidden-from-patient':
    'Ce document ne vous est pas encore accessible : il doit d’abord vous être expliqué.',
  masked: 'Le patient a masqué ce document aux professionnels.',
  confidentiality: 'Votre accès ne s’étend pas au niveau de confidentialité de ce document.',
  profession: 'Votre profession n’a pas accès à ce type de document.',
};

/**
 * Said beside a refusal when the patient also refused emergency access, so the professional knows
 * break-the-glass is no way in either.
 */
export const breakTheGlassRefusedText = 'Le patient a refusé l’accès en urgence à son DSP.';

/** What the caller may do with one patient's record. */
export interface RecordAccess {
  /** Why the whole record is refused, or undefined when it is open to the caller. */
  readonly refusal: Refusal | undefined;
  /** Whether the access rests on an emergency access in progress. */
  readonly breakTheGlass: boolean;
  /** Why this document is refused to the caller, or undefined when they may see it. */
  document(document: DocumentReference): Refusal | undefined;
  /**
   * Whether the caller is a professional who sees this document although the patient masked it,
   * because they see masked documents (the médecin référent, a full grant): they are told it is
   * masked. Its author sees it as its author, and is not told; the patient sees their masks in
   * their access rights.
   */
  seesMask(document: DocumentReference): boolean;
}

function actorProvisions(consent: Consent | undefined, reference: string): ConsentProvision[] {
  return (consent?.provision?.provision ?? []).filter((p) =>
    (p.actor ?? []).some((a) => a.reference.reference === reference),
  );
}

function maskedByConsent(consent: Consent | undefined, documentId: string | undefined): boolean {
  return (consent?.provision?.provision ?? []).some(
    (p) =>
      p.type === 'deny' &&
      p.data?.some((d) => d.reference.reference === `DocumentReference/${documentId ?? ''}`),
  );
}

/** A document's confidentiality (HL7 v3): N when it carries none. */
function confidentialityOf(document: DocumentReference): string {
  const code = (document.securityLabel ?? [])
    .flatMap((l) => l.coding ?? [])
    .find((c) => c.system === CONFIDENTIALITY_SYSTEM)?.code;
  return code === 'R' || code === 'V' ? code : 'N';
}

/**
 * Whether a grant is "extended": it covers restricted (R) documents, as IHE PCF says by the
 * provision's security label (v3-Confidentiality R). A grant without one is "normal" (N only).
 */
function extendedGrant(grant: ConsentProvision | undefined): boolean {
  return (grant?.securityLabel ?? []).some(
    (l) => l.system === CONFIDENTIALITY_SYSTEM && (l.code === 'R' || l.code === 'V'),
  );
}

function hasLabel(document: DocumentReference, code: string): boolean {
  return (document.securityLabel ?? []).some((l) =>
    (l.coding ?? []).some((c) => c.system === DSP_SECURITY_SYSTEM && c.code === code),
  );
}

/** Whether the patient refused emergency access. */
export function breakTheGlassRefused(consent: Consent | undefined): boolean {
  return (consent?.provision?.provision ?? []).some(
    (p) =>
      p.type === 'deny' &&
      (p.purpose ?? []).some(
        (c) => c.system === PURPOSE_OF_USE_SYSTEM && c.code === BREAK_THE_GLASS,
      ),
  );
}

export function isClosed(consent: Consent | undefined): boolean {
  return (
    consent?.provision?.type === 'deny' || (consent !== undefined && consent.status !== 'active')
  );
}

export class Policy {
  readonly #matrix: ProfessionMatrix;
  readonly #explicitGrantsOnly: boolean;
  readonly #explicitGrantsFor: ReadonlySet<string>;
  readonly #referentSeesMasked: boolean;
  readonly #referentSeesVeryRestricted: boolean;
  readonly #emergencySeesNormalOnly: boolean;
  /** See `PolicyOptions.organisationReplaces`. */
  readonly organisationReplaces: boolean;

  constructor(options: PolicyOptions = {}) {
    this.#matrix = options.professions ?? defaultProfessionMatrix;
    this.#explicitGrantsOnly = options.explicitGrantsOnly ?? false;
    this.#explicitGrantsFor = new Set(options.explicitGrantsFor ?? []);
    this.#referentSeesMasked = options.referentSeesMasked ?? true;
    this.#referentSeesVeryRestricted = options.referentSeesVeryRestricted ?? true;
    this.#emergencySeesNormalOnly = options.emergencySeesNormalOnly ?? true;
    this.organisationReplaces = options.organisationReplaces ?? true;
  }

  /** Whether professionals need an explicit grant to read this patient's DSP. */
  #needsExplicitGrant(patientId: string | undefined): boolean {
    return this.#explicitGrantsOnly || this.#explicitGrantsFor.has(patientId ?? '');
  }

  /** May the profession read this type? */
  professionReads(profession: string | undefined, typeCode: string | undefined): boolean {
    const allowed = profession === undefined ? undefined : this.#matrix[profession];
    return allowed === undefined || (typeCode !== undefined && allowed.includes(typeCode));
  }

  /** The caller's access to a patient's record, given the patient's Consent and emergency access. */
  recordAccess(
    caller: Caller,
    patient: Patient,
    consent: Consent | undefined,
    emergencyAccess: boolean,
  ): RecordAccess {
    const denied = (refusal: Refusal): RecordAccess => ({
      refusal,
      breakTheGlass: false,
      document: () => refusal,
      seesMask: () => false,
    });
    if (caller.kind === 'agency') return denied('agency');
    if (caller.kind === 'patient' || caller.kind === 'assistant') {
      if (caller.patientId !== patient.id) return denied('not-own-record');
      return {
        refusal: undefined,
        breakTheGlass: false,
        document: (doc) =>
          hasLabel(doc, 'hidden-from-patient') ? 'hidden-from-patient' : undefined,
        seesMask: () => false,
      };
    }
    const reference = caller.reference.reference ?? '';
    const provisions = actorProvisions(consent, reference);
    if (isClosed(consent)) return denied('closed');
    if (provisions.some((p) => p.type === 'deny')) return denied('blocked');
    const referent = patient.generalPractitioner?.some((g) => g.reference === reference) ?? false;
    const grant = provisions.find((p) => p.type === 'permit');
    const full =
      (referent && this.#referentSeesMasked) ||
      (grant?.securityLabel ?? []).some(
        (l) => l.system === DSP_SECURITY_SYSTEM && l.code === 'masked',
      );
    const explicitOnly = this.#needsExplicitGrant(patient.id);
    const usesEmergency = explicitOnly && !grant && !referent && emergencyAccess;
    if (explicitOnly && !grant && !referent && !emergencyAccess) return denied('no-grant');
    const breakTheGlass = usesEmergency || (emergencyAccess && !grant && !referent);
    // Confidentiality: V for the référent (a flag) besides the author and the patient; R for the
    // référent and extended grants; an access resting on break-the-glass (never the référent's
    // nor a grant's) N only, or N and R when the flag is off.
    const levels = new Set(['N']);
    if (referent || extendedGrant(grant) || (breakTheGlass && !this.#emergencySeesNormalOnly))
      levels.add('R');
    if (referent && this.#referentSeesVeryRestricted) levels.add('V');
    return {
      refusal: undefined,
      breakTheGlass,
      document: (doc) => {
        const author = authorReferences(doc).includes(reference);
        if (author) return undefined;
        if ((maskedByConsent(consent, doc.id) || hasLabel(doc, 'masked')) && !full) return 'masked';
        // The profession first: a document whose type the profession never reads is withheld
        // for that reason (and counted in the search's notice), whatever its confidentiality.
        if (!this.professionReads(caller.profession, documentTypeOf(doc.type)?.code))
          return 'profession';
        if (!levels.has(confidentialityOf(doc))) return 'confidentiality';
        return undefined;
      },
      seesMask: (doc) => full && maskedByConsent(consent, doc.id),
    };
  }
}

// --- DSP assistants ---------------------------------------------------------------------------

/** What a caller does with a patient's DSP assistants. */
export type AssistantAction = 'read' | 'add' | 'withdraw' | 'change';

/** Why a caller may not do it; each has a sentence for the 403's OperationOutcome. */
export type AssistantRefusal = 'not-own-record' | 'professional' | 'agency' | 'delegate';

export const assistantRefusalText: Record<AssistantRefusal, string> = {
  'not-own-record': 'Ce DSP n’est pas le vôtre : vous ne gérez pas ses assistants.',
  professional: 'Seuls le patient et son assistant DSP consultent et gèrent ses assistants DSP.',
  agency: 'L’Agence eSanté n’a accès qu’aux statistiques.',
  delegate:
    'Seul le patient désigne ou modifie ses assistants DSP ; un assistant peut seulement se retirer lui-même.',
};

/**
 * Who may see and change a patient's DSP assistants. The patient: everything. An assistant has
 * the patient's rights over the record, but a delegate does not delegate: they see the
 * assistants and may withdraw themselves, and may not name, change or withdraw another (DOMAIN.md
 * is silent; this is the kit's rule). Professionals and the agency: nothing.
 */
export function assistantRefusal(
  caller: Caller,
  patientId: string,
  action: AssistantAction,
  assistantId?: string,
): AssistantRefusal | undefined {
  if (caller.kind === 'agency') return 'agency';
  if (caller.kind === 'professional') return 'professional';
  if (caller.patientId !== patientId) return 'not-own-record';
  if (caller.kind === 'patient' || action === 'read') return undefined;
  const self = caller.reference.reference === `RelatedPerson/${assistantId ?? ''}`;
  return action === 'withdraw' && self ? undefined : 'delegate';
}
