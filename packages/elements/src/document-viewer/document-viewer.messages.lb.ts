// The document viewer's words in Luxembourgish.
import { counter } from '../i18n/count.js';
import type { ViewerMessages } from './document-viewer.messages.js';

const lb: ViewerMessages = {
  offline: (when) => `Offline — Dokumenter mam Stand vum ${when}.`,
  revalidating: (when) => `Dokumenter mam Stand vum ${when}; gëtt aktualiséiert…`,
  closePreview: 'Virschau zoumaachen',
  previewUnavailable: 'D’Virschau konnt net geluede ginn.',
  keysHint: 'Mat de Pfeiltasten erop an erof wiesselt Dir tëscht den Dokumenter.',
  breakGlass: {
    title: 'Noutfallzougrëff',
    explain:
      'An engem Noutfall kënnt Dir dësen DSP opmaachen. De Zougrëff gëtt protokolléiert, dem Patient gemellt an ass zäitlech limitéiert.',
    reason: 'Grond fir den Noutfallzougrëff (obligatoresch)',
    tooShort: 'Gitt de Grond mat op d’mannst 10 Zeechen un.',
    submit: 'Am Noutfall opmaachen',
    vetoed: 'D’Applikatioun huet dësen Noutfallzougrëff refuséiert.',
    failed: 'Den Noutfallzougrëff gouf net accordéiert.',
    active: (until) =>
      `Noutfallzougrëff leeft bis ${until}. E gëtt protokolléiert an dem Patient gemellt.`,
  },
  label: 'DSP-Dokumenter',
  loading: 'D’Dokumenter gi gelueden…',
  loadingMore: (loaded, total) => `${loaded} vun ${total} gelueden…`,
  empty: 'Keng Dokumenter an dësem DSP.',
  noMatch: 'Keen Dokument entsprécht de Filteren.',
  clearFilters: 'Filteren zrécksetzen',
  noPatient: 'Kee Patient ausgewielt.',
  count: counter('lb', 'Dokument', 'Dokumenter', 'vun'),
  untitled: 'Dokument ouni Titel',
  unknownType: 'Onbekannten Dokumententyp',
  unknownDate: 'Onbekannten Datum',
  author: (name) => `vum ${name}`,
  filed: (date) => `ofgeluecht den ${date}`,
  withheld: {
    profession: (count) =>
      count === undefined
        ? 'E puer Dokumenter vun dësem DSP ginn Iech net gewisen: Äre Beruf huet keen Zougang zu hirem Typ.'
        : count === 1
          ? '1 Dokument vun dësem DSP gëtt Iech net gewisen: Äre Beruf huet keen Zougang zu sengem Typ.'
          : `${count} Dokumenter vun dësem DSP ginn Iech net gewisen: Äre Beruf huet keen Zougang zu hirem Typ.`,
    other: 'E puer Dokumenter vun dësem DSP ginn Iech net gewisen.',
  },
  failed: 'D’Dokumenter konnten net geluede ginn.',
  search: 'Sichen',
  type: 'Typ',
  anyType: 'All Typen',
  from: 'Vum',
  to: 'Bis',
  sort: 'Sortéieren',
  sorts: { '-date': 'Neist als éischt', date: 'Eelst als éischt', type: 'No Typ' },
  view: 'Usiicht',
  views: { timeline: 'Chronologie', types: 'No Typ', classes: 'No Klass' },
  unknownGroup: 'Anerer',
  marks: {
    masked: 'Fir Fachleit verstoppt',
    maskedByPatient: 'Vum Patient verstoppt',
    hidden: 'Fir de Patient net siichtbar',
  },
};

export default lb;
