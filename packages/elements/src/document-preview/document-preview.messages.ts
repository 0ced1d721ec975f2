// The document preview's words.
import { catalog } from '../i18n/catalog.js';

const fr = {
  label: 'Aperçu du document',
  untitled: 'Document sans titre',
  noDocument: 'Aucun document sélectionné.',
  reading: 'Chargement de la fiche du document…',
  loading: 'Chargement du document…',
  progress: (percent: number) => `${percent} % chargés`,
  progressUnknown: (loaded: string) => `${loaded} chargés`,
  cancel: 'Annuler',
  cancelled: 'Le chargement a été annulé.',
  retry: 'Reprendre le chargement',
  download: 'Télécharger',
  unsupported: 'Ce type de document ne peut pas être affiché ici. Téléchargez-le pour l’ouvrir.',
  pdfHint:
    'Si le navigateur n’affiche pas le PDF dans ce cadre protégé, téléchargez-le pour l’ouvrir.',
  failed: 'Le document n’a pas pu être affiché.',
  refusedOrigin: (host: string) =>
    `Il est hébergé sur ${host}, un serveur que ce site n’est pas autorisé à contacter : il n’a pas été chargé.`,
  page: (page: number, count: number, title: string) => `Page ${page} sur ${count}, ${title}`,
  morePages: 'Afficher les pages suivantes',
  author: (name: string) => `par ${name}`,
  /** Read before the act's date (the clinical one). */
  actDate: 'Date de l’acte',
  /** The filing date, beside the act's when they differ. */
  filed: (date: string) => `déposé le ${date}`,
  size: 'Taille',
  confidentiality: (level: string) => `Confidentialité : ${level}`,
  marks: 'Mentions',
  masked: 'Masqué',
  maskedByPatient: 'Masqué par le patient',
  hiddenFromPatient: 'Caché au patient',
  warningTitle: 'Document caché au patient',
  warning:
    'L’auteur a caché ce document au patient, par exemple en attendant de lui annoncer un résultat. Ne le montrez pas au patient et n’en parlez pas sans l’accord de l’auteur.',
  openAnyway: 'Ouvrir quand même',
};

export type PreviewMessages = typeof fr;

export const previewMessages = catalog(fr, {
  de: () => import('./document-preview.messages.de.js'),
  en: () => import('./document-preview.messages.en.js'),
  lb: () => import('./document-preview.messages.lb.js'),
});
