// The viewer's emergency alerts: for a patient or an assistant (the viewer's `user`), the
// <dsp-emergency-alerts> banner above the documents, its code loaded when first needed.
import type { DspClient } from '@dsp-kit/fhir';
import { html, nothing } from 'lit';

let loading: Promise<unknown> | undefined;

/** Whether `user` is the patient's side: a patient or an assistant (RelatedPerson). */
export function isPatientSide(user: string | undefined): boolean {
  return /^(Patient|RelatedPerson)\//.test(user ?? '');
}

export function viewerAlerts(
  user: string | undefined,
  patient: string | undefined,
  client: DspClient | undefined,
  theme: string,
) {
  if (!isPatientSide(user) || !patient) return nothing;
  loading ??= import('../define/dsp-emergency-alerts.js');
  return html`<dsp-emergency-alerts
    .client=${client}
    patient=${patient}
    theme=${theme}
  ></dsp-emergency-alerts>`;
}
