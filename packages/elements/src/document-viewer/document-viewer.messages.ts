// The document viewer's words.
import { catalog } from '../i18n/catalog.js';
import { counter } from '../i18n/count.js';

const fr = {
  offline: (when: string) => `Hors ligne — documents tels qu’au ${when}.`,
  revalidating: (when: string) => `Documents tels qu’au ${when} ; mise à jour…`,
  closePreview: 'Fermer l’aperçu',
  previewUnavailable: 'L’aperçu n’a pas pu être chargé.',
  /** Said with the list's Tab stop, and shown while the list has focus. */
  keysHint: 'Flèches haut et bas : passer d’un document à l’autre.',
  breakGlass: {
    title: 'Accès en urgence',
    explain:
      'En cas d’urgence, vous pouvez ouvrir ce DSP. L’accès est tracé, signalé au patient, et limité dans le temps.',
    reason: 'Motif de l’accès en urgence (obligatoire)',
    tooShort: 'Indiquez le motif en 10 caractères au moins.',
    submit: 'Ouvrir en urgence',
    vetoed: 'L’application a refusé cette demande d’accès en urgence.',
    failed: 'L’accès en urgence n’a pas été accordé.',
    active: (until: string) =>
      `Accès en urgence en cours, jusqu’au ${until}. Il est tracé et signalé au patient.`,
  },
  label: 'Documents du DSP',
  loading: 'Chargement des documents…',
  loadingMore: (loaded: number, total: number) => `${loaded} chargés sur ${total}…`,
  empty: 'Aucun document dans ce DSP.',
  noMatch: 'Aucun document ne correspond aux filtres.',
  clearFilters: 'Effacer les filtres',
  noPatient: 'Aucun patient sélectionné.',
  count: counter('fr', 'document', 'documents', 'sur'),
  untitled: 'Document sans titre',
  unknownType: 'Type de document inconnu',
  unknownDate: 'Date inconnue',
  author: (name: string) => `par ${name}`,
  /** The filing date, beside the act's when they differ. */
  filed: (date: string) => `déposé le ${date}`,
  /** Documents the server did not show the user: that they exist and why, never which. */
  withheld: {
    profession: (count: number | undefined) =>
      count === undefined
        ? 'Des documents de ce DSP ne vous sont pas montrés : votre profession n’a pas accès à leur type.'
        : count === 1
          ? '1 document de ce DSP ne vous est pas montré : votre profession n’a pas accès à son type.'
          : `${count} documents de ce DSP ne vous sont pas montrés : votre profession n’a pas accès à leur type.`,
    other: 'Des documents de ce DSP ne vous sont pas montrés.',
  },
  failed: 'Les documents n’ont pas pu être chargés.',
  search: 'Rechercher',
  type: 'Type',
  anyType: 'Tous les types',
  from: 'Du',
  to: 'Au',
  sort: 'Trier',
  sorts: { '-date': 'Plus récents d’abord', date: 'Plus anciens d’abord', type: 'Par type' },
  view: 'Affichage',
  views: { timeline: 'Chronologie', types: 'Par type', classes: 'Par classe' },
  unknownGroup: 'Autres',
  marks: {
    masked: 'Masqué aux professionnels',
    maskedByPatient: 'Masqué par le patient',
    hidden: 'Non visible par le patient',
  },
};

export type ViewerMessages = typeof fr;

export const viewerMessages = catalog(fr, {
  de: () => import('./document-viewer.messages.de.js'),
  en: () => import('./document-viewer.messages.en.js'),
  lb: () => import('./document-viewer.messages.lb.js'),
});
