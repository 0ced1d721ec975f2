// The events DSP Kit panels dispatch. Details carry identifiers, never clinical content: composed
// events reach every listener on the host page.
import type { DspErrorKind } from '@dsp-kit/fhir';

const init = { bubbles: true, composed: true } as const;

/** The user chose a document (to open or preview it). */
export class DspDocumentSelectEvent extends Event {
  static readonly type = 'dsp-document-select';
  constructor(readonly detail: { readonly documentId: string }) {
    super(DspDocumentSelectEvent.type, init);
  }
}

/** A document was opened (in the viewer's preview, or by the host when `preview="none"`). */
export class DspDocumentOpenEvent extends Event {
  static readonly type = 'dsp-document-open';
  constructor(readonly detail: { readonly documentId: string }) {
    super(DspDocumentOpenEvent.type, init);
  }
}

/** A panel failed to load or save; `kind` is the error's kind, `status` the HTTP status if any. */
export class DspErrorEvent extends Event {
  static readonly type = 'dsp-error';
  constructor(
    readonly detail: {
      readonly kind: DspErrorKind | 'configuration' | 'unknown';
      readonly status?: number;
    },
  ) {
    super(DspErrorEvent.type, init);
  }
}

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

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-document-select': DspDocumentSelectEvent;
    'dsp-document-open': DspDocumentOpenEvent;
    'dsp-error': DspErrorEvent;
    'dsp-request-break-glass': DspRequestBreakGlassEvent;
    'dsp-break-glass-granted': DspBreakGlassGrantedEvent;
  }
}
