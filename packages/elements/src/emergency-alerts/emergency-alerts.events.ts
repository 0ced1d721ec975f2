// The events of <dsp-emergency-alerts>. Details carry identifiers only.

const init = { bubbles: true, composed: true } as const;

/** The user asks to see an emergency access's entry in the access log. */
export class DspAuditEntryOpenEvent extends Event {
  static readonly type = 'dsp-audit-entry-open';
  constructor(readonly detail: { readonly patient: string; readonly eventId: string }) {
    super(DspAuditEntryOpenEvent.type, init);
  }
}

/** The user acknowledged the emergency accesses shown, up to `until` (the newest one's time). */
export class DspEmergencyAcknowledgedEvent extends Event {
  static readonly type = 'dsp-emergency-acknowledged';
  constructor(readonly detail: { readonly patient: string; readonly until: string }) {
    super(DspEmergencyAcknowledgedEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-audit-entry-open': DspAuditEntryOpenEvent;
    'dsp-emergency-acknowledged': DspEmergencyAcknowledgedEvent;
  }
}
