// The audit log's words: its columns (also the CSV's), actions, outcomes and states in German.
import { counter } from '../i18n/count.js';
import type { AuditLogMessages } from './audit-log.messages.js';

const de: AuditLogMessages = {
  label: 'Zugriffsprotokoll des DSP',
  loading: 'Protokoll wird geladen…',
  loadingMore: (loaded, total) => `${loaded} von ${total} Einträgen geladen…`,
  empty: 'Noch niemand hat auf diesen DSP zugegriffen.',
  noMatch: 'Kein Eintrag entspricht den Filtern.',
  noPatient: 'Kein Patient ausgewählt.',
  failed: 'Das Zugriffsprotokoll konnte nicht geladen werden.',
  offline: (when) => `Offline — Protokoll mit Stand vom ${when}.`,
  count: counter('de', 'Eintrag', 'Einträge', 'von'),
  filters: 'Filter',
  from: 'Von',
  to: 'Bis',
  who: 'Wer',
  action: 'Aktion',
  document: 'Dokument',
  any: 'Alle',
  clearFilters: 'Filter zurücksetzen',
  exportCsv: 'Als CSV exportieren',
  print: 'Drucken',
  columns: {
    when: 'Datum',
    who: 'Wer',
    profession: 'Beruf',
    organization: 'Einrichtung',
    action: 'Aktion',
    document: 'Dokument',
    type: 'Dokumenttyp',
    outcome: 'Ergebnis',
    reason: 'Notfallgrund',
    refusal: 'Ablehnungsgrund',
    details: 'Einzelheiten',
  },
  actions: {
    read: 'Einsicht',
    search: 'Suche',
    create: 'Hinzufügen',
    update: 'Änderung',
    mask: 'Ausblenden',
    consent: 'Änderung der Rechte',
    'break-the-glass': 'Notfallzugriff',
    other: 'Sonstiges',
  },
  outcomes: { success: 'Erfolgreich', refused: 'Verweigert', failure: 'Fehlgeschlagen' },
  emergency: 'Notfallzugriff',
  reason: (reason) => `Grund: ${reason}`,
  unknownAgent: 'Unbekannt',
  fileName: 'zugriffsprotokoll',
  times: (times) => `${times}-mal`,
  refusals: {
    'not-own-record': 'Diese DSP ist nicht die eigene.',
    agency: 'Die Agence eSanté hat keinen Zugriff auf Dokumente.',
    closed: 'Der DSP war geschlossen.',
    blocked: 'Diese Fachperson war gesperrt.',
    'no-grant': 'Diese Fachperson hatte keinen Zugriff erhalten.',
    'hidden-from-patient': 'Dieses Dokument muss zuerst dem Patienten erklärt werden.',
    masked: 'Dieses Dokument war ausgeblendet.',
    confidentiality:
      'Dieses Dokument hatte eine Vertraulichkeitsstufe, die der Zugriff dieser Fachperson nicht abdeckte.',
    profession: 'Ihr Beruf hat keinen Zugriff auf diesen Dokumenttyp.',
  },
  changes: {
    blocked: (name) => `Gesperrt: ${name}`,
    unblocked: (name) => `Entsperrt: ${name}`,
    granted: (name) => `Zugriff gegeben: ${name}`,
    revoked: (name) => `Zugriff entzogen: ${name}`,
    masked: (name) => `Dokument ausgeblendet: ${name}`,
    unmasked: (name) => `Dokument eingeblendet: ${name}`,
    'break-the-glass-refused': () => 'Notfallzugriff verweigert',
    'break-the-glass-allowed': () => 'Notfallzugriff erlaubt',
    closed: () => 'DSP geschlossen',
    reopened: () => 'DSP wieder geöffnet',
  },
  documentChanges: {
    corrected: (title, level) =>
      `hat das Dokument „${title}“ korrigiert${level ? ` und seine Vertraulichkeit auf „${level}“ gesetzt` : ''}`,
    withdrawn: (title, reason) =>
      `hat das Dokument „${title}“ zurückgezogen${reason ? ` — Grund: ${reason}` : ''}`,
    restored: (title) => `hat das Dokument „${title}“ wiederhergestellt`,
    confidentiality: (title, level) =>
      level
        ? `hat die Vertraulichkeit von „${title}“ auf „${level}“ geändert`
        : `hat die Vertraulichkeit von „${title}“ geändert`,
  },
  csvSeparator: ';',
};

export default de;
