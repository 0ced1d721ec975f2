// The header of a CDA R2 document as plain data: what it is, about whom, by whom, for what
// encounter and replacing what; pure, so the uploader can prefill its form from it too.
import type { DocumentType } from '@dsp-kit/fhir';
import { documentTypeOf, LOINC_SYSTEM, MATRICULE_SYSTEM } from './cda-runtime.js';
import {
  all,
  at,
  attr,
  codeOf,
  isoTime,
  nameOf,
  periodOf,
  textOf,
  type CdaCode,
  type CdaPeriod,
} from './cda-dom.js';

/** LOINC's OID, as CDA documents name the code system of their type. */
export const LOINC_OID = '2.16.840.1.113883.6.1';

/** An instance identifier (`II`); `matricule` when its root is one of the matricule's. */
export interface CdaIdentifier {
  readonly root?: string;
  readonly extension?: string;
  readonly matricule: boolean;
}

export interface CdaPatient {
  readonly name?: string;
  readonly birthDate?: string;
  /** The administrative gender code (`F`, `M`, `UN`). */
  readonly sex?: string;
  readonly identifiers: readonly CdaIdentifier[];
}

/** A person acting for the document, with their organisation. */
export interface CdaParty {
  readonly person?: string;
  readonly organization?: string;
  /** When they acted: an author's time, a signature's time. */
  readonly time?: string;
  /** Their function or the kind of participation, as coded in the document. */
  readonly role?: string;
}

export interface CdaServiceEvent {
  readonly code?: CdaCode;
  readonly period?: CdaPeriod;
  readonly performers: readonly CdaParty[];
}

export interface CdaEncounter {
  readonly code?: CdaCode;
  readonly period?: CdaPeriod;
  readonly location?: string;
}

export interface CdaRelatedDocument {
  /** `RPLC` (replaces), `APND` (appends), `XFRM` (transforms). */
  readonly typeCode: string;
  readonly id?: CdaIdentifier;
}

export interface CdaHeader {
  readonly title?: string;
  readonly id?: CdaIdentifier;
  /** The document's type code (LOINC in practice). */
  readonly type?: CdaCode;
  /** The DSP type for that LOINC, when it is in the vocabulary. */
  readonly dspType?: DocumentType;
  readonly effectiveTime?: string;
  /** `N`, `R` or `V`. */
  readonly confidentiality?: CdaCode;
  /** The document's language (`fr-FR`, `de-LU`). */
  readonly language?: string;
  readonly patient?: CdaPatient;
  readonly authors: readonly CdaParty[];
  readonly custodian?: string;
  readonly legalAuthenticator?: CdaParty;
  readonly informants: readonly CdaParty[];
  readonly participants: readonly CdaParty[];
  readonly serviceEvents: readonly CdaServiceEvent[];
  readonly encounter?: CdaEncounter;
  readonly relatedDocuments: readonly CdaRelatedDocument[];
}

export interface CdaHeaderOptions {
  /**
   * Identifier roots that mean the Luxembourg matricule; by default the kit's matricule system,
   * which documents the kit makes use (a deployment adds the national OID).
   */
  readonly matriculeRoots?: readonly string[];
}

function identifierOf(
  element: Element | undefined,
  matriculeRoots: readonly string[],
): CdaIdentifier | undefined {
  const root = attr(element, 'root');
  const extension = attr(element, 'extension');
  if (!root && !extension) return undefined;
  return { root, extension, matricule: root !== undefined && matriculeRoots.includes(root) };
}

/** A person and organisation under an `assignedEntity`/`assignedAuthor`-like role. */
function partyOf(role: Element | undefined, time?: Element): CdaParty {
  const person =
    nameOf(at(role, 'assignedPerson', 'name')) ??
    nameOf(at(role, 'associatedPerson', 'name')) ??
    nameOf(at(role, 'relatedPerson', 'name')) ??
    nameOf(at(role, 'assignedAuthoringDevice', 'softwareName')) ??
    nameOf(at(role, 'assignedAuthoringDevice', 'manufacturerModelName'));
  const organization =
    nameOf(at(role, 'representedOrganization', 'name')) ??
    nameOf(at(role, 'scopingOrganization', 'name'));
  const code = codeOf(at(role, 'code'));
  return {
    person,
    organization,
    time: isoTime(attr(time, 'value')),
    role: code?.displayName ?? code?.code,
  };
}

/** Reads the header of a parsed CDA document (see `parseCda`). */
export function readCdaHeader(document: Document, options: CdaHeaderOptions = {}): CdaHeader {
  const roots = options.matriculeRoots ?? [MATRICULE_SYSTEM];
  const root = document.documentElement;
  const type = codeOf(at(root, 'code'));
  const loinc =
    type?.code && (type.codeSystem === LOINC_OID || type.codeSystem === undefined)
      ? type.code
      : undefined;
  const role = at(root, 'recordTarget', 'patientRole');
  const patient = at(role, 'patient');
  const encounter = at(root, 'componentOf', 'encompassingEncounter');
  const facility = at(encounter, 'location', 'healthCareFacility');
  return {
    title: textOf(at(root, 'title')),
    id: identifierOf(at(root, 'id'), roots),
    type,
    dspType: loinc
      ? documentTypeOf({ coding: [{ system: LOINC_SYSTEM, code: loinc }] })
      : undefined,
    effectiveTime: isoTime(attr(at(root, 'effectiveTime'), 'value')),
    confidentiality: codeOf(at(root, 'confidentialityCode')),
    language: attr(at(root, 'languageCode'), 'code'),
    patient: role && {
      name: nameOf(at(patient, 'name')),
      birthDate: isoTime(attr(at(patient, 'birthTime'), 'value')),
      sex: attr(at(patient, 'administrativeGenderCode'), 'code'),
      identifiers: all(role, 'id')
        .map((id) => identifierOf(id, roots))
        .filter((id) => id !== undefined),
    },
    authors: all(root, 'author').map((author) =>
      partyOf(at(author, 'assignedAuthor'), at(author, 'time')),
    ),
    custodian: nameOf(
      at(root, 'custodian', 'assignedCustodian', 'representedCustodianOrganization', 'name'),
    ),
    legalAuthenticator: ((authenticator) =>
      authenticator && partyOf(at(authenticator, 'assignedEntity'), at(authenticator, 'time')))(
      at(root, 'legalAuthenticator'),
    ),
    informants: all(root, 'informant').map((informant) =>
      partyOf(at(informant, 'assignedEntity') ?? at(informant, 'relatedEntity')),
    ),
    participants: all(root, 'participant').map((participant) => ({
      ...partyOf(at(participant, 'associatedEntity'), at(participant, 'time', 'low')),
      role:
        codeOf(at(participant, 'associatedEntity', 'code'))?.displayName ??
        attr(participant, 'typeCode'),
    })),
    serviceEvents: all(root, 'documentationOf', 'serviceEvent').map((event) => ({
      code: codeOf(at(event, 'code')),
      period: periodOf(at(event, 'effectiveTime')),
      performers: all(event, 'performer').map((performer) =>
        partyOf(at(performer, 'assignedEntity')),
      ),
    })),
    encounter: encounter && {
      code: codeOf(at(encounter, 'code')),
      period: periodOf(at(encounter, 'effectiveTime')),
      location:
        nameOf(at(facility, 'location', 'name')) ??
        nameOf(at(facility, 'serviceProviderOrganization', 'name')) ??
        codeOf(at(facility, 'code'))?.displayName,
    },
    relatedDocuments: all(root, 'relatedDocument').map((related) => ({
      typeCode: attr(related, 'typeCode') ?? '',
      id: identifierOf(at(related, 'parentDocument', 'id'), roots),
    })),
  };
}
