// The events <dsp-document-uploader> adds to the kit's set: a file's progress, its failed attempts,
// the document stored and a replacement cancelled. Row ids and document ids only, never a title or any content.
import type { DspErrorKind } from '@dsp-kit/fhir';

const init = { bubbles: true, composed: true } as const;

/** A document reached the DSP; ids only, never its content or title. */
export class DspDocumentUploadedEvent extends Event {
  static readonly type = 'dsp-document-uploaded';
  constructor(
    readonly detail: {
      /** The row's id, as `add()` gave it: the document's UUID. */
      readonly id: string;
      /** The DocumentReference's id on the server, when its answer named it. */
      readonly documentId: string | undefined;
      /** The document's masterIdentifier (`urn:uuid:…`), always known. */
      readonly masterIdentifier: string;
      readonly patientId: string;
    },
  ) {
    super(DspDocumentUploadedEvent.type, init);
  }
}

/**
 * A file moved on: `hashing` (bytes of the file read to compute its SHA-1) or `sending` (bytes of
 * the request sent). `loaded` reaches `total` at the end of each phase.
 */
export class DspUploadProgressEvent extends Event {
  static readonly type = 'dsp-upload-progress';
  constructor(
    readonly detail: {
      readonly id: string;
      readonly phase: 'hashing' | 'sending';
      readonly loaded: number;
      readonly total: number;
    },
  ) {
    super(DspUploadProgressEvent.type, init);
  }
}

/**
 * An attempt to send a file failed. `retrying` is true when the uploader will try again by itself
 * (after a backoff, or when the network is back); false when it waits for the user, in which case
 * a `dsp-error` follows. `kind` is the error's kind, `status` the HTTP status if any.
 */
export class DspUploadFailedEvent extends Event {
  static readonly type = 'dsp-upload-failed';
  constructor(
    readonly detail: {
      readonly id: string;
      readonly kind: DspErrorKind | 'unknown';
      readonly status?: number;
      readonly retrying: boolean;
    },
  ) {
    super(DspUploadFailedEvent.type, init);
  }
}

/**
 * The user cancelled the replacement the panel was opened for (its `replaces`): files not sent yet
 * are new documents from then on, and a host that opened the panel to replace may close it.
 */
export class DspReplaceCancelEvent extends Event {
  static readonly type = 'dsp-replace-cancel';
  constructor(
    readonly detail: {
      /** The id of the document that was to be replaced. */
      readonly documentId: string;
    },
  ) {
    super(DspReplaceCancelEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-document-uploaded': DspDocumentUploadedEvent;
    'dsp-upload-progress': DspUploadProgressEvent;
    'dsp-upload-failed': DspUploadFailedEvent;
    'dsp-replace-cancel': DspReplaceCancelEvent;
  }
}
