// The event only the patient summary card dispatches (its link to the whole document is the
// shared `dsp-document-select`). Details carry identifiers, never clinical content.
const init = { bubbles: true, composed: true } as const;

/** A summary shows: which document it is, and whether it is older than `stale-after`. */
export class DspSummaryShownEvent extends Event {
  static readonly type = 'dsp-summary-shown';
  constructor(
    readonly detail: {
      readonly documentId: string;
      readonly stale: boolean;
      /** Shown from the cache, the server being out of reach. */
      readonly offline: boolean;
    },
  ) {
    super(DspSummaryShownEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-summary-shown': DspSummaryShownEvent;
  }
}
