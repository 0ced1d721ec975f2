// The cancelable intent a Consent edit is announced with before it is saved (`dsp-request-*`).
import {
  DspRequestBlockEvent,
  DspRequestBreakGlassPolicyEvent,
  DspRequestCloseEvent,
  DspRequestGrantEvent,
  DspRequestMaskEvent,
  DspRequestReopenEvent,
  DspRequestRevokeEvent,
  DspRequestUnblockEvent,
  DspRequestUnmaskEvent,
} from './access-rights.events.js';
import type { AccessEdit } from './edits.js';

/** The intent of `edit` on the patient's record; `blocked`: the professional is blocked now. */
export function intentFor(edit: AccessEdit, patientId: string, blocked: boolean): Event {
  switch (edit.target) {
    case 'actor': {
      const detail = { patientId, actorId: edit.actorId };
      if (edit.status === 'blocked') return new DspRequestBlockEvent(detail);
      // A grant, new or at another level: `extended` says whether it covers R documents.
      const extended = edit.extended === true;
      if (edit.status === 'granted')
        return new DspRequestGrantEvent({ ...detail, full: false, extended });
      if (edit.status === 'full')
        return new DspRequestGrantEvent({ ...detail, full: true, extended });
      return blocked ? new DspRequestUnblockEvent(detail) : new DspRequestRevokeEvent(detail);
    }
    case 'document': {
      const detail = { patientId, documentId: edit.documentId };
      return edit.masked ? new DspRequestMaskEvent(detail) : new DspRequestUnmaskEvent(detail);
    }
    case 'break-glass':
      return new DspRequestBreakGlassPolicyEvent({ patientId, allowed: edit.allowed });
    case 'open':
      return edit.open
        ? new DspRequestReopenEvent({ patientId })
        : new DspRequestCloseEvent({ patientId });
  }
}
