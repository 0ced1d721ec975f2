// The patient's home in the sandbox: their summary card above their documents, for the patient
// and their DSP assistant (an emergency doctor sees it in the viewer once emergency access is
// granted). Its link opens the summary in the viewer; it follows the page's theme.
import { DspPatientSummary } from '@dsp-kit/elements/define/dsp-patient-summary.js';

let card: DspPatientSummary | undefined;

/** The page's theme as the kit's panels take it. */
function pageTheme(): 'light' | 'dark' {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}

function make(section: HTMLElement, viewer: { open(documentId: string): void }): DspPatientSummary {
  const made = new DspPatientSummary();
  made.id = 'patient-summary';
  made.theme = pageTheme();
  made.addEventListener('dsp-document-select', (event) => {
    viewer.open(event.detail.documentId);
  });
  new MutationObserver(() => {
    made.theme = pageTheme();
  }).observe(document.documentElement, { attributeFilter: ['data-theme'] });
  // Under the section's heading, above the documents.
  const heading = section.querySelector('h2');
  if (heading) heading.after(made);
  else section.prepend(made);
  return made;
}

/** Shows the patient's summary in their home (`patient` set), or hides it (`undefined`). */
export function showPatientSummary(
  section: HTMLElement,
  viewer: { open(documentId: string): void },
  patient: string | undefined,
): void {
  if (!patient && !card) return;
  card ??= make(section, viewer);
  card.hidden = !patient;
  card.patient = patient;
}
