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
};

export default de;
