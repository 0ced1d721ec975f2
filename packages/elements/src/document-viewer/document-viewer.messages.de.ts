// The document viewer's words in German.
import { counter } from '../i18n/count.js';
import type { ViewerMessages } from './document-viewer.messages.js';

const de: ViewerMessages = {
  offline: (when) => `Offline — Dokumente mit Stand vom ${when}.`,
  revalidating: (when) => `Dokumente mit Stand vom ${when}; wird aktualisiert…`,
  closePreview: 'Vorschau schließen',
  previewUnavailable: 'Die Vorschau konnte nicht geladen werden.',
  keysHint: 'Mit den Pfeiltasten nach oben und unten wechseln Sie zwischen den Dokumenten.',
  breakGlass: {
    title: 'Notfallzugriff',
    explain:
      'Im Notfall können Sie diesen DSP öffnen. Der Zugriff wird protokolliert, dem Patienten gemeldet und ist zeitlich begrenzt.',
    reason: 'Grund für den Notfallzugriff (Pflichtfeld)',
    tooShort: 'Geben Sie den Grund mit mindestens 10 Zeichen an.',
    submit: 'Im Notfall öffnen',
    vetoed: 'Die Anwendung hat diesen Notfallzugriff abgelehnt.',
    failed: 'Der Notfallzugriff wurde nicht gewährt.',
    active: (until) =>
      `Notfallzugriff aktiv bis ${until}. Er wird protokolliert und dem Patienten gemeldet.`,
  },
  label: 'DSP-Dokumente',
  loading: 'Dokumente werden geladen…',
  loadingMore: (loaded, total) => `${loaded} von ${total} geladen…`,
  empty: 'Keine Dokumente in diesem DSP.',
  noMatch: 'Kein Dokument entspricht den Filtern.',
  clearFilters: 'Filter zurücksetzen',
  noPatient: 'Kein Patient ausgewählt.',
  count: counter('de', 'Dokument', 'Dokumente', 'von'),
  untitled: 'Dokument ohne Titel',
  unknownType: 'Unbekannter Dokumenttyp',
  unknownDate: 'Datum unbekannt',
  author: (name) => `von ${name}`,
  filed: (date) => `abgelegt am ${date}`,
  withheld: {
    profession: (count) =>
      count === undefined
        ? 'Einige Dokumente dieses DSP werden Ihnen nicht angezeigt: Ihr Beruf hat keinen Zugriff auf ihren Dokumenttyp.'
        : count === 1
          ? '1 Dokument dieses DSP wird Ihnen nicht angezeigt: Ihr Beruf hat keinen Zugriff auf seinen Dokumenttyp.'
          : `${count} Dokumente dieses DSP werden Ihnen nicht angezeigt: Ihr Beruf hat keinen Zugriff auf ihren Dokumenttyp.`,
    other: 'Einige Dokumente dieses DSP werden Ihnen nicht angezeigt.',
  },
  failed: 'Die Dokumente konnten nicht geladen werden.',
  search: 'Suchen',
  type: 'Typ',
  anyType: 'Alle Typen',
  from: 'Von',
  to: 'Bis',
  sort: 'Sortieren',
  sorts: { '-date': 'Neueste zuerst', date: 'Älteste zuerst', type: 'Nach Typ' },
  view: 'Ansicht',
  views: { timeline: 'Chronologie', types: 'Nach Typ', classes: 'Nach Klasse' },
  unknownGroup: 'Sonstige',
  marks: {
    masked: 'Für Fachkräfte ausgeblendet',
    maskedByPatient: 'Vom Patienten ausgeblendet',
    hidden: 'Für den Patienten nicht sichtbar',
  },
};

export default de;
