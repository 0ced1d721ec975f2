// The document viewer's words.
import { catalog } from '../i18n/catalog.js';
import { counter } from '../i18n/count.js';

const fr = {
  offline: (when: string) => `Hors ligne — documents tels qu’au ${when}.`,
  revalidating: (when: string) => `Documents tels qu’au ${when} ; mise à jour…`,
  closePreview: 'Fermer l’aperçu',
  previewUnavailable: 'L’aperçu n’a pas pu être chargé.',
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
    restricted: 'Restreint',
    veryRestricted: 'Très restreint',
    masked: 'Masqué aux professionnels',
    hidden: 'Non visible par le patient',
  },
};

export type ViewerMessages = typeof fr;

export const viewerMessages = catalog(fr, {
  de: () => import('./document-viewer.messages.de.js'),
  en: () => import('./document-viewer.messages.en.js'),
  lb: () => import('./document-viewer.messages.lb.js'),
});
