// @dsp-kit/fhir: the FHIR R4 / IHE client for the DSP, its typed errors, pure helpers and vocabulary.
export { DspClient } from './client.js';
export type {
  AuditQuery,
  ContentOptions,
  DirectoryEntry,
  DocumentQuery,
  DspClientOptions,
  ReadOptions,
  ProvideOptions,
  ProvideResult,
  RequestOptions,
  VersionedConsent,
  WithdrawOptions,
} from './client.js';
export {
  MAX_WITHDRAWAL_REASON,
  WITHDRAWAL_REASON_EXTENSION,
  withdrawalReason,
} from './document-status.js';
export type { VersionedDocument } from './document-status.js';
export { documentChangeDetails, readDocumentChange } from './document-change.js';
export type { DocumentChangeRecord, DspDocumentChange } from './document-change.js';
export { Page } from './page.js';
export type { CachedRead, CacheMode, ReadCache } from './read-cache.js';
export type { PageOptions } from './page.js';
export {
  MASKED_BY_PATIENT_LABEL,
  readWithheld,
  WITHHELD_BY_PROFESSION,
  WITHHELD_COUNT_EXTENSION,
} from './withheld.js';
export type { WithheldDocuments } from './withheld.js';
export { readSearchSet } from './bundle.js';
export type { SearchSet } from './bundle.js';
export type { RetryOptions } from './retry.js';
export {
  backoffDelay,
  isRetryable,
  isRetryableStatus,
  type BackoffOptions,
  type RetryRule,
} from './retryable.js';
export type { UploadProgress } from './xhr-fetch.js';
export {
  breakTheGlassAvailable,
  DspAuthError,
  DspConflictError,
  DspContentOriginError,
  DspError,
  DspHttpError,
  DspIntegrityError,
  DspNetworkError,
  DspProtocolError,
  DspValidationError,
  outcomeText,
} from './errors.js';
export type { DspErrorKind, DspHttpErrorOptions } from './errors.js';
export type {
  EmergencyAccess,
  EmergencyAccessCallback,
  EmergencyAccessGrant,
} from './emergency-access.js';
export type { TokenProvider, TokenRequest } from './token-provider.js';
// Provide, assistant and matricule helpers have entries of their own (`@dsp-kit/fhir/provide`,
// `/assistant`, `/matricule`): DspClient loads the first two on first use, which works only
// while this entry does not re-export their values (see client.ts). Their types stay here.
export type { DocumentSubmission, NamedAuthor, SubmittedDocument } from './provide.js';
export {
  accessSummary,
  blockProfessional,
  closeDsp,
  CONSENT_SCOPE,
  defaultConsent,
  grantAccess,
  maskDocument,
  reopenDsp,
  revokeAccess,
  setBreakTheGlass,
  unblockProfessional,
  unmaskDocument,
} from './consent.js';
export type { AccessSummary } from './consent.js';
export {
  AGENT_ORGANIZATION_EXTENSION,
  AUDIT_ACTION_SYSTEM,
  AUDIT_OUTCOME_REASON_EXTENSION,
  auditRows,
  buildAuditEvent,
  REFUSAL_REASON_SYSTEM,
} from './audit.js';
export type {
  AuditInput,
  AuditRightsChange,
  AuditRow,
  DspAuditAction,
  DspAuditOutcome,
  DspRightsChange,
} from './audit.js';
export { checkIntegrity, sha1Base64 } from './integrity.js';
export { DSP_CONTENT_TYPES } from './content-types.js';
export { buildCountBatch, monthBound, readCountBatch } from './stats.js';
export {
  buildStatusBatch,
  CLOSED_SINCE_EXTENSION,
  DSP_ACCESS_EXTENSION,
  lastDocumentRead,
  MAX_STATUS_PATIENTS,
  newDocumentsSearch,
  readCountResponse,
  readStatusBatch,
  REFUSAL_REASON_EXTENSION,
  withNewCount,
} from './dsp-status.js';
export type { DspAccessLevel, DspRefusal, DspStatus, StatusQuery } from './dsp-status.js';
export type { CountBatchQuery, DocumentCountTable } from './stats.js';
export type {
  AssistantField,
  AssistantInput,
  AssistantProblem,
  AssistantProblemCode,
  DspAssistant,
} from './assistant.js';
export type { MatriculeOptions, MatriculeProblem, MatriculeResult } from './matricule.js';
export * from './vocabulary.js';
export type {
  Attachment,
  AuditEvent,
  Bundle,
  Consent,
  DocumentReference,
  OperationOutcome,
  Organization,
  Patient,
  Practitioner,
  PractitionerRole,
  RelatedPerson,
  Resource,
} from '@medplum/fhirtypes';
