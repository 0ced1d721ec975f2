// The kit's event names, typed with their event classes, so each `on…` prop's handler gets the
// event it will receive (the names are literals: the wrappers need no runtime import for them).
import type { EventName } from '@lit/react';
import type {
  DspAccessChangedEvent,
  DspBreakGlassGrantedEvent,
  DspDocumentOpenEvent,
  DspDocumentSelectEvent,
  DspDocumentUploadedEvent,
  DspErrorEvent,
  DspRequestAddAssistantEvent,
  DspRequestBlockEvent,
  DspRequestBreakGlassEvent,
  DspRequestBreakGlassPolicyEvent,
  DspRequestCloseEvent,
  DspRequestGrantEvent,
  DspRequestMaskEvent,
  DspRequestRemoveAssistantEvent,
  DspRequestReopenEvent,
  DspRequestRevokeEvent,
  DspRequestUnblockEvent,
  DspRequestUnmaskEvent,
  DspUploadFailedEvent,
  DspUploadProgressEvent,
} from '@dsp-kit/elements';

export const onError = 'dsp-error' as EventName<DspErrorEvent>;
export const onDocumentSelect = 'dsp-document-select' as EventName<DspDocumentSelectEvent>;
export const onRequestBreakGlass =
  'dsp-request-break-glass' as EventName<DspRequestBreakGlassEvent>;
export const onBreakGlassGranted =
  'dsp-break-glass-granted' as EventName<DspBreakGlassGrantedEvent>;
export const onDocumentUploaded = 'dsp-document-uploaded' as EventName<DspDocumentUploadedEvent>;
export const onAccessChanged = 'dsp-access-changed' as EventName<DspAccessChangedEvent>;
export const onRequestBlock = 'dsp-request-block' as EventName<DspRequestBlockEvent>;
export const onRequestUnblock = 'dsp-request-unblock' as EventName<DspRequestUnblockEvent>;
export const onRequestGrant = 'dsp-request-grant' as EventName<DspRequestGrantEvent>;
export const onRequestRevoke = 'dsp-request-revoke' as EventName<DspRequestRevokeEvent>;
export const onRequestMask = 'dsp-request-mask' as EventName<DspRequestMaskEvent>;
export const onRequestUnmask = 'dsp-request-unmask' as EventName<DspRequestUnmaskEvent>;
export const onRequestBreakGlassPolicy =
  'dsp-request-break-glass-policy' as EventName<DspRequestBreakGlassPolicyEvent>;
export const onRequestClose = 'dsp-request-close' as EventName<DspRequestCloseEvent>;
export const onRequestReopen = 'dsp-request-reopen' as EventName<DspRequestReopenEvent>;
export const onDocumentOpen = 'dsp-document-open' as EventName<DspDocumentOpenEvent>;
export const onUploadProgress = 'dsp-upload-progress' as EventName<DspUploadProgressEvent>;
export const onUploadFailed = 'dsp-upload-failed' as EventName<DspUploadFailedEvent>;
export const onRequestAddAssistant =
  'dsp-request-add-assistant' as EventName<DspRequestAddAssistantEvent>;
export const onRequestRemoveAssistant =
  'dsp-request-remove-assistant' as EventName<DspRequestRemoveAssistantEvent>;
