// The events several DSP Kit panels dispatch (an event only one panel fires lives beside it, in
// `<panel>/<panel>.events.ts`). Details carry identifiers, never clinical content: composed
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

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-document-select': DspDocumentSelectEvent;
    'dsp-document-open': DspDocumentOpenEvent;
    'dsp-error': DspErrorEvent;
  }
}
