// The document statistics panel's words in German.
import { nounCounter } from '../i18n/count.js';
import type { StatsMessages } from './document-stats.messages.js';

const documents = nounCounter('de', 'Dokument', 'Dokumente');
const dates = nounCounter('de', 'Datum', 'Daten');

const de: StatsMessages = {
  label: 'DSP-Dokumentstatistik',
  loading: 'Statistik wird geladen…',
  failed: 'Die Statistik konnte nicht geladen werden.',
  empty: 'Keine Dokumente dieser Typen zu diesen Daten.',
  view: 'Ansicht',
  table: 'Tabelle',
  chart: 'Diagramm',
  caption: {
    cumulative: 'Dokumente nach Typ in allen DSP, kumuliert zu jedem Datum',
    period: 'Neue Dokumente nach Typ in allen DSP, je Zeitraum bis zu jedem Datum',
  },
  totalNote: (last) => `Spalte Gesamt: alle Dokumente bis ${last}.`,
  typeHeader: 'Dokumenttyp',
  total: 'Gesamt',
  others: 'Andere Typen',
  legend: 'Legende',
  upTo: (count, formatted, last) => `${documents(count, formatted)} bis ${last}`,
  summary: (s) =>
    `Gestapeltes Säulendiagramm, ${dates(s.dates, String(s.dates))} von ${s.first} bis ${s.last}: ` +
    `${documents(s.totalCount, s.total)} bis ${s.last}. ` +
    `Häufigste Typen: ${s.top}. Die Tabelle enthält alle Zahlen.`,
  segment: (type, date, value) => `${type}, ${date}: ${value}`,
};

export default de;
