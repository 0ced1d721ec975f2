// The document statistics panel's words.
import { catalog } from '../i18n/catalog.js';
import { nounCounter } from '../i18n/count.js';

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

const documents = nounCounter('fr', 'document', 'documents');
const dates = nounCounter('fr', 'date', 'dates');

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
    `${documents(count, formatted)} jusqu’à ${last}`,
  summary: (s: ChartSummary) =>
    `Histogramme empilé, ${dates(s.dates, String(s.dates))} de ${s.first} à ${s.last}\u00a0: ` +
    `${documents(s.totalCount, s.total)} jusqu’à ${s.last}. ` +
    `Types principaux\u00a0: ${s.top}. Le tableau donne tous les chiffres.`,
  segment: (type: string, date: string, value: string) => `${type}, ${date}\u00a0: ${value}`,
};

export type StatsMessages = typeof fr;

export const statsMessages = catalog(fr, {
  de: () => import('./document-stats.messages.de.js'),
  en: () => import('./document-stats.messages.en.js'),
  lb: () => import('./document-stats.messages.lb.js'),
});
