// The audit log's words: its columns (also the CSV's), actions, outcomes and states.
import type {
  DspAuditAction,
  DspAuditOutcome,
  DspDocumentChange,
  DspRightsChange,
} from '@dsp-kit/fhir';
import { catalog } from '../i18n/catalog.js';
import { counter } from '../i18n/count.js';

type Actions = Record<DspAuditAction | 'other', string>;
type Outcomes = Record<DspAuditOutcome, string>;
type Changes = Record<DspRightsChange, (name: string) => string>;
/**
 * What a document's update did, said of whoever made it; `detail` is the withdrawal's reason, or
 * the confidentiality's label the change set (with a correction, only if it set one).
 */
type DocumentChanges = Record<DspDocumentChange, (title: string, detail?: string) => string>;
/** The refusal reasons a DSP server codes (`REFUSAL_REASON_SYSTEM`). */
type Refusals = Record<
  | 'not-own-record'
  | 'agency'
  | 'closed'
  | 'blocked'
  | 'no-grant'
  | 'hidden-from-patient'
  | 'masked'
  | 'confidentiality'
  | 'profession',
  string
>;

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
    refusal: 'Motif du refus',
    details: 'Détail',
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
  /** How many identical entries in a row one line stands for. */
  times: (times: number) => `${times} fois`,
  /**
   * Why an access was refused, by the server's code, in words true for whoever reads the log: the
   * patient or their DSP assistant (either of whom may have made the choice).
   */
  refusals: {
    'not-own-record': 'Ce DSP n’est pas le sien.',
    agency: 'L’Agence eSanté n’a pas accès aux documents.',
    closed: 'Le DSP était fermé.',
    blocked: 'Ce professionnel était bloqué.',
    'no-grant': 'Ce professionnel n’avait pas reçu d’accès.',
    'hidden-from-patient': 'Ce document doit d’abord être expliqué au patient.',
    masked: 'Ce document était masqué.',
    confidentiality:
      'Ce document avait un niveau de confidentialité que l’accès de ce professionnel ne couvrait pas.',
    profession: 'Sa profession n’a pas accès à ce type de document.',
  } satisfies Refusals,
  /** What a change of the access rights did; `name` is who or which document. */
  changes: {
    blocked: (name: string) => `Bloqué : ${name}`,
    unblocked: (name: string) => `Débloqué : ${name}`,
    granted: (name: string) => `Accès donné : ${name}`,
    revoked: (name: string) => `Accès retiré : ${name}`,
    masked: (name: string) => `Document masqué : ${name}`,
    unmasked: (name: string) => `Document démasqué : ${name}`,
    'break-the-glass-refused': () => 'Accès en urgence refusé',
    'break-the-glass-allowed': () => 'Accès en urgence autorisé',
    closed: () => 'DSP fermé',
    reopened: () => 'DSP rouvert',
  } satisfies Changes,
  /** What an update of a document did; `title` is the document's. */
  documentChanges: {
    corrected: (title: string, level?: string) =>
      `a corrigé le document « ${title} »${level ? ` et mis sa confidentialité à « ${level} »` : ''}`,
    withdrawn: (title: string, reason?: string) =>
      `a retiré le document « ${title} »${reason ? ` — motif : ${reason}` : ''}`,
    restored: (title: string) => `a rétabli le document « ${title} »`,
    confidentiality: (title: string, level?: string) =>
      `a changé la confidentialité de « ${title} »${level ? ` en « ${level} »` : ''}`,
  } satisfies DocumentChanges,
  /** The CSV's field separator: `;` where spreadsheets split on it (fr, de, lb). */
  csvSeparator: ';',
};

export type AuditLogMessages = typeof fr;

export const auditLogMessages = catalog(fr, {
  de: () => import('./audit-log.messages.de.js'),
  en: () => import('./audit-log.messages.en.js'),
  lb: () => import('./audit-log.messages.lb.js'),
});
