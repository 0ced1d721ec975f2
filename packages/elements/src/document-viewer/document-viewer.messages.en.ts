// The document viewer's words in English.
import { counter } from '../i18n/count.js';
import type { ViewerMessages } from './document-viewer.messages.js';

const en: ViewerMessages = {
  offline: (when) => `Offline — documents as of ${when}.`,
  revalidating: (when) => `Documents as of ${when}; updating…`,
  closePreview: 'Close the preview',
  previewUnavailable: 'The preview could not be loaded.',
  keysHint: 'Use the up and down arrow keys to move between documents.',
  breakGlass: {
    title: 'Emergency access',
    explain:
      'In an emergency you may open this DSP. The access is logged, reported to the patient, and limited in time.',
    reason: 'Reason for the emergency access (required)',
    tooShort: 'Give the reason in 10 characters at least.',
    submit: 'Open in an emergency',
    vetoed: 'The application declined this emergency access request.',
    failed: 'Emergency access was not granted.',
    active: (until) =>
      `Emergency access in progress, until ${until}. It is logged and reported to the patient.`,
  },
  label: 'DSP documents',
  loading: 'Loading documents…',
  loadingMore: (loaded, total) => `${loaded} of ${total} loaded…`,
  empty: 'No documents in this DSP.',
  noMatch: 'No document matches the filters.',
  clearFilters: 'Clear filters',
  noPatient: 'No patient selected.',
  count: counter('en', 'document', 'documents', 'of'),
  untitled: 'Untitled document',
  unknownType: 'Unknown document type',
  unknownDate: 'Unknown date',
  author: (name) => `by ${name}`,
  filed: (date) => `filed on ${date}`,
  withheld: {
    profession: (count) =>
      count === undefined
        ? 'Some documents of this DSP are not shown to you: your profession has no access to their type.'
        : count === 1
          ? '1 document of this DSP is not shown to you: your profession has no access to its type.'
          : `${count} documents of this DSP are not shown to you: your profession has no access to their type.`,
    other: 'Some documents of this DSP are not shown to you.',
  },
  failed: 'The documents could not be loaded.',
  search: 'Search',
  type: 'Type',
  anyType: 'All types',
  from: 'From',
  to: 'To',
  sort: 'Sort',
  sorts: { '-date': 'Newest first', date: 'Oldest first', type: 'By type' },
  view: 'View',
  views: { timeline: 'Timeline', types: 'By type', classes: 'By class' },
  unknownGroup: 'Other',
  marks: {
    masked: 'Masked from professionals',
    maskedByPatient: 'Masked by the patient',
    hidden: 'Not visible to the patient',
  },
};

export default en;
