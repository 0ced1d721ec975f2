// Builds the IHE MHD ITI-65 "Provide Document Bundle": a transaction with a SubmissionSet List, the
// DocumentReferences and their Binaries, written so that sending it twice creates nothing twice.
import type {
  Binary,
  Bundle,
  BundleEntry,
  CodeableConcept,
  Coding,
  DocumentReference,
  List,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  Reference,
  RelatedPerson,
} from '@medplum/fhirtypes';
import { DspValidationError } from './errors.js';
import { referenceValue } from './search-params.js';
import {
  CONFIDENTIALITY_SYSTEM,
  DSP_SECURITY_SYSTEM,
  documentClassConcept,
  documentTypeByCode,
  documentTypeConcept,
  type ConfidentialityCode,
} from './vocabulary.js';

/** Identifier system of `urn:uuid:` values. */
export const URI_SYSTEM = 'urn:ietf:rfc:3986';
const SUBMISSION_SET_TYPE = {
  system: 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes',
  code: 'submissionset',
};

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
}

export interface DocumentSubmission {
  /** A UUID chosen once per submission and kept across retries (the SubmissionSet's identifier). */
  uuid: string;
  /** The patient's FHIR id. */
  patient: string;
  /** Who submits: a Practitioner, PractitionerRole, Patient or Organization reference. */
  author: Reference<Practitioner | PractitionerRole | Patient | Organization | RelatedPerson>;
  /** When the submission was made (FHIR instant: seconds and time zone). */
  date: string;
  documents: SubmittedDocument[];
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
const AUTHOR_TYPES = [
  'Practitioner',
  'PractitionerRole',
  'Patient',
  'Organization',
  'RelatedPerson',
];

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
}

/** Checks a submission, throwing a `DspValidationError` that names the first wrong field. */
export function validateSubmission(submission: DocumentSubmission): void {
  if (!UUID.test(submission.uuid)) fail('uuid must be a UUID', 'uuid');
  referenceValue(submission.patient, 'patient', 'Patient');
  const author = submission.author.reference ?? '';
  if (!AUTHOR_TYPES.some((type) => author.startsWith(`${type}/`))) {
    fail(`author must reference a ${AUTHOR_TYPES.join(', ')}; got "${author}"`, 'author');
  }
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
}

function isListSource(
  author: DocumentSubmission['author'],
): author is Reference<Practitioner | PractitionerRole | Patient> {
  return /^(Practitioner|PractitionerRole|Patient)\//.test(author.reference ?? '');
}

function urn(uuid: string): string {
  return `urn:uuid:${uuid.toLowerCase()}`;
}

/** The Binary's id: derived from the document's UUID, so a resent Binary overwrites itself. */
export function binaryId(documentUuid: string): string {
  return `content-${documentUuid.toLowerCase()}`;
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
  const context: DocumentReference['context'] = {
    ...(period ? { period } : {}),
    ...(doc.facilityType ? { facilityType: { coding: [doc.facilityType] } } : {}),
    ...(doc.practiceSetting ? { practiceSetting: { coding: [doc.practiceSetting] } } : {}),
  };
  return {
    resourceType: 'DocumentReference',
    masterIdentifier: { system: URI_SYSTEM, value: urn(doc.uuid) },
    status: 'current',
    type: documentTypeConcept(type),
    category: [documentClassConcept(type)],
    subject: { reference: `Patient/${submission.patient}` },
    date: submission.date,
    author: [submission.author],
    ...(doc.description ? { description: doc.description } : {}),
    securityLabel,
    content: [
      {
        attachment: {
          contentType: doc.contentType,
          language: doc.language ?? 'fr',
          url: `Binary/${binaryId(doc.uuid)}`,
          size: doc.size,
          hash: doc.hash,
          title: doc.title.trim(),
          creation: doc.creation ?? submission.date,
        },
      },
    ],
    ...(Object.keys(context).length > 0 ? { context } : {}),
    ...(doc.replaces
      ? {
          relatesTo: [
            {
              code: 'replaces' as const,
              target: {
                reference: `DocumentReference/${doc.replaces.replace(/^DocumentReference\//, '')}`,
              },
            },
          ],
        }
      : {}),
  };
}

/**
 * The ITI-65 transaction for `submission` (checked first). The List and each DocumentReference are
 * conditional creates on their identifier, and each Binary an update of an id derived from its
 * document's UUID, so re-sending the same submission after a lost response creates no duplicate.
 */
export function buildProvideBundle(submission: DocumentSubmission): Bundle {
  validateSubmission(submission);
  const entries: BundleEntry[] = [];
  const list: List = {
    resourceType: 'List',
    identifier: [{ system: URI_SYSTEM, value: urn(submission.uuid) }],
    status: 'current',
    mode: 'working',
    code: { coding: [SUBMISSION_SET_TYPE] },
    subject: { reference: `Patient/${submission.patient}` },
    date: submission.date,
    ...(isListSource(submission.author) ? { source: submission.author } : {}),
    entry: submission.documents.map((doc) => ({ item: { reference: urn(doc.uuid) } })),
  };
  entries.push({
    fullUrl: urn(submission.uuid),
    resource: list,
    request: {
      method: 'POST',
      url: 'List',
      ifNoneExist: `identifier=${URI_SYSTEM}|${urn(submission.uuid)}`,
    },
  });
  for (const doc of submission.documents) {
    entries.push({
      fullUrl: urn(doc.uuid),
      resource: documentReference(submission, doc),
      request: {
        method: 'POST',
        url: 'DocumentReference',
        ifNoneExist: `identifier=${URI_SYSTEM}|${urn(doc.uuid)}`,
      },
    });
    const binary: Binary = {
      resourceType: 'Binary',
      id: binaryId(doc.uuid),
      contentType: doc.contentType,
      data: doc.data,
    };
    entries.push({
      fullUrl: `Binary/${binaryId(doc.uuid)}`,
      resource: binary,
      request: { method: 'PUT', url: `Binary/${binaryId(doc.uuid)}` },
    });
  }
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    meta: {
      profile: [
        'https://profiles.ihe.net/ITI/MHD/StructureDefinition/IHE.MHD.Comprehensive.ProvideBundle',
      ],
    },
    entry: entries,
  };
}
