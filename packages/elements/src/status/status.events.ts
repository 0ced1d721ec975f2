// The events of <dsp-status> and <dsp-status-list>. Details carry identifiers only.

const init = { bubbles: true, composed: true } as const;

/** The user chose a patient's DSP status: the host opens the DSP panels for that patient. */
export class DspStatusOpenEvent extends Event {
  static readonly type = 'dsp-status-open';
  constructor(readonly detail: { readonly patient: string }) {
    super(DspStatusOpenEvent.type, init);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'dsp-status-open': DspStatusOpenEvent;
  }
}
