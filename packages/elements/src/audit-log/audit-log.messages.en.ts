// The audit log's words: its columns (also the CSV's), actions, outcomes and states in English.
import { counter } from '../i18n/count.js';
import type { AuditLogMessages } from './audit-log.messages.js';

const en: AuditLogMessages = {
  label: 'DSP access log',
  loading: 'Loading the log…',
  loadingMore: (loaded, total) => `${loaded} of ${total} entries loaded…`,
  empty: 'Nobody has accessed this DSP yet.',
  noMatch: 'No entry matches the filters.',
  noPatient: 'No patient selected.',
  failed: 'The access log could not be loaded.',
  offline: (when) => `Offline — the log as of ${when}.`,
  count: counter('en', 'entry', 'entries', 'of'),
  filters: 'Filters',
  from: 'From',
  to: 'To',
  who: 'Who',
  action: 'Action',
  document: 'Document',
  any: 'All',
  clearFilters: 'Clear filters',
  exportCsv: 'Export as CSV',
  print: 'Print',
  columns: {
    when: 'Date',
    who: 'Who',
    profession: 'Profession',
    organization: 'Organisation',
    action: 'Action',
    document: 'Document',
    type: 'Document type',
    outcome: 'Outcome',
    reason: 'Emergency reason',
  },
  actions: {
    read: 'Viewed',
    search: 'Searched',
    create: 'Added',
    update: 'Changed',
    mask: 'Masked',
    consent: 'Access rights changed',
    'break-the-glass': 'Emergency access',
    other: 'Other',
  },
  outcomes: { success: 'Succeeded', refused: 'Refused', failure: 'Failed' },
  emergency: 'Emergency access',
  reason: (reason) => `Reason: ${reason}`,
  unknownAgent: 'Unknown',
  fileName: 'access-log',
};

export default en;
