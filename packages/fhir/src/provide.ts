// Builds the IHE MHD ITI-65 "Provide Document Bundle" with Comprehensive metadata: a transaction
// with a SubmissionSet List, the DocumentReferences and their Binaries, and a PATCH setting each
// replaced document `superseded`, written so that sending it twice creates no second List nor
// DocumentReference.
import type {
  Binary,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  DocumentReference,
  Extension,
  HumanName,
  Identifier,
  List,
  Organization,
  Parameters,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  RelatedPerson,
} from '@medplum/fhirtypes';
import { DspValidationError } from './errors.js';
import { referenceValue } from './search-params.js';
import { nameBasedUuid, uuidOid } from './uuid.js';
import {
  CONFIDENTIALITY_SYSTEM,
  DSP_SECURITY_SYSTEM,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
  type ConfidentialityCode,
} from './vocabulary.js';

/** Identifier system of `urn:uuid:` and `urn:oid:` values. */
export const URI_SYSTEM = 'urn:ietf:rfc:3986';
const MHD = 'https://profiles.ihe.net/ITI/MHD';
const PROFILES = {
  bundle: `${MHD}/StructureDefinition/IHE.MHD.Comprehensive.ProvideBundle`,
  submissionSet: `${MHD}/StructureDefinition/IHE.MHD.Comprehensive.SubmissionSet`,
  documentReference: `${MHD}/StructureDefinition/IHE.MHD.Comprehensive.DocumentReference`,
  patch: `${MHD}/StructureDefinition/IHE.MHD.Patch.Parameters`,
};
const EXTENSIONS = {
  sourceId: `${MHD}/StructureDefinition/ihe-sourceId`,
  designationType: `${MHD}/StructureDefinition/ihe-designationType`,
  authorOrg: `${MHD}/StructureDefinition/ihe-authorOrg`,
};
const SUBMISSION_SET_TYPE = { system: `${MHD}/CodeSystem/MHDlistTypes`, code: 'submissionset' };
// MHD 4.2.3 tells an identifier's role by its `use` (uniqueId usual, entryUUID official); its
// current build (IHE/ITI.MHD after 4.2.3) by its `type`. Each identifier says both, so that
// either version's profiles accept it.
const IDENTIFIER_TYPE_SYSTEM = `${MHD}/CodeSystem/IHE.MHD.MHDIdentifierType`;
function identifier(role: 'uniqueId' | 'entryUUID', value: string): Identifier {
  return {
    use: role === 'uniqueId' ? 'usual' : 'official',
    type: { coding: [{ system: IDENTIFIER_TYPE_SYSTEM, code: role }] },
    system: URI_SYSTEM,
    value,
  };
}

/** IHE's format codes (`DocumentReference.content.format`). */
export const FORMAT_CODE_SYSTEM = 'http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode';
/** The format of a document whose MIME type says all (a PDF, an image, plain text). */
export const MIME_TYPE_SUFFICIENT: Coding = {
  system: FORMAT_CODE_SYSTEM,
  code: 'urn:ihe:iti:xds:2017:mimeTypeSufficient',
  display: 'mimeType Sufficient',
};
/**
 * What a code the Comprehensive profiles require says when the caller gave none (facility type,
 * practice setting, the SubmissionSet's designation type): HL7's "unknown", rather than a guess.
 */
export const UNKNOWN_CODE: Coding = {
  system: 'http://terminology.hl7.org/CodeSystem/v3-NullFlavor',
  code: 'UNK',
  display: 'unknown',
};
/**
 * The SubmissionSet's `sourceId` when the submission names none: DSP Kit's own OID, made under
 * ITU-T X.667's arc 2.25 from a UUID drawn for it (e1370a57-c0b2-4888-83b8-2f8bfeac0c3d), since the
 * kit has no registered OID. The sourceId names the system that submits, for the recipient to
 * trace; a deployment whose platform assigns source OIDs (as XDS affinity domains do) gives its own
 * in each submission. It is per submission, not per client, because a broker sending for several
 * systems must give each its own (MHD, `ihe-sourceId`).
 */
export const DSP_KIT_SOURCE_ID = 'urn:oid:2.25.299362085155408315390852382292234210365';

export interface SubmittedDocument {
  /** A UUID chosen once per document and kept across retries: it becomes the masterIdentifier. */
  uuid: string;
  /** DSP document type code (see `documentTypes`). */
  typeCode: string;
  title: string;
  description?: string;
  /** MIME type of the content, checked by the caller from the file's bytes. */
  contentType: string;
  /** The content, base64. */
  data: string;
  /** Size in bytes of the content. */
  size: number;
  /** SHA-1 of the content, base64 (FHIR R4 `Attachment.hash`). */
  hash: string;
  /** BCP 47 language of the content; `fr` by default. */
  language?: string;
  /** When the document was written (FHIR dateTime); the submission's date by default. */
  creation?: string;
  /** The act or service the document reports on. */
  serviceStart?: string;
  serviceEnd?: string;
  /** `N` (default), `R` or `V`. */
  confidentiality?: ConfidentialityCode;
  facilityType?: Coding;
  practiceSetting?: Coding;
  /** Masked from professionals other than its author and the médecin référent. */
  maskedFromProfessionals?: boolean;
  /** Hidden from the patient until a professional has explained it. */
  hiddenFromPatient?: boolean;
  /** Id of the DocumentReference this one replaces. */
  replaces?: string;
  /** IHE format code (`content.format`); {@link MIME_TYPE_SUFFICIENT} by default. */
  format?: Coding;
  /**
   * Who else wrote the document, beside the submission's author (who stays its first author):
   * e.g. the author a CDA document names in its header. Each is contained, known by name and
   * identifiers only.
   */
  additionalAuthors?: NamedAuthor[];
}

/**
 * A document's author known by name and identifiers rather than as a resource of the server (an
 * XDS author: person, institution, specialty), as a CDA's `author/assignedAuthor` names one. Sent
 * as a contained PractitionerRole of a contained Practitioner and Organization. At least a name,
 * an identifier or an organisation.
 */
export interface NamedAuthor {
  /** The person's name: `text` as readers see it, with its parts when known. */
  name?: HumanName & { text: string };
  /** The person's identifiers, each with its system (`urn:oid:…` for a CDA's `root`). */
  identifiers?: Identifier[];
  /** The organisation they wrote for. */
  organization?: { name?: string; identifiers?: Identifier[] };
  /** Their profession or specialty (XDS `authorSpecialty`; a CDA's `assignedAuthor/code`). */
  specialty?: Coding;
}

export interface DocumentSubmission {
  /** A UUID chosen once per submission and kept across retries (the SubmissionSet's identifier). */
  uuid: string;
  /** The patient's FHIR id. */
  patient: string;
  /**
   * Who writes the documents: a Practitioner, Organization, Patient or RelatedPerson reference
   * (with its `display`, shown to readers). The bundle carries it as a contained author that
   * points at this resource, as the Comprehensive profiles want.
   */
  author: Reference<Practitioner | Patient | Organization | RelatedPerson>;
  /** When the submission was made (FHIR instant: seconds and time zone). */
  date: string;
  documents: SubmittedDocument[];
  /** The submitting system's OID, `urn:oid:…`; {@link DSP_KIT_SOURCE_ID} by default. */
  sourceId?: string;
  /** The clinical activity of the submission (`ihe-designationType`); unknown by default. */
  designationType?: Coding;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// One character class and a length check, not a repeated group: a backtracking engine recurses
// on every repetition of a group and overflows its stack on the base64 of a few megabytes.
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;

/** Canonical base64: its alphabet, whole quads, and padding only at the end. */
function isBase64(text: string): boolean {
  return text.length % 4 === 0 && BASE64_CHARACTERS.test(text);
}
const DATE_TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00)))?$/;
/** FHIR `instant`: a full date-time with seconds and time zone (`DocumentReference.date`). */
const INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
// No PractitionerRole: the contained author must point at who wrote, and a contained
// PractitionerRole can point at a Practitioner and an Organization, never at another role.
const AUTHOR_TYPES = ['Practitioner', 'Organization', 'Patient', 'RelatedPerson'] as const;
type AuthorType = (typeof AUTHOR_TYPES)[number];
const OID = /^urn:oid:[0-2](\.(0|[1-9]\d*))+$/;

function fail(message: string, field: string): never {
  throw new DspValidationError(message, field);
}

function base64Length(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return (data.length / 4) * 3 - padding;
}

function checkDateTime(value: string | undefined, field: string): void {
  if (value !== undefined && !DATE_TIME.test(value)) {
    fail(`${field} must be a FHIR date or date-time with time zone, got "${value}"`, field);
  }
}

function checkDocument(doc: SubmittedDocument, index: number): void {
  const at = (field: string) => `documents[${index}].${field}`;
  if (!UUID.test(doc.uuid)) fail(`${at('uuid')} must be a UUID`, at('uuid'));
  if (!documentTypeByCode(doc.typeCode)) {
    fail(`${at('typeCode')} "${doc.typeCode}" is not a DSP document type`, at('typeCode'));
  }
  if (typeof doc.title !== 'string' || doc.title.trim() === '')
    fail(`${at('title')} is required`, at('title'));
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(doc.contentType)) {
    fail(`${at('contentType')} "${doc.contentType}" is not a MIME type`, at('contentType'));
  }
  if (!Number.isInteger(doc.size) || doc.size < 1)
    fail(`${at('size')}: an empty file cannot be sent`, at('size'));
  if (!isBase64(doc.data)) fail(`${at('data')} is not base64`, at('data'));
  if (base64Length(doc.data) !== doc.size) {
    fail(
      `${at('data')} holds ${base64Length(doc.data)} bytes, but size says ${doc.size}`,
      at('data'),
    );
  }
  if (!isBase64(doc.hash) || base64Length(doc.hash) !== 20) {
    fail(`${at('hash')} must be a SHA-1 digest in base64 (28 characters)`, at('hash'));
  }
  if (doc.confidentiality !== undefined && !['N', 'R', 'V'].includes(doc.confidentiality)) {
    fail(`${at('confidentiality')} must be N, R or V`, at('confidentiality'));
  }
  if (doc.maskedFromProfessionals && doc.hiddenFromPatient) {
    fail(
      'A document cannot be both masked from professionals and hidden from the patient',
      at('hiddenFromPatient'),
    );
  }
  checkDateTime(doc.creation, at('creation'));
  checkDateTime(doc.serviceStart, at('serviceStart'));
  checkDateTime(doc.serviceEnd, at('serviceEnd'));
  if (doc.serviceStart && doc.serviceEnd && doc.serviceEnd < doc.serviceStart) {
    fail(`${at('serviceEnd')} is before ${at('serviceStart')}`, at('serviceEnd'));
  }
  if (doc.replaces !== undefined) referenceValue(doc.replaces, at('replaces'), 'DocumentReference');
  checkCoding(doc.format, at('format'));
  checkCoding(doc.facilityType, at('facilityType'));
  checkCoding(doc.practiceSetting, at('practiceSetting'));
  doc.additionalAuthors?.forEach((author, i) => {
    checkNamedAuthor(author, at(`additionalAuthors[${i}]`));
  });
}

function checkIdentifiers(identifiers: Identifier[] | undefined, field: string): void {
  identifiers?.forEach((id, i) => {
    if (!id.system?.trim() || !id.value?.trim()) {
      fail(`${field}[${i}] needs a system and a value`, `${field}[${i}]`);
    }
  });
}

function checkNamedAuthor(author: NamedAuthor, field: string): void {
  const name = author.name?.text.trim();
  const organization = author.organization?.name?.trim();
  if (author.name !== undefined && !name) fail(`${field}.name.text is empty`, `${field}.name`);
  checkIdentifiers(author.identifiers, `${field}.identifiers`);
  checkIdentifiers(author.organization?.identifiers, `${field}.organization.identifiers`);
  checkCoding(author.specialty, `${field}.specialty`);
  const named =
    Boolean(name) ||
    Boolean(author.identifiers?.length) ||
    Boolean(organization) ||
    Boolean(author.organization?.identifiers?.length);
  if (!named) {
    fail(`${field} names no one: give a name, an identifier or an organisation`, field);
  }
}

function checkCoding(coding: Coding | undefined, field: string): void {
  if (coding !== undefined && (!coding.system?.trim() || !coding.code?.trim())) {
    fail(`${field} needs a system and a code`, field);
  }
}

/** The author's type and id, checked. */
function authorOf(author: DocumentSubmission['author']): { type: AuthorType; id: string } {
  const reference = author.reference ?? '';
  const type = AUTHOR_TYPES.find((t) => reference.startsWith(`${t}/`));
  if (!type) {
    fail(`author must reference a ${AUTHOR_TYPES.join(', ')}; got "${reference}"`, 'author');
  }
  return { type, id: referenceValue(reference, 'author', type) };
}

/** Checks a submission, throwing a `DspValidationError` that names the first wrong field. */
export function validateSubmission(submission: DocumentSubmission): void {
  if (!UUID.test(submission.uuid)) fail('uuid must be a UUID', 'uuid');
  referenceValue(submission.patient, 'patient', 'Patient');
  authorOf(submission.author);
  if (submission.sourceId !== undefined && !OID.test(submission.sourceId)) {
    fail(`sourceId must be an OID as urn:oid:…, got "${submission.sourceId}"`, 'sourceId');
  }
  checkCoding(submission.designationType, 'designationType');
  if (!INSTANT.test(submission.date)) {
    fail(
      `date must be a FHIR instant with seconds and time zone, like 2026-11-26T09:30:00+01:00; got "${submission.date}"`,
      'date',
    );
  }
  if (submission.documents.length === 0)
    fail('A submission needs at least one document', 'documents');
  const uuids = new Set(submission.documents.map((d) => d.uuid.toLowerCase()));
  if (uuids.size !== submission.documents.length) fail('Two documents share a uuid', 'documents');
  submission.documents.forEach(checkDocument);
  // One PATCH supersedes a document once: two replacements of it would be two new versions of
  // one document, which the record cannot tell apart.
  const replacedBy = new Map<string, number>();
  submission.documents.forEach((doc, index) => {
    const replaced = replacedId(doc);
    if (replaced === undefined) return;
    const first = replacedBy.get(replaced);
    if (first !== undefined) {
      const field = `documents[${index}].replaces`;
      fail(
        `${field}: DocumentReference/${replaced} is replaced by documents[${first}] already`,
        field,
      );
    }
    replacedBy.set(replaced, index);
  });
}

/** The id of the DocumentReference `doc` replaces, if any. */
function replacedId(doc: SubmittedDocument): string | undefined {
  return doc.replaces?.replace(/^DocumentReference\//, '');
}

function urn(uuid: string): string {
  return `urn:uuid:${uuid.toLowerCase()}`;
}

/**
 * The `fullUrl` of an entry: a UUID of its own, derived from the submission's (so the same
 * submission always makes the same bundle), and never the value of an identifier. A server
 * resolving the transaction rewrites every occurrence of a fullUrl into the id it assigns (Medplum
 * rewrites any string), so an identifier sharing it would be stored rewritten, and a resend
 * would no longer find it.
 */
function entryUrl(uuid: string, role: string): string {
  return urn(nameBasedUuid(uuid, role));
}

const CONTAINED_AUTHOR = 'author';
const CONTAINED_PATIENT = 'patient';

/**
 * The author as a contained resource that points at the real one (the Comprehensive profiles
 * want authors contained): a PractitionerRole of the Practitioner, or at the Organization; the
 * Patient as a Patient linked to its record; an assistant as a RelatedPerson of the patient.
 */
function containedAuthor(
  submission: DocumentSubmission,
): PractitionerRole | Patient | RelatedPerson {
  const { type } = authorOf(submission.author);
  const id = CONTAINED_AUTHOR;
  switch (type) {
    case 'Practitioner':
      return {
        resourceType: 'PractitionerRole',
        id,
        practitioner: submission.author as Reference<Practitioner>,
      };
    case 'Organization':
      return {
        resourceType: 'PractitionerRole',
        id,
        organization: submission.author as Reference<Organization>,
      };
    case 'Patient':
      return {
        resourceType: 'Patient',
        id,
        link: [{ other: submission.author as Reference<Patient>, type: 'seealso' }],
      };
    case 'RelatedPerson':
      // A RelatedPerson cannot point at another one: it says whose assistant wrote.
      return {
        resourceType: 'RelatedPerson',
        id,
        patient: { reference: `Patient/${patientId(submission)}` },
      };
  }
}

/** The reference to the contained author, with the author's name for readers. */
function authorReference(
  submission: DocumentSubmission,
): Reference<PractitionerRole | Patient | RelatedPerson> {
  const { display } = submission.author;
  return { reference: `#${CONTAINED_AUTHOR}`, ...(display ? { display } : {}) };
}

/** The contained id of additional author `index` (0-based): the submission's author is `author`. */
const namedAuthorId = (index: number) => `${CONTAINED_AUTHOR}-${index + 2}`;

/**
 * An additional author as MHD carries an XDS author known only by its metadata: a contained
 * PractitionerRole (the author reference points at it) of a contained Practitioner (name,
 * identifiers) and a contained Organization, with the specialty; each part only when known.
 */
function namedAuthorResources(
  author: NamedAuthor,
  index: number,
): (PractitionerRole | Practitioner | Organization)[] {
  const id = namedAuthorId(index);
  const name = author.name?.text.trim();
  const person: Practitioner | undefined =
    name || author.identifiers?.length
      ? {
          resourceType: 'Practitioner',
          id: `${id}-person`,
          ...(author.identifiers?.length ? { identifier: author.identifiers } : {}),
          ...(author.name && name ? { name: [{ ...author.name, text: name }] } : {}),
        }
      : undefined;
  const orgName = author.organization?.name?.trim();
  const orgIds = author.organization?.identifiers;
  const organization: Organization | undefined =
    orgName || orgIds?.length
      ? {
          resourceType: 'Organization',
          id: `${id}-org`,
          ...(orgIds?.length ? { identifier: orgIds } : {}),
          ...(orgName ? { name: orgName } : {}),
        }
      : undefined;
  const role: PractitionerRole = {
    resourceType: 'PractitionerRole',
    id,
    ...(person
      ? { practitioner: { reference: `#${person.id ?? ''}`, ...(name ? { display: name } : {}) } }
      : {}),
    ...(organization
      ? {
          organization: {
            reference: `#${organization.id ?? ''}`,
            ...(orgName ? { display: orgName } : {}),
          },
        }
      : {}),
    ...(author.specialty ? { specialty: [coded(author.specialty)] } : {}),
  };
  return [role, ...(person ? [person] : []), ...(organization ? [organization] : [])];
}

/**
 * What readers see of an additional author: the person's name, else the organisation's, else
 * the first identifier's value.
 */
function namedAuthorDisplay(author: NamedAuthor): string | undefined {
  return [
    author.name?.text.trim(),
    author.organization?.name?.trim(),
    author.identifiers?.[0]?.value,
    author.organization?.identifiers?.[0]?.value,
  ].find(Boolean);
}

function patientId(submission: DocumentSubmission): string {
  return referenceValue(submission.patient, 'patient', 'Patient');
}

function coded(coding: Coding): CodeableConcept {
  return { coding: [coding] };
}

function documentReference(
  submission: DocumentSubmission,
  doc: SubmittedDocument,
): DocumentReference {
  const type = documentTypeByCode(doc.typeCode);
  if (!type) throw new DspValidationError(`Unknown type ${doc.typeCode}`, 'typeCode');
  const securityLabel: CodeableConcept[] = [
    { coding: [{ system: CONFIDENTIALITY_SYSTEM, code: doc.confidentiality ?? 'N' }] },
  ];
  if (doc.maskedFromProfessionals) {
    securityLabel.push({ coding: [{ system: DSP_SECURITY_SYSTEM, code: 'masked' }] });
  }
  if (doc.hiddenFromPatient) {
    securityLabel.push({ coding: [{ system: DSP_SECURITY_SYSTEM, code: 'hidden-from-patient' }] });
  }
  const period =
    doc.serviceStart || doc.serviceEnd
      ? {
          ...(doc.serviceStart ? { start: doc.serviceStart } : {}),
          ...(doc.serviceEnd ? { end: doc.serviceEnd } : {}),
        }
      : undefined;
  const patient = { reference: `Patient/${patientId(submission)}` };
  const others = doc.additionalAuthors ?? [];
  return {
    resourceType: 'DocumentReference',
    meta: { profile: [PROFILES.documentReference] },
    contained: [
      containedAuthor(submission),
      ...others.flatMap(namedAuthorResources),
      // The patient as the source knows them (sourcePatientInfo): their record.
      {
        resourceType: 'Patient',
        id: CONTAINED_PATIENT,
        link: [{ other: patient, type: 'seealso' }],
      },
    ],
    // The document's uniqueId. Its UUID stays as given (the uploader finds its own earlier send
    // by it); it is no fullUrl, so no server rewrites it.
    masterIdentifier: identifier('uniqueId', urn(doc.uuid)),
    status: 'current',
    type: documentTypeConcept(type),
    category: [documentClassConcept(type)],
    subject: patient,
    date: submission.date,
    // The sender first: the author readers see, and the one the server checks is the caller.
    author: [
      authorReference(submission),
      ...others.map((other, index) => {
        const display = namedAuthorDisplay(other);
        return { reference: `#${namedAuthorId(index)}`, ...(display ? { display } : {}) };
      }),
    ],
    ...(doc.description ? { description: doc.description } : {}),
    securityLabel,
    content: [
      {
        attachment: {
          contentType: doc.contentType,
          language: doc.language ?? 'fr',
          url: entryUrl(doc.uuid, 'Binary'),
          size: doc.size,
          hash: doc.hash,
          title: doc.title.trim(),
          creation: doc.creation ?? submission.date,
        },
        format: doc.format ?? MIME_TYPE_SUFFICIENT,
      },
    ],
    context: {
      ...(period ? { period } : {}),
      facilityType: coded(doc.facilityType ?? UNKNOWN_CODE),
      practiceSetting: coded(doc.practiceSetting ?? UNKNOWN_CODE),
      sourcePatientInfo: { reference: `#${CONTAINED_PATIENT}` },
    },
    ...(doc.replaces
      ? {
          relatesTo: [
            {
              code: 'replaces' as const,
              target: { reference: `DocumentReference/${replacedId(doc) ?? ''}` },
            },
          ],
        }
      : {}),
  };
}

/**
 * The FHIRPath Patch (FHIR R4 fhirpatch.html) that sets a replaced document `superseded`: one
 * `replace` of `DocumentReference.status`, as MHD's UpdateDocumentRefs slice carries it
 * (`IHE.MHD.Patch.Parameters`; its parts in the order of IHE's example).
 */
function supersede(): Parameters {
  return {
    resourceType: 'Parameters',
    meta: { profile: [PROFILES.patch] },
    parameter: [
      {
        name: 'operation',
        part: [
          { name: 'path', valueString: 'DocumentReference.status' },
          { name: 'type', valueCode: 'replace' },
          { name: 'value', valueCode: 'superseded' },
        ],
      },
    ],
  };
}

/** The SubmissionSet: Comprehensive, its author contained (or named as an organisation). */
function submissionSet(submission: DocumentSubmission): List {
  const { type } = authorOf(submission.author);
  // A SubmissionSet's uniqueId is an OID (MHD): the submission's UUID as one, losslessly.
  const uniqueId = identifier('uniqueId', `urn:oid:${uuidOid(submission.uuid)}`);
  const extension: Extension[] = [
    {
      url: EXTENSIONS.sourceId,
      valueIdentifier: { system: URI_SYSTEM, value: submission.sourceId ?? DSP_KIT_SOURCE_ID },
    },
    {
      url: EXTENSIONS.designationType,
      valueCodeableConcept: coded(submission.designationType ?? UNKNOWN_CODE),
    },
  ];
  // List.source takes a Practitioner, PractitionerRole or Patient: an organisation is named by
  // the ihe-authorOrg extension, and an assistant (a RelatedPerson) cannot be named there.
  const author =
    type === 'Practitioner' || type === 'Patient' ? containedAuthor(submission) : undefined;
  const source: List['source'] =
    type === 'Organization'
      ? { extension: [{ url: EXTENSIONS.authorOrg, valueReference: submission.author }] }
      : author
        ? (authorReference(submission) as Reference<PractitionerRole | Patient>)
        : undefined;
  return {
    resourceType: 'List',
    meta: { profile: [PROFILES.submissionSet] },
    ...(author ? { contained: [author] } : {}),
    extension,
    identifier: [uniqueId, identifier('entryUUID', urn(submission.uuid))],
    status: 'current',
    mode: 'working',
    code: coded(SUBMISSION_SET_TYPE),
    subject: { reference: `Patient/${patientId(submission)}` },
    date: submission.date,
    ...(source ? { source } : {}),
    entry: submission.documents.map((doc) => ({
      item: { reference: entryUrl(doc.uuid, 'DocumentReference') },
    })),
  };
}

/**
 * The ITI-65 transaction for `submission` (checked first), conforming to MHD's Comprehensive
 * ProvideBundle. Every entry has a `urn:uuid` fullUrl of its own. The List and each
 * DocumentReference are conditional creates on their uniqueId, so re-sending the same submission
 * after a lost response creates no second one; each Binary, which has no identifier to search on,
 * is a plain create the server resolves like the rest (`attachment.url` and its
 * `securityContext` name the entries' fullUrls). Each replaced document is set `superseded` by a
 * `PATCH` entry (ITI-65.md, "Replace, Transform, Signs, and Append Associations"), after every
 * create so that the answer's first entries stay the List, then each document and its Binary.
 * Re-sent, that PATCH meets a document its own replacement superseded already: a server that
 * finds the replacement again by its uniqueId has nothing left to do (the mock answers 200).
 */
export function buildProvideBundle(submission: DocumentSubmission): Bundle {
  validateSubmission(submission);
  const list = submissionSet(submission);
  const listUniqueId = list.identifier?.[0]?.value ?? '';
  const entries: BundleEntry[] = [
    {
      fullUrl: entryUrl(submission.uuid, 'List'),
      resource: list,
      request: {
        method: 'POST',
        url: 'List',
        ifNoneExist: `identifier=${URI_SYSTEM}|${listUniqueId}`,
      },
    },
  ];
  for (const doc of submission.documents) {
    const documentUrl = entryUrl(doc.uuid, 'DocumentReference');
    entries.push({
      fullUrl: documentUrl,
      resource: documentReference(submission, doc),
      request: {
        method: 'POST',
        url: 'DocumentReference',
        ifNoneExist: `identifier=${URI_SYSTEM}|${urn(doc.uuid)}`,
      },
    });
    const binary: Binary = {
      resourceType: 'Binary',
      contentType: doc.contentType,
      // Who may read the content: whoever may read its document.
      securityContext: { reference: documentUrl },
      data: doc.data,
    };
    entries.push({
      fullUrl: entryUrl(doc.uuid, 'Binary'),
      resource: binary,
      request: { method: 'POST', url: 'Binary' },
    });
  }
  for (const doc of submission.documents) {
    const replaced = replacedId(doc);
    if (replaced === undefined) continue;
    entries.push({
      fullUrl: entryUrl(doc.uuid, 'Replaced'),
      resource: supersede(),
      request: { method: 'PATCH', url: `DocumentReference/${replaced}` },
    });
  }
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    meta: { profile: [PROFILES.bundle] },
    entry: entries,
  };
}
