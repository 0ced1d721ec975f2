// The document viewer's words.
import { catalog } from '../i18n/catalog.js';
import { counter } from '../i18n/count.js';

export const viewerMessages = catalog({
  fr: {
    label: 'Documents du DSP',
    loading: 'Chargement des documents…',
    empty: 'Aucun document dans ce DSP.',
    noPatient: 'Aucun patient sélectionné.',
    count: counter('fr', 'document', 'documents', 'sur'),

    loadMore: 'Afficher plus de documents',
    untitled: 'Document sans titre',
    unknownType: 'Type de document inconnu',
    author: (name: string) => `par ${name}`,
    failed: 'Les documents n’ont pas pu être chargés.',
  },
  de: {
    label: 'DSP-Dokumente',
    loading: 'Dokumente werden geladen…',
    empty: 'Keine Dokumente in diesem DSP.',
    noPatient: 'Kein Patient ausgewählt.',
    count: counter('de', 'Dokument', 'Dokumente', 'von'),
    loadMore: 'Weitere Dokumente anzeigen',
    untitled: 'Dokument ohne Titel',
    unknownType: 'Unbekannter Dokumenttyp',
    author: (name) => `von ${name}`,
    failed: 'Die Dokumente konnten nicht geladen werden.',
  },
  en: {
    label: 'DSP documents',
    loading: 'Loading documents…',
    empty: 'No documents in this DSP.',
    noPatient: 'No patient selected.',
    count: counter('en', 'document', 'documents', 'of'),
    loadMore: 'Show more documents',
    untitled: 'Untitled document',
    unknownType: 'Unknown document type',
    author: (name) => `by ${name}`,
    failed: 'The documents could not be loaded.',
  },
  lb: {
    label: 'DSP-Dokumenter',
    loading: 'D’Dokumenter gi gelueden…',
    empty: 'Keng Dokumenter an dësem DSP.',
    noPatient: 'Kee Patient ausgewielt.',
    count: counter('lb', 'Dokument', 'Dokumenter', 'vun'),
    loadMore: 'Méi Dokumenter weisen',
    untitled: 'Dokument ouni Titel',
    unknownType: 'Onbekannten Dokumententyp',
    author: (name) => `vum ${name}`,
    failed: 'D’Dokumenter konnten net geluede ginn.',
  },
});
