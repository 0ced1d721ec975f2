// The document preview's words in English.
import type { PreviewMessages } from './document-preview.messages.js';

const en: PreviewMessages = {
  label: 'Document preview',
  untitled: 'Untitled document',
  noDocument: 'No document selected.',
  reading: 'Loading the document’s details…',
  loading: 'Loading the document…',
  progress: (percent) => `${percent}% loaded`,
  progressUnknown: (loaded) => `${loaded} loaded`,
  cancel: 'Cancel',
  cancelled: 'Loading was cancelled.',
  retry: 'Load again',
  download: 'Download',
  unsupported: 'This type of document cannot be shown here. Download it to open it.',
  pdfHint: 'If the browser does not show the PDF in this protected frame, download it to open it.',
  failed: 'The document could not be shown.',
  refusedOrigin: (host) =>
    `It is stored on ${host}, a server this site is not allowed to contact, so it was not loaded.`,
  page: (page, count, title) => `Page ${page} of ${count}, ${title}`,
  morePages: 'Show the next pages',
  author: (name) => `by ${name}`,
  actDate: 'Date of the act',
  filed: (date) => `filed on ${date}`,
  size: 'Size',
  confidentiality: (level) => `Confidentiality: ${level}`,
  marks: 'Marks',
  masked: 'Masked',
  maskedByPatient: 'Masked by the patient',
  hiddenFromPatient: 'Hidden from the patient',
  warningTitle: 'Document hidden from the patient',
  warning:
    'The author hid this document from the patient, for instance until they can explain a result. Do not show it to the patient or discuss it without the author’s agreement.',
  openAnyway: 'Open anyway',
};

export default en;
