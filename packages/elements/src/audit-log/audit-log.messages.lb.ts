// The audit log's words: its columns (also the CSV's), actions, outcomes and states in Luxembourgish.
import { counter } from '../i18n/count.js';
import type { AuditLogMessages } from './audit-log.messages.js';

const lb: AuditLogMessages = {
  label: 'Zougrëffsprotokoll vum DSP',
  loading: 'De Protokoll gëtt gelueden…',
  loadingMore: (loaded, total) => `${loaded} vun ${total} Androe gelueden…`,
  empty: 'Nach keen huet op dësen DSP zougegraff.',
  noMatch: 'Keen Antrag entsprécht de Filteren.',
  noPatient: 'Kee Patient ausgewielt.',
  failed: 'De Zougrëffsprotokoll konnt net geluede ginn.',
  offline: (when) => `Offline — Protokoll mam Stand vum ${when}.`,
  count: counter('lb', 'Antrag', 'Androen', 'vun'),
  filters: 'Filteren',
  from: 'Vum',
  to: 'Bis',
  who: 'Wien',
  action: 'Aktioun',
  document: 'Dokument',
  any: 'All',
  clearFilters: 'Filteren zrécksetzen',
  exportCsv: 'Als CSV exportéieren',
  print: 'Drécken',
  columns: {
    when: 'Datum',
    who: 'Wien',
    profession: 'Beruff',
    organization: 'Établissement',
    action: 'Aktioun',
    document: 'Dokument',
    type: 'Dokumententyp',
    outcome: 'Resultat',
    reason: 'Grond fir den Noutfall',
  },
  actions: {
    read: 'Consultatioun',
    search: 'Sich',
    create: 'Derbäigesat',
    update: 'Geännert',
    mask: 'Verstoppt',
    consent: 'Rechter geännert',
    'break-the-glass': 'Noutfallzougrëff',
    other: 'Anerer',
  },
  outcomes: { success: 'Gelongen', refused: 'Refuséiert', failure: 'Net gelongen' },
  emergency: 'Noutfallzougrëff',
  reason: (reason) => `Grond: ${reason}`,
  unknownAgent: 'Onbekannt',
  fileName: 'zougreffsprotokoll',
};

export default lb;
