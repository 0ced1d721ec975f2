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
    refusal: 'Grond vum Refus',
    details: 'Detailer',
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
  times: (times) => `${times} Mol`,
  refusals: {
    'not-own-record': 'Dësen DSP ass net sengen.',
    agency: 'D’Agence eSanté huet keen Zougrëff op Dokumenter.',
    closed: 'Den DSP war zou.',
    blocked: 'Dëse Professionnel war gespaart.',
    'no-grant': 'Dëse Professionnel hat keen Zougrëff kritt.',
    'hidden-from-patient': 'Dëst Dokument muss fir d’éischt dem Patient erkläert ginn.',
    masked: 'Dëst Dokument war verstoppt.',
    confidentiality:
      'Dëst Dokument hat en Niveau vu Vertraulechkeet, deen den Zougrëff vun dësem Professionnel net ofgedeckt huet.',
    profession: 'Säi Beruff huet keen Zougrëff op dësen Dokumententyp.',
  },
  changes: {
    blocked: (name) => `Gespaart: ${name}`,
    unblocked: (name) => `Entspaart: ${name}`,
    granted: (name) => `Zougrëff ginn: ${name}`,
    revoked: (name) => `Zougrëff ewechgeholl: ${name}`,
    masked: (name) => `Dokument verstoppt: ${name}`,
    unmasked: (name) => `Dokument erëm siichtbar: ${name}`,
    'break-the-glass-refused': () => 'Noutfallzougrëff refuséiert',
    'break-the-glass-allowed': () => 'Noutfallzougrëff erlaabt',
    closed: () => 'DSP zougemaach',
    reopened: () => 'DSP erëm opgemaach',
  },
  documentChanges: {
    corrected: (title, level) =>
      `huet d’Dokument „${title}“ korrigéiert${level ? ` a seng Vertraulechkeet op „${level}“ gesat` : ''}`,
    withdrawn: (title, reason) =>
      `huet d’Dokument „${title}“ zréckgezunn${reason ? ` — Grond: ${reason}` : ''}`,
    restored: (title) => `huet d’Dokument „${title}“ erëm hiergestallt`,
    confidentiality: (title, level) =>
      level
        ? `huet d’Vertraulechkeet vun „${title}“ op „${level}“ geännert`
        : `huet d’Vertraulechkeet vun „${title}“ geännert`,
  },
  csvSeparator: ';',
};

export default lb;
