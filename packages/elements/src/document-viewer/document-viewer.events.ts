// The events <dsp-document-viewer> adds to the kit's shared set (`../events.ts`): emergency
// access asked for and granted. Patient ids and times only, never clinical content.
const init = { bubbles: true, composed: true } as const;

/**
 * A professional asks for emergency access to a patient's DSP. Cancelable: a host that calls
 * `preventDefault()` vetoes it (its own policy, a second confirmation…), and nothing is sent.
 */
export class DspRequestBreakGlassEvent extends Event {
  static readonly type = 'dsp-request-break-glass';
  constructor(readonly detail: { readonly patientId: string }) {
    super(DspRequestBreakGlassEvent.type, { ...init, cancelable: true });
  }
}

/** Emergency access was granted; `expires` is when it ends. */
export class DspBreakGlassGrantedEvent extends Event {
  static readonly type = 'dsp-break-glass-granted';
  constructor(
    readonly detail: { readonly patientId: string; readonly expires: string | undefined },
  ) {
    super(DspBreakGlassGrantedEvent.type, init);
  }
}

/**
 * The user asks to replace a document with a new version, before the uploader opens.
 * Cancelable: `preventDefault()` vetoes it, and the uploader does not open.
 */
export class DspDocumentReplaceEvent extends Event {
  static readonly type = 'dsp-document-replace';
  constructor(readonly detail: { readonly documentId: string }) {
    super(DspDocumentReplaceEvent.type, { ...init, cancelable: true });
  }
}

/**
 * The user confirmed withdrawing a document (`entered-in-error`), before the request is sent.
 * Cancelable: `preventDefault()` vetoes it, and nothing is sent. The reason stays in the panel.
 */
export class DspDocumentWithdrawEvent extends Event {
  static readonly type = 'dsp-document-withdraw';
  constructor(readonly detail: { readonly documentId: string }) {
    super(DspDocumentWithdrawEvent.type, { ...init, cancelable: true });
  }
}

/**
 * The user saves a change to a document: a correction by its author, or its confidentiality set
 * by the patient or an assistant (`detail.change`). Cancelable: `preventDefault()` vetoes it.
 */
export class DspDocumentUpdateEvent extends Event {
  static readonly type = 'dsp-document-update';
  constructor(
    readonly detail: {
      readonly documentId: string;
      readonly change: 'correct' | 'confidentiality';
    },
  ) {
    super(DspDocumentUpdateEvent.type, { ...init, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-request-break-glass': DspRequestBreakGlassEvent;
    'dsp-break-glass-granted': DspBreakGlassGrantedEvent;
    'dsp-document-replace': DspDocumentReplaceEvent;
    'dsp-document-withdraw': DspDocumentWithdrawEvent;
    'dsp-document-update': DspDocumentUpdateEvent;
  }
}
