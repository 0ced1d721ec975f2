// The events of <dsp-access-rights>: cancelable intents before each change, and the fact after
// the server saved it. Details carry identifiers only: composed events reach every listener.

const intent = { bubbles: true, composed: true, cancelable: true } as const;

/** What a saved change did, as `dsp-access-changed` reports it. */
export type DspAccessChange =
  | 'block'
  | 'unblock'
  | 'grant'
  | 'grant-full'
  /** A grant now also covers restricted (R) documents. */
  | 'extend'
  /** A grant now covers normal (N) documents only. */
  | 'limit'
  | 'revoke'
  | 'mask'
  | 'unmask'
  | 'break-glass-allowed'
  | 'break-glass-refused'
  | 'close'
  | 'reopen'
  | 'add-assistant'
  | 'remove-assistant';

interface ActorDetail {
  readonly patientId: string;
  /** The professional, as a reference: `Practitioner/<id>` or `PractitionerRole/<id>`. */
  readonly actorId: string;
}

interface DocumentDetail {
  readonly patientId: string;
  readonly documentId: string;
}

/** The user asks to block a professional. Cancelable: `preventDefault()` vetoes it. */
export class DspRequestBlockEvent extends Event {
  static readonly type = 'dsp-request-block';
  constructor(readonly detail: ActorDetail) {
    super(DspRequestBlockEvent.type, intent);
  }
}

/** The user asks to lift a block. Cancelable. */
export class DspRequestUnblockEvent extends Event {
  static readonly type = 'dsp-request-unblock';
  constructor(readonly detail: ActorDetail) {
    super(DspRequestUnblockEvent.type, intent);
  }
}

/**
 * The user asks to grant a professional access, or to change the grant's level: `full` also covers
 * masked documents, `extended` restricted (R) documents besides normal (N) ones. Cancelable.
 */
export class DspRequestGrantEvent extends Event {
  static readonly type = 'dsp-request-grant';
  constructor(
    readonly detail: ActorDetail & { readonly full: boolean; readonly extended: boolean },
  ) {
    super(DspRequestGrantEvent.type, intent);
  }
}

/** The user asks to withdraw a grant. Cancelable. */
export class DspRequestRevokeEvent extends Event {
  static readonly type = 'dsp-request-revoke';
  constructor(readonly detail: ActorDetail) {
    super(DspRequestRevokeEvent.type, intent);
  }
}

/** The user (or the host, through `mask()`) asks to mask a document from professionals. Cancelable. */
export class DspRequestMaskEvent extends Event {
  static readonly type = 'dsp-request-mask';
  constructor(readonly detail: DocumentDetail) {
    super(DspRequestMaskEvent.type, intent);
  }
}

/** The user asks to unmask a document. Cancelable. */
export class DspRequestUnmaskEvent extends Event {
  static readonly type = 'dsp-request-unmask';
  constructor(readonly detail: DocumentDetail) {
    super(DspRequestUnmaskEvent.type, intent);
  }
}

/** The user confirmed closing the DSP. Cancelable. */
export class DspRequestCloseEvent extends Event {
  static readonly type = 'dsp-request-close';
  constructor(readonly detail: { readonly patientId: string }) {
    super(DspRequestCloseEvent.type, intent);
  }
}

/** The user asks to reopen the DSP. Cancelable. */
export class DspRequestReopenEvent extends Event {
  static readonly type = 'dsp-request-reopen';
  constructor(readonly detail: { readonly patientId: string }) {
    super(DspRequestReopenEvent.type, intent);
  }
}

/** The user asks to allow (`allowed: true`) or refuse emergency access. Cancelable. */
export class DspRequestBreakGlassPolicyEvent extends Event {
  static readonly type = 'dsp-request-break-glass-policy';
  constructor(readonly detail: { readonly patientId: string; readonly allowed: boolean }) {
    super(DspRequestBreakGlassPolicyEvent.type, intent);
  }
}

/** The user asks to name a DSP assistant (their details stay in the panel). Cancelable. */
export class DspRequestAddAssistantEvent extends Event {
  static readonly type = 'dsp-request-add-assistant';
  constructor(readonly detail: { readonly patientId: string }) {
    super(DspRequestAddAssistantEvent.type, intent);
  }
}

/** The user asks to withdraw a DSP assistant (`assistantId`: the RelatedPerson's id). Cancelable. */
export class DspRequestRemoveAssistantEvent extends Event {
  static readonly type = 'dsp-request-remove-assistant';
  constructor(readonly detail: { readonly patientId: string; readonly assistantId: string }) {
    super(DspRequestRemoveAssistantEvent.type, intent);
  }
}

/** The server saved a change of the patient's access rights. */
export class DspAccessChangedEvent extends Event {
  static readonly type = 'dsp-access-changed';
  constructor(
    readonly detail: {
      readonly patientId: string;
      readonly change: DspAccessChange;
      readonly actorId?: string;
      /** For a grant (`grant`, `grant-full`, `extend`, `limit`): it covers R documents too. */
      readonly extended?: boolean;
      readonly documentId?: string;
      /** The DSP assistant named or withdrawn: the RelatedPerson's id. */
      readonly assistantId?: string;
    },
  ) {
    super(DspAccessChangedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-request-block': DspRequestBlockEvent;
    'dsp-request-unblock': DspRequestUnblockEvent;
    'dsp-request-grant': DspRequestGrantEvent;
    'dsp-request-revoke': DspRequestRevokeEvent;
    'dsp-request-mask': DspRequestMaskEvent;
    'dsp-request-unmask': DspRequestUnmaskEvent;
    'dsp-request-close': DspRequestCloseEvent;
    'dsp-request-reopen': DspRequestReopenEvent;
    'dsp-request-break-glass-policy': DspRequestBreakGlassPolicyEvent;
    'dsp-request-add-assistant': DspRequestAddAssistantEvent;
    'dsp-request-remove-assistant': DspRequestRemoveAssistantEvent;
    'dsp-access-changed': DspAccessChangedEvent;
  }
}
