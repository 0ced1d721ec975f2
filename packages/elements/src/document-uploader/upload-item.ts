// One file of the uploader's list: its metadata, its state from checking to sent, and how a new
// one is made from a file and the host's defaults.
import type { ConfidentialityCode, NamedAuthor } from '@dsp-kit/fhir';
import type { Coding } from '@medplum/fhirtypes';
import { titleFromFileName, type FileProblem, type UploadField } from './file-checks.js';

export type UploadStatus =
  | 'checking'
  | 'hashing'
  | 'ready'
  | 'invalid'
  /** Asked to be sent while the browser is offline: sent when the network is back. */
  | 'waiting'
  | 'sending'
  /** An attempt failed for a passing reason: the next one starts after a backoff. */
  | 'retrying'
  | 'sent'
  | 'failed'
  | 'cancelled';

/** The statuses from which a file can be sent (again). */
export const SENDABLE: readonly UploadStatus[] = ['ready', 'waiting', 'failed', 'cancelled'];

/** The statuses of a file being sent: such a row is neither removed nor edited. */
export const IN_FLIGHT: readonly UploadStatus[] = ['sending', 'retrying'];

/** Languages offered for a document's content, beside any other one it was given. */
export const CONTENT_LANGUAGES: readonly string[] = ['fr', 'de', 'en', 'lb', 'pt'];

/** The type a patient adds: "Expression du titulaire". */
export const PATIENT_DOCUMENT_TYPE = 'expression-titulaire';

/** The next automatic attempt of a row, set when its wait starts. */
export interface NextAttempt {
  /** When it starts (epoch milliseconds). */
  readonly at: number;
  /** How long the row waits for it, from when the wait started. */
  readonly waitMs: number;
  /** The server said it is busy (429, 503), rather than failing or not answering. */
  readonly busy: boolean;
}

/** What a document is said to be: the ITI-65 metadata the form edits. */
export interface UploadMetadata {
  /** A DSP document type code (see `documentTypes` of `@dsp-kit/fhir`). */
  typeCode: string;
  title: string;
  /** Date of the act or service, `YYYY-MM-DD`, or empty. */
  date: string;
  confidentiality: ConfidentialityCode;
  /** BCP 47 language of the content. */
  language: string;
  /** Masked from professionals (professionals only; not with `hidden`). */
  masked: boolean;
  /** Hidden from the patient until explained (professionals only; not with `masked`). */
  hidden: boolean;
  /** Id of the DocumentReference this one replaces (`relatesTo`), or empty. */
  replaces: string;
  /** Kind of facility where the act took place; the host's `facilityType` by default. */
  facilityType?: Coding | undefined;
  /** Clinical specialty of the act; the host's `practiceSetting` by default. */
  practiceSetting?: Coding | undefined;
  /**
   * Who wrote the document beside the sender, who stays its first author: the authors a CDA's
   * header names, prefilled, editable and removable.
   */
  authors?: NamedAuthor[] | undefined;
}

/** The form field where a change of each metadata key shows (and answers the server there). */
export const METADATA_FIELD: Record<keyof UploadMetadata, UploadField> = {
  typeCode: 'type',
  title: 'title',
  date: 'date',
  confidentiality: 'confidentiality',
  language: 'language',
  masked: 'flags',
  hidden: 'flags',
  replaces: 'replaces',
  facilityType: 'facility',
  practiceSetting: 'facility',
  authors: 'authors',
};

export type FormProblem =
  | FileProblem
  | 'typeRequired'
  | 'typeUnknown'
  | 'patientType'
  | 'titleRequired'
  | 'untitledFile'
  | 'dateInvalid'
  | 'futureDate'
  | 'confidentialityInvalid'
  | 'bothFlags'
  | 'flagsProfessionalOnly'
  | 'replaces'
  /** An author beside the sender left with no name, identifier nor organisation. */
  | 'authorUnnamed';

/** A problem at a field: one of ours (`code`), or the server's own words (`text`). */
export type Problem = { readonly code: FormProblem } | { readonly text: string };

/** The problems of a row, by field (`general` for the server's words that name no field). */
export type RowProblems = Partial<Record<UploadField | 'general', Problem>>;

export interface UploadItem {
  readonly file: File;
  /** The SubmissionSet's UUID: chosen when the file is added, kept across retries. */
  readonly submissionUuid: string;
  /**
   * The document's UUID (its masterIdentifier without `urn:uuid:`): likewise kept; also the row's
   * id in the API and in events.
   */
  readonly documentUuid: string;
  metadata: UploadMetadata;
  status: UploadStatus;
  /** The content type the bytes say. */
  contentType?: string;
  /** SHA-1 in base64. */
  hash?: string;
  /** Bytes hashed so far. */
  hashed: number;
  /** Bytes of the request sent so far, of `uploadTotal` (0 until known). */
  uploaded: number;
  uploadTotal: number;
  /** The user asked to send it and it is not sent yet: sending resumes when the network is back. */
  sendRequested: boolean;
  /** When it was added, to keep the stored queue in order. */
  readonly addedAt: number;
  /** Problems of the file itself, found once when it was added. */
  fileProblems: FileProblem[];
  /** The server's complaints, by field (`general` when it named none). */
  serverProblems: Partial<Record<UploadField | 'general', string>>;
  /** Why the last send failed. */
  error?: unknown;
  /**
   * When the next automatic attempt starts, while the row waits for it (`retrying`); never
   * stored, so a row shown again after a reload names no wait it no longer has.
   */
  nextAttempt?: NextAttempt | undefined;
  /**
   * The user asked to send it (the panel's button, `submit()`): from then on every problem of the
   * row shows, the empty fields' too. Never stored.
   */
  askedToSend?: boolean;
  /** The fields the user changed: an empty one says so from then on. Never stored. */
  edited?: readonly UploadField[];
  /** A CDA's IHE format code (`content.format`), read from the document when it was checked. */
  format?: Coding | undefined;
  /** A CDA whose patient could not be compared with the uploader's: said, not refused. */
  patientUnconfirmed?: boolean;
  /** The fields a CDA's header filled in (for the note that says so). Never stored. */
  prefilled?: readonly (keyof UploadMetadata)[];
  /** Set once: the date of the first attempt, resent as is. */
  submittedAt?: string;
  documentId?: string;
  abort?: AbortController;
}

/** The host's defaults for a new row. */
export interface ItemDefaults {
  readonly patientMode: boolean;
  readonly language: string;
  readonly facilityType?: Coding | undefined;
  readonly practiceSetting?: Coding | undefined;
}

/** A new row for `file`: fresh identifiers, the defaults, then what the caller gave. */
export function createItem(
  file: File,
  defaults: ItemDefaults,
  metadata: Partial<UploadMetadata> = {},
  addedAt = Date.now(),
): UploadItem {
  return {
    file,
    submissionUuid: crypto.randomUUID(),
    documentUuid: crypto.randomUUID(),
    metadata: {
      typeCode: defaults.patientMode ? PATIENT_DOCUMENT_TYPE : '',
      title: titleFromFileName(file.name),
      date: '',
      confidentiality: 'N',
      language: defaults.language,
      masked: false,
      hidden: false,
      replaces: '',
      facilityType: defaults.facilityType,
      practiceSetting: defaults.practiceSetting,
      ...definedOnly(metadata),
    },
    status: 'checking',
    hashed: 0,
    uploaded: 0,
    uploadTotal: 0,
    sendRequested: false,
    addedAt,
    fileProblems: [],
    serverProblems: {},
  };
}

/** `metadata` without its undefined values, so they do not erase a default. */
export function definedOnly(metadata: Partial<UploadMetadata>): Partial<UploadMetadata> {
  const entries: [string, unknown][] = Object.entries(metadata);
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}
