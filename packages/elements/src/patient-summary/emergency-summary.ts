// The patient summary above the viewer's list while an emergency access lasts: the card's
// define module loads with `import()` the first time (no viewer's first load carries it), and
// its link opens the summary in the viewer's own preview.
import type { DspClient } from '@dsp-kit/fhir';
import { html, type TemplateResult } from 'lit';
import type { DspDocumentSelectEvent } from '../events.js';

let defined: Promise<unknown> | undefined;

/** Registers `<dsp-patient-summary>` once (a failed load is tried again at the next render). */
function define(): void {
  defined ??= import('../define/dsp-patient-summary.js').catch((error: unknown) => {
    defined = undefined;
    console.warn('DSP Kit: the patient summary could not be loaded.', error);
  });
}

export interface EmergencySummaryOptions {
  readonly client: DspClient | undefined;
  readonly patient: string;
  readonly theme: 'light' | 'dark';
  /** Opens a document of the list in the viewer's preview. */
  readonly open: (documentId: string) => void;
}

/** The card for the patient of an emergency access. */
export function emergencySummary(options: EmergencySummaryOptions): TemplateResult {
  define();
  // The viewer opens the document itself and tells the host, as for a row it chose.
  const open = (event: DspDocumentSelectEvent) => {
    event.stopPropagation();
    options.open(event.detail.documentId);
  };
  return html`<dsp-patient-summary
    part="summary"
    .client=${options.client}
    patient=${options.patient}
    theme=${options.theme}
    @dsp-document-select=${open}
  ></dsp-patient-summary>`;
}
