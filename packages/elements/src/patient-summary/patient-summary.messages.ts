// The patient summary card's words (French, the shape of every language).
import { catalog } from '../i18n/catalog.js';

const fr = {
  label: 'Résumé patient',
  loading: 'Chargement du résumé patient…',
  noPatient: 'Aucun patient choisi.',
  none: 'Aucun résumé patient dans ce DSP.',
  failed: 'Le résumé patient n’a pas pu être chargé.',
  offline: (date: string) =>
    `Hors ligne : le résumé tel qu’il était le ${date}. Il sera rechargé au retour du réseau.`,
  stale: (months: string) =>
    `Ce résumé date de plus de ${months} mois : vérifiez qu’il est toujours à jour.`,
  sections: {
    allergies: 'Allergies et intolérances',
    problems: 'Problèmes actifs',
    medication: 'Traitements en cours',
    immunizations: 'Vaccinations',
    devices: 'Dispositifs médicaux et implants',
    procedures: 'Interventions et antécédents chirurgicaux',
  },
  otherSections: 'Autres sections',
  untitledSection: 'Section sans titre',
  noneRecorded: 'Aucun enregistré.',
  noInformation: 'Pas d’information.',
  missing: 'Pas d’information : cette section ne figure pas dans le résumé.',
  source: (details: string) => `Source : ${details}`,
  writtenOn: (date: string) => `rédigé le ${date}`,
  open: 'Ouvrir le document',
  unreadable: 'Ce résumé est dans un format que cette vue ne sait pas afficher.',
  unreadableType: (type: string) => `Format du document : ${type}.`,
  download: 'Télécharger le document',
  downloadFailed: 'Le document n’a pas pu être téléchargé.',
};

export type SummaryMessages = typeof fr;

export const summaryMessages = catalog(fr, {
  de: () => import('./patient-summary.messages.de.js'),
  en: () => import('./patient-summary.messages.en.js'),
  lb: () => import('./patient-summary.messages.lb.js'),
});
