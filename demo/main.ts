// The sandbox page: starts the mock DSP server in a service worker, then shows the viewer for the
// chosen fixture patient, in the chosen language.
import '@dsp-kit/elements/define/dsp-document-viewer.js';
import { DspClient } from '@dsp-kit/fhir';
import { startSandbox } from '@dsp-kit/mock/browser';

function required<T extends Element>(element: T | null, what: string): T {
  if (!element) throw new Error(`The sandbox page has no ${what}`);
  return element;
}

const status = required(document.querySelector<HTMLElement>('#status'), '#status');
const provider = required(document.querySelector('dsp-provider'), '<dsp-provider>');
const viewer = required(document.querySelector('dsp-document-viewer'), '<dsp-document-viewer>');
const patient = required(document.querySelector<HTMLSelectElement>('#patient'), '#patient');
const language = required(document.querySelector<HTMLSelectElement>('#language'), '#language');

try {
  const sandbox = await startSandbox({ baseUrl: new URL('fhir', document.baseURI).href });
  provider.client = new DspClient({ baseUrl: sandbox.server.baseUrl });
  viewer.patient = patient.value;
  status.textContent = '';
} catch (error) {
  status.textContent = `Le serveur DSP fictif n’a pas pu démarrer : ${error instanceof Error ? error.message : String(error)}`;
}

patient.addEventListener('change', () => {
  viewer.patient = patient.value;
});
language.addEventListener('change', () => {
  document.documentElement.lang = language.value;
});
