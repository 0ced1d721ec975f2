// The document statistics panel's words in English.
import { nounCounter } from '../i18n/count.js';
import type { StatsMessages } from './document-stats.messages.js';

const documents = nounCounter('en', 'document', 'documents');
const dates = nounCounter('en', 'date', 'dates');

const en: StatsMessages = {
  label: 'DSP document statistics',
  loading: 'Loading statistics…',
  failed: 'The statistics could not be loaded.',
  empty: 'No documents of these types at these dates.',
  view: 'View',
  table: 'Table',
  chart: 'Chart',
  caption: {
    cumulative: 'Documents by type in all DSPs, cumulative at each date',
    period: 'New documents by type in all DSPs, per period ending at each date',
  },
  totalNote: (last) => `Total column: all documents up to ${last}.`,
  typeHeader: 'Document type',
  total: 'Total',
  others: 'Other types',
  legend: 'Legend',
  upTo: (count, formatted, last) => `${documents(count, formatted)} up to ${last}`,
  summary: (s) =>
    `Stacked bar chart, ${dates(s.dates, String(s.dates))} from ${s.first} to ${s.last}: ` +
    `${documents(s.totalCount, s.total)} up to ${s.last}. ` +
    `Largest types: ${s.top}. The table gives every figure.`,
  segment: (type, date, value) => `${type}, ${date}: ${value}`,
};

export default en;
