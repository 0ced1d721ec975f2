// The words of <dsp-status> and <dsp-status-list> in Luxembourgish.
import { pluralRulesOf } from '../i18n/count.js';
import type { StatusMessages } from './status.messages.js';

// Luxembourgish counts as German does (one, other); browsers without `lb` data use `de`'s rules.
const plural = pluralRulesOf('de');

const lb: StatusMessages = {
  loading: 'DSP gëtt iwwerpréift…',
  mark: {
    open: 'DSP',
    closed: 'DSP zou',
    unknown: 'Keen DSP',
    blocked: 'DSP gespaart',
    noAccess: 'DSP ouni Zougrëff',
    emergency: 'DSP Noutfall',
    failed: 'DSP ?',
  },
  record: {
    open: 'DSP op.',
    closed: 'DSP vum Patient zougemaach.',
    closedSince: (date) => `DSP vum Patient zougemaach zënter dem ${date}.`,
    unknown: 'Keen DSP fir dëse Patient.',
    failed: 'Den Zoustand vum DSP konnt net gelies ginn.',
  },
  access: {
    own: 'Et ass Ären DSP.',
    full: 'Ären Zougrëff: komplett.',
    normal: 'Ären Zougrëff: normal.',
    emergency: (until) => `Ären Zougrëff: Noutfallzougrëff bis ${until}.`,
    emergencyNoEnd: 'Ären Zougrëff: Noutfallzougrëff.',
    blocked: 'Ären Zougrëff: vum Patient gespaart.',
    'no-grant': 'De Patient huet Iech keen Zougrëff ginn.',
    'not-own-record': 'Dësen DSP ass net Ären.',
    agency: 'Nëmmen Zougrëff op d’Statistiken.',
    other: 'Zougrëff refuséiert.',
  },
  emergency: {
    available: 'Noutfallzougrëff méiglech.',
    allowed: 'Noutfallzougrëff erlaabt.',
    refused: 'Noutfallzougrëff vum Patient refuséiert.',
  },
  newSince: (count, formatted) =>
    count === 0
      ? 'Näischt Neies zënter Ärem leschte Besuch.'
      : plural.select(count) === 'one'
        ? `${formatted} neit Dokument zënter Ärem leschte Besuch.`
        : `${formatted} nei Dokumenter zënter Ärem leschte Besuch.`,
  newMark: (formatted) => `${formatted} nei`,
  offline: (date) => `Offline: Stand vum ${date}.`,
  offlineMark: 'offline',
  open: 'DSP opmaachen.',
};

export default lb;
