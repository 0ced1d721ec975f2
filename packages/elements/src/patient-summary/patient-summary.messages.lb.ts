// The patient summary card's words in Luxembourgish.
import type { SummaryMessages } from './patient-summary.messages.js';

const lb: SummaryMessages = {
  label: 'Patientenzesummefassung',
  loading: 'D’Patientenzesummefassung gëtt gelueden…',
  noPatient: 'Kee Patient ausgewielt.',
  none: 'Keng Patientenzesummefassung an dësem DSP.',
  failed: 'D’Patientenzesummefassung konnt net geluede ginn.',
  offline: (date) =>
    `Offline: d’Zesummefassung esou wéi se den ${date} war. Si gëtt nei gelueden, wann d’Netz erëm do ass.`,
  stale: (months) =>
    `Dës Zesummefassung ass méi al wéi ${months} Méint: kuckt no, ob se nach aktuell ass.`,
  sections: {
    allergies: 'Allergien an Intoleranzen',
    problems: 'Aktiv Problemer',
    medication: 'Aktuell Medikamenter',
    immunizations: 'Impfungen',
    devices: 'Medezinprodukter an Implantater',
    procedures: 'Agrëffer a chirurgesch Virgeschicht',
  },
  otherSections: 'Aner Abschnitter',
  untitledSection: 'Abschnitt ouni Titel',
  noneRecorded: 'Keng erfaasst.',
  noInformation: 'Keng Informatioun.',
  missing: 'Keng Informatioun: dësen Abschnitt steet net an der Zesummefassung.',
  source: (details) => `Quell: ${details}`,
  writtenOn: (date) => `geschriwwen den ${date}`,
  open: 'Dokument opmaachen',
  unreadable: 'Dës Zesummefassung ass an engem Format, dat dës Usiicht net weise kann.',
  unreadableType: (type) => `Format vum Dokument: ${type}.`,
  download: 'Dokument eroflueden',
  downloadFailed: 'D’Dokument konnt net erofgeluede ginn.',
};

export default lb;
