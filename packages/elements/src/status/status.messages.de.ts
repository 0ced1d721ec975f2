// The words of <dsp-status> and <dsp-status-list> in German.
import { pluralRulesOf } from '../i18n/count.js';
import type { StatusMessages } from './status.messages.js';

const plural = pluralRulesOf('de');

const de: StatusMessages = {
  loading: 'DSP wird geprüft…',
  mark: {
    open: 'DSP',
    closed: 'DSP geschlossen',
    unknown: 'Kein DSP',
    blocked: 'DSP gesperrt',
    noAccess: 'DSP ohne Zugriff',
    emergency: 'DSP Notfall',
    failed: 'DSP ?',
  },
  record: {
    open: 'DSP offen.',
    closed: 'DSP vom Patienten geschlossen.',
    closedSince: (date) => `DSP vom Patienten geschlossen seit dem ${date}.`,
    unknown: 'Kein DSP für diesen Patienten.',
    failed: 'Der Zustand des DSP konnte nicht gelesen werden.',
  },
  access: {
    own: 'Es ist Ihr DSP.',
    full: 'Ihr Zugriff: vollständig.',
    normal: 'Ihr Zugriff: normal.',
    emergency: (until) => `Ihr Zugriff: Notfallzugriff bis ${until}.`,
    emergencyNoEnd: 'Ihr Zugriff: Notfallzugriff.',
    blocked: 'Ihr Zugriff: vom Patienten gesperrt.',
    'no-grant': 'Der Patient hat Ihnen keinen Zugriff gegeben.',
    'not-own-record': 'Dieser DSP ist nicht Ihrer.',
    agency: 'Nur Zugriff auf die Statistik.',
    other: 'Zugriff verweigert.',
  },
  emergency: {
    available: 'Notfallzugriff möglich.',
    allowed: 'Notfallzugriff erlaubt.',
    refused: 'Notfallzugriff vom Patienten abgelehnt.',
  },
  newSince: (count, formatted) =>
    count === 0
      ? 'Nichts Neues seit Ihrem letzten Besuch.'
      : plural.select(count) === 'one'
        ? `${formatted} neues Dokument seit Ihrem letzten Besuch.`
        : `${formatted} neue Dokumente seit Ihrem letzten Besuch.`,
  newMark: (formatted) => `${formatted} neu`,
  offline: (date) => `Offline: Stand vom ${date}.`,
  offlineMark: 'offline',
  open: 'DSP öffnen.',
};

export default de;
