// The patient summary card's words in German.
import type { SummaryMessages } from './patient-summary.messages.js';

const de: SummaryMessages = {
  label: 'Patientenzusammenfassung',
  loading: 'Patientenzusammenfassung wird geladen…',
  noPatient: 'Kein Patient ausgewählt.',
  none: 'Keine Patientenzusammenfassung in dieser DSP.',
  failed: 'Die Patientenzusammenfassung konnte nicht geladen werden.',
  offline: (date) =>
    `Offline: die Zusammenfassung mit Stand vom ${date}. Sie wird neu geladen, sobald das Netz wieder da ist.`,
  stale: (months) =>
    `Diese Zusammenfassung ist älter als ${months} Monate: Prüfen Sie, ob sie noch aktuell ist.`,
  sections: {
    allergies: 'Allergien und Unverträglichkeiten',
    problems: 'Aktive Probleme',
    medication: 'Aktuelle Medikation',
    immunizations: 'Impfungen',
    devices: 'Medizinprodukte und Implantate',
    procedures: 'Eingriffe und chirurgische Vorgeschichte',
  },
  otherSections: 'Weitere Abschnitte',
  untitledSection: 'Abschnitt ohne Titel',
  noneRecorded: 'Keine erfasst.',
  noInformation: 'Keine Angaben.',
  missing: 'Keine Angaben: Dieser Abschnitt fehlt in der Zusammenfassung.',
  source: (details) => `Quelle: ${details}`,
  writtenOn: (date) => `verfasst am ${date}`,
  open: 'Dokument öffnen',
  unreadable:
    'Diese Zusammenfassung liegt in einem Format vor, das diese Ansicht nicht anzeigen kann.',
  unreadableType: (type) => `Dokumentformat: ${type}.`,
  download: 'Dokument herunterladen',
  downloadFailed: 'Das Dokument konnte nicht heruntergeladen werden.',
};

export default de;
