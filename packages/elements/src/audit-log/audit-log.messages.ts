// The audit log's words: its columns (also the CSV's), actions, outcomes and states.
import type { DspAuditAction, DspAuditOutcome } from '@dsp-kit/fhir';
import { catalog } from '../i18n/catalog.js';
import { counter } from '../i18n/count.js';

type Actions = Record<DspAuditAction | 'other', string>;
type Outcomes = Record<DspAuditOutcome, string>;

const fr = {
  label: 'Journal des accès au DSP',
  loading: 'Chargement du journal…',
  loadingMore: (loaded: number, total: number) => `${loaded} entrées chargées sur ${total}…`,
  empty: 'Personne n’a encore accédé à ce DSP.',
  noMatch: 'Aucune entrée ne correspond aux filtres.',
  noPatient: 'Aucun patient sélectionné.',
  failed: 'Le journal des accès n’a pas pu être chargé.',
  offline: (when: string) => `Hors ligne — journal tel qu’au ${when}.`,
  count: counter('fr', 'entrée', 'entrées', 'sur'),
  filters: 'Filtres',
  from: 'Du',
  to: 'Au',
  who: 'Qui',
  action: 'Action',
  document: 'Document',
  any: 'Tous',
  clearFilters: 'Effacer les filtres',
  exportCsv: 'Exporter en CSV',
  print: 'Imprimer',
  columns: {
    when: 'Date',
    who: 'Qui',
    profession: 'Profession',
    organization: 'Établissement',
    action: 'Action',
    document: 'Document',
    type: 'Type de document',
    outcome: 'Résultat',
    reason: 'Motif d’urgence',
  },
  actions: {
    read: 'Consultation',
    search: 'Recherche',
    create: 'Ajout',
    update: 'Modification',
    mask: 'Masquage',
    consent: 'Modification des droits',
    'break-the-glass': 'Accès en urgence',
    other: 'Autre',
  } satisfies Actions,
  outcomes: { success: 'Réussi', refused: 'Refusé', failure: 'Échec' } satisfies Outcomes,
  emergency: 'Accès en urgence',
  reason: (reason: string) => `Motif : ${reason}`,
  unknownAgent: 'Inconnu',
  fileName: 'journal-des-acces',
};

export type AuditLogMessages = typeof fr;

export const auditLogMessages = catalog(fr, {
  de: () => import('./audit-log.messages.de.js'),
  en: () => import('./audit-log.messages.en.js'),
  lb: () => import('./audit-log.messages.lb.js'),
});
