// The document statistics panel's words in Luxembourgish.
import { nounCounter } from '../i18n/count.js';
import type { StatsMessages } from './document-stats.messages.js';

const documents = nounCounter('lb', 'Dokument', 'Dokumenter');
const dates = nounCounter('lb', 'Datum', 'Datumen');

const lb: StatsMessages = {
  label: 'DSP-Dokumentestatistik',
  loading: 'D’Statistik gëtt gelueden…',
  failed: 'D’Statistik konnt net geluede ginn.',
  empty: 'Keng Dokumenter vun dësen Typen op dësen Datumen.',
  view: 'Usiicht',
  table: 'Tabell',
  chart: 'Diagramm',
  caption: {
    cumulative: 'Dokumenter no Typ an allen DSPen, kumuléiert op all Datum',
    period: 'Nei Dokumenter no Typ an allen DSPen, pro Period bis all Datum',
  },
  totalNote: (last) => `Kolonn Total: all Dokumenter bis ${last}.`,
  typeHeader: 'Dokumententyp',
  total: 'Total',
  others: 'Aner Typen',
  legend: 'Legend',
  upTo: (count, formatted, last) => `${documents(count, formatted)} bis ${last}`,
  summary: (s) =>
    `Gestapelt Sailendiagramm, ${dates(s.dates, String(s.dates))} vun ${s.first} bis ${s.last}: ` +
    `${documents(s.totalCount, s.total)} bis ${s.last}. ` +
    `Heefegst Typen: ${s.top}. D’Tabell gëtt all d’Zuelen.`,
  segment: (type, date, value) => `${type}, ${date}: ${value}`,
};

export default lb;
