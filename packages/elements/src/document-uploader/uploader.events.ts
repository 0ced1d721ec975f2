// The events <dsp-document-uploader> adds to the kit's set: facts about a document sent.
const init = { bubbles: true, composed: true } as const;

/** A document reached the DSP; ids only, never its content or title. */
export class DspDocumentUploadedEvent extends Event {
  static readonly type = 'dsp-document-uploaded';
  constructor(
    readonly detail: {
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

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-document-uploaded': DspDocumentUploadedEvent;
  }
}
