// The patient summary card's words in English.
import type { SummaryMessages } from './patient-summary.messages.js';

const en: SummaryMessages = {
  label: 'Patient summary',
  loading: 'Loading the patient summary…',
  noPatient: 'No patient chosen.',
  none: 'No patient summary in this DSP.',
  failed: 'The patient summary could not be loaded.',
  offline: (date) =>
    `Offline: the summary as it was on ${date}. It will load again when the network is back.`,
  stale: (months) => `This summary is more than ${months} months old: check it is still current.`,
  sections: {
    allergies: 'Allergies and intolerances',
    problems: 'Active problems',
    medication: 'Current medication',
    immunizations: 'Vaccinations',
    devices: 'Medical devices and implants',
    procedures: 'Procedures and surgical history',
  },
  otherSections: 'Other sections',
  untitledSection: 'Untitled section',
  noneRecorded: 'None recorded.',
  noInformation: 'No information.',
  missing: 'No information: this section is not in the summary.',
  source: (details) => `Source: ${details}`,
  writtenOn: (date) => `written on ${date}`,
  open: 'Open the document',
  unreadable: 'This summary is in a format this view cannot show.',
  unreadableType: (type) => `Document format: ${type}.`,
  download: 'Download the document',
  downloadFailed: 'The document could not be downloaded.',
};

export default en;
