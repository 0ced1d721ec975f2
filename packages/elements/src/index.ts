// @dsp-kit/elements: the component classes, with no side effect. To register the tags, import
// the define modules, e.g. `@dsp-kit/elements/define/dsp-document-viewer.js`.
export { DspElement } from './base/dsp-element.js';
export { defineElement } from './base/define-element.js';
export { errorDetail, errorMessage, MissingClientError } from './base/error-message.js';
export type { ErrorMessage } from './base/error-message.js';
export { DspDocumentViewer } from './document-viewer/document-viewer.component.js';
export { DspAuditLog } from './audit-log/audit-log.component.js';
export { DspDocumentStats } from './document-stats/document-stats.component.js';
export { DspStatusBadge } from './status/status.component.js';
export { DspStatusList } from './status/status-list.component.js';
export type { WorklistPatient } from './status/worklist-patients.js';
export { DspStatusOpenEvent } from './status/status.events.js';
export { DspEmergencyAlerts } from './emergency-alerts/emergency-alerts.component.js';
export {
  DspAuditEntryOpenEvent,
  DspEmergencyAcknowledgedEvent,
} from './emergency-alerts/emergency-alerts.events.js';
export { recordVisit } from './status/visits.js';
export { DspDocumentPreview } from './document-preview/document-preview.component.js';
export { DspDocumentUploader } from './document-uploader/document-uploader.component.js';
export {
  DspDocumentUploadedEvent,
  DspReplaceCancelEvent,
  DspUploadFailedEvent,
  DspUploadProgressEvent,
} from './document-uploader/document-uploader.events.js';
export type {
  NextAttempt,
  UploadItem,
  UploadMetadata,
  UploadResult,
  UploadStatus,
} from './document-uploader/upload-queue.js';
export { uploaderMessages } from './document-uploader/document-uploader.messages.js';
export type { UploaderMessages } from './document-uploader/document-uploader.messages.js';
export { DspAccessRights } from './access-rights/access-rights.component.js';
export { accessRightsMessages } from './access-rights/access-rights.messages.js';
export type { AccessRightsMessages } from './access-rights/access-rights.messages.js';
export type { AccessEdit, ActorStatus } from './access-rights/edits.js';
export {
  DspAccessChangedEvent,
  DspRequestBlockEvent,
  DspRequestUnblockEvent,
  DspRequestGrantEvent,
  DspRequestRevokeEvent,
  DspRequestMaskEvent,
  DspRequestUnmaskEvent,
  DspRequestCloseEvent,
  DspRequestReopenEvent,
  DspRequestBreakGlassPolicyEvent,
  DspRequestAddAssistantEvent,
  DspRequestRemoveAssistantEvent,
} from './access-rights/access-rights.events.js';
export type { DspAccessChange } from './access-rights/access-rights.events.js';
export { previewMessages } from './document-preview/document-preview.messages.js';
export type { PreviewMessages } from './document-preview/document-preview.messages.js';
export { auditCsv, neutralise } from './audit-log/audit-csv.js';
export { filterRows } from './audit-log/audit-filter.js';
export type { AuditFilters } from './audit-log/audit-filter.js';
export { DspPatientSummary } from './patient-summary/patient-summary.component.js';
export { DspSummaryShownEvent } from './patient-summary/patient-summary.events.js';
export { summaryMessages } from './patient-summary/patient-summary.messages.js';
export type { SummaryMessages } from './patient-summary/patient-summary.messages.js';
export { DspProvider } from './provider/dsp-provider.component.js';
export { clientContext } from './provider/context.js';
export { DspDocumentOpenEvent, DspDocumentSelectEvent, DspErrorEvent } from './events.js';
export {
  DspBreakGlassGrantedEvent,
  DspDocumentReplaceEvent,
  DspDocumentUpdateEvent,
  DspDocumentWithdrawEvent,
  DspRequestBreakGlassEvent,
} from './document-viewer/document-viewer.events.js';
export { LocalizeController } from './i18n/localize.controller.js';
export { catalog } from './i18n/catalog.js';
export type { Catalog } from './i18n/catalog.js';
export { commonMessages } from './i18n/common.messages.js';
export type { CommonMessages } from './i18n/common.messages.js';
export { resolveLanguage, kitLanguage } from './i18n/language.js';
export { tokens } from './theme/tokens.css.js';
