// The document statistics panel's words.
import { catalog } from '../i18n/catalog.js';

/** "1 234 documents": a formatted number and the noun in the plural its count calls for. */
const counted = (locale: string, one: string, many: string) => {
  const plural = new Intl.PluralRules(locale);
  return (count: number, formatted: string) =>
    `${formatted} ${plural.select(count) === 'one' ? one : many}`;
};

/** What the chart's `aria-label` says: the span, the latest total and the largest types. */
export interface ChartSummary {
  /** Number of dates (bars). */
  readonly dates: number;
  readonly first: string;
  readonly last: string;
  /** Documents dated up to the last date, formatted, and their number. */
  readonly total: string;
  readonly totalCount: number;
  /** The largest types with their counts, already listed in the language. */
  readonly top: string;
}

const frDocuments = counted('fr', 'document', 'documents');
const frDates = counted('fr', 'date', 'dates');
const deDocuments = counted('de', 'Dokument', 'Dokumente');
const deDates = counted('de', 'Datum', 'Daten');
const enDocuments = counted('en', 'document', 'documents');
const enDates = counted('en', 'date', 'dates');
const lbDocuments = counted('lb', 'Dokument', 'Dokumenter');
const lbDates = counted('lb', 'Datum', 'Datumen');

const fr = {
  label: 'Statistiques des documents du DSP',
  loading: 'Chargement des statistiques…',
  failed: 'Les statistiques n’ont pas pu être chargées.',
  empty: 'Aucun document de ces types à ces dates.',
  view: 'Affichage',
  table: 'Tableau',
  chart: 'Graphique',
  caption: {
    cumulative: 'Documents par type dans les DSP, cumulés à chaque date',
    period: 'Nouveaux documents par type dans les DSP, par période se terminant à chaque date',
  },
  totalNote: (last: string) => `Colonne Total : tous les documents jusqu’à ${last}.`,
  typeHeader: 'Type de document',
  total: 'Total',
  others: 'Autres types',
  legend: 'Légende',
  upTo: (count: number, formatted: string, last: string) =>
    `${frDocuments(count, formatted)} jusqu’à ${last}`,
  summary: (s: ChartSummary) =>
    `Histogramme empilé, ${frDates(s.dates, String(s.dates))} de ${s.first} à ${s.last}\u00a0: ` +
    `${frDocuments(s.totalCount, s.total)} jusqu’à ${s.last}. ` +
    `Types principaux\u00a0: ${s.top}. Le tableau donne tous les chiffres.`,
  segment: (type: string, date: string, value: string) => `${type}, ${date}\u00a0: ${value}`,
};

export const statsMessages = catalog({
  fr,
  de: {
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
    upTo: (count, formatted, last) => `${deDocuments(count, formatted)} bis ${last}`,
    summary: (s) =>
      `Gestapeltes Säulendiagramm, ${deDates(s.dates, String(s.dates))} von ${s.first} bis ${s.last}: ` +
      `${deDocuments(s.totalCount, s.total)} bis ${s.last}. ` +
      `Häufigste Typen: ${s.top}. Die Tabelle enthält alle Zahlen.`,
    segment: (type, date, value) => `${type}, ${date}: ${value}`,
  },
  en: {
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
    upTo: (count, formatted, last) => `${enDocuments(count, formatted)} up to ${last}`,
    summary: (s) =>
      `Stacked bar chart, ${enDates(s.dates, String(s.dates))} from ${s.first} to ${s.last}: ` +
      `${enDocuments(s.totalCount, s.total)} up to ${s.last}. ` +
      `Largest types: ${s.top}. The table gives every figure.`,
    segment: (type, date, value) => `${type}, ${date}: ${value}`,
  },
  lb: {
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
    upTo: (count, formatted, last) => `${lbDocuments(count, formatted)} bis ${last}`,
    summary: (s) =>
      `Gestapelt Sailendiagramm, ${lbDates(s.dates, String(s.dates))} vun ${s.first} bis ${s.last}: ` +
      `${lbDocuments(s.totalCount, s.total)} bis ${s.last}. ` +
      `Heefegst Typen: ${s.top}. D’Tabell gëtt all d’Zuelen.`,
    segment: (type, date, value) => `${type}, ${date}: ${value}`,
  },
});

export type StatsMessages = typeof fr;
